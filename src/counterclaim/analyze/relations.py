"""The ``cc_relations`` component: which claims of an article deny, contradict or support which.

Rules, in the order a reader applies them:

1. **Stances.** A claim *denies* or *supports* when it is the words of a denial or a backing:
   its cue is one (``X denied that ...``, ``Y confirmed that ...``); a denial or backing verb
   governs its cue (``X rejected the account, saying ...``) or is the main verb of its
   sentence (``The FHF dismissed the reports as propaganda``); or its content calls something
   a lie, propaganda or a fabrication.
2. **Targets by reference, not adjacency.** The denied or backed claim is found from what
   the stance names: its object (``the army's claim of taking the station``) or, for a
   ``denied that`` cue, its own content. Candidates from other parties are scored by shared
   content lemmas, by the owner the reference names (``army's`` matches the army
   spokesperson's claims), and by the kind it names (a *denial* points at a denial,
   *reports* at reported claims, *allegations* at alleged ones). Only when nothing matches
   does the nearest earlier claim of another party stand in.
3. **Contradictions.** Two parties assert incompatible states of the same thing without
   naming each other: different casualty figures, opposite states (captured / still hold,
   killed / alive) of a shared subject, or one negating what the other asserts.

Each relation carries the words that made it as ``evidence``.

This module holds the spaCy component and ``find_relations``, which applies the rules in that
order; the rules themselves live in ``relations_words`` (per-token words read from spaCy's
arrays), ``relations_facts`` (what each claim says and who says it), ``relations_stances``
(rule 1), ``relations_targets`` (rule 2) and ``relations_contradictions`` (rule 3); import
their names from those modules.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import model
from . import extensions  # noqa: F401
from .relations_contradictions import find_contradictions
from .relations_facts import ClaimFacts, claim_facts
from .relations_stances import find_stance
from .relations_targets import resolve_targets
from .relations_words import doc_words


def find_relations(doc: Doc) -> list[model.Relation]:
    """Relations between the claims in ``doc._.cc_claims``."""
    words = doc_words(doc)
    facts = claim_facts(doc, words)
    cue_tokens = {f.cue.i for f in facts if f.cue is not None}
    stances = {f.index: s for f in facts if (s := find_stance(f, cue_tokens, words)) is not None}
    relations: list[model.Relation] = []
    linked: set[frozenset[int]] = set()
    for index, stance in stances.items():
        for target in resolve_targets(facts[index], stance, facts, stances):
            relations.append(_relation(stance.type, facts[index], facts[target], stance.evidence))
            linked.add(frozenset((index, target)))
    for a, b, evidence in find_contradictions(facts, stances, linked):
        relations.append(_relation("contradicts", facts[b], facts[a], evidence))
    return relations


def _relation(type_: str, source: ClaimFacts, target: ClaimFacts, evidence: str) -> model.Relation:
    return model.Relation(type=type_, from_=source.claim.id, to=target.claim.id,
                          evidence=" ".join(evidence.split())[:120])


# --- component ---------------------------------------------------------------------------


class RelationsComponent:
    """Sets ``doc._.cc_relations`` from ``doc._.cc_claims``."""

    def __init__(self, nlp: Language | None = None, name: str = "cc_relations"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_relations = find_relations(doc)
        return doc


@Language.factory("cc_relations", assigns=["doc._.cc_relations"],
                  requires=["doc._.cc_claims", "token.dep", "token.lemma"])
def make_relations(nlp: Language, name: str) -> RelationsComponent:
    return RelationsComponent(nlp, name)
