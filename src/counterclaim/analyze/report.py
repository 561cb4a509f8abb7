"""Doc -> ``model.Report``. The only place spaCy objects leave the analyze package."""

from __future__ import annotations

from spacy.tokens import Doc

from .. import model


def to_report(doc: Doc) -> model.Report:
    article: model.Article = doc._.cc_article
    return model.Report(
        article=article,
        entities=doc._.cc_entities or [],
        claims=doc._.cc_claims or [],
        relations=doc._.cc_relations or [],
        events=doc._.cc_events or [],
        places=doc._.cc_places or [],
        times=doc._.cc_times or [],
    )
