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
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import model
from . import extensions  # noqa: F401
from .spans import sentence_of
from .status import STANCE_VERBS

# Verbs that deny or back their object or clause: "rejected the allegation", "confirmed that".
DENYING_VERBS = frozenset("deny refute rebut dispute contest disavow reject dismiss contradict "
                          "ridicule".split())
BACKING_VERBS = frozenset("confirm corroborate verify back endorse support uphold echo".split())
LIE_WORDS = frozenset("""
lie propaganda fabrication fabricate false falsehood untrue baseless groundless nonsense fake
forgery forge cover-up fiction hoax smear disinformation misinformation
""".split())
# Head nouns of references, and the kind of claim each points at.
REFERENCE_KINDS = {
    "denial": "denial", "rejection": "denial", "refutation": "denial",
    "report": "report", "rumour": "report", "rumor": "report",
    "allegation": "allegation", "accusation": "allegation", "charge": "allegation",
}
# Lemmas that say nothing about what a claim is about.
GENERIC = frozenset("""
say tell be have do make get claim account statement report allegation accusation denial
also still just only even day week month year time people thing way part
appear seem believe think apparently reportedly allegedly purportedly probably possibly likely
""".split())
POS_WEIGHT = {"PROPN": 2.0, "NOUN": 1.0, "VERB": 1.0, "NUM": 0.5, "ADJ": 0.5}
DEATH_WORDS = frozenset("kill die dead death body toll killing fatality drown".split())
INJURY_WORDS = frozenset("wound wounded injure injured injury hurt".split())
NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12})
# Opposite states of one subject: (one side, the other side).
OPPOSITE_STATES = (
    (frozenset("capture seize take recapture overrun storm fall enter liberate liberation".split()),
     frozenset("hold repel repulse retain".split())),
    (frozenset("kill die dead wound injure hurt execute shoot destroy".split()),
     frozenset("alive safe safely unhurt unharmed health healthy intact".split())),
)
# Shared content weight above which a negated and an affirmed claim are about one thing.
NEGATION_OVERLAP = 1.0
STATE_WORDS = frozenset().union(*(one | other for one, other in OPPOSITE_STATES))
FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me"})
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


class Stance(NamedTuple):
    """A denial or a backing, and what it points at."""

    type: str  # denies | supports
    evidence: str
    reference: dict[str, float]
    owner_words: frozenset[str]
    kind: str | None  # denial | report | allegation
    plural: bool


def find_relations(doc: Doc) -> list[model.Relation]:
    """Relations between the claims in ``doc._.cc_claims``."""
    facts = claim_facts(doc)
    cue_tokens = {f.cue.i for f in facts if f.cue is not None}
    stances = {f.index: s for f in facts if (s := find_stance(f, cue_tokens)) is not None}
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


# --- facts -------------------------------------------------------------------------------


def claim_facts(doc: Doc) -> list[ClaimFacts]:
    entities = {e.id: e for e in doc._.cc_entities or []}
    facts = []
    for index, claim in enumerate(doc._.cc_claims or []):
        cue = _token_at(doc, claim.cue.span) if claim.cue else None
        anchor = cue if cue is not None else _token_at(doc, claim.span)
        if anchor is None:
            continue
        sentence = sentence_of(anchor)
        tokens = _claim_tokens(doc, claim)
        party, words = _party(claim, sentence, entities)
        facts.append(ClaimFacts(len(facts), claim, sentence, cue, party, words,
                                content_lemmas(tokens), _tolls(tokens), _states(tokens)))
    return facts


def _token_at(doc: Doc, span: tuple[int, int]) -> Token | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.root if found is not None and len(found) else None


def _claim_tokens(doc: Doc, claim: model.Claim) -> list[Token]:
    tokens: list[Token] = []
    for start, end in claim.parts or [tuple(claim.span)]:
        found = doc.char_span(start, end, alignment_mode="expand")
        tokens.extend(found or [])
    return tokens


def content_lemmas(tokens) -> dict[str, float]:
    lemmas: dict[str, float] = {}
    for tok in tokens:
        weight = POS_WEIGHT.get(tok.pos_)
        lemma = tok.lemma_.lower()
        if weight and not tok.is_stop and (tok.is_alpha or tok.like_num) and lemma not in GENERIC:
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
        words = _words(" ".join(t.text for t in subject.subtree))
        entity = _entity_at(entities, subject.left_edge.idx, subject.right_edge.idx + 1)
    else:
        words = _words(source.text or "")
        entity = entities.get(source.entity) if source.entity else None
    if entity is not None:
        words |= _words(" ".join([entity.name, *entity.aliases, *entity.roles]))
        if entity.affiliation in entities:
            words |= _words(entities[entity.affiliation].name)
        return entity.id, frozenset(words)
    return (" ".join(sorted(words)) or None), frozenset(words)


def _entity_at(entities: dict, start: int, end: int):
    for entity in entities.values():
        if any(s < end and start < e for s, e in entity.mentions):
            return entity
    return None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower().replace("'s", "")) if len(w) > 2}


def _number(tok: Token) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdecimal():  # not isdigit(): "¹" is a digit int() cannot read
        return int(text)
    return NUMBER_WORDS.get(text)


def _tolls(tokens: list[Token]) -> dict[str, frozenset[int]]:
    """Casualty figures: numbers in a claim that speaks of deaths or of injuries."""
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    numbers = frozenset(n for t in tokens if t.like_num and (n := _number(t)) is not None
                        and not (t.ent_type_ in ("DATE", "TIME", "ORDINAL")))
    tolls = {}
    if numbers and lemmas & DEATH_WORDS:
        tolls["death"] = numbers
    elif numbers and lemmas & INJURY_WORDS:
        tolls["injury"] = numbers
    return tolls


def _states(tokens: list[Token]) -> frozenset[str]:
    """The claim's words, for opposite-state tests; none for a hypothetical ("taking Dalmar
    would break the insurgency") or a prediction, which state nothing yet."""
    kept = [t for t in tokens if not _under_modal(t)]
    return frozenset(t.lemma_.lower() for t in kept) | frozenset(t.lower_ for t in tokens)


def _under_modal(token: Token) -> bool:
    for ancestor in [token, *token.ancestors]:
        if any(c.tag_ == "MD" and c.lower_ != "can" for c in ancestor.children):
            return True
    return False


# --- stances -----------------------------------------------------------------------------


def find_stance(facts: ClaimFacts, cue_tokens: set[int]) -> Stance | None:
    """Whether the claim is a denial or a backing, and what it names as its object."""
    claim, cue = facts.claim, facts.cue
    if cue is not None and claim.mode != "outlet" and _is_stance_verb(cue):
        if any(c.dep_ == "dobj" for c in cue.children):
            return _verb_stance(cue)  # "rejected the allegations": the object names the target
        type_ = "denies" if cue.lemma_.lower() in DENYING_VERBS else "supports"
        return Stance(type_, claim.cue.text, facts.lemmas, frozenset(), None, False)
    verb = _governing_stance_verb(facts, cue_tokens)
    if verb is not None:
        return _verb_stance(verb)
    lie = _lie_word(facts)
    if lie is not None and claim.mode != "outlet":
        reference = {k: v for k, v in facts.lemmas.items() if k != lie.lemma_.lower()}
        owner, kind, plural = _owner_in(facts)
        return Stance("denies", lie.text, reference, owner, kind, plural)
    return None


def _lie_word(facts: ClaimFacts) -> Token | None:
    """"a lie", "propaganda", "fabricated": but not "people lying on the ground"."""
    doc = facts.sentence.doc
    for tok in doc.char_span(*facts.claim.span, alignment_mode="expand") or []:
        if tok.lemma_.lower() in LIE_WORDS and not (tok.lemma_.lower() == "lie" and tok.pos_ == "VERB"):
            return tok
    return None


def _governing_stance_verb(facts: ClaimFacts, cue_tokens: set[int]) -> Token | None:
    """A denial or backing verb that is not a cue itself and governs the claim."""
    if facts.claim.mode == "outlet":
        root = facts.sentence.root
        return root if facts.claim.status != "asserted" and _is_stance_verb(root) else None
    token = facts.cue
    for _ in range(3):
        if token is None or token.head.i == token.i or token.dep_ not in ("advcl", "conj", "xcomp"):
            return None
        token = token.head
        if _is_stance_verb(token) and token.i not in cue_tokens:
            return token
    return None


def _is_stance_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in DENYING_VERBS and lemma not in BACKING_VERBS:
        return False
    # "denied the men food" withholds, it does not deny a claim.
    return not any(c.dep_ in ("dative", "neg") for c in token.children) and not any(
        c.lower_ == "allegedly" for c in token.children)


def _verb_stance(verb: Token) -> Stance:
    type_ = "denies" if verb.lemma_.lower() in DENYING_VERBS else "supports"
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return Stance(type_, verb.text, {}, frozenset(), None, False)
    tokens = list(obj.subtree)
    owner = frozenset(w for t in tokens if t.dep_ in ("poss", "compound", "amod")
                      and t.head.i == obj.i for w in _words(t.text))
    last = max([t.i for t in tokens] + [c.right_edge.i for c in verb.children
                                         if c.dep_ == "prep" and c.lower_ == "as"])
    evidence = verb.doc[verb.i:last + 1].text
    return Stance(type_, evidence, content_lemmas(tokens), owner,
                  REFERENCE_KINDS.get(obj.lemma_.lower()), obj.tag_ in ("NNS", "NNPS"))


def _owner_in(facts: ClaimFacts) -> tuple[frozenset[str], str | None, bool]:
    """``called the Ostrian claim about ... a fabrication``: the claim noun in the content."""
    doc = facts.sentence.doc
    span = doc.char_span(*facts.claim.span, alignment_mode="expand") or []
    for tok in span:
        if tok.lemma_.lower() in ("claim", "account", "statement", *REFERENCE_KINDS):
            owner = frozenset(w for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                              for w in _words(c.text))
            return owner, REFERENCE_KINDS.get(tok.lemma_.lower()), tok.tag_ == "NNS"
    return frozenset(), None, False


# --- targets -----------------------------------------------------------------------------


def resolve_targets(stancer: ClaimFacts, stance: Stance, facts: list[ClaimFacts],
                    stances: dict[int, Stance]) -> list[int]:
    scored = []
    for candidate in facts:
        if not _may_target(stancer, candidate):
            continue
        kind = _kind_matches(stance.kind, candidate, stances)
        lexical = overlap(stance.reference, candidate.lemmas)
        owner = 2.0 if _owner_matches(stance.owner_words, candidate.party_words) else 0.0
        if lexical == 0 and owner == 0 and not kind:
            continue
        order = 0.0 if candidate.index < stancer.index else 1.0
        distance = abs(stancer.index - candidate.index)
        scored.append((lexical + owner + 2.0 * kind - order - 0.02 * distance, kind, candidate.index))
    if stance.plural and stance.kind:
        kinds = [index for _, kind, index in scored if kind]
        if kinds:
            return kinds
    if scored:
        return [max(scored)[2]]
    earlier = [c for c in facts[:stancer.index] if _may_target(stancer, c)]
    return [earlier[-1].index] if earlier else []


def _may_target(stancer: ClaimFacts, candidate: ClaimFacts) -> bool:
    if candidate.index == stancer.index or candidate.sentence.start == stancer.sentence.start:
        return False
    if candidate.party == OUTLET and candidate.claim.status == "asserted":
        return False
    return stancer.party is None or candidate.party != stancer.party


def _kind_matches(kind: str | None, candidate: ClaimFacts, stances: dict[int, Stance]) -> bool:
    if kind == "denial":
        stance = stances.get(candidate.index)
        return stance is not None and stance.type == "denies"
    if kind == "report":
        return candidate.claim.status == "reported"
    if kind == "allegation":
        return candidate.claim.status == "alleged"
    return False


def _owner_matches(owner: frozenset[str], party: frozenset[str]) -> bool:
    """``army's`` names the army spokesperson; ``Ostrian`` names Ostria's ministry."""
    return any(o == p or (min(len(o), len(p)) >= 5 and o[:6] == p[:6]) for o in owner for p in party)


def overlap(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(min(weight, b[lemma]) for lemma, weight in a.items() if lemma in b)


# --- contradictions ----------------------------------------------------------------------


def find_contradictions(facts: list[ClaimFacts], stances: dict[int, Stance],
                        linked: set[frozenset[int]]):
    """Pairs (earlier, later, evidence) of claims by different parties that cannot both hold."""
    eligible = [f for f in facts if f.claim.mode != "outlet" or f.claim.status in (
        "reported", "alleged", "purported", "hedged")]
    for i, a in enumerate(eligible):
        for b in eligible[i + 1:]:
            if frozenset((a.index, b.index)) in linked or a.sentence.start == b.sentence.start:
                continue
            if a.party is not None and a.party == b.party:
                continue
            evidence = _incompatible(a, b, a.index in stances or b.index in stances)
            if evidence:
                yield a.index, b.index, evidence


def _incompatible(a: ClaimFacts, b: ClaimFacts, either_is_stance: bool) -> str | None:
    for kind in set(a.tolls) & set(b.tolls):
        if not a.tolls[kind] & b.tolls[kind]:
            return (f"{kind} figures {'/'.join(map(str, sorted(a.tolls[kind])))} vs "
                    f"{'/'.join(map(str, sorted(b.tolls[kind])))}")
    shared = {k for k in a.lemmas if k in b.lemmas and a.lemmas[k] >= 1.0 and k not in GENERIC}
    about_same = bool({k for k in shared if k not in STATE_WORDS}) or _self_reference(a, b)
    if about_same:
        for one, other in OPPOSITE_STATES:
            for x, y in ((a, b), (b, a)):
                if x.states & one and y.states & other:
                    return f"{sorted(x.states & one)[0]} vs {sorted(y.states & other)[0]}"
    if not either_is_stance and shared and a.claim.negated != b.claim.negated and overlap(
            a.lemmas, b.lemmas) >= NEGATION_OVERLAP:
        return "negated: " + ", ".join(sorted(k for k in a.lemmas if k in b.lemmas))
    return None


def _self_reference(a: ClaimFacts, b: ClaimFacts) -> bool:
    """``I am alive`` said by Mensah is about the Mensah named in the other claim."""
    for x, y in ((a, b), (b, a)):
        if x.states & FIRST_PERSON and x.party_words & _words(y.claim.text):
            return True
    return False


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
