"""The parse read once as index lists (``spans.doc_tree``) must be the parse spaCy gives.

The components walk children and subtrees through these lists instead of Token objects, so
every list is checked against spaCy's own ``Token.children``, ``.lefts``, ``.rights`` and
``.subtree`` (order included) on invented news text.
"""

from __future__ import annotations

import pytest

from counterclaim.analyze.spans import (char_span_of_subtree, doc_tree, expand_span, forget_caches,
                                        subtree_indices, subtree_order, subtree_tokens, token_at)

TEXT = (
    "DALMAR, March 3 (Ostria Wire) - The Free Highlands Front (FHF) said on Tuesday that its "
    "fighters had taken the ridge above Kessen, a claim the army, which still holds Vorna, "
    "flatly denied. \"We never left the town,\" a spokesman for the 3rd brigade told reporters, "
    "adding that shelling near the market, where at least 12 people were killed, would stop "
    "only when the rebels, who are said to be regrouping, withdraw.\n\n"
    "Neither side could be reached for comment."
)


@pytest.fixture(scope="module")
def doc(nlp):
    with nlp.select_pipes(disable=["counterclaim"]):
        return nlp(TEXT)


def test_tree_lists_match_spacy(doc):
    tree = doc_tree(doc)
    for token in doc:
        i = token.i
        assert tree.heads[i] == token.head.i
        assert list(tree.children[i]) == [c.i for c in token.children]
        assert list(tree.lefts[i]) == [c.i for c in token.lefts]
        assert list(tree.rights[i]) == [c.i for c in token.rights]
        assert tree.starts[i] == token.idx
        assert tree.ends[i] == token.idx + len(token.text)
        assert tree.deps[i] == token.dep


def test_subtrees_match_spacy_in_spacys_order(doc):
    for token in doc:
        assert subtree_order(doc, token.i) == [t.i for t in token.subtree]
        assert subtree_indices(doc, token.i) == sorted(t.i for t in token.subtree)


def test_children_labelled_are_spacys_children_with_those_labels(doc):
    from spacy.strings import get_string_id

    from counterclaim.analyze.spans import children_labelled

    labels = frozenset(get_string_id(d) for d in ("prep", "ccomp", "nsubj"))
    assert any(children_labelled(token, labels) for token in doc)
    for token in doc:
        assert [c.i for c in children_labelled(token, labels)] == [c.i for c in token.children if c.dep in labels]


def test_excluded_subtrees_are_left_out(doc):
    root = next(t for t in doc if t.dep_ == "ROOT" and t.lemma_ == "say")
    clause = next(c for c in root.children if c.dep_ == "ccomp")
    kept = subtree_indices(doc, root.i, frozenset({clause.i}))
    assert not set(kept) & {t.i for t in clause.subtree}
    assert root.i in kept and kept == sorted(kept)
    assert [t.i for t in subtree_tokens(root, frozenset({clause.i}))] == kept
    # The root itself is never excluded.
    assert subtree_indices(doc, root.i, frozenset({root.i})) == sorted(t.i for t in root.subtree)


def test_char_span_of_subtree_is_the_trimmed_contiguous_block(doc):
    denied = next(t for t in doc if t.lower_ == "denied")
    start, end = char_span_of_subtree(denied)
    assert TEXT[start:end].endswith("flatly denied")
    assert not TEXT[start:end][0].isspace()


def test_char_span_of_subtree_edges_path_is_the_block_of_the_subtree(doc):
    from counterclaim.analyze.spans import _block, trim

    tree = doc_tree(doc)
    assert sum(tree.flat) > len(doc) // 2
    for token in doc:
        # No exclusion, each child excluded, and every child but the nearest excluded.
        children = list(tree.children[token.i])
        for exclude in [frozenset(), *(frozenset([c]) for c in children),
                        frozenset(children[1:]) | frozenset(c for c in tree.children[children[0]])
                        if children else frozenset(), frozenset({token.i})]:
            lo, hi = _block(subtree_indices(doc, token.i, exclude), token.i)
            expected = trim(TEXT, tree.starts[lo], tree.ends[hi])
            assert char_span_of_subtree(token, exclude) == expected, (token.i, sorted(exclude))


def test_make_doc_remembers_the_text_spacy_would_join(nlp):
    from counterclaim import model
    from counterclaim.analyze import make_doc
    from counterclaim.analyze.spans import text_of

    article = model.Article(id="a1", text="  " + TEXT + " \t\n\n  “Odd”  spacing\u00a0here ")
    doc = make_doc(nlp, article)
    assert text_of(doc) is article.text
    assert doc.text == article.text
    forget_caches(doc)
    assert text_of(doc) == article.text  # rebuilt by spaCy once forgotten


def test_token_at_reads_offsets_and_forget_drops_the_tree(doc):
    kessen = TEXT.index("Kessen")
    assert token_at(doc, kessen + 2).text == "Kessen"
    assert token_at(doc, TEXT.index("\n\n") + 1).i < token_at(doc, TEXT.index("Neither")).i
    forget_caches(doc)
    assert "_cc_tree" not in doc.user_data
    assert token_at(doc, kessen).text == "Kessen"  # rebuilt on demand


def test_noun_chunks_match_spacy(doc):
    from counterclaim.analyze.spans import _CHUNKS_KEY, noun_chunk_at

    forget_caches(doc)
    assert doc_tree(doc).left_edges == [t.left_edge.i for t in doc]
    assert doc_tree(doc).right_edges == [t.right_edge.i for t in doc]
    spacy_chunks = {c.start: (c.end, c.root.i) for c in doc.noun_chunks}
    assert len(spacy_chunks) > 10
    for start in range(len(doc)):
        assert noun_chunk_at(doc, start) == spacy_chunks.get(start)
    assert doc.user_data[_CHUNKS_KEY] == spacy_chunks
    forget_caches(doc)


def test_noun_chunks_match_spacy_where_arcs_cross(nlp):
    from counterclaim.analyze.spans import _CHUNKS_KEY, noun_chunk_at

    with nlp.select_pipes(disable=["counterclaim"]):
        crossed = nlp("The town has been swollen by families fleeing the fighting in Dalmar, "
                      "which the army says it captured on Monday.")
    assert not all(doc_tree(crossed).flat)  # "which" is the object of "captured"
    noun_chunk_at(crossed, 0)
    assert crossed.user_data[_CHUNKS_KEY] == {c.start: (c.end, c.root.i) for c in crossed.noun_chunks}


def test_expand_span_is_spacys_expanding_char_span(doc):
    # Every offset pair over the text's edges, its spaces, its line break and past its end.
    offsets = range(-2, len(TEXT) + 3)
    for start in offsets[::3]:
        for end in range(start, min(start + 60, len(TEXT) + 3)):
            try:
                expected = doc.char_span(start, end, alignment_mode="expand")
            except (IndexError, ValueError):
                continue
            found = expand_span(doc, start, end)
            bounds = None if found is None else (found.start, found.end)
            assert bounds == (None if expected is None else (expected.start, expected.end)), (start, end)


def test_word_starts_groups_each_word_by_its_lowered_first_two_characters():
    import re

    from counterclaim.analyze.spans import word_starts

    text = TEXT + " Ἀθῆναι ΣΑ 3rd x ſeptember FHF's"
    expected: dict[str, list[int]] = {}
    for word in re.finditer(r"\w+", text):
        expected.setdefault(word.group()[:2].lower(), []).append(word.start())
    assert word_starts(text) == expected
    assert word_starts(text) is word_starts(text)  # kept for the next reader of the same text
    assert word_starts("Vorna") == {"vo": [0]}
