"""The story lookup: which stored copy a new article is compared with."""

from __future__ import annotations

import numpy as np

from counterclaim.ledger import syndication
from counterclaim.ledger.tables import articles, lsh_bands, stories

ROWS_SHARED_BY_DECOYS = 7 * syndication.ROWS  # 28 of 64 values: similarity 0.44, below 0.5


def _store(conn, article_id: str, sig: np.ndarray) -> None:
    conn.execute(stories.insert().values(id=article_id, lead_article_id=article_id,
                                         n_articles=1))
    conn.execute(articles.insert().values(id=article_id, text="-", story_id=article_id,
                                          minhash=sig.tobytes(), report={}, added_at="-"))
    conn.execute(lsh_bands.insert(), syndication.band_rows(article_id, sig))


def test_the_copy_sharing_most_bands_is_found_behind_many_partial_matches(ledger):
    """More than MAX_CANDIDATES stored articles share half the new article's bands but are not
    copies; the one real copy, stored last, must still be among the candidates compared."""
    probe = np.arange(1, syndication.NUM_PERM + 1, dtype=np.uint32)
    n_decoys = syndication.MAX_CANDIDATES + 10
    with ledger.engine.begin() as conn:
        for i in range(n_decoys):
            decoy = probe.copy()
            decoy[ROWS_SHARED_BY_DECOYS:] += np.uint32(1000 * (i + 1))
            _store(conn, f"a{i:03d}", decoy)
        copy = probe.copy()
        copy[-1] += np.uint32(7)  # one value edited: similarity 63/64, 13 of 14 bands shared
        _store(conn, "z-copy", copy)
    with ledger.engine.connect() as conn:
        match = syndication.find_story(conn, probe)
    assert match is not None and match.article_id == "z-copy"
    assert match.similarity > 0.9


def test_equal_candidates_resolve_to_the_smallest_id(ledger):
    probe = np.arange(1, syndication.NUM_PERM + 1, dtype=np.uint32)
    with ledger.engine.begin() as conn:
        for article_id in ("m-second", "b-first", "x-third"):
            _store(conn, article_id, probe.copy())
    with ledger.engine.connect() as conn:
        assert syndication.find_story(conn, probe).article_id == "b-first"
