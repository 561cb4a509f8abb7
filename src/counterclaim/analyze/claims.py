"""The ``cc_claims`` component: attributions and the outlet's own sentences become claims.

Sets ``doc._.cc_attributions``, ``doc._.cc_entities`` and ``doc._.cc_claims``.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from .. import model
from . import extensions  # noqa: F401
from .attribution import Attribution, find_attributions
from .cue_parse import WORDS_KEY, read_words
from .attribution_raising import is_outlet_hedge
from .entities import EntityIndex, EntityRecord, build_index
from .quotes import Quote, find_quotes
from .sources import resolve_source
from .spans import CharSpan, overlaps, trim, text_of
from .status import classify

MIN_OUTLET_WORDS = 4
_VERB_POS = frozenset((POS_IDS["VERB"], POS_IDS["AUX"]))


class ClaimsComponent:
    """refine_boundaries: move content boundaries with the learned rankers
    (``attribution_boundary``): +1.1 exact content F1 on PolNeAR dev for ~3 ms CPU per
    sample article (about 3% of throughput); off gives the rules' own spans."""

    def __init__(self, nlp: Language | None = None, name: str = "cc_claims",
                 refine_boundaries: bool = True):
        self.name = name
        self.refine_boundaries = refine_boundaries

    def __call__(self, doc: Doc) -> Doc:
        if doc._.cc_article is None:  # a user's own pipeline: the doc is the whole article
            from ..read import article_id

            doc._.cc_article = model.Article(id=article_id(doc.text), text=doc.text)
        doc.user_data[WORDS_KEY] = read_words(doc)  # the rules' lexicon tests, for this pass
        try:
            return self._annotate(doc)
        finally:
            doc.user_data.pop(WORDS_KEY, None)

    def _annotate(self, doc: Doc) -> Doc:
        attributions = find_attributions(doc, refine=self.refine_boundaries)
        index = build_index(doc)
        quotes = find_quotes(text_of(doc))
        claims = [_attributed_claim(doc, index, a, quotes) for a in attributions]
        claims += _outlet_claims(doc, attributions, quotes)
        claims.sort(key=lambda c: c.span[0])
        for number, claim in enumerate(claims, 1):
            claim.id = f"c{number}"
        doc._.cc_attributions = attributions
        doc._.cc_claims = claims
        doc._.cc_entities = [_entity_model(r) for r in index.records]
        return doc


@Language.factory("cc_claims", assigns=["doc._.cc_claims", "doc._.cc_entities"],
                  requires=["token.dep", "token.lemma", "doc.ents"],
                  default_config={"refine_boundaries": True})
def make_claims(nlp: Language, name: str, refine_boundaries: bool) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, refine_boundaries)


def _attributed_claim(doc: Doc, index: EntityIndex, a: Attribution, quotes: list[Quote]) -> model.Claim:
    resolved = resolve_source(doc, index, a)
    text = _content_text(text_of(doc), a)
    quoted = _quoted_offsets(quotes, a.content)
    context = text_of(doc)[a.sentence[0]:a.sentence[1]]
    context_outside = context.replace(text_of(doc)[a.content[0]:a.content[1]], " ")
    if is_outlet_hedge(a) and a.cue_token is not None:
        # The outlet's own hedged statement: read as an outlet sentence, hedge and all.
        sent = doc[a.cue_token].sent
        start, end = trim(text_of(doc), sent.start_char, sent.end_char)
        result = classify(text=text_of(doc)[start:end], context="", mode="outlet", source_kind="outlet",
                          cue_lemma=None, quoted=_quoted_offsets(quotes, (start, end)), sentence=sent)
    else:
        result = classify(text=text, context=context_outside, mode=a.mode, source_kind=resolved.kind,
                          cue_lemma=a.cue_lemma, quoted=quoted, content=a.content,
                          cue=doc[a.cue_token] if a.cue_token is not None else None)
    source = model.Source(
        text=text_of(doc)[a.source[0]:a.source[1]] if a.source else None,
        span=a.source, entity=resolved.entity.id if resolved.entity else None, kind=resolved.kind,
    )
    cue = model.Cue(text=text_of(doc)[a.cue[0]:a.cue[1]], lemma=a.cue_lemma or "", span=a.cue) if a.cue else None
    return model.Claim(
        id="", text=text, span=a.content, parts=list(a.parts), source=source, cue=cue,
        channel=resolved.channel, mode=a.mode, status=result.status, hedges=result.hedges,
        negated=result.negated,
    )


def _content_text(text: str, a: Attribution) -> str:
    if a.parts:
        return " … ".join(text[s:e].strip() for s, e in a.parts)
    return text[a.content[0]:a.content[1]]


def _quoted_offsets(quotes: list[Quote], span: CharSpan) -> list[CharSpan]:
    """Quoted stretches of the content, relative to its start."""
    start, end = span
    return [(max(q.start, start) - start, min(q.end, end) - start)
            for q in quotes if q.start < end and start < q.end]


def _outlet_claims(doc: Doc, attributions: list[Attribution], quotes: list[Quote]) -> list[model.Claim]:
    """Sentences in the outlet's own voice: no attribution's content or cue overlaps them."""
    article = doc._.cc_article
    dateline = article.dateline.span if article is not None and article.dateline else None
    is_covered = _coverage([a.content for a in attributions] + [a.cue for a in attributions if a.cue])
    pos = doc.to_array([POS]).tolist() if len(doc) else []
    claims = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        if dateline and overlaps((start, end), tuple(dateline)):
            start = max(start, dateline[1])
        start, end = trim(text_of(doc), start, end)
        if end - start <= 0 or is_covered(start, end):
            continue
        text = text_of(doc)[start:end]
        if len(text.split()) < MIN_OUTLET_WORDS or _VERB_POS.isdisjoint(pos[sent.start:sent.end]):
            continue
        result = classify(text=text, context="", mode="outlet", source_kind="outlet", cue_lemma=None,
                          quoted=_quoted_offsets(quotes, (start, end)), sentence=sent)
        claims.append(model.Claim(
            id="", text=text, span=(start, end), source=model.Source(kind="outlet"),
            mode="outlet", status=result.status, hedges=result.hedges, negated=result.negated,
        ))
    return claims


def _coverage(spans: list[CharSpan]):
    """A test of whether a span overlaps any of ``spans``: of those starting before its end
    (a prefix when sorted by start), the furthest-reaching must end after its start."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    furthest = list(accumulate((e for _, e in spans), max))

    def is_covered(start: int, end: int) -> bool:
        k = bisect_left(starts, end)
        return k > 0 and furthest[k - 1] > start
    return is_covered


def _entity_model(record: EntityRecord) -> model.Entity:
    return model.Entity(
        id=record.id, name=record.name, type=record.type, aliases=sorted(record.aliases),
        roles=record.roles, affiliation=record.affiliation, mentions=sorted(set(record.mentions)),
    )
