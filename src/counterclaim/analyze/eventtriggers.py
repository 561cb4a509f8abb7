"""Event triggers and their arguments: which words of a Doc name an event, of which ACLED
kind, and which tokens are its agent and patient.

A trigger's kind comes from ``eventtypes.py`` and is refined by its sentence (a bare "strike"
in a story about aircraft, a protest's subtype) and its arguments (an attack's target, a
capture's actor). One predicate makes one trigger: modifiers of another trigger and triggers
governed by one of the same type in the same clause are folded into it; weak verbs
("killed") stand in only where a sentence has no stronger trigger.
"""

from __future__ import annotations

from bisect import bisect_left

from typing import NamedTuple

from spacy.tokens import Doc, Token

from . import eventtypes as et
from .spans import sentence_bounds, sentence_of

LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "claim", "begin", "hold",
               "organise", "organize", "sign", "reach", "step", "continue", "resume", "order",
               "lead", "announce", "join", "perpetrate", "commit", "impose", "declare"}
TARGET_PREPS = {"on", "against", "at", "of", "upon", "into", "from"}
IRREALIS_HEADS = {"want", "plan", "threaten", "vow", "pledge", "intend", "aim", "seek", "try",
                  "hope", "promise", "push", "call", "urge", "ask", "demand", "prepare", "expect",
                  "propose", "wish", "offer"}
CLAUSE_LINKS = {"ccomp", "parataxis", "advcl", "relcl", "xcomp", "csubj"}


# --- triggers --------------------------------------------------------------------------


class Trigger(NamedTuple):
    token: Token
    kind: et.Kind
    weak: bool  # a weak verb ("killed") standing in for an unnamed event


def find_triggers(doc: Doc) -> list[Trigger]:
    """Event triggers of ``doc`` with their resolved kinds, one per predicate."""
    found: list[Trigger] = []
    lemmas, lowers = et.doc_lemmas(doc)
    bounds = sentence_bounds(doc)
    sentence_words = [set(lemmas[start:end]) for start, end in bounds]
    # Only words of the lexicon can be triggers: the rules run on those alone.
    lexical = [i for i, lemma in enumerate(lemmas)
               if lemma in et.TRIGGER_WORDS or lowers[i] in et.NOUNS]
    for number, (start, end) in enumerate(bounds):
        candidates = [doc[i] for i in lexical[bisect_left(lexical, start):bisect_left(lexical, end)]]
        words = _protest_context(sentence_words, number) if candidates else set()
        strong = [(t, k) for t in candidates if (k := _kind_in_context(t, words)) is not None
                  and is_literal(t, k, lemmas)]
        kept = [(t, k) for t, k in strong if not _folded(t, k, strong)]
        weak = not kept
        if weak:
            kept = [(t, k) for t in candidates if lemmas[t.i] in WEAK_TRIGGERS
                    and (k := _weak_kind(t)) is not None and is_literal(t, k, lemmas)][:1]
        protest_before = bool(found) and found[-1].kind.type in (et.PROTESTS, et.RIOTS) and \
            sentence_of(found[-1].token).end == start
        found += [Trigger(t, k, weak) for t, k in _absorbed_by_protests(kept, protest_before)]
    return found


def is_literal(token: Token, kind: et.Kind, lemmas: list[str] | None = None) -> bool:
    """Whether a word that news also uses figuratively names violence here: "battle",
    "attack", "stormed", "explosion", "killed", "captured" need a sign of armed conflict in
    their sentence ("Tesco and Unilever clashed", "an explosion of speculation", "a woman
    killed when a tram derailed" are no events); a capture needs a place to take."""
    word = et.lemma(token)
    if kind in (et.REGAIN, et.OVERTAKE) and not _takes_ground(token):
        return False
    if word not in et.FIGURATIVE:
        return True
    sentence = sentence_of(token)
    if lemmas is None:
        lemmas = et.doc_lemmas(token.doc)[0]
    context = set(lemmas[sentence.start:token.i]) | set(lemmas[token.i + 1:sentence.end])
    return bool(context & et.CONFLICT_WORDS)


def _takes_ground(token: Token) -> bool:
    """"Captured Vorna", "took control of the town", "the fall of Tarn": ground is taken."""
    _, targets = arguments(token)
    heads = targets + [g for t in targets for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"]
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or et.lemma(t) in et.GROUND_WORDS
               or _is_known_place(t) for t in heads)


def _is_known_place(token: Token) -> bool:
    """A place the places or entities components found, whatever the NER called it."""
    doc = token.doc
    places = doc._.cc_places or [] if Doc.has_extension("cc_places") else []
    entities = [e for e in doc._.cc_entities or [] if e.type == "place"]
    spans = [m for item in (*places, *entities) for m in getattr(item, "mentions", [])]
    return any(start <= token.idx < end for start, end in spans)


def _protest_context(sentence_words: list[set[str]], number: int) -> set[str]:
    """The sentence's lemmas, and the next sentence's when it speaks of the protesters
    ("Police fired tear gas to disperse them")."""
    words = set(sentence_words[number])
    if number + 1 < len(sentence_words):
        following = sentence_words[number + 1]
        if following & (et.PROTESTER_WORDS | {"they", "them"}):
            words |= following
    return words


def _kind_in_context(token: Token, sentence_words: set[str]) -> et.Kind | None:
    kind = et.trigger_kind(token)
    if kind is None and et.lemma(token) == "strike" and token.pos_ == "NOUN":
        kind = _bare_strike(token.doc, sentence_words)
    if kind is None and et.lemma(token) in et.WEAK_VERBS and token.pos_ == "VERB":
        own_subjects = [c for c in token.children if c.dep_ == "nsubj"]
        instrument = et.instrument_kind(_words_of(own_subjects) | _with_words(token))
        kind = instrument if instrument not in (None, et.EXPLOSIVE) else None
    if kind is None or is_unrealised(token):
        return None
    if kind.type == "?":
        kind = _resolve(token, kind)
    parties = _words_of([t for side in arguments(token) for t in side])
    if kind in (et.LOOTING, et.CLASH) and parties & et.CROWD_WORDS:
        # Rioters burning shops, forces clashing with rioters: ACLED's riots.
        return et.MOB if "mob" in parties else et.RIOT
    return et.protest_kind(sentence_words) if kind == et.PROTEST else kind


def is_unrealised(token: Token) -> bool:
    """Whether the trigger names what has not happened: a future, a wish, a plan, a call
    ("will attack", "wants to attack", "pushing for a ceasefire", "threatened to shell")."""
    node = token
    for _ in range(4):
        if any(c.tag_ == "MD" and c.lower_ not in ("can", "could") for c in node.children):
            return True
        if node.dep_ in ("xcomp", "ccomp", "pobj", "prep", "dobj") and et.lemma(node.head) in IRREALIS_HEADS:
            return True
        if node.dep_ in ("ccomp", "parataxis", "ROOT", "relcl", "advcl") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _bare_strike(doc: Doc, sentence_words: set[str]) -> et.Kind | None:
    """"The strike" is an air strike in a story about aircraft, a protest among workers."""
    if sentence_words & et.LABOUR_WORDS:
        return et.protest_kind(sentence_words)
    doc_words = doc.user_data.get("_cc_event_words")
    if doc_words is None:
        doc_words = doc.user_data["_cc_event_words"] = set(et.doc_lemmas(doc)[0])
    if doc_words & et.AIR_WORDS:
        return et.AIR
    return et.SHELLING if doc_words & et.SHELL_WORDS else None


def _resolve(token: Token, kind: et.Kind) -> et.Kind:
    """Attacks take their kind from instrument then target; captures from what is taken."""
    actors, targets = arguments(token)
    instrument_words = et.modifier_words(token) | _with_words(token)
    if token.pos_ == "VERB":
        instrument_words |= _words_of(actors)
    target_words = _words_of(targets)
    if kind == et.ASSAULT:
        instrument = et.instrument_kind(instrument_words)
        if instrument is not None:
            return instrument
        if target_words & et.PROTESTER_WORDS:
            return et.EXCESSIVE
        return et.assault_kind(target_words)
    if target_words & {"weapon", "arm", "ammunition", "rifle", "explosive", "cache"}:
        return et.DISRUPTED
    return et.capture_kind(_words_of(actors) | _entity_words(actors), kind == et.RECAPTURE)


WEAK_TRIGGERS = frozenset({"kill", "shoot", "fire", "destroy", "execute"})


def _weak_kind(token: Token) -> et.Kind | None:
    """"Gunmen killed five villagers": an attack, when the sentence names nothing stronger."""
    word = et.lemma(token)
    if token.pos_ != "VERB" or word not in WEAK_TRIGGERS:
        return None
    if word == "destroy":
        return et.LOOTING
    if word == "fire" and not any(c.dep_ == "prep" and c.lower_ in ("on", "at", "into") for c in token.children):
        return None  # "fired tear gas", "you're fired": no one fired upon
    return et.assault_kind(_words_of(arguments(token)[1]), default=et.ATTACK)


def _folded(token: Token, kind: et.Kind, triggers: list[tuple[Token, et.Kind]]) -> bool:
    """A modifier of another trigger, or a trigger under one of its type in the same clause,
    is not its own event: "rocket" in "rocket attack", "fighting" in "retook the town after
    heavy fighting", "looted" in "torched cars and looted shops"."""
    others = {t.i: k for t, k in triggers if t.i != token.i}
    if token.dep_ in ("compound", "amod", "nmod") and token.head.i in others:
        return True
    node = token
    for _ in range(4):
        if node.dep_ in CLAUSE_LINKS or node.head.i == node.i:
            return False
        node = node.head
        if node.i in others and _same_event(others[node.i], kind):
            return True
    return False


def _same_event(governor: et.Kind, kind: et.Kind) -> bool:
    return governor.type == kind.type or (governor.type == et.RIOTS and kind == et.LOOTING)


def _absorbed_by_protests(kept: list[tuple[Token, et.Kind]], protest_before: bool) -> list[tuple[Token, et.Kind]]:
    """Arrests of and force against protesters are part of the protest, as ACLED codes it,
    also in the sentence after it ("Police ... arrested 20 people")."""
    if protest_before:
        crowd = et.PROTESTER_WORDS | {"they", "them", "people", "student", "man", "woman"}
        force = {et.lemma(t) for t, _ in kept for t in sentence_of(t)} & et.INTERVENTION_WORDS
        return [(t, k) for t, k in kept if k.type in (et.PROTESTS, et.RIOTS)
                or not (k in (et.ARRESTS, et.ATTACK, et.EXCESSIVE)
                        and (force or _words_of(arguments(t)[1]) & crowd))]
    if not any(k.type in (et.PROTESTS, et.RIOTS) for _, k in kept):
        return kept
    return [(t, k) for t, k in kept if k.type in (et.PROTESTS, et.RIOTS)
            or not _words_of(arguments(t)[1]) & et.PROTESTER_WORDS]


# --- arguments -------------------------------------------------------------------------


def arguments(token: Token) -> tuple[list[Token], list[Token]]:
    """Heads of the agent and the patient of a trigger (verb or noun)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_arguments(token)
    actors = _subjects(token)
    targets = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    for prep in (c for c in token.children if c.dep_ == "prep"):
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "by" and any(c.dep_ == "nsubjpass" for c in token.children):
            actors += objects
        elif prep.lower_ in TARGET_PREPS | {"with"}:
            targets += objects
    actors += [c for c in token.children if c.dep_ == "agent" for c in c.children if c.dep_ == "pobj"]
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "10 soldiers killed in Ukraine"
        targets.append(token.head)
    # "retook the town from the FHF": the loser hangs on the object.
    targets += [g for t in list(targets) for p in t.children if p.dep_ == "prep" and p.lower_ == "from"
                for g in p.children if g.dep_ == "pobj"]
    return _with_conjuncts(actors), _with_conjuncts(targets)


def _subjects(verb: Token) -> list[Token]:
    """The active subject, inherited from a governing verb for conjoined or open clauses."""
    for candidate in (verb, verb.head if verb.dep_ in ("conj", "xcomp", "advcl") else None):
        if candidate is None:
            continue
        subjects = [c for c in candidate.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            return subjects
    return []


def _noun_arguments(noun: Token) -> tuple[list[Token], list[Token]]:
    actors = [c for c in noun.children if c.dep_ == "poss"]
    actors += [c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "NORP", "GPE")]
    targets: list[Token] = []
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "by":
            actors += objects
        elif prep.lower_ == "between":
            actors += objects
        elif prep.lower_ in TARGET_PREPS | {"with"}:
            targets += objects
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and et.lemma(head) in LIGHT_VERBS and not actors:
        actors = _subjects(head)
    return _with_conjuncts(actors), _with_conjuncts(targets)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out = []
    for token in tokens:
        out.append(token)
        out += [c for c in token.conjuncts if c.i > token.i]
    return out


def _with_words(token: Token) -> set[str]:
    return {et.lemma(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children if g.dep_ == "pobj"}


def _words_of(tokens: list[Token]) -> set[str]:
    words = set()
    for token in tokens:
        words |= {et.lemma(token)} | et.modifier_words(token)
    return words


def _entity_words(tokens: list[Token]) -> set[str]:
    return {w.lower() for t in tokens if t.ent_type_ for w in t.text.split()}


