"""Anchoring an event to what the earlier components found: its actors' and targets'
entities (a pronoun in reported speech is the speaker's organisation), the claim that holds
it and that claim's status, the place and time in its clause, and ACLED's time precision.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from .. import model
from .spans import CharSpan, doc_tree, expand_bounds, subtree_indices, subtree_order

DENIAL_CUES = {"deny", "reject", "dismiss", "refute", "rebut", "disavow"}
PRONOUNS = {"it", "its", "they", "their", "them", "we", "our", "us", "he", "his", "him", "she",
            "her", "i", "my", "me"}


class DocFacts:
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
        self._claims_at: dict[int, model.Claim | None] = {}
        # (start, end, owner) of every claim part and entity mention, in the owners' order:
        # one flat scan per lookup instead of a generator per claim or entity
        self._claim_parts = [(start, end, c) for c in self.claims
                             for start, end in (c.parts or [c.span])]
        self._mentions = [(start, end, e) for e in self.entities for start, end in e.mentions]

    def tokens_of(self, start: int, end: int) -> frozenset[int] | None:
        """Token indices of a character span (expanded to whole tokens), found once each."""
        key = (start, end)
        if key not in self._token_sets:
            bounds = expand_bounds(self.doc, start, end)
            self._token_sets[key] = None if bounds is None else frozenset(range(*bounds))
        return self._token_sets[key]

    def claim_at(self, char: int) -> model.Claim | None:
        """The innermost claim whose content holds the character (found once per character:
        a trigger's claim is asked for again by its figures and aliases)."""
        if char not in self._claims_at:
            # in claim order; a claim held twice (overlapping parts) changes nothing for min
            holding = [c for s, e, c in self._claim_parts if s <= char < e]
            self._claims_at[char] = min(holding, key=lambda c: c.span[1] - c.span[0], default=None)
        return self._claims_at[char]

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
        idx = head.idx  # a Token attribute read crosses into Cython: once, not per mention
        covering = next((entity.id for s, e_, entity in self._mentions if s <= idx < e_), None)
        if covering is not None:
            return [covering]
        start, end = _noun_phrase(head)
        inside: list[model.Entity] = []
        for s, e_, entity in self._mentions:
            # an entity's mentions are listed together: each entity is kept once, in order
            if start <= s and e_ <= end and not (inside and inside[-1] is entity):
                inside.append(entity)
        if inside:
            return [e.id for e in inside]
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


def is_negated(trigger: Token) -> bool:
    for token in (trigger, clause_of(trigger)):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
            return True
    return False


def event_status(facts: DocFacts, claim: model.Claim | None, negated: bool) -> str | None:
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


def is_place_target(facts: DocFacts, entity_id: str) -> bool:
    """A place shelled, taken or naming a target ("Kessen market") is where the event
    happened, not a party to it."""
    entity = next((e for e in facts.entities if e.id == entity_id), None)
    return entity is not None and entity.type == "place"


def fallback_date(facts: DocFacts, claim: model.Claim | None) -> tuple[str | None, int | None]:
    """No time in the clause: the claim's date, which bounds the event within about a week."""
    value = claim.date if claim is not None and claim.date else None
    if value is None and isinstance(facts.anchor, date):
        value = facts.anchor.isoformat()
    return value, (2 if value else None)
