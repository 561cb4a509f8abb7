"""Every Doc extension counterclaim sets, registered once, all under the ``cc_`` prefix.

Values are plain Python (schema models or named tuples) stored in ``doc.user_data``, so Docs
keep them when they cross process boundaries in ``nlp.pipe(n_process=...)``.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = (
    "cc_article",  # model.Article the doc was made from (set by the caller, or built)
    "cc_attributions",  # list[attribution.Attribution]
    "cc_entities",  # list[model.Entity]
    "cc_claims",  # list[model.Claim]
    "cc_relations",  # list[model.Relation]
    "cc_places",  # list[model.Place]
    "cc_toponyms",  # list[places.PlaceMatch]: every toponym with its role (literal, metonym...)
    "cc_times",  # list[model.Time]
    "cc_events",  # list[model.Event]
)


def register() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
