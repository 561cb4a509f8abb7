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

import numpy
from spacy.attrs import ENT_TYPE, HEAD, IS_ALPHA, IS_STOP, LEMMA, LIKE_NUM, LOWER, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
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


# --- facts -------------------------------------------------------------------------------


class DocWords(NamedTuple):
    """Per-token attributes of a doc as plain lists, read once from spaCy's arrays: the rules
    look at every claim token several times, and Token objects are slow to build."""

    lemma: list[str]  # lemma_.lower()
    lower: list[str]
    content: list[float]  # POS_WEIGHT of a content word (as content_lemmas takes it), else 0
    number: list[int | None]  # the figure a number gives (as _tolls takes it), else None
    modal: list[bool]  # under a modal (see modal_scope)


_LOWER_LEMMAS: dict[int, str] = {}
_LOWERS: dict[int, str] = {}
_NOT_FIGURES = ("DATE", "TIME", "ORDINAL")


def doc_words(doc: Doc) -> DocWords:
    n = len(doc)
    if n == 0:
        return DocWords([], [], [], [], [])
    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, LOWER, POS, IS_STOP, IS_ALPHA, LIKE_NUM, ENT_TYPE])
    lemma_ids, lower_ids = rows[:, 0].tolist(), rows[:, 1].tolist()
    if len(_LOWER_LEMMAS) > 200_000:
        _LOWER_LEMMAS.clear()
        _LOWERS.clear()
    for lemma_id in set(lemma_ids).difference(_LOWER_LEMMAS):
        _LOWER_LEMMAS[lemma_id] = strings[lemma_id].lower()
    lemmas = [_LOWER_LEMMAS[lemma_id] for lemma_id in lemma_ids]
    # A dict read is cheaper than the string store's (which decodes the string each time).
    for lower_id in set(lower_ids).difference(_LOWERS):
        _LOWERS[lower_id] = strings[lower_id]
    lowers = [_LOWERS[lower_id] for lower_id in lower_ids]
    pos = rows[:, 2]
    weights = _POS_WEIGHTS[numpy.minimum(pos, len(_POS_WEIGHTS) - 1)]
    content_words = (weights > 0) & (rows[:, 3] == 0) & ((rows[:, 4] != 0) | (rows[:, 5] != 0))
    content = numpy.where(content_words, weights, 0.0).tolist()
    for i in content_words.nonzero()[0].tolist():
        if lemmas[i] in GENERIC:
            content[i] = 0.0
    numbers: list[int | None] = [None] * n
    figures = rows[:, 5] != 0
    for label_id in _NOT_FIGURE_IDS:
        figures &= rows[:, 6] != label_id
    for i in figures.nonzero()[0].tolist():
        numbers[i] = _number_in(lowers[i])
    return DocWords(lemmas, lowers, content, numbers, modal_scope(doc))


def _pos_weights() -> numpy.ndarray:
    """POS_WEIGHT as an array indexed by spaCy's POS ids (the last cell, 0, for any other)."""
    ids = {get_string_id(pos): weight for pos, weight in POS_WEIGHT.items()}
    weights = numpy.zeros(max(ids) + 2)
    for pos_id, weight in ids.items():
        weights[pos_id] = weight
    return weights


_POS_WEIGHTS = _pos_weights()
_NOT_FIGURE_IDS = [numpy.uint64(get_string_id(label)) for label in _NOT_FIGURES]


def claim_facts(doc: Doc, words: DocWords | None = None) -> list[ClaimFacts]:
    entities = {e.id: e for e in doc._.cc_entities or []}
    words = words or doc_words(doc)
    facts = []
    for index, claim in enumerate(doc._.cc_claims or []):
        cue = _token_at(doc, claim.cue.span) if claim.cue else None
        anchor = cue if cue is not None else _token_at(doc, claim.span)
        if anchor is None:
            continue
        sentence = sentence_of(anchor)
        tokens = _claim_indices(doc, claim)
        party, party_words = _party(claim, sentence, entities)
        facts.append(ClaimFacts(len(facts), claim, sentence, cue, party, party_words,
                                _content_lemmas_at(tokens, words), _tolls(tokens, words),
                                _states(tokens, words)))
    return facts


def _token_at(doc: Doc, span: tuple[int, int]) -> Token | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.root if found is not None and len(found) else None


def _claim_indices(doc: Doc, claim: model.Claim) -> list[int]:
    """Indices of the claim's tokens, part by part."""
    indices: list[int] = []
    for start, end in claim.parts or [tuple(claim.span)]:
        found = doc.char_span(start, end, alignment_mode="expand")
        if found is not None:
            indices.extend(range(found.start, found.end))
    return indices


def content_lemmas(tokens) -> dict[str, float]:
    lemmas: dict[str, float] = {}
    for tok in tokens:
        weight = POS_WEIGHT.get(tok.pos_)
        lemma = tok.lemma_.lower()
        if weight and not tok.is_stop and (tok.is_alpha or tok.like_num) and lemma not in GENERIC:
            lemmas[lemma] = max(weight, lemmas.get(lemma, 0.0))
    return lemmas


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


def _number_in(lower: str) -> int | None:
    text = lower.replace(",", "")
    if text.isdecimal():  # not isdigit(): "¹" is a digit int() cannot read
        return int(text)
    return NUMBER_WORDS.get(text)


def _tolls(indices: list[int], words: DocWords) -> dict[str, frozenset[int]]:
    """Casualty figures: numbers in a claim that speaks of deaths or of injuries (not dates,
    times or ordinals)."""
    lemmas = {words.lemma[i] for i in indices} | {words.lower[i] for i in indices}
    numbers = frozenset(n for i in indices if (n := words.number[i]) is not None)
    tolls = {}
    if numbers and lemmas & DEATH_WORDS:
        tolls["death"] = numbers
    elif numbers and lemmas & INJURY_WORDS:
        tolls["injury"] = numbers
    return tolls


def _states(indices: list[int], words: DocWords) -> frozenset[str]:
    """The claim's words, for opposite-state tests; none for a hypothetical ("taking Dalmar
    would break the insurgency") or a prediction, which state nothing yet."""
    return frozenset(words.lemma[i] for i in indices if not words.modal[i]) | frozenset(
        words.lower[i] for i in indices)


def modal_scope(doc: Doc) -> list[bool]:
    """For each token, whether it or one of its ancestors has a modal child other than "can".

    Computed once per doc on spaCy's arrays, one tree level per step: walking every claim
    token's ancestors and their children one by one was most of this component's time.
    """
    n = len(doc)
    if n == 0:
        return []
    rows = doc.to_array([HEAD, TAG, LOWER])
    heads = numpy.arange(n, dtype="int64") + rows[:, 0].astype("int64")
    modals = ((rows[:, 1] == get_string_id("MD")) & (rows[:, 2] != get_string_id("can"))).nonzero()[0]
    modals = modals[heads[modals] != modals]  # a root is nobody's child
    has_modal_child = numpy.zeros(n, dtype=bool)
    has_modal_child[heads[modals]] = True
    scope = has_modal_child.copy()
    ancestor = heads
    for _ in range(n):  # a tree is at most n deep; parses are far shallower
        scope |= has_modal_child[ancestor]
        above = heads[ancestor]
        if numpy.array_equal(above, ancestor):
            break
        ancestor = above
    return scope.tolist()


# --- stances -----------------------------------------------------------------------------


def find_stance(facts: ClaimFacts, cue_tokens: set[int], words: DocWords | None = None) -> Stance | None:
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
    lie = _lie_word(facts, words or doc_words(facts.sentence.doc))
    if lie is not None and claim.mode != "outlet":
        reference = {k: v for k, v in facts.lemmas.items() if k != lie.lemma_.lower()}
        owner, kind, plural = _owner_in(facts)
        return Stance("denies", lie.text, reference, owner, kind, plural)
    return None


def _lie_word(facts: ClaimFacts, words: DocWords) -> Token | None:
    """"a lie", "propaganda", "fabricated": but not "people lying on the ground"."""
    doc = facts.sentence.doc
    span = doc.char_span(*facts.claim.span, alignment_mode="expand")
    for i in range(span.start, span.end) if span is not None else ():
        lemma = words.lemma[i]
        if lemma in LIE_WORDS and not (lemma == "lie" and doc[i].pos_ == "VERB"):
            return doc[i]
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


class _Contrast(NamedTuple):
    """A claim's facts as the contradiction tests use them, computed once per claim rather
    than once per pair of claims."""

    facts: ClaimFacts
    sentence_start: int
    strong: frozenset[str]  # content lemmas of weight >= 1 that say what the claim is about
    first_person: bool
    state_sides: tuple[tuple[frozenset[str], frozenset[str]], ...]  # per OPPOSITE_STATES row


def _contrast(facts: ClaimFacts) -> _Contrast:
    lemmas = facts.lemmas
    return _Contrast(
        facts, facts.sentence.start,
        frozenset(k for k, weight in lemmas.items() if weight >= 1.0 and k not in GENERIC),
        bool(facts.states & FIRST_PERSON),
        tuple((facts.states & one, facts.states & other) for one, other in OPPOSITE_STATES))


def find_contradictions(facts: list[ClaimFacts], stances: dict[int, Stance],
                        linked: set[frozenset[int]]):
    """Pairs (earlier, later, evidence) of claims by different parties that cannot both hold."""
    eligible = [_contrast(f) for f in facts if f.claim.mode != "outlet" or f.claim.status in (
        "reported", "alleged", "purported", "hedged")]
    claim_words: dict[int, set[str]] = {}
    for i, ca in enumerate(eligible):
        a = ca.facts
        for cb in eligible[i + 1:]:
            b = cb.facts
            if ca.sentence_start == cb.sentence_start or frozenset((a.index, b.index)) in linked:
                continue
            if a.party is not None and a.party == b.party:
                continue
            evidence = _incompatible(ca, cb, a.index in stances or b.index in stances, claim_words)
            if evidence:
                yield a.index, b.index, evidence


def _incompatible(ca: _Contrast, cb: _Contrast, either_is_stance: bool,
                  claim_words: dict[int, set[str]]) -> str | None:
    a, b = ca.facts, cb.facts
    if a.tolls and b.tolls:
        for kind in set(a.tolls) & set(b.tolls):
            if not a.tolls[kind] & b.tolls[kind]:
                return (f"{kind} figures {'/'.join(map(str, sorted(a.tolls[kind])))} vs "
                        f"{'/'.join(map(str, sorted(b.tolls[kind])))}")
    shared = ca.strong & b.lemmas.keys()
    if not shared and not (ca.first_person or cb.first_person):
        return None  # nothing in common, and neither speaks of itself
    about_same = bool(shared - STATE_WORDS) or _self_reference(ca, cb, claim_words)
    if about_same:
        for row in range(len(OPPOSITE_STATES)):
            for x, y in ((ca, cb), (cb, ca)):
                if x.state_sides[row][0] and y.state_sides[row][1]:
                    return f"{sorted(x.state_sides[row][0])[0]} vs {sorted(y.state_sides[row][1])[0]}"
    if not either_is_stance and shared and a.claim.negated != b.claim.negated and overlap(
            a.lemmas, b.lemmas) >= NEGATION_OVERLAP:
        return "negated: " + ", ".join(sorted(k for k in a.lemmas if k in b.lemmas))
    return None


def _self_reference(ca: _Contrast, cb: _Contrast, claim_words: dict[int, set[str]]) -> bool:
    """``I am alive`` said by Mensah is about the Mensah named in the other claim."""
    for x, y in ((ca, cb), (cb, ca)):
        if x.first_person:
            words = claim_words.get(y.facts.index)
            if words is None:
                words = claim_words[y.facts.index] = _words(y.facts.claim.text)
            if x.facts.party_words & words:
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
