"""Whether a gazetteer run names a place, and in what role: the evidence around it (a type
word, a country or region name, "Town, State", a preposition of place, a big population) and
what the model made of it (a PERSON, an organisation's name, a capitalised first word).
Surnames and words the text also writes in lower case need strong evidence.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from spacy.tokens import Span

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.places_recall import written_in
from counterclaim.analyze.places_tokens import TokenTable
from counterclaim.analyze.toponym_runs import TYPE_WORDS, strip_span, type_word

SPEECH_VERBS = {
    "say", "deny", "claim", "announce", "accuse", "reject", "condemn", "warn", "insist",
    "urge", "demand", "threaten", "vow", "respond", "state", "report", "confirm", "blame",
    "dismiss", "allege", "agree", "refuse", "argue", "call", "tell", "declare", "protest",
    "welcome", "criticize", "criticise", "sign", "recognize", "recognise", "sanction",
}
PLACE_PREPS = {"in", "at", "near", "from", "to", "outside", "into", "across", "around",
               "toward", "towards", "through", "between", "of", "inside", "throughout",
               "on", "via", "along", "beyond", "within"}
BIG_TOWN = 50_000  # a capitalised name with no other evidence must be at least this big
SMALL_TOWN = 500  # ... or this big with a preposition of place before it
MODIFIER_TOWN = 5_000  # ... or this big modifying a noun ("Roselle police")
PERSON_NAMED_CITY = 100_000  # a lone "PERSON" this big, not named in full anywhere, is the city
EMBEDDED_TOWN = 10_000  # a town opening an organisation's name: "Dublin Historical Society"
BIG_REGION = 200_000  # a first-level region's name is evidence enough above this size


def _prep_before(span: Span) -> bool:
    """ "in Dalmar", and "in Kessen and Dalmar" through the conjunction."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in PLACE_PREPS:
        return True
    head = span.root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


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


class Evidence(NamedTuple):
    strong: bool  # a type word, a country/region name, or "Town, State"
    population: int  # biggest candidate that needs no type word
    prep: bool


def run_evidence(run: Span, gazetteer: gaz.Gazetteer) -> Evidence:
    typed = type_word(run) is not None
    text = run.text  # a Span joins its words again on every read
    entries = gazetteer.lookup(text)
    if text.isupper() and len(text) <= 5:
        # "UN", "HIV", "FAO" are organisations and diseases; "US", "UK", "EU" are places
        entries = [e for e in entries if e.feature in {"country", "region"}]
    # bare "Henry" is an alias of Henry County: count counties only when so written
    usable = [e for e in entries if typed or e.feature != "admin2"]
    # a country or big region is evidence; the Isle of Man's parish "Michael" is not
    broad = any(e.feature in {"country", "region"} or
                (e.feature == "admin1" and e.population >= BIG_REGION) for e in usable)
    population = max((e.population for e in usable), default=0)
    written = not broad and written_in(run, usable, gazetteer)
    return Evidence(typed or broad or written, population, _prep_before(run))

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


def tail_of_name(run: Span, table: TokenTable) -> bool:
    """The run continues a capitalised name with no break before it."""
    before = run.start - 1
    return before >= 0 and table.name[before] and table.ws[before] == " "


def head_of_name(run: Span, table: TokenTable) -> bool:
    """The run opens a longer capitalised name: a proper noun follows with no break."""
    after = run.end
    return (after < len(table.text) and table.ws[after - 1] == " " and table.name[after]
            and table.tag[after] in {"NNP", "NNPS"})


def accept_run(run: Span, ent: Optional[Span], ev: Evidence, refused: set[str]) -> Optional[str]:
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
                    after_of and ev.population >= BIG_TOWN) or ev.population >= PERSON_NAMED_CITY:
                return "embedded"  # and "Metro Vancouver", "Real Madrid" anywhere
            return None
    if ent is not None and ent.label_ == "PERSON":
        if role_of(run) == "metonym" and not ev.strong:
            return None  # "Flores said": a person
        clue = ev.prep or _between_commas(run) or _modifies_noun(run)
        if ev.strong or (clue and ev.population >= SMALL_TOWN) or ev.population >= PERSON_NAMED_CITY:
            return role_of(run)
        return None
    if ev.strong or (ev.prep and ev.population >= SMALL_TOWN) or ev.population >= BIG_TOWN:
        return role_of(run)
    if _modifies_noun(run) and ev.population >= MODIFIER_TOWN:
        return role_of(run)
    if _between_commas(run) and ev.population >= SMALL_TOWN:
        return role_of(run)
    return None
