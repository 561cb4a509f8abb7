"""The ``cc_events`` component: who did what to whom, where and when, in ACLED's taxonomy.

Each event trigger (``eventtypes.py``: "shelled", "a drone strike on the market", "clashes")
becomes one ``model.Event``:

- **actors / targets**: the agent and the patient of the trigger in the dependency parse
  (subject or ``by``-agent; object, passive subject or ``on``/``against``/``of``/``with``
  complement; for nouns the possessor, ``by`` phrase or the subject of a light verb such as
  "carried out"), resolved to ``doc._.cc_entities`` through their mentions. A pronoun in
  reported speech ("it", "we") stands for the speaker's organisation. Civilians and
  buildings have no entity, so such targets stay empty.
- **place**: a literal place (``doc._.cc_places``) mentioned in the trigger's clause, else
  in its sentence; cities before regions before countries.
- **date**: a time (``doc._.cc_times``) in the clause, else the claim's date, else the
  article's anchor. ``date_precision`` follows ACLED's ``time_precision``: 1 a day, 2 a
  week or a range within one (and a date taken from the claim, which only bounds when the
  event happened), 3 a month or vaguer.
- **claim / status**: the innermost claim whose content holds the trigger, so a source and
  its status travel with the event; ``denied`` when a relation denies that claim, the claim
  is a denial or it negates the trigger ("the army said it did not shell Kessen"),
  ``disputed`` when a relation says it is contradicted. A negated trigger in the outlet's
  own voice is no event.
- **fatalities**: death figures in the event's claim ("killing at least 17 civilians"), each
  kept with its claim and claimant, so rival tolls stay side by side. A figure in a claim
  without an event goes to the latest violent event in the five sentences before it.

Triggers and their arguments come from ``eventtriggers.py`` (one event per predicate), the
lexicon from ``eventtypes.py``, death figures from ``eventtolls.py``, the anchoring to
entities, claims, places and times from ``eventanchors.py``. A later mention of an
event ("the strike", "this is a massacre", "10 civilians killed in Kessen") is folded into
the fullest earlier telling of it, so its figure and claimant join that event.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import LIKE_NUM
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .. import model
from . import eventtypes as et
from . import extensions  # noqa: F401  (registers doc._.cc_events)
from .eventanchors import (DocFacts, clause_of, event_status, fallback_date, is_negated,
                           is_place_target, precision_of)
from .eventtolls import NUMBER_WORDS, Figure, death_figures
from .eventtriggers import Trigger, arguments, find_triggers
from .spans import (CharSpan, doc_tree, expand_span, sentence_bounds, sentence_of,
                    subtree_indices, text_of, trim)

ORPHAN_REACH = 5  # sentences back a figure without an event may look for one


class EventMatch(NamedTuple):
    """One event found in a Doc, before it gets an id. ``depth``: the trigger's distance
    from its sentence root, which ranks events when one must stand for a sentence."""

    trigger: int
    kind: et.Kind
    span: CharSpan
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    date: str | None
    date_precision: int | None
    claim: model.Claim | None
    status: str
    depth: int


def _fatalities(figure: Figure, claim: model.Claim | None) -> model.Fatalities:
    return model.Fatalities(count=figure.count, text=figure.text,
                            claimant=claim.source.entity if claim else None,
                            claim=claim.id if claim else None)


# --- assembling ------------------------------------------------------------------------


def find_events(doc: Doc) -> list[tuple[EventMatch, list[model.Fatalities]]]:
    """Every event of ``doc`` in text order, with the death figures each claim gives.

    doc (Doc): parsed, with ``cc_claims`` (and optionally ``cc_relations``, ``cc_places``,
        ``cc_times``) already run.
    RETURNS: (event, fatalities) pairs; fatalities keep their claim and claimant.
    """
    facts = DocFacts(doc)
    events, alias = [], {}
    for trigger in find_triggers(doc):
        event = _event(facts, trigger.token, trigger.kind)
        if event is None:
            continue
        antecedent = _antecedent(event, trigger, events)
        if antecedent is not None:
            alias[event.trigger] = antecedent.trigger
        elif not any(e.trigger == event.trigger for e in events):
            events.append(event)
    tolls: dict[int, list[model.Fatalities]] = {e.trigger: [] for e in events}
    candidates = events + [e for e in _aliases(facts, alias)]
    for figure in death_figures(_number_tokens(doc)):
        owner = _owner_of(figure, candidates, facts, doc)
        if owner is not None:
            row = _fatalities(figure, facts.claim_at(doc[figure.token].idx))
            tolls[alias.get(owner.trigger, owner.trigger)].append(row)
    return [(e, _distinct(tolls[e.trigger])) for e in events]


def _number_tokens(doc: Doc) -> list[Token]:
    """The tokens that can be a figure ("17", "5,000", "six"), in text order: the toll rules
    need only look at these. Digits ("5,000") are ``like_num``; number words are listed."""
    if not len(doc):
        return []
    _, lowers = et.doc_lemmas(doc)
    numbers = set(doc.to_array(LIKE_NUM).nonzero()[0].tolist())
    # number words tested once per distinct word, then found by a set test per token
    words = {w for w in set(lowers) if w.replace(",", "") in NUMBER_WORDS}
    if words:
        numbers.update(i for i, lower in enumerate(lowers) if lower in words)
    return [doc[i] for i in sorted(numbers)]


def _antecedent(event: EventMatch, trigger: Trigger, earlier: list[EventMatch]) -> EventMatch | None:
    """The earlier event a later mention repeats: "the strike", "the blast", or a bare
    "killed" without a named perpetrator after a violent event at the same place."""
    token = trigger.token
    definite = token.pos_ == "NOUN" and (token.dep_ == "attr" or any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children
    )) and not any(c.dep_ == "prep" and c.lower_ != "by" for c in token.children)
    repeat = (trigger.weak and not event.actors) or token.dep_ == "attr"
    if not (definite or repeat):
        return None
    if repeat:  # "10 civilians killed in Kessen", "this is a massacre"
        same = [e for e in earlier if e.kind.type in (et.BATTLES, et.REMOTE, et.CIVILIANS)
                and (event.place is None or e.place == event.place)]
    else:
        same = [e for e in earlier if e.kind == event.kind] or [
            e for e in earlier if e.kind.type == event.kind.type]
    # The fullest telling is the one a later "the strike" refers back to.
    return max(same, key=lambda e: e.span[1] - e.span[0], default=None)


def _aliases(facts: DocFacts, alias: dict[int, int]) -> list[EventMatch]:
    """Stand-ins at the aliased triggers, so a figure beside "the strike" finds its event."""
    doc = facts.doc
    return [EventMatch(i, et.OTHER, (0, 0), (), (), None, None, None, facts.claim_at(doc[i].idx),
                       "asserted", 0) for i in alias]


def _event(facts: DocFacts, trigger: Token, kind: et.Kind) -> EventMatch | None:
    claim = facts.claim_at(trigger.idx)
    status = event_status(facts, claim, is_negated(trigger))
    if status is None:
        return None
    actor_heads, target_heads = arguments(trigger)
    clause_root = clause_of(trigger)
    clause = set(subtree_indices(trigger.doc, clause_root.i))
    sentence = sentence_of(trigger)
    targets = [e for e in facts.entities_of(target_heads, claim)
               if not is_place_target(facts, e)]
    time = facts.time_for(clause, trigger)
    when, precision = (time.value, precision_of(time)) if time else fallback_date(facts, claim)
    return EventMatch(
        trigger=trigger.i, kind=kind, span=_clause_span(trigger, clause_root),
        actors=tuple(facts.entities_of(actor_heads, claim)), targets=tuple(targets),
        place=facts.place_for(clause, sentence, trigger), date=when, date_precision=precision,
        claim=claim, status=status, depth=_depth(trigger))


def _depth(token: Token) -> int:
    """How many ancestors the token has (``len(list(token.ancestors))``)."""
    heads = doc_tree(token.doc).heads
    i, depth = token.i, 0
    while heads[i] != i and depth < len(heads):
        i, depth = heads[i], depth + 1
    return depth


def _clause_span(trigger: Token, clause_root: Token) -> CharSpan:
    doc = trigger.doc
    tree = doc_tree(doc)
    if trigger.pos_ in ("NOUN", "PROPN"):
        tokens = subtree_indices(doc, trigger.i)
    else:
        root = clause_root.i
        tokens = [i for i in subtree_indices(doc, root) if not _in_other_clause(tree, i, root)]
    return trim(text_of(doc), min(tree.starts[i] for i in tokens), max(tree.ends[i] for i in tokens))


_EMBEDDED = frozenset(get_string_id(d) for d in ("ccomp", "parataxis", "relcl", "advcl", "conj"))


def _in_other_clause(tree, node: int, root: int) -> bool:
    """Tokens of a clause embedded under the root ("..., the group said") are not its own."""
    heads, deps = tree.heads, tree.deps
    while node != root:
        if heads[node] == root and deps[node] in _EMBEDDED:
            return True
        node = heads[node]
    return False


def _owner_of(figure: Figure, events: list[EventMatch], facts: DocFacts, doc: Doc) -> EventMatch | None:
    """The event a death figure counts: the nearest in its claim and sentence, else the latest
    violent event a few sentences before (a toll given in a later paragraph)."""
    token = doc[figure.token]
    claim = facts.claim_at(token.idx)
    sentence = sentence_of(token)
    same = [e for e in events if sentence.start <= e.trigger < sentence.end
            and (e.claim.id if e.claim else None) == (claim.id if claim else None)]
    if same:
        return min(same, key=lambda e: abs(e.trigger - token.i))
    earliest = _sentence_start_before(sentence, ORPHAN_REACH)
    violent = [e for e in events if earliest <= e.trigger < sentence.start
               and e.kind.type in (et.BATTLES, et.REMOTE, et.CIVILIANS, et.RIOTS)]
    if not violent:
        return None
    latest = sentence_of(doc[violent[-1].trigger]).start
    return min((e for e in violent if e.trigger >= latest), key=lambda e: (e.depth, e.trigger))


def _sentence_start_before(sentence: Span, count: int) -> int:
    starts = [start for start, _ in sentence_bounds(sentence.doc) if start < sentence.start]
    return starts[-count] if len(starts) >= count else 0


def _distinct(rows: list[model.Fatalities]) -> list[model.Fatalities]:
    out = []
    for row in rows:
        if not any(o.count == row.count and o.claim == row.claim for o in out):
            out.append(row)
    return out


def to_model_events(found: list[tuple[EventMatch, list[model.Fatalities]]]) -> list[model.Event]:
    """``model.Event`` objects with ids ``ev1``, ``ev2`` ... in text order."""
    return [model.Event(
        id=f"ev{number}", type=event.kind.type, subtype=event.kind.subtype,
        actors=list(event.actors), targets=list(event.targets), place=event.place,
        date=event.date, date_precision=event.date_precision,
        claim=event.claim.id if event.claim else None, status=event.status,
        fatalities=fatalities, span=event.span)
        for number, (event, fatalities) in enumerate(found, 1)]


def main_event(doc: Doc) -> model.Event | None:
    """The event that stands for the doc: the first claim's event nearest its sentence root."""
    events = doc._.cc_events or []
    if not events:
        return None
    first_sentence = sentence_of(expand_span(doc, *events[0].span)[0])
    in_first = [e for e in events if first_sentence.start_char <= e.span[0] < first_sentence.end_char]
    return min(in_first, key=lambda e: (_depth_at(doc, e.span), e.span[0]))


def _depth_at(doc: Doc, span: CharSpan) -> int:
    part = expand_span(doc, span[0], span[1])
    return sum(1 for _ in part.root.ancestors) if part is not None else 0


# --- the spaCy component ---------------------------------------------------------------


class EventsComponent:
    """Sets ``doc._.cc_events`` (``model.Event``) from the triggers and earlier annotations."""

    def __init__(self, nlp: Language | None = None, name: str = "cc_events"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_events = to_model_events(find_events(doc))
        et.forget_lemmas(doc)
        doc.user_data.pop("_cc_event_words", None)  # eventtriggers' per-doc lemma set
        return doc


@Language.factory("cc_events", assigns=["doc._.cc_events"],
                  requires=["token.dep", "token.lemma", "doc._.cc_claims"])
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
