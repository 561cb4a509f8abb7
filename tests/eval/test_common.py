"""Span matching and scoring on tiny hand-written gold (invented texts)."""

import pytest

from counterclaim.eval.common import (
    Attribution, Counts, OffsetMap, SpanIndex, component_spans, match_spans, resolve_data_dir,
    score_document, triple_weight,
)

TEXT = ('Kessen officials said on Monday that "the Dalmar road is open again," '
        'but the Free Highlands Front denied it.')


def span(text: str, phrase: str, after: str = "") -> tuple[tuple[int, int]]:
    """The one-fragment span of ``phrase`` (first occurrence after ``after``)."""
    start = text.index(after + phrase) + len(after)
    return ((start, start + len(phrase)),)


def test_exact_ignores_quotes_punctuation_and_whitespace():
    index = SpanIndex(TEXT)
    gold = span(TEXT, '"the Dalmar road is open again,"')
    predicted = span(TEXT, ' "the Dalmar road is open again')
    assert match_spans(index, [gold], [predicted], "exact") == [(0, 0)]


def test_exact_rejects_a_longer_span_that_partial_accepts():
    index = SpanIndex(TEXT)
    gold = span(TEXT, "the Dalmar road is open again")
    predicted = span(TEXT, 'that "the Dalmar road is open again')
    assert match_spans(index, [gold], [predicted], "exact") == []
    assert match_spans(index, [gold], [predicted], "partial") == [(0, 0)]


def test_partial_needs_half_of_the_tokens_in_common():
    index = SpanIndex(TEXT)
    gold = span(TEXT, "the Dalmar road is open again")  # 6 tokens
    three_of_six = span(TEXT, "the Dalmar road")  # Jaccard 3/6 = 0.5
    two_of_six = span(TEXT, "the Dalmar")  # Jaccard 2/6
    assert match_spans(index, [gold], [three_of_six], "partial") == [(0, 0)]
    assert match_spans(index, [gold], [two_of_six], "partial") == []


def test_tokens_are_positions_not_words():
    text = "Vorna is calm. Vorna is calm."
    index = SpanIndex(text)
    first = ((0, 13),)
    second = ((15, 28),)
    assert match_spans(index, [first], [second], "partial") == []


def test_matching_is_one_to_one():
    index = SpanIndex(TEXT)
    gold = span(TEXT, "Kessen officials")
    twice = [gold, ((0, 16),)]
    pairs = match_spans(index, [gold], twice, "exact")
    assert len(pairs) == 1


def test_assignment_maximises_matched_pairs_not_greedy_best():
    text = "alpha beta gamma delta epsilon"
    index = SpanIndex(text)
    gold_a = span(text, "alpha beta gamma")
    gold_b = span(text, "beta gamma delta epsilon")
    wide = span(text, "alpha beta gamma delta")  # best for gold_a (3/4), fits gold_b (3/5)
    narrow = span(text, "alpha beta")  # fits gold_a only (2/3)
    pairs = match_spans(index, [gold_a, gold_b], [wide, narrow], "partial")
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_discontinuous_gold_matches_exactly_only_the_same_pieces():
    text = '"Dalmar is quiet," the mayor said. "Kessen is not."'
    index = SpanIndex(text)
    first, second = span(text, '"Dalmar is quiet,"'), span(text, '"Kessen is not."')
    gold = first + second
    whole_range = ((0, len(text)),)
    assert match_spans(index, [gold], [(second[0], first[0])], "exact") == [(0, 0)]
    assert match_spans(index, [gold], [whole_range], "exact") == []
    # 6 content tokens out of the 9 in the whole range: still a partial match.
    assert match_spans(index, [gold], [whole_range], "partial") == [(0, 0)]


def test_fragments_split_by_punctuation_only_equal_one_span():
    text = "the mayor of Vorna, Ada Brel, said"
    index = SpanIndex(text)
    pieces = (span(text, "the mayor of Vorna")[0], span(text, "Ada Brel")[0])
    assert index.exact_key(pieces) == index.exact_key(span(text, "the mayor of Vorna, Ada Brel"))


def test_counts_give_precision_recall_f1():
    counts = Counts(matched=2, predicted=4, gold=8) + Counts(1, 2, 0)
    assert counts == Counts(3, 6, 8)
    assert counts.precision == pytest.approx(0.5)
    assert counts.recall == pytest.approx(3 / 8)
    assert counts.f1 == pytest.approx(2 * 0.5 * 0.375 / 0.875)
    assert Counts().f1 == 0.0


def _attribution(source, cue, content, text=TEXT):
    return Attribution(source=span(text, source) if source else None,
                       cue=span(text, cue), content=span(text, content))


GOLD = _attribution("Kessen officials", "said", "the Dalmar road is open again")


def test_triple_matches_when_all_three_match_partially():
    predicted = _attribution("officials", "said on", '"the Dalmar road is open again,"')
    assert triple_weight(SpanIndex(TEXT), GOLD, predicted) > 0


def test_triple_fails_on_a_wrong_source():
    predicted = _attribution("the Free Highlands Front", "said", "the Dalmar road is open")
    assert triple_weight(SpanIndex(TEXT), GOLD, predicted) == 0


def test_triple_missing_source_matches_only_missing_source():
    text = "It is said that the Vorna bridge fell. Rebels said that the Vorna bridge fell."
    index = SpanIndex(text)
    gold = Attribution(None, span(text, "It is said"), span(text, "the Vorna bridge fell"))
    sourceless = Attribution(None, span(text, "It is said"), span(text, "the Vorna bridge fell"))
    sourced = Attribution(span(text, "It"), span(text, "It is said"),
                          span(text, "the Vorna bridge fell"))
    assert triple_weight(index, gold, sourceless) > 0
    assert triple_weight(index, gold, sourced) == 0


def test_shared_source_counts_once_per_component():
    first = _attribution("Kessen officials", "said", "the Dalmar road is open again")
    second = _attribution("Kessen officials", "said", "Free Highlands Front denied it")
    assert len(component_spans([first, second], "source")) == 1
    assert len(component_spans([first, second], "content")) == 2


def test_score_document_counts_each_component_and_the_triple():
    wrong_source = _attribution("Free Highlands Front", "said", "the Dalmar road is open again")
    counts = score_document(TEXT, [GOLD], [wrong_source])
    assert counts["content/exact"] == Counts(1, 1, 1)
    assert counts["cue/partial"] == Counts(1, 1, 1)
    assert counts["source/partial"] == Counts(0, 1, 1)
    assert counts["triple"] == Counts(0, 1, 1)


def test_offset_map_shifts_a_body_found_verbatim():
    raw = "Ostria truce talks\n\nKessen officials said the road is open.\n"
    clean = "Kessen officials said the road is open."
    mapping = OffsetMap(clean, raw)
    start, end = mapping.span(*span(clean, "the road")[0])
    assert raw[start:end] == "the road"


def test_offset_map_aligns_a_body_with_collapsed_whitespace():
    raw = "Kessen  officials\n said   the road\tis open."
    clean = "Kessen officials said the road is open."
    mapping = OffsetMap(clean, raw)
    start, end = mapping.span(*span(clean, "said the road is")[0])
    assert raw[start:end] == "said   the road\tis"


def test_punctuation_only_cue_matches_itself_not_other_punctuation():
    text = "Poll: Vorna voters back the truce, Kessen does not"
    index = SpanIndex(text)
    colon, comma = span(text, ":"), span(text, ",")
    for mode in ("exact", "partial"):
        assert match_spans(index, [colon], [colon], mode) == [(0, 0)]
        assert match_spans(index, [colon], [comma], mode) == []


def test_offset_map_spans_a_replaced_character():
    raw = "Ostria\n\nKessen\xa0officials said so."
    clean = "Kessen officials said so."  # title dropped, no-break space normalised
    mapping = OffsetMap(clean, raw)
    start, end = mapping.span(*span(clean, "Kessen officials")[0])
    assert raw[start:end] == "Kessen\xa0officials"


def test_data_dir_falls_back_to_the_repository_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found = resolve_data_dir("tests/data/status")
    assert found.is_dir() and found.is_absolute()
