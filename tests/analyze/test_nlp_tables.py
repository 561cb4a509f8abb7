"""The table stand-ins must annotate exactly as spaCy's stock attribute_ruler and lemmatizer."""

from pathlib import Path

import pytest
import spacy
from spacy.attrs import POS
from spacy.pipeline import AttributeRuler, Lemmatizer

from counterclaim.analyze.nlp import _load_spacy, default_model_name, load_nlp
from counterclaim.analyze.nlp_tables import (
    PROBE_TEXT,
    CachedLemmatizer,
    TableAttributeRuler,
    _annotations,
    _same_annotations,
    swap_in_tables,
)
from counterclaim.read import read_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Invented; whitespace tokens, contractions and the ruler's word exceptions.
ODD_TEXT = ("  Gonna say it: we ain't leaving Kessen.\n\n\n  \"I did,\" I said.   Y'all "
            "heard 'em, didn't you? There were 3 convoys; c'mon, let's go!  \t  ")


@pytest.fixture(scope="module")
def pipelines():
    name = default_model_name()
    stock, tables = spacy.load(name), spacy.load(name)
    assert swap_in_tables(tables) == ["attribute_ruler", "lemmatizer"]
    return stock, tables


def _texts() -> list[str]:
    texts = [read_path(path).text for path in sorted(EXAMPLES.glob("*.txt"))]
    return texts + [PROBE_TEXT, ODD_TEXT, "", "   "]


def test_stand_ins_replace_the_stock_components_under_their_names(pipelines):
    _, tables = pipelines
    assert isinstance(tables.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(tables.get_pipe("lemmatizer"), CachedLemmatizer)
    assert tables.pipe_names == spacy.load(default_model_name()).pipe_names


def test_annotations_equal_the_stock_pipeline_on_every_example(pipelines):
    stock, tables = pipelines
    texts = _texts()
    assert len(texts) > 20
    for text, expected, got in zip(texts, stock.pipe(texts), tables.pipe(texts)):
        assert got.to_json() == expected.to_json(), text[:60]
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
        assert [str(t.morph) for t in got] == [str(t.morph) for t in expected]


def test_second_pass_from_warm_caches_gives_the_same_annotations(pipelines):
    stock, tables = pipelines
    first = [_annotations(d) for d in tables.pipe(_texts())]
    again = [_annotations(d) for d in tables.pipe(_texts())]
    assert first == again == [_annotations(d) for d in stock.pipe(_texts())]


def test_a_rule_added_to_the_stock_ruler_is_honoured():
    nlp = spacy.load(default_model_name())
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "dalmar"}]],
                                        {"POS": "PROPN", "LEMMA": "Dalmar-town"})
    assert "attribute_ruler" in swap_in_tables(nlp)
    doc = nlp("Rebels said dalmar had fallen.")
    assert doc[2].pos_ == "PROPN" and doc[2].lemma_ == "Dalmar-town"


def test_multi_token_rules_with_negative_indices_and_overrides_match_the_stock_ruler():
    texts = ["Osei said Kessen talks were a trap, and the FHF said Kessen talks had failed.",
             "Kessen talks. Talks in Kessen."]
    nlp_rules = [
        ([[{"LOWER": "kessen"}, {"LOWER": "talks"}]], {"POS": "X"}, -1),  # last token
        ([[{"LOWER": "talks"}]], {"POS": "NOUN", "LEMMA": "talk-round"}, 0),  # later: wins
        ([[{"LOWER": "kessen"}, {"LOWER": "talks"}]], {"LEMMA": "Kessen-place"}, -2),
    ]
    tables = _stock_and_tables_agree_with_added_rules(nlp_rules, texts)
    assert [t.lemma_ for t in tables(texts[1])][:2] == ["Kessen-place", "talk-round"]


def test_the_multi_token_matcher_runs_only_on_docs_its_patterns_may_match(pipelines):
    """The multi-token rules' Matcher is skipped where no token could start "gon na", "let
    's", an existential "there is" ..., and run (with the stock result) where one could."""
    stock, tables = pipelines
    ruler = tables.get_pipe("attribute_ruler")
    calls = []
    matcher = ruler.multi

    class _Counted:
        def __call__(self, doc, **kwargs):
            calls.append(doc.text)
            return matcher(doc, **kwargs)

    ruler.multi = _Counted()
    try:
        plain = "Rebels said the army had shelled Dalmar."
        odd = "There is a convoy; let's go, y'all."
        for text in (plain, odd):
            assert _annotations(tables(text)) == _annotations(stock(text))
        assert calls == [odd]
    finally:
        ruler.multi = matcher


def test_multi_token_rules_with_operators_and_other_attributes_match_the_stock_ruler():
    """A pattern token with an operator or an attribute the key does not hold cannot rule a
    doc out: such rules still fire as the stock ruler's do."""
    texts = ["Kessen peace talks resumed.", "Kessen talks resumed.", "Talks resumed in Vorna."]
    rules = [
        ([[{"LOWER": "kessen"}, {"LOWER": "peace", "OP": "?"}, {"LOWER": "talks"}]],
         {"POS": "X"}, 0),
        ([[{"ORTH": "Talks"}, {"LOWER": "resumed"}]], {"LEMMA": "talk-round"}, 0),
    ]
    tables = _stock_and_tables_agree_with_added_rules(rules, texts)
    assert [t.pos_ for t in tables(texts[0])][0] == "X"
    assert tables(texts[2])[0].lemma_ == "talk-round"


def test_an_overwriting_lemmatizer_is_followed():
    stock, tables = spacy.load(default_model_name()), spacy.load(default_model_name())
    for nlp in (stock, tables):
        nlp.get_pipe("lemmatizer").overwrite = True  # the ruler's lemmas ("was" -> be) too
    swap_in_tables(tables)
    text = "The convoys were shelled and the bridge was gone."
    assert tables(text).to_json() == stock(text).to_json()


def test_a_ruler_using_other_attributes_keeps_the_stock_component():
    nlp = spacy.load(default_model_name())
    nlp.get_pipe("attribute_ruler").add([[{"SHAPE": "dddd"}]], {"POS": "NUM"})
    assert "attribute_ruler" not in swap_in_tables(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


def test_a_stand_in_that_disagrees_on_the_probe_is_refused():
    nlp = spacy.load(default_model_name())
    stand_in = TableAttributeRuler(nlp.get_pipe("attribute_ruler"))
    # Corrupt the tag-map rule for "." (the probe ends sentences with periods).
    at = next(i for i, rule in enumerate(nlp.get_pipe("attribute_ruler").patterns)
              if rule["patterns"] == [[{"TAG": "."}]])
    number, tests, attrs = stand_in.single[at]
    stand_in.single[at] = (number, tests, {**attrs, POS: nlp.vocab.strings.add("SYM")})
    assert not _same_annotations(nlp, "attribute_ruler", stand_in, [PROBE_TEXT])


def test_the_environment_switch_keeps_spacy_stock(monkeypatch):
    monkeypatch.setenv("COUNTERCLAIM_SPACY_TABLES", "0")
    nlp = _load_spacy(default_model_name())
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer)


def test_the_counterclaim_pipeline_runs_on_the_stand_ins():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    doc = nlp("The FHF said on Monday that its fighters hold every position in Dalmar.")
    assert doc[1].pos_ == "PROPN" and doc[2].lemma_ == "say"


def _stock_and_tables_agree_with_added_rules(rules, texts):
    """Adds the same rules to a stock pipeline and to one with the stand-ins, checks both
    annotate ``texts`` alike and returns the stand-ins' pipeline."""
    stock, tables = spacy.load(default_model_name()), spacy.load(default_model_name())
    for nlp in (stock, tables):
        for patterns, attrs, index in rules:
            nlp.get_pipe("attribute_ruler").add(patterns, attrs, index=index)
    assert "attribute_ruler" in swap_in_tables(tables)
    for expected, got in zip(stock.pipe(texts), tables.pipe(texts)):
        assert got.to_json() == expected.to_json()
    return tables
