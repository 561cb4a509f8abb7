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
lexicon from ``eventtypes.py``, death figures from ``eventtolls.py``. A later mention of an
event ("the strike", "this is a massacre", "10 civilians killed in Kessen") is folded into
the fullest earlier telling of it, so its figure and claimant join that event.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from spacy.attrs import LIKE_NUM
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .. import model
from . import eventtypes as et
from . import extensions  # noqa: F401  (registers doc._.cc_events)
from .eventtolls import NUMBER_WORDS, Figure, death_figures
from .eventtriggers import Trigger, arguments, find_triggers
from .spans import (CharSpan, doc_tree, expand_bounds, expand_span, sentence_bounds, sentence_of,
                    subtree_indices, subtree_order, text_of, trim)

DENIAL_CUES = {"deny", "reject", "dismiss", "refute", "rebut", "disavow"}
PRONOUNS = {"it", "its", "they", "their", "them", "we", "our", "us", "he", "his", "him", "she",
            "her", "i", "my", "me"}
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


# --- anchoring: entities, claim, place, date -------------------------------------------


class _DocFacts:
    """What the earlier components set, indexed for lookups by character offset."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities: list[model.Entity] = list(doc._.cc_entities or [])
        self.claims: list[model.Claim] = list(doc._.cc_claims or [])
        self.places = [p for p in (doc._.cc_places or []) if hasattr(p, "mentions")]
        self.times: list[model.Time] = list(doc._.cc_times or [])
        relations = doc._.cc_relations or []
        self.denied = {r.to for r in relations if r.type == "denies"}
        self.disputed = {c for r in relations if r.type == "contradicts" for c in (r.from_, r.to)}
        anchor = doc._.cc_anchor if Doc.has_extension("cc_anchor") else None
        self.anchor = getattr(anchor, "date", anchor)
        self._token_sets: dict[tuple[int, int], frozenset[int] | None] = {}

    def tokens_of(self, start: int, end: int) -> frozenset[int] | None:
        """Token indices of a character span (expanded to whole tokens), found once each."""
        key = (start, end)
        if key not in self._token_sets:
            bounds = expand_bounds(self.doc, start, end)
            self._token_sets[key] = None if bounds is None else frozenset(range(*bounds))
        return self._token_sets[key]

    def claim_at(self, char: int) -> model.Claim | None:
        """The innermost claim whose content holds the character."""
        holding = [c for c in self.claims
                   if any(s <= char < e for s, e in (c.parts or [c.span]))]
        return min(holding, key=lambda c: c.span[1] - c.span[0], default=None)

    def entities_of(self, heads: list[Token], claim: model.Claim | None) -> list[str]:
        ids: list[str] = []
        for head in heads:
            for entity_id in self._entities_of(head, claim):
                if entity_id not in ids:
                    ids.append(entity_id)
        return ids

    def _entities_of(self, head: Token, claim: model.Claim | None) -> list[str]:
        if head.lower_ in PRONOUNS:
            return self._speaker(claim)
        start, end = _noun_phrase(head)
        covering = [e.id for e in self.entities
                    if any(s <= head.idx < e_ for s, e_ in e.mentions)]
        if covering:
            return covering[:1]
        inside = [e.id for e in self.entities if any(start <= s and e_ <= end for s, e_ in e.mentions)]
        if inside:
            return inside
        possessors = [c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS]
        return self._speaker(claim) if possessors else []

    def _speaker(self, claim: model.Claim | None) -> list[str]:
        """A pronoun in reported speech stands for the speaker, or the body they speak for."""
        if claim is None or claim.source.entity is None:
            return []
        by_id = {e.id: e for e in self.entities}
        speaker = by_id.get(claim.source.entity)
        if speaker is not None and speaker.affiliation:
            return [speaker.affiliation]
        return [claim.source.entity]

    def place_for(self, clause: set[int], sentence: Span, trigger: Token) -> str | None:
        found = []
        for place in self.places:
            for start, end in place.mentions:
                if not sentence.start_char <= start < sentence.end_char:
                    continue
                tokens = self.tokens_of(start, end)
                outside = tokens is None or not tokens & clause
                found.append((outside, place.precision, abs(start - trigger.idx), place.id))
        return min(found)[3] if found else None

    def time_for(self, clause: set[int], trigger: Token) -> model.Time | None:
        found = []
        for time in self.times:
            tokens = self.tokens_of(time.span[0], time.span[1])
            if tokens is not None and tokens <= clause and time.value:
                found.append((abs(time.span[0] - trigger.idx), time.id, time))
        return min(found)[2] if found else None


def _noun_phrase(head: Token) -> CharSpan:
    """A noun and what stands before it in its phrase ("the Ostrian army's 3rd brigade")."""
    doc = head.doc
    tree = doc_tree(doc)
    first = next(i for i in subtree_order(doc, head.i) if i <= head.i)  # the head at the latest
    right = [c for c in tree.rights[head.i] if doc[c].dep_ in ("compound", "flat", "appos", "nmod")]
    last = max([head.i, *(i for c in right for i in subtree_indices(doc, c))])
    return tree.starts[first], tree.ends[last]


def clause_of(trigger: Token) -> Token:
    """The word whose subtree is the trigger's clause: a noun's governing verb."""
    token = trigger
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "prep", "attr") and token.head.pos_ in ("VERB", "AUX"):
            return token.head
    return trigger


def precision_of(time: model.Time) -> int:
    """ACLED time precision of a resolved time: 1 day, 2 week, 3 month or vaguer."""
    if time.grain == "day":
        return 1
    if time.grain == "week":
        return 2
    if time.grain == "range" and time.value and "/" in time.value:
        try:
            start, end = (date.fromisoformat(v[:10]) for v in time.value.split("/", 1))
        except ValueError:
            return 3
        return 2 if (end - start).days <= 7 else 3
    return 3


def _is_negated(trigger: Token) -> bool:
    for token in (trigger, clause_of(trigger)):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
            return True
    return False


def event_status(facts: _DocFacts, claim: model.Claim | None, negated: bool) -> str | None:
    """The event's status from its claim, or None when it is no event (a plain negation)."""
    if claim is None:
        return None if negated else "asserted"
    denial = claim.cue is not None and claim.cue.lemma in DENIAL_CUES
    if negated:
        return "denied" if claim.source.kind != "outlet" else None
    if denial or claim.id in facts.denied:
        return "denied"
    if claim.id in facts.disputed:
        return "disputed"
    return claim.status


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
    facts = _DocFacts(doc)
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
    like_num = set(doc.to_array(LIKE_NUM).nonzero()[0].tolist())
    return [doc[i] for i, lower in enumerate(lowers)
            if i in like_num or lower.replace(",", "") in NUMBER_WORDS]


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


def _aliases(facts: _DocFacts, alias: dict[int, int]) -> list[EventMatch]:
    """Stand-ins at the aliased triggers, so a figure beside "the strike" finds its event."""
    doc = facts.doc
    return [EventMatch(i, et.OTHER, (0, 0), (), (), None, None, None, facts.claim_at(doc[i].idx),
                       "asserted", 0) for i in alias]


def _event(facts: _DocFacts, trigger: Token, kind: et.Kind) -> EventMatch | None:
    claim = facts.claim_at(trigger.idx)
    status = event_status(facts, claim, _is_negated(trigger))
    if status is None:
        return None
    actor_heads, target_heads = arguments(trigger)
    clause_root = clause_of(trigger)
    clause = set(subtree_indices(trigger.doc, clause_root.i))
    sentence = sentence_of(trigger)
    targets = [e for e in facts.entities_of(target_heads, claim)
               if not _is_place_target(facts, e)]
    time = facts.time_for(clause, trigger)
    when, precision = (time.value, precision_of(time)) if time else _fallback_date(facts, claim)
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


def _is_place_target(facts: _DocFacts, entity_id: str) -> bool:
    """A place shelled, taken or naming a target ("Kessen market") is where the event
    happened, not a party to it."""
    entity = next((e for e in facts.entities if e.id == entity_id), None)
    return entity is not None and entity.type == "place"


def _fallback_date(facts: _DocFacts, claim: model.Claim | None) -> tuple[str | None, int | None]:
    """No time in the clause: the claim's date, which bounds the event within about a week."""
    value = claim.date if claim is not None and claim.date else None
    if value is None and isinstance(facts.anchor, date):
        value = facts.anchor.isoformat()
    return value, (2 if value else None)


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


def _owner_of(figure: Figure, events: list[EventMatch], facts: _DocFacts, doc: Doc) -> EventMatch | None:
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
