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
from counterclaim.analyze.places_recall import (
    STRUCTURE_WORDS,
    acronym_uses,
    based_in,
    caps_datelines,
    clustered,
    defined_acronyms,
    listed,
    party_hometowns,
    region_codes,
    repeated,
    split_run_together,
    state_abbreviations,
    widen_to_known,
    written_in,
)
from counterclaim.analyze.places_tokens import TokenTable, is_name_token, joined, token_table

__all__ = ["Mention", "recognise", "gazetteer_runs", "is_name_token", "role_of", "type_word",
           "strip_span", "TYPE_WORDS", "COMPASS_WORDS"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
WIDENED_SOURCES = {"GPE", "LOC", "NORP", "GAZ"}  # names a longer known name may contain
SPEECH_VERBS = {
    "say", "deny", "claim", "announce", "accuse", "reject", "condemn", "warn", "insist",
    "urge", "demand", "threaten", "vow", "respond", "state", "report", "confirm", "blame",
    "dismiss", "allege", "agree", "refuse", "argue", "call", "tell", "declare", "protest",
    "welcome", "criticize", "criticise", "sign", "recognize", "recognise", "sanction",
}
# "X province" wording: the word, the feature it implies, the precision it allows
TYPE_WORDS = {
    "province": ("admin1", 3), "state": ("admin1", 3), "region": ("admin1", 3),
    "governorate": ("admin1", 3), "oblast": ("admin1", 3), "prefecture": ("admin1", 3),
    "district": ("admin2", 2), "county": ("admin2", 2), "parish": ("admin2", 2),
    "municipality": ("admin2", 2), "department": ("admin1", 3), "counties": ("admin2", 2),
    "valley": ("natural", 2), "river": ("natural", 2), "mountains": ("natural", 2),
    "mountain": ("natural", 2), "lake": ("natural", 2), "desert": ("natural", 2),
    "city": ("city", 1), "town": ("city", 1), "village": ("locality", 1),
}
# "the state of X" (not "the city of X": GeoNames calls a town a city by its size only)
OF_TYPE_WORDS = {"state", "province", "region", "governorate", "oblast", "prefecture", "county",
                 "district"}
PLACE_PREPS = {"in", "at", "near", "from", "to", "outside", "into", "across", "around",
               "toward", "towards", "through", "between", "of", "inside", "throughout",
               "on", "via", "along", "beyond", "within"}
DEMONYM_TAGS = {"JJ", "NNP", "NNPS", "NNS"}
NAME_LINKS = {"of", "de", "del", "la", "le", "al", "el", "upon", "on", "the", "du", "des"}
MAX_NAME_TOKENS = 5
BIG_TOWN = 50_000  # a capitalised name with no other evidence must be at least this big
SMALL_TOWN = 500  # ... or this big with a preposition of place before it
MODIFIER_TOWN = 5_000  # ... or this big modifying a noun ("Roselle police")
BIG_CITY = 100_000  # a lone "PERSON" this big, not named in full anywhere, is the city
EMBEDDED_TOWN = 10_000  # a town opening an organisation's name: "Dublin Historical Society"
BIG_REGION = 200_000  # a first-level region's name is evidence enough above this size


class Mention(NamedTuple):
    span: Span
    source: str  # spaCy label, "GAZ" or "DEMONYM"
    role: str  # literal | metonym | embedded | demonym
    type_word: Optional[str]
    text: str = ""  # span.text, read once (a Span rebuilds it on every access); for a
    # defined acronym ("NSW"), the name it stands for


def strip_span(span: Span) -> Optional[Span]:
    """Drop a leading "the" and a trailing possessive or dot from an entity span."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "'s", "’s"}:
        start += 1
    while end > start and span.doc[end - 1].lower_ in {"'s", "’s", "'"}:
        end -= 1
    return span.doc[start:end] if end > start else None


COMPASS_WORDS = {"north", "south", "east", "west", "central", "northern", "southern",
                 "eastern", "western", "upper", "lower", "new", "great", "northeast",
                 "northwest", "southeast", "southwest", "mid", "greater"}


def join_hyphenated(span: Span, gazetteer: gaz.Gazetteer) -> Span:
    """ "Guinea-Bissau", "Trinidad and Tobago", "Democratic Republic of the Congo": widen
    a span over a hyphen, "and" or "of (the)" when the whole is a known name."""
    doc = span.doc
    start, end = span.start, span.end
    if end + 1 < len(doc) and doc[end].lower_ in JOINERS and doc[end + 1].text[:1].isupper():
        if normalise(doc[start : end + 2].text) in gazetteer.names:
            end += 2
    if start >= 2 and doc[start - 1].lower_ in JOINERS and doc[start - 2].text[:1].isupper():
        if normalise(doc[start - 2 : end].text) in gazetteer.names:
            start -= 2
    return doc[start:_of_tail(doc, start, end, gazetteer)]


def _of_tail(doc: Doc, start: int, end: int, gazetteer: gaz.Gazetteer) -> int:
    """ "Democratic Republic" + "of the Congo": the end of the longest known name that
    continues the span through "of (the)"."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return end
    after = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
    for stop in range(min(len(doc), after + 3), after, -1):
        if all(t.text[:1].isupper() for t in doc[after:stop]) \
                and normalise(doc[start:stop].text) in gazetteer.names:
            return stop
    return end


JOINERS = {"-", "and", "&"}


def _country_ending_in_word(table: TokenTable, gazetteer: gaz.Gazetteer, i: int,
                            j: int) -> bool:
    """ "the Holy See": a country's name may end in a capitalised stop word."""
    return (j - 1 > i and table.text[j - 1][:1].isupper()
            and any(e.feature == "country" for e in gazetteer.lookup(joined(table, i, j))))


def gazetteer_runs(doc: Doc, gazetteer: gaz.Gazetteer,
                   table: Optional[TokenTable] = None) -> Iterable[Span]:
    """Longest runs of capitalised proper nouns the gazetteer knows, left to right."""
    table = table or token_table(doc)
    names, lower, n = table.name, table.lower, len(table.text)
    i = 0
    while i < n:
        found = 0
        if names[i]:
            for j in range(min(n, i + MAX_NAME_TOKENS), i, -1):
                ends_with_type = lower[j - 1] in TYPE_WORDS and j - 1 > i
                if not (names[j - 1] or ends_with_type
                        or _country_ending_in_word(table, gazetteer, i, j)):
                    continue
                if any(not names[k] and lower[k] not in NAME_LINKS for k in range(i + 1, j - 1)):
                    continue
                if j - i == 1 and lower[i] in COMPASS_WORDS:
                    continue  # "North" alone is a direction, "North Dakota" a place
                if normalise(joined(table, i, j)) in gazetteer.names:
                    found = j
                    break
        if found:
            yield doc[i:found]
            i = found
        else:
            i += 1


def _prep_before(span: Span) -> bool:
    """ "in Dalmar", and "in Kessen and Dalmar" through the conjunction."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in PLACE_PREPS:
        return True
    head = span.root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


def type_word(span: Span) -> Optional[str]:
    """ "X province", "X River", or "the state of X"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in TYPE_WORDS:
        return doc[span.end].lower_
    if len(span) > 1 and span[-1].lower_ in TYPE_WORDS:
        return span[-1].lower_
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        word = doc[span.start - 2].lower_
        if word in OF_TYPE_WORDS:
            return word
    return None


def _between_commas(span: Span) -> bool:
    doc = span.doc
    return (span.start > 0 and doc[span.start - 1].text == ","
            and (span.end == len(doc) or doc[span.end].text in {",", "."}))


def _modifies_noun(span: Span) -> bool:
    """ "Alexandria woman", "the Gainesville sewer system": a name modifying a noun."""
    root = span.root
    return (root.dep_ in {"compound", "nmod"} and root.head.i >= span.end
            and root.head.pos_ in {"NOUN", "PROPN"})


def role_of(span: Span) -> str:
    """Metonym when the place is the subject of a speech verb or owns something."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in SPEECH_VERBS:
        return "metonym"
    if root.dep_ == "poss" or any(t.lower_ in {"'s", "’s"} for t in root.children):
        return "metonym"
    return "literal"


class _Evidence(NamedTuple):
    strong: bool  # a type word, a country/region name, or "Town, State"
    population: int  # biggest candidate that needs no type word
    prep: bool


def _evidence(run: Span, gazetteer: gaz.Gazetteer) -> _Evidence:
    typed = type_word(run) is not None
    entries = gazetteer.lookup(run.text)
    if run.text.isupper() and len(run.text) <= 5:
        # "UN", "HIV", "FAO" are organisations and diseases; "US", "UK", "EU" are places
        entries = [e for e in entries if e.feature in {"country", "region"}]
    # bare "Henry" is an alias of Henry County: count counties only when so written
    usable = [e for e in entries if typed or e.feature != "admin2"]
    # a country or big region is evidence; the Isle of Man's parish "Michael" is not
    broad = any(e.feature in {"country", "region"} or
                (e.feature == "admin1" and e.population >= BIG_REGION) for e in usable)
    population = max((e.population for e in usable), default=0)
    written = not broad and written_in(run, usable, gazetteer)
    return _Evidence(typed or broad or written, population, _prep_before(run))


def _person_words(ents: tuple[Span, ...]) -> set[str]:
    """Words of multi-word PERSON names: "Henry" after "Chiquita Raquel Henry"."""
    return {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _starts_sentence(span: Span) -> bool:
    if span.start == 0:
        return True
    if not span.doc.has_annotation("SENT_START"):
        return span.doc[span.start - 1].text in {".", "!", "?", "\n"}
    return span.doc[span.start].is_sent_start


def _is_dateline(run: Span) -> bool:
    """ "TORRINGTON — City Council ...", "BEIRUT: ...": a capitals dateline."""
    doc = run.doc
    return (run.text.isupper() and _starts_sentence(run) and run.end < len(doc)
            and doc[run.end].text in {"—", "–", "-", "--", ":", ",", "("})


def _tail_of_name(run: Span, table: TokenTable) -> bool:
    """The run continues a capitalised name with no break before it."""
    before = run.start - 1
    return before >= 0 and table.name[before] and table.ws[before] == " "


def _head_of_name(run: Span, table: TokenTable) -> bool:
    """The run opens a longer capitalised name: a proper noun follows with no break."""
    after = run.end
    return (after < len(table.text) and table.ws[after - 1] == " " and table.name[after]
            and table.tag[after] in {"NNP", "NNPS"})


def _accept_run(run: Span, ent: Optional[Span], ev: _Evidence, refused: set[str]) -> Optional[str]:
    """The role of a gazetteer run, or None to refuse it."""
    if len(run) == 1 and run[0].lower_ in TYPE_WORDS:
        return None  # "Region 4", "the District": a kind of place, not its name
    if _is_dateline(run) and ev.population >= SMALL_TOWN:
        return "literal"
    if run.text in refused and not (ev.strong or ev.prep):
        return None
    common = all(t.tag_ in {"NN", "NNS"} for t in run)
    if common and _starts_sentence(run) and not (ev.strong or _modifies_noun(run)):
        return None  # a capitalised first word: "Reading", "Mobile", "Nice"
    if ent is not None and len(ent) > len(run):
        if ent.label_ == "PERSON":
            return None if not ev.strong else "literal"
        if ent.label_ in {"ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"}:
            # "the Dublin Historical Society", "University of Alabama"; not "Chamber of
            # Commerce" nor "Lake Superior"
            first = strip_span(ent)
            leads = first is not None and run.start == first.start
            after_of = run.start > ent.start and run.doc[run.start - 1].lower_ == "of"
            if ev.strong or (leads and ev.population >= EMBEDDED_TOWN) or (
                    after_of and ev.population >= BIG_TOWN) or ev.population >= BIG_CITY:
                return "embedded"  # and "Metro Vancouver", "Real Madrid" anywhere
            return None
    if ent is not None and ent.label_ == "PERSON":
        if role_of(run) == "metonym" and not ev.strong:
            return None  # "Flores said": a person
        clue = ev.prep or _between_commas(run) or _modifies_noun(run)
        if ev.strong or (clue and ev.population >= SMALL_TOWN) or ev.population >= BIG_CITY:
            return role_of(run)
        return None
    if ev.strong or (ev.prep and ev.population >= SMALL_TOWN) or ev.population >= BIG_TOWN:
        return role_of(run)
    if _modifies_noun(run) and ev.population >= MODIFIER_TOWN:
        return role_of(run)
    if _between_commas(run) and ev.population >= SMALL_TOWN:
        return role_of(run)
    return None


def _demonym_tokens(doc: Doc, gazetteer: gaz.Gazetteer, taken: set[int],
                    table: TokenTable) -> Iterable[Span]:
    for i, text in enumerate(table.text):
        if i not in taken and text[:1].isupper() and table.tag[i] in DEMONYM_TAGS:
            if gazetteer.demonym(text):
                yield doc[i : i + 1]


TYPED_NAME_WORDS = {"province", "district", "county", "parish", "valley", "governorate",
                    "region", "oblast", "prefecture", "river", "desert", "mountains"}


def _typed_names(doc: Doc, taken: set[int], table: TokenTable) -> Iterable[Span]:
    """ "Vorna valley", "Kessen province": a capitalised name before a lower-case type word,
    a place even when no gazetteer knows it."""
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
        evidence = _evidence(run, gazetteer)
        ent = entity_of.get(run.start)
        role = _accept_run(run, ent, evidence, refused)
        if role is not None and _tail_of_name(run, table) and not evidence.strong:
            role = None  # "Council" of "Dublin City Council": the end of a longer name
        elif role == "literal" and _head_of_name(run, table) and not evidence.strong:
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
    refused = people | {t.title() for t in table.text if t.islower()}
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
