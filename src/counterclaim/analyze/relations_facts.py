"""What the relation rules know about each claim (``ClaimFacts``): its sentence and cue,
the party that makes it, its content lemmas, casualty figures and state words.

Built once per doc from ``doc._.cc_claims`` and ``doc._.cc_entities``; the stance, target and
contradiction rules only read these facts.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from .. import model
from .relations_words import DocWords, doc_words, text_words
from .spans import expand_bounds, expand_span, sentence_of
from .status import STANCE_VERBS

DEATH_WORDS = frozenset("kill die dead death body toll killing fatality drown".split())
INJURY_WORDS = frozenset("wound wounded injure injured injury hurt".split())
OUTLET = "outlet"


class ClaimFacts(NamedTuple):
    """What the relation rules need to know about one claim."""

    index: int
    claim: model.Claim
    sentence: Span
    cue: Token | None
    party: str | None  # entity id, "outlet", or None when nobody is named
    party_words: frozenset[str]
    lemmas: dict[str, float]  # content lemma -> weight
    tolls: dict[str, frozenset[int]]  # "death" / "injury" -> figures given
    states: frozenset[str]


def claim_facts(doc: Doc, words: DocWords | None = None) -> list[ClaimFacts]:
    entities = {e.id: e for e in doc._.cc_entities or []}
    words = words or doc_words(doc)
    facts = []
    # a named source's party depends on its words and entity alone, and most sources speak
    # several times: found once per (text, entity)
    parties: dict[tuple, tuple[str | None, frozenset[str]]] = {}
    for index, claim in enumerate(doc._.cc_claims or []):
        cue = _cue_token(doc, claim.cue) if claim.cue else None
        anchor = cue if cue is not None else _token_at(doc, claim.span)
        if anchor is None:
            continue
        sentence = sentence_of(anchor)
        tokens = _claim_indices(doc, claim)
        if claim.source.kind == OUTLET:  # found from the sentence's subject
            party, party_words = _party(claim, sentence, entities)
        else:
            key = (claim.source.text, claim.source.entity)
            if key not in parties:
                parties[key] = _party(claim, sentence, entities)
            party, party_words = parties[key]
        facts.append(ClaimFacts(len(facts), claim, sentence, cue, party, party_words,
                                _content_lemmas_at(tokens, words), _tolls(tokens, words),
                                _states(tokens, words)))
    return facts


def _cue_token(doc: Doc, cue: model.Cue) -> Token | None:
    """The cue's own word: a cue span may reach back to the verb it hangs from ("went on to
    deny", "issued a statement denying"), whose root is that host, not the speech verb."""
    found = expand_span(doc, cue.span[0], cue.span[1])
    if found is None or not len(found):
        return None
    named = [t for t in found if t.lemma_ == cue.lemma]
    return named[-1] if named else found.root


def _token_at(doc: Doc, span: tuple[int, int]) -> Token | None:
    found = expand_span(doc, span[0], span[1])
    return found.root if found is not None and len(found) else None


def _claim_indices(doc: Doc, claim: model.Claim) -> list[int]:
    """Indices of the claim's tokens, part by part."""
    indices: list[int] = []
    for start, end in claim.parts or [tuple(claim.span)]:
        found = expand_bounds(doc, start, end)
        if found is not None:
            indices.extend(range(*found))
    return indices


def _content_lemmas_at(indices: list[int], words: DocWords) -> dict[str, float]:
    """``content_lemmas`` of the tokens at these indices."""
    lemmas: dict[str, float] = {}
    for i in indices:
        weight = words.content[i]
        if weight:
            lemma = words.lemma[i]
            lemmas[lemma] = max(weight, lemmas.get(lemma, 0.0))
    return lemmas


def _party(claim: model.Claim, sentence: Span, entities: dict) -> tuple[str | None, frozenset[str]]:
    source = claim.source
    if source.kind == "outlet":
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or root.lemma_.lower() not in STANCE_VERBS:
            # Reported and alleged outlet claims rest on others nobody names.
            return (OUTLET if claim.status in ("asserted", "hedged") else None), frozenset()
        words = text_words(" ".join(t.text for t in subject.subtree))
        entity = _entity_at(entities, subject.left_edge.idx, subject.right_edge.idx + 1)
    else:
        words = text_words(source.text or "")
        entity = entities.get(source.entity) if source.entity else None
    if entity is not None:
        words |= text_words(" ".join([entity.name, *entity.aliases, *entity.roles]))
        if entity.affiliation in entities:
            words |= text_words(entities[entity.affiliation].name)
        return entity.id, frozenset(words)
    return (" ".join(sorted(words)) or None), frozenset(words)


def _entity_at(entities: dict, start: int, end: int):
    for entity in entities.values():
        if any(s < end and start < e for s, e in entity.mentions):
            return entity
    return None


def _tolls(indices: list[int], words: DocWords) -> dict[str, frozenset[int]]:
    """Casualty figures: numbers in a claim that speaks of deaths or of injuries (not dates,
    times or ordinals)."""
    numbers = frozenset(n for i in indices if (n := words.number[i]) is not None)
    if not numbers:  # most claims give no figure: skip their words
        return {}
    lemmas = {words.lemma[i] for i in indices} | {words.lower[i] for i in indices}
    tolls = {}
    if lemmas & DEATH_WORDS:
        tolls["death"] = numbers
    elif lemmas & INJURY_WORDS:
        tolls["injury"] = numbers
    return tolls


def _states(indices: list[int], words: DocWords) -> frozenset[str]:
    """The claim's words, for opposite-state tests; none for a hypothetical ("taking Dalmar
    would break the insurgency") or a prediction, which state nothing yet."""
    lemma, lower, modal = words.lemma, words.lower, words.modal
    return frozenset([lemma[i] for i in indices if not modal[i]] + [lower[i] for i in indices])
