"""Toponym recognition: which spans of a parsed Doc name places, and in what role.

Two sources. spaCy's GPE/LOC/FAC entities are taken as they are. Then runs of
capitalised proper nouns (joined by "of", "de", ...) that the gazetteer knows are added
when the evidence is good enough, since the small model often calls a town PERSON
("Alexandria woman charged") or ORG, or misses it. Evidence, strongest first: a type
word ("Rapides Parish", "Kessen province"), a country/region name, a preposition of
place ("in Dalmar"), a big population. Surnames ("Henry" after "Chiquita Raquel Henry")
and words the text also writes in lower case ("Union", "union") are refused.

Roles: ``literal``; ``metonym`` (subject of a speech verb, "Kenya denied ..."; or a
possessor, "Kenya's president"); ``embedded`` (inside an organisation's name, "Dalmar
City Council"); ``demonym`` ("Ostrian", "Kenyan").
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Optional

from spacy.tokens import Doc, Span

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import normalise
from counterclaim.analyze.places_acronyms import acronym_uses, defined_acronyms, region_codes
from counterclaim.analyze.places_recall import (
    STRUCTURE_WORDS,
    based_in,
    caps_datelines,
    clustered,
    listed,
    party_hometowns,
    repeated,
    split_run_together,
    state_abbreviations,
)
from counterclaim.analyze.places_tokens import TokenTable, token_table
from counterclaim.analyze.places_widen import widen_to_known
from counterclaim.analyze.toponym_evidence import (
    SMALL_TOWN,
    accept_run,
    head_of_name,
    role_of,
    run_evidence,
    tail_of_name,
)
from counterclaim.analyze.toponym_runs import (
    COMPASS_WORDS,
    MAX_NAME_TOKENS,
    OF_TYPE_WORDS,
    gazetteer_runs,
    join_hyphenated,
    strip_span,
    type_word,
)

__all__ = ["Mention", "recognise"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
WIDENED_SOURCES = {"GPE", "LOC", "NORP", "GAZ"}  # names a longer known name may contain
DEMONYM_TAGS = {"JJ", "NNP", "NNPS", "NNS"}


class Mention(NamedTuple):
    span: Span
    source: str  # spaCy label, "GAZ" or "DEMONYM"
    role: str  # literal | metonym | embedded | demonym
    type_word: Optional[str]
    text: str = ""  # span.text, read once (a Span rebuilds it on every access); for a
    # defined acronym ("NSW"), the name it stands for


def _person_words(ents: tuple[Span, ...]) -> set[str]:
    """Words of multi-word PERSON names: "Henry" after "Chiquita Raquel Henry"."""
    return {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _demonym_tokens(doc: Doc, gazetteer: gaz.Gazetteer, taken: set[int],
                    table: TokenTable) -> Iterable[Span]:
    for i in table.cased:
        text = table.text[i]
        if i not in taken and text[:1].isupper() and table.tag[i] in DEMONYM_TAGS:
            if gazetteer.demonym(text):
                yield doc[i : i + 1]


TYPED_NAME_WORDS = {"province", "district", "county", "parish", "valley", "governorate",
                    "region", "oblast", "prefecture", "river", "desert", "mountains"}


def _typed_names(doc: Doc, taken: set[int], table: TokenTable) -> Iterable[Span]:
    """ "Vorna valley", "Kessen province": a capitalised name before a lower-case type word,
    a place even when no gazetteer knows it."""
    if TYPED_NAME_WORDS.isdisjoint(table.lowercase):  # the type words are lower case
        return
    for i, text in enumerate(table.text):
        if text in TYPED_NAME_WORDS and i > 0:
            start = i
            while start > 0 and table.name[start - 1] and start - 1 not in taken:
                start -= 1
            if start < i and i - start <= MAX_NAME_TOKENS:
                yield doc[start:i]


def _region_name(text: str, gazetteer: gaz.Gazetteer) -> bool:
    """A country's or region's own name that is no mere direction ("Northern")."""
    key = normalise(text)
    if all(word in COMPASS_WORDS for word in key.split()):
        return False
    return any(e.feature in {"country", "admin1", "region"} and normalise(e.name) == key
               for e in gazetteer.lookup(text))


def _from_entities(ents: tuple[Span, ...], gazetteer: gaz.Gazetteer) -> Iterable[tuple]:
    """(span, source, role) for the model's places, demonyms and structures."""
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            span = strip_span(ent)
            if span is not None and not span.text[:1].isupper():
                continue  # "n't", "downtown": not a name
            span = join_hyphenated(span, gazetteer) if span is not None else None
            for part in split_run_together(span, gazetteer):
                # an adjective the gazetteer knows as a name is the place used as a
                # modifier ("a Zimbabwe conference", "Calgary residents"), no demonym
                adjective = len(part) == 1 and part[0].pos_ == "ADJ" \
                    and not gazetteer.lookup(part.text)
                demonym = adjective or gazetteer.demonym(part.text)
                yield part, ent.label_, "demonym" if demonym else None
        elif ent.label_ in {"NORP", "PERSON"} and gazetteer.demonym(ent.text):
            yield ent, "NORP", "demonym"  # "Sri Lankan" is often called a PERSON
        elif ent.label_ == "NORP" and type_word(ent) in OF_TYPE_WORDS \
                and _region_name(ent.text, gazetteer):
            yield ent, "GAZ", None  # "the Punjab province": a region, not a people
        elif ent.label_ in {"ORG", "PERSON"} and ent[-1].lower_ in STRUCTURE_WORDS \
                and len(ent) > 1 and ent[0].text[:1].isupper():
            yield strip_span(ent), "FAC", "literal"  # "Royal Street", "Holy Redeemer Church"


def _from_gazetteer(doc: Doc, gazetteer: gaz.Gazetteer, table: TokenTable,
                    ents: tuple[Span, ...], refused: set[str]) -> tuple[list, list]:
    """Accepted gazetteer runs as (span, role), and the refused ones as (span, evidence,
    inside a longer entity) for the later passes."""
    entity_of = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    accepted, waiting = [], []
    for run in gazetteer_runs(doc, gazetteer, table):
        evidence = run_evidence(run, gazetteer)
        ent = entity_of.get(run.start)
        role = accept_run(run, ent, evidence, refused)
        if role is not None and tail_of_name(run, table) and not evidence.strong:
            role = None  # "Council" of "Dublin City Council": the end of a longer name
        elif role == "literal" and head_of_name(run, table) and not evidence.strong:
            role = "embedded"  # "Meridian Wire", "Highland Courier": a newspaper's name
        if role is not None:
            accepted.append((run, role))
        else:
            waiting.append((run, evidence, ent is not None and len(ent) > len(run)))
    return accepted, waiting


def recognise(doc: Doc, gazetteer: gaz.Gazetteer,
              ents: Optional[tuple[Span, ...]] = None) -> list[Mention]:
    """Entity-based and gazetteer-based mentions, non-overlapping, in text order.
    ``ents``: ``doc.ents`` when the caller already has them (spaCy rebuilds them per read)."""
    mentions: list[Mention] = []
    taken: set[int] = set()

    def add(span: Optional[Span], source: str, role: Optional[str] = None,
            text: Optional[str] = None) -> None:
        if span is None or any(i in taken for i in range(span.start, span.end)):
            return
        if text is None and source in WIDENED_SOURCES:
            wide = widen_to_known(span, gazetteer, table, taken)
            if len(wide) > len(span):  # "French" of "French Guiana" is no demonym there
                span, role = wide, (None if role == "demonym" else role)
        taken.update(range(span.start, span.end))
        mentions.append(Mention(span, source, role or role_of(span), type_word(span),
                                text or span.text))

    ents = doc.ents if ents is None else ents
    table = token_table(doc)
    for span, source, role in _from_entities(ents, gazetteer):
        add(span, source, role)
    people = _person_words(ents)
    refused = people | {t.title() for t in table.lowercase}
    accepted, waiting = _from_gazetteer(doc, gazetteer, table, ents, refused)
    for run, role in accepted:
        add(run, "GAZ", role)
    for run in listed(waiting, mentions, table, gazetteer, SMALL_TOWN):
        add(run, "GAZ", "literal")
    # a surname of someone the text names in full is not a village near the story's towns
    plausible = [w for w in waiting if w[0].text not in people]
    for run in clustered(plausible, mentions, gazetteer, SMALL_TOWN):
        add(run, "GAZ", "literal")
    for run, role in repeated(waiting, mentions, people):
        add(run, "GAZ", role)
    for span in caps_datelines(doc, gazetteer, table, taken, SMALL_TOWN):
        add(span, "GAZ", "literal")
    for span in state_abbreviations(doc, table, taken):
        add(span, "GAZ")
    for span in party_hometowns(doc, table, taken, gazetteer):
        add(span, "GAZ", "literal")
    for span in based_in(doc, table, taken, gazetteer):
        add(span, "GAZ", "literal")
    for span in _typed_names(doc, taken, table):
        add(span, "TYPE")
    for span, long_form in acronym_uses(doc, defined_acronyms(mentions, table), table, taken):
        add(span, "GAZ", text=long_form)  # resolved as the name it stands for
    for span, region in region_codes(doc, table, taken, gazetteer, mentions):
        add(span, "GAZ", text=region)
    for span in _demonym_tokens(doc, gazetteer, taken, table):
        add(span, "DEMONYM", "demonym")
    return sorted(mentions, key=lambda m: m.span.start)
