"""Headline claims: the attribution analysis run on an article's title, as its own small Doc.

The reader moves a headline off the top of the body into ``Article.title``, so the body's
analysis never sees it, yet many headlines are claims: "FHF camp: Kessen talks are a trap",
"Vorna Council Says Army Shelled Dalmar". The title is parsed alone (the spaCy components
only) and only what a headline claim needs runs on it: ``cc_claims`` (attributions, sources)
and ``cc_loaded`` (loaded terms). Places, events, relations and times have per-Doc costs and
nothing to add to a dozen words; the claim's date is the body's anchor (the dateline or
published date), as for a body claim whose sentence names no day of saying.

A headline in the outlet's own voice ("Rebels shell Dalmar") is not a claim and adds
nothing. Headline claims go to ``Report.headline_claims``, not ``claims``: their spans index
into ``Article.title`` (``field="title"``), and a reader of ``claims`` must be able to trust
that every span there indexes the body. Ids ``h1``, ``h2``...; the source entity is the body's
entity of the same name, if any.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .. import model
from ..errors import CounterclaimError
from .cues import SPEECH_VERBS
from .spans import forget_caches

# A title longer than this is not a headline (HTML metadata can carry anything): skip it.
MAX_HEADLINE_CHARS = 400
log = logging.getLogger(__name__)
HEADLINE_PARTS = ("cc_claims", "cc_loaded")


def headline_parts(nlp: Language) -> list:
    """The counterclaim components a headline runs through, as the pipeline configured them
    (``cc_claims`` keeps its ``refine_boundaries`` setting); empty without ``cc_claims``."""
    if "counterclaim" in nlp.pipe_names:
        parts = {part.name: part for part in nlp.get_pipe("counterclaim").parts}
    else:
        parts = {name: nlp.get_pipe(name) for name in HEADLINE_PARTS if name in nlp.pipe_names}
    if "cc_claims" not in parts:
        return []
    return [parts[name] for name in HEADLINE_PARTS if name in parts]


def spacy_components(nlp: Language) -> list:
    """The pipeline's own spaCy components: everything but counterclaim's."""
    return [proc for name, proc in nlp.pipeline
            if name != "counterclaim" and not name.startswith("cc_")]


def make_title_doc(nlp: Language, article: model.Article) -> Doc | None:
    """A tokenized Doc of the title, carrying a stand-in article whose text is the title;
    None when there is no title to read, or none that could hold a headline claim."""
    title = article.title
    if not title or not title.strip() or len(title) > MAX_HEADLINE_CHARS:
        return None
    if not may_hold_a_claim(nlp, title):
        return None
    doc = nlp.make_doc(title)
    # The article's own metadata, with the title as its text: no dateline, no hashtags yet.
    doc._.cc_article = article.model_copy(
        update={"text": title, "title": None, "dateline": None, "hashtags": []})
    return doc


# A headline claim needs a quote, a "Speaker: ..." colon or a speech verb (_says_something).
_CLAIM_MARKS = re.compile("[:\"\u201c\u201d\u2018\u2019']")
_WORD = re.compile(r"[A-Za-z]+")


def may_hold_a_claim(nlp: Language, title: str) -> bool:
    """Whether a title can yield a claim ``_says_something`` keeps, read off the raw words
    so that most outlet headlines ("Rebels shell Dalmar") skip parsing: a quote or colon,
    or a word some inflection rule of the pipeline's lemmatizer (or its list of irregular
    forms) takes to a speech verb. It may let through titles that then give no claim; it
    must not turn away one that would."""
    if _CLAIM_MARKS.search(title):
        return True
    forms = _speech_forms(nlp)
    return forms is None or any(w.lower() in forms or _rule_lemmas(w.lower()) & SPEECH_VERBS
                                for w in _WORD.findall(title))


def _speech_forms(nlp: Language) -> frozenset[str] | None:
    """Speech verbs and their irregular forms ("said", "told"); None without a lemmatizer
    whose tables say what the irregular forms are (then every title is parsed)."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) \
        if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not lookups.has_table("lemma_exc"):
        return None
    cached = _FORMS.get(id(lookups))
    if cached is None:
        exceptions = lookups.get_table("lemma_exc")
        irregular = {form for pos in ("verb", "noun") for form, lemmas in
                     exceptions.get(pos, {}).items() if SPEECH_VERBS.intersection(lemmas)}
        cached = _FORMS[id(lookups)] = frozenset(SPEECH_VERBS | irregular)
    return cached


_FORMS: dict[int, frozenset[str]] = {}
# English inflection endings, as spaCy's rule lemmatizer strips them for verbs and nouns.
_ENDINGS = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
            ("ing", "e"), ("ing", ""))


def _rule_lemmas(word: str) -> set[str]:
    found = {word[:-len(end)] + base for end, base in _ENDINGS if word.endswith(end)}
    # a doubled consonant before -ed/-ing: "admitted", "committing"
    found |= {stem[:-1] for stem in found if len(stem) > 2 and stem[-1] == stem[-2]}
    return found


def parse_titles(nlp: Language, articles: Sequence[model.Article]) -> list[Doc | None]:
    """Each article's title Doc, parsed in one batch by the spaCy components and annotated by
    the headline parts; None for an article without a title (or a pipeline without claims).

    A headline is extra: if its analysis fails, the batch is retried title by title and a
    failing title is skipped with a warning, so the body's analysis still stands."""
    try:
        return _parse_titles(nlp, articles)
    except CounterclaimError:
        raise  # a time limit or refused input concerns the whole article
    except Exception as error:  # noqa: BLE001 - see the docstring
        if len(articles) > 1:
            return [parse_titles(nlp, [article])[0] for article in articles]
        log.warning("headline of %s not analysed: %s", articles[0].id, error)
        return [None]


def _parse_titles(nlp: Language, articles: Sequence[model.Article]) -> list[Doc | None]:
    parts = headline_parts(nlp)
    docs = [make_title_doc(nlp, a) if parts else None for a in articles]
    present = [d for d in docs if d is not None]
    stream: Iterable[Doc] = present
    for proc in spacy_components(nlp):
        stream = proc.pipe(stream) if hasattr(proc, "pipe") else map(proc, stream)
    parsed = iter(list(stream))
    result = []
    for doc in docs:
        if doc is not None:
            doc = next(parsed)
            for part in parts:
                doc = part(doc)
            forget_caches(doc)
        result.append(doc)
    return result


def headline_claims(title_doc: Doc | None, body_doc: Doc) -> list[model.Claim]:
    """The title Doc's attributed claims, as the article's headline claims."""
    if title_doc is None:
        return []
    claims = [c for c in title_doc._.cc_claims or []
              if c.mode != "outlet" and c.source.kind != "outlet"
              and not _source_has_verb(title_doc, c) and _says_something(title_doc, c)]
    if not claims:
        return []
    names = {e.id: e for e in title_doc._.cc_entities or []}
    anchor = body_doc._.cc_anchor
    day = anchor.isoformat() if isinstance(anchor, date) else None
    body_entities = body_doc._.cc_entities or []
    found = []
    for number, claim in enumerate(claims, 1):
        entity = body_entity_id(names.get(claim.source.entity), claim.source.text, body_entities)
        kind = "named" if entity and claim.source.kind == "unnamed" else claim.source.kind
        source = claim.source.model_copy(update={"entity": entity, "kind": kind})
        found.append(claim.model_copy(update={
            "id": f"h{number}", "field": "title", "source": source, "date": day}))
    return found


def _source_has_verb(doc: Doc, claim: model.Claim) -> bool:
    """A source with a verb in it ("Three medics abducted in Kessen valley; army blames ...")
    is a misparsed telegraphic headline: the words before the cue are a clause of their own,
    not who speaks. (A verb the tagger reads as a noun, "Ministry Rejects", gets through.)"""
    if claim.source.span is None:
        return False
    span = doc.char_span(*claim.source.span, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" for t in span)


def _says_something(doc: Doc, claim: model.Claim) -> bool:
    """A headline's few words mislead the body's rules ("Kessen mourns market dead"): outside
    a quote or a ``Speaker: ...`` line, keep a headline claim only when its cue is a speech
    verb. "X claims <a town>" reports a capture, not speech, so after "claim" the content
    must hold a verb ("claims it shelled ..."). Title Case hides verbs from the tagger
    ("Army Shelled Dalmar" reads as names), so this test is kept to that one verb."""
    if claim.mode == "direct" or claim.cue is None or claim.cue.text.strip() == ":":
        return True
    if claim.cue.lemma not in SPEECH_VERBS:
        return False
    if claim.cue.lemma != "claim":
        return True
    content = doc.char_span(*claim.span, alignment_mode="expand")
    return content is not None and any(
        t.pos_ in ("VERB", "AUX") or t.tag_.startswith(("VB", "MD")) for t in content)


def body_entity_id(entity: model.Entity | None, source_text: str | None,
                   body_entities: list[model.Entity]) -> str | None:
    """The id of the body's entity the headline's source names, if any: the title Doc's entity
    by name or alias, else the source words without a role ("FHF camp", "Osei aides") as the
    name, an alias, the acronym ("FHF": Free Highlands Front) or a person's surname ("Osei")."""
    wanted = _names(entity) if entity is not None else set()
    if source_text:
        wanted.add(_without_roles(source_text))
    wanted.discard("")
    for keys_of in (_names, _short_names):
        for candidate in body_entities:
            if wanted & keys_of(candidate):
                return candidate.id
    return None


_ROLE_WORDS = frozenset({"camp", "campaign", "aide", "aides", "allies", "spokesman",
                         "spokeswoman", "spokesperson", "official", "officials", "adviser",
                         "advisers", "leader", "leaders", "the"})


def _without_roles(text: str) -> str:
    words = [w for w in text.replace("\u2019s", "").replace("'s", "").split()
             if w.casefold() not in _ROLE_WORDS]
    return " ".join(words).casefold()


def _names(entity: model.Entity) -> set[str]:
    return {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}


def _short_names(entity: model.Entity) -> set[str]:
    """The acronym of a name of two or more capitalised words, and a person's surname (or an
    organisation's last word: "Army" of "Ostrian Army")."""
    words = entity.name.split()
    found = set()
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        found.add("".join(w[0] for w in words).casefold())
        if entity.type in ("person", "organization"):  # the small model reads people as orgs
            found.add(words[-1].casefold())
    return found


def add_headline_claims(report: model.Report, title_doc: Doc | None, body_doc: Doc) -> model.Report:
    """The report with the headline's claims in ``headline_claims``."""
    if title_doc is None:
        return report
    report.headline_claims = headline_claims(title_doc, body_doc)
    in_title = title_doc._.cc_article.hashtags  # cc_loaded read them off the title
    report.article.hashtags = list(dict.fromkeys([*report.article.hashtags, *in_title]))
    return report
