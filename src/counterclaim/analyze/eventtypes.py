"""The ACLED event taxonomy and the lexicon that tells which word names which event.

A word is an event *trigger* when it is a verb or noun of this lexicon ("shelled", "a drone
strike", "clashes", "the handover of Vorna"). Its (type, subtype) comes from the word, then is
refined by the words around it: the instrument ("drone attack", "jets pounded" → air strike),
the target ("attacked a market" → violence against civilians, "attacked an army post" →
battle) and, for protests, what else the sentence tells (tear gas → protest with
intervention). Weak words ("hit", "kill", "destroy") name an event only when an instrument
makes them one or no stronger trigger stands in the sentence (``events.py`` decides).

Taxonomy: ACLED Codebook (2023), event types and sub-event types.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    REMOTE: ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
             "Suicide bomb", "Grenade"),
    CIVILIANS: ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"),
}


class Kind(NamedTuple):
    type: str
    subtype: str


CLASH = Kind(BATTLES, "Armed clash")
REGAIN = Kind(BATTLES, "Government regains territory")
OVERTAKE = Kind(BATTLES, "Non-state actor overtakes territory")
AIR = Kind(REMOTE, "Air/drone strike")
SHELLING = Kind(REMOTE, "Shelling/artillery/missile attack")
EXPLOSIVE = Kind(REMOTE, "Remote explosive/landmine/IED")
SUICIDE = Kind(REMOTE, "Suicide bomb")
GRENADE = Kind(REMOTE, "Grenade")
ATTACK = Kind(CIVILIANS, "Attack")
ABDUCTION = Kind(CIVILIANS, "Abduction/forced disappearance")
SEXUAL = Kind(CIVILIANS, "Sexual violence")
PROTEST = Kind(PROTESTS, "Peaceful protest")
INTERVENTION = Kind(PROTESTS, "Protest with intervention")
EXCESSIVE = Kind(PROTESTS, "Excessive force against protesters")
RIOT = Kind(RIOTS, "Violent demonstration")
MOB = Kind(RIOTS, "Mob violence")
AGREEMENT = Kind(STRATEGIC, "Agreement")
ARRESTS = Kind(STRATEGIC, "Arrests")
CHANGE = Kind(STRATEGIC, "Change to group/activity")
DISRUPTED = Kind(STRATEGIC, "Disrupted weapons use")
BASE = Kind(STRATEGIC, "Headquarters or base established")
LOOTING = Kind(STRATEGIC, "Looting/property destruction")
TRANSFER = Kind(STRATEGIC, "Non-violent transfer of territory")
OTHER = Kind(STRATEGIC, "Other")

# Markers resolved from context: an attack's type follows its target, a capture's its actor.
ASSAULT = Kind("?", "assault")
CAPTURE = Kind("?", "capture")
RECAPTURE = Kind("?", "recapture")

VERBS: dict[str, Kind] = {
    **dict.fromkeys(("shell", "bombard", "pound"), SHELLING),
    **dict.fromkeys(("bomb", "airstrike"), AIR),
    **dict.fromkeys(("clash", "fight", "fought", "battle", "skirmish", "ambush"), CLASH),
    **dict.fromkeys(("attack", "raid", "assault", "storm"), ASSAULT),
    **dict.fromkeys(("capture", "seize", "overrun", "overran", "occupy", "conquer"), CAPTURE),
    **dict.fromkeys(("retake", "retook", "recapture", "regain", "liberate"), RECAPTURE),
    **dict.fromkeys(("abduct", "kidnap"), ABDUCTION),
    "rape": SEXUAL,
    **dict.fromkeys(("protest", "demonstrate", "rally", "march", "picket"), PROTEST),
    **dict.fromkeys(("riot", "rampage"), RIOT),
    "lynch": MOB,
    **dict.fromkeys(("loot", "pillage", "plunder", "ransack", "torch", "burn", "raze", "vandalize",
                     "vandalise", "demolish"), LOOTING),
    "agree": AGREEMENT,
    **dict.fromkeys(("cede", "withdraw", "withdrew", "handover"), TRANSFER),
    **dict.fromkeys(("arrest", "detain", "apprehend", "jail", "imprison"), ARRESTS),
    **dict.fromkeys(("defuse", "dismantle", "intercept"), DISRUPTED),
    **dict.fromkeys(("recruit", "merge", "disband", "defect", "deploy", "mobilize", "mobilise"), CHANGE),
    **dict.fromkeys(("massacre", "execute", "murder", "slaughter", "behead"), ATTACK),
}
NOUNS: dict[str, Kind] = {
    **dict.fromkeys(("shelling", "bombardment", "artillery", "mortar", "rocket", "missile",
                     "barrage"), SHELLING),
    **dict.fromkeys(("airstrike", "air-strike", "airstrikes"), AIR),
    **dict.fromkeys(("bombing", "explosion", "blast", "ied", "landmine"), EXPLOSIVE),
    "grenade": GRENADE,
    **dict.fromkeys(("clash", "fighting", "battle", "firefight", "skirmish", "gunfight", "ambush",
                     "offensive", "hostility", "combat", "shootout"), CLASH),
    **dict.fromkeys(("attack", "raid", "assault", "incursion"), ASSAULT),
    **dict.fromkeys(("capture", "seizure", "takeover", "fall"), CAPTURE),
    "recapture": RECAPTURE,
    **dict.fromkeys(("massacre", "killing", "execution", "murder", "beheading"), ATTACK),
    **dict.fromkeys(("abduction", "kidnapping"), ABDUCTION),
    "rape": SEXUAL,
    **dict.fromkeys(("protest", "demonstration", "rally", "march", "sit-in", "walkout"), PROTEST),
    **dict.fromkeys(("riot", "rioting", "unrest"), RIOT),
    "lynching": MOB,
    **dict.fromkeys(("looting", "arson", "pillage"), LOOTING),
    **dict.fromkeys(("ceasefire", "cease-fire", "truce", "agreement", "accord", "deal", "treaty",
                     "armistice"), AGREEMENT),
    **dict.fromkeys(("handover", "withdrawal", "pullout", "pull-out"), TRANSFER),
    **dict.fromkeys(("arrest", "detention", "crackdown"), ARRESTS),
    **dict.fromkeys(("curfew", "blockade", "siege", "lockdown"), OTHER),
}
# Verb + particle or object that make an event together.
PHRASAL = {("hand", "over"): TRANSFER, ("pull", "out"): TRANSFER, ("round", "up"): ARRESTS,
           ("shoot", "down"): DISRUPTED, ("set", "up"): BASE}
BASE_VERBS = {"establish", "set", "open", "build", "set up", "move"}
BASE_NOUNS = {"base", "headquarters", "hq", "camp", "outpost", "garrison", "command"}
TAKE_OBJECTS = {"control", "town", "city", "village", "territory", "area", "district", "base",
                "airport", "hill", "position", "stronghold", "province", "region"}
EMERGENCY_VERBS = {"impose", "declare", "announce", "enforce"}
EMERGENCY_NOUNS = {"curfew", "emergency", "law", "blockade", "lockdown"}
# An agreement noun names an event only when something is done to it: signed, reached.
AGREEMENT_HEADS = {"sign", "reach", "agree", "announce", "accept", "conclude", "broker", "declare",
                   "ratify", "implement",
                   "strike", "seal", "approve", "ink", "negotiate", "take", "begin", "come"}
WEAK_VERBS = {"hit", "strike", "struck", "kill", "destroy", "target", "shoot", "shot", "fire",
              "wound", "die", "injure"}

AIR_WORDS = {"air", "aerial", "drone", "aircraft", "jet", "warplane", "plane", "helicopter",
             "gunship", "uav", "airstrike", "airforce", "bomber"}
SHELL_WORDS = {"rocket", "missile", "mortar", "artillery", "shell", "tank", "howitzer", "shelling"}
EXPLOSIVE_WORDS = {"ied", "explosive", "mine", "landmine", "roadside", "car", "bomb", "device"}
ARMED_WORDS = {"soldier", "troop", "army", "force", "military", "police", "policeman", "checkpoint",
               "base", "post", "position", "convoy", "patrol", "rebel", "militant", "fighter",
               "insurgent", "militia", "militiaman", "guerrilla", "barracks", "garrison", "unit",
               "battalion", "brigade", "outpost", "gunman", "jihadist", "depot", "stronghold",
               "government", "regiment", "commander", "officer", "tank", "vehicle"}
CIVILIAN_WORDS = {"civilian", "villager", "resident", "market", "school", "hospital", "mosque",
                  "church", "worshipper", "people", "woman", "child", "family", "village", "home",
                  "house", "farmer", "student", "pupil", "passenger", "bus", "shop", "wedding",
                  "funeral", "journalist", "shopper", "refugee", "clinic", "neighbourhood",
                  "neighborhood", "man", "men", "girl", "boy", "worker", "teacher", "doctor"}
STATE_WORDS = {"army", "government", "military", "troop", "soldier", "force", "police", "regime",
               "ministry", "navy", "airforce", "gendarmerie", "security"}
NONSTATE_WORDS = {"rebel", "militant", "insurgent", "militia", "front", "fighter", "jihadist",
                  "guerrilla", "liberation", "movement", "brigade", "faction", "group", "separatist"}
PROTESTER_WORDS = {"protester", "protestor", "demonstrator", "marcher", "protest", "demonstration",
                   "crowd", "rally"}
INTERVENTION_WORDS = {"gas", "disperse", "cannon", "baton", "rubber", "arrest", "detain", "break"}
EXCESSIVE_WORDS = {"kill", "dead", "live", "ammunition", "shoot", "shot", "massacre"}
RIOT_WORDS = {"stone", "rock", "torch", "burn", "loot", "smash", "vandalize", "vandalise", "clash",
              "petrol", "molotov", "arson"}
CROWD_WORDS = {"rioter", "protester", "protestor", "demonstrator", "crowd", "mob", "youth"}
LABOUR_WORDS = {"worker", "union", "general", "hunger", "employee", "staff", "teacher", "nurse"}

# Words news uses figuratively ("battle over prices", "attacked her rival", "stormed to
# victory", "an explosion of interest"): they name violence only beside CONFLICT_WORDS.
# (Captures need no such sign: they must take a named or nominal place instead.)
FIGURATIVE = {"fight", "battle", "clash", "skirmish", "combat", "offensive", "hostility", "attack",
              "assault", "storm", "raid", "ambush", "explosion", "blast", "kill", "shoot", "fire",
              "destroy", "deploy", "mobilize", "mobilise", "recruit", "execute", "execution",
              "killing", "detain", "arrest"}
CONFLICT_WORDS = (ARMED_WORDS | NONSTATE_WORDS | AIR_WORDS | SHELL_WORDS | EXPLOSIVE_WORDS) - {
    "group", "movement", "front", "car", "device", "plane", "force", "unit", "vehicle", "post",
    "position", "officer", "government", "base", "tank"} | {
    "gun", "gunfire", "weapon", "rifle", "bullet", "gunman", "militant", "terrorist", "war",
    "shelling", "airstrike", "insurgency", "jihadist", "police", "armed", "warplane", "ceasefire",
    "truce", "suspect", "custody", "checkpoint", "civilian", "hostage", "grenade", "suicide",
    "explosive", "ammunition", "massacre", "security"}  # not deaths alone: accidents kill too
GROUND_WORDS = {"town", "city", "village", "territory", "area", "district", "base", "airport",
                "hill", "position", "stronghold", "province", "region", "neighbourhood",
                "neighborhood", "outpost", "camp", "checkpoint", "port", "capital", "valley",
                "ridge", "crossing", "bridge", "garrison", "enclave", "suburb", "countryside"}

# Irregular forms the small models leave unlemmatised.
IRREGULAR = {"retook": "retake", "overran": "overrun", "fought": "fight", "withdrew": "withdraw",
             "struck": "strike", "shot": "shoot", "took": "take", "rioted": "riot"}


def lemma(token: Token) -> str:
    cached = token.doc.user_data.get(_LEMMAS_KEY)  # the events component's per-doc lists
    if cached is not None:
        return cached[0][token.i]
    word = token.lemma_.lower()
    return IRREGULAR.get(token.lower_, IRREGULAR.get(word, word))


# Every word ``trigger_kind`` or a weak verb can start from (a superset): tokens whose lemma
# is not here, and whose lower-case form is no event noun, name no event, so the per-token
# rules need not run on them.
TRIGGER_WORDS = frozenset(VERBS) | frozenset(NOUNS) | {verb for verb, _ in PHRASAL} | BASE_VERBS \
    | EMERGENCY_VERBS | WEAK_VERBS | {"take", "sign", "strike", "drop", "fire", "launch", "bomb",
                                      "bomber", "mine", "law", "emergency", "fall", "march"}

_LEMMAS_KEY = "_cc_event_lemmas"
_LEMMA_WORDS: dict[int, str] = {}  # lemma id -> its lower-case form, IRREGULAR applied
_LOWER_WORDS: dict[int, str] = {}  # lower-case form id -> the string (the string store decodes on each read)
_IRREGULAR_IDS = frozenset(get_string_id(form) for form in IRREGULAR)  # their lower-case form ids


def doc_lemmas(doc: Doc) -> tuple[list[str], list[str]]:
    """``lemma(t)`` and ``t.lower_`` of every token, read once per doc from spaCy's arrays
    (and kept in ``doc.user_data`` until ``forget_lemmas``): the event rules look at each
    token's lemma many times, and building Token objects for that was their main cost."""
    cached = doc.user_data.get(_LEMMAS_KEY)
    if cached is not None:
        return cached
    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, LOWER]) if len(doc) else None
    lemma_ids = rows[:, 0].tolist() if rows is not None else []
    lower_ids = rows[:, 1].tolist() if rows is not None else []
    if len(_LEMMA_WORDS) + len(_LOWER_WORDS) > 200_000:
        _LEMMA_WORDS.clear()
        _LOWER_WORDS.clear()
    lower_set = set(lower_ids)
    for lower_id in lower_set.difference(_LOWER_WORDS):
        _LOWER_WORDS[lower_id] = strings[lower_id]
    lowers = [_LOWER_WORDS[i] for i in lower_ids]
    for lemma_id in set(lemma_ids).difference(_LEMMA_WORDS):
        word = strings[lemma_id].lower()
        _LEMMA_WORDS[lemma_id] = IRREGULAR.get(word, word)
    lemmas = [_LEMMA_WORDS[i] for i in lemma_ids]
    if not lower_set.isdisjoint(_IRREGULAR_IDS):  # rare: most texts have no such form
        for k, lower_id in enumerate(lower_ids):
            if lower_id in _IRREGULAR_IDS:
                lemmas[k] = IRREGULAR[lowers[k]]
    cached = doc.user_data[_LEMMAS_KEY] = (lemmas, lowers)
    return cached


def forget_lemmas(doc: Doc) -> None:
    doc.user_data.pop(_LEMMAS_KEY, None)


def trigger_kind(token: Token) -> Kind | None:
    """The (possibly unresolved) kind a token names by itself, or None."""
    word = lemma(token)
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return _verb_kind(token, word)
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_kind(token, word)
    return None


def _verb_kind(token: Token, word: str) -> Kind | None:
    if token.dep_ in ("amod", "compound"):
        return None  # "rebel-held", "Israeli-occupied": a state, not an event
    particles = {lemma(c) for c in token.children if c.dep_ == "prt"}
    for particle in particles:
        if (word, particle) in PHRASAL:
            kind = PHRASAL[(word, particle)]
            return kind if kind != BASE or _object_words(token) & BASE_NOUNS else None
    objects = _object_words(token)
    if word in BASE_VERBS and objects & BASE_NOUNS:
        return BASE
    if word == "take" and objects & TAKE_OBJECTS:
        return CAPTURE
    if word in EMERGENCY_VERBS and objects & EMERGENCY_NOUNS:
        return OTHER
    if word == "sign" and objects & {"agreement", "accord", "deal", "treaty", "ceasefire", "truce"}:
        return AGREEMENT
    if word == "strike" and objects & {"deal", "agreement"}:
        return AGREEMENT
    if word == "drop" and objects & (AIR_WORDS | {"bomb", "barrel"}):
        return AIR
    if word in ("fire", "launch") and objects & (AIR_WORDS | SHELL_WORDS | {"bomb", "anti"}):
        # Mortar bombs and anti-aircraft batteries are fired from the ground.
        return SHELLING if objects & (SHELL_WORDS | {"bomb", "anti"}) else AIR
    if word == "agree" and any(c.dep_ == "xcomp" for c in token.children):
        return None  # "agreed to lift sanctions": a concession, not an agreement
    return VERBS.get(word)


def _noun_kind(token: Token, word: str) -> Kind | None:
    if word == "strike":
        modifiers = modifier_words(token)
        if modifiers & AIR_WORDS:
            return AIR
        if modifiers & SHELL_WORDS:
            return SHELLING
        if modifiers & LABOUR_WORDS:
            return PROTEST
        return None  # a bare "strike": events.py decides from the sentence
    if word == "bomb" or word == "bomber":
        modifiers = modifier_words(token)
        if "suicide" in modifiers:
            return SUICIDE
        return EXPLOSIVE if word == "bomb" and token.dep_ != "dobj" else None
    if word == "fall" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    if word == "march" and token.ent_type_ == "DATE":
        return None
    if word == "mine" and "land" in modifier_words(token) | {token.lower_}:
        return EXPLOSIVE
    if word in ("law",) and "martial" in modifier_words(token):
        return OTHER
    if word == "emergency" and token.head.lower_ == "of" and token.head.head.lower_ == "state":
        return OTHER
    kind = NOUNS.get(word) or NOUNS.get(token.lower_)
    if kind == AGREEMENT and not _agreement_made(token):
        return None
    return kind


def _agreement_made(noun: Token) -> bool:
    """"Signed a truce", "the ceasefire took effect"; not "pushing for a ceasefire"."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass", "nsubj") and lemma(head) in AGREEMENT_HEADS:
        return True
    return noun.dep_ == "conj" and noun.head.i != noun.i and _agreement_made(noun.head)


def _object_words(token: Token) -> set[str]:
    words = set()
    for child in token.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd"):
            words |= {lemma(child)} | modifier_words(child) | {lemma(t) for t in child.lefts}
        if child.dep_ == "prep":
            words |= {lemma(g) for g in child.children if g.dep_ == "pobj"}
    if token.dep_ in ("acl", "relcl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        words.add(lemma(token.head))  # "the base established by ..."
    return words


def modifier_words(token: Token) -> set[str]:
    """Lemmas of the compounds and adjectives before a noun ("drone" in "a drone strike")."""
    return {lemma(c) for c in token.children
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < token.i}


def instrument_kind(words: set[str]) -> Kind | None:
    """The remote-violence kind an instrument names, if any ("drone", "mortar", "suicide")."""
    if "suicide" in words:
        return SUICIDE
    if "grenade" in words:
        return GRENADE
    if words & AIR_WORDS:
        return AIR
    if words & SHELL_WORDS:
        return SHELLING
    if words & EXPLOSIVE_WORDS:
        return EXPLOSIVE
    return None


def assault_kind(target_words: set[str], default: Kind = CLASH) -> Kind:
    """An attack on armed men or their posts is a battle; on civilians, violence against them."""
    if target_words & CIVILIAN_WORDS:
        return ATTACK
    if target_words & ARMED_WORDS:
        return CLASH
    return default


def capture_kind(actor_words: set[str], recapture: bool) -> Kind:
    """A government retaking ground regains territory; anyone else taking it overtakes it."""
    if actor_words & NONSTATE_WORDS and not actor_words & STATE_WORDS:
        return OVERTAKE
    if actor_words & STATE_WORDS or recapture:
        return REGAIN
    return OVERTAKE


def protest_kind(sentence_words: set[str]) -> Kind:
    """A protest's subtype from its sentence: force used on it, violence by it, or neither."""
    if sentence_words & RIOT_WORDS and sentence_words & CROWD_WORDS:
        return RIOT
    if sentence_words & EXCESSIVE_WORDS:
        return EXCESSIVE
    if sentence_words & INTERVENTION_WORDS:
        return INTERVENTION
    return PROTEST
