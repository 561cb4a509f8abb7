"""The shipped JSON Schema is the one generated from model.py, and every sample validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from counterclaim import model

from samples import example_files

SHIPPED = Path(model.__file__).parent / "schema" / "counterclaim-1.schema.json"


def test_shipped_schema_is_generated_from_the_models():
    assert json.loads(SHIPPED.read_text()) == model.json_schema(), (
        "regenerate with: counterclaim schema > src/counterclaim/schema/counterclaim-1.schema.json")


def test_relation_serialises_from_as_from():
    rel = model.Relation(type="denies", **{"from": "c2"}, to="c1", evidence="denied")
    assert rel.model_dump(by_alias=True)["from"] == "c2"


def test_schema_rejects_unknown_status():
    validator = jsonschema.Draft202012Validator(model.json_schema())
    doc = {"schema": "counterclaim/1", "article": {"id": "x", "text": "t"},
           "claims": [{"id": "c1", "text": "t", "span": [0, 1], "source": {"kind": "outlet"},
                       "mode": "outlet", "status": "rumoured"}]}
    assert list(validator.iter_errors(doc))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_every_sample_validates_and_spans_index_the_text(path, nlp):
    from counterclaim.analyze import analyze_article
    from counterclaim.read import read_path

    report = analyze_article(read_path(path), nlp=nlp)
    document = json.loads(report.to_json())
    jsonschema.Draft202012Validator(model.json_schema()).validate(document)
    assert report.claims, "every sample article has claims"
    assert all(c.field == "title" for c in report.headline_claims)
    for claim in report.all_claims():
        # A headline claim's spans index into the title, every other span into the text.
        text = report.article.title if claim.field == "title" else report.article.text
        start, end = claim.span
        assert 0 <= start < end <= len(text)
        for span in (claim.cue.span if claim.cue else None, claim.source.span, *claim.parts):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        if not claim.parts:
            assert claim.text == text[start:end]
    for entity in report.entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(report.article.text)
