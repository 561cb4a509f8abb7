"""Entities within one article: named mentions grouped, sources resolved to them.

No coreference package works offline here (coreferee and fastcoref download models), so
pronouns and nominal references ("the spokesperson", "the group") are resolved by rules:
the most recent compatible entity in the preceding three sentences, preferring subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import cues
from .spans import CharSpan, doc_tree, sentence_bounds, sentence_number, sentence_of, text_of

ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place",
                "LOC": "place", "FAC": "place"}
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its", "we", "our", "us"}
FEMALE_WORDS = {"spokeswoman", "chairwoman", "ms", "ms.", "mrs", "mrs.", "madam", "queen"}
MALE_WORDS = {"spokesman", "chairman", "mr", "mr.", "king", "sir"}
ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Z0-9&-]{1,9})\)")


@dataclass
class EntityRecord:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[CharSpan] = field(default_factory=list)
    gender: str | None = None
    named: bool = True


class EntityIndex:
    """Entities of one doc, with the mentions in text order for resolving references."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.records: list[EntityRecord] = []
        self._by_key: dict[str, EntityRecord] = {}
        self._timeline: list[tuple[int, EntityRecord]] = []  # (token index, entity)
        self.speakers: set[str] = set()  # ids of entities already resolved as sources

    # -- building --------------------------------------------------------------------------
    def add_named(self, ent: Span) -> EntityRecord:
        name = _clean_name(ent)
        etype = ENTITY_TYPES[ent.label_]
        record = self._find(name, etype) or self._new(name, etype)
        if name != record.name:
            record.aliases.add(name)
        self._mention(record, ent.start_char, ent.end_char, ent.start)
        return record

    def add_nominal(self, head: Token, span: CharSpan) -> EntityRecord:
        """An unnamed source ("a senior official", "residents") becomes an entity too."""
        name = _nominal_name(head)
        etype = "person" if head.tag_ == "NN" and head.lemma_.lower() in cues.ROLE_WORDS else "group"
        key = name.lower()
        record = self._by_key.get(f"nominal:{key}")
        if record is None:
            record = self._new(name, etype if etype != "group" else _group_type(head), named=False)
            self._by_key[f"nominal:{key}"] = record
        self._mention(record, span[0], span[1], head.i)
        return record

    def _new(self, name: str, etype: str, named: bool = True) -> EntityRecord:
        record = EntityRecord(id=f"e{len(self.records) + 1}", name=name, type=etype, named=named)
        self.records.append(record)
        self._by_key[f"{etype}:{name.lower()}"] = record
        return record

    def _mention(self, record: EntityRecord, start: int, end: int, token_i: int) -> None:
        if (start, end) not in record.mentions:
            record.mentions.append((start, end))
        self._timeline.append((token_i, record))

    def _find(self, name: str, etype: str) -> EntityRecord | None:
        key = name.lower()
        for record in self.records:
            if key == record.name.lower() or record.aliases and any(key == alias.lower() for alias in record.aliases):
                return record  # (most records have no alias: no generator for them)
            if etype == "person" == record.type and _surname_match(name, record.name):
                return record
            if etype in ("organization", "group") and record.type in ("organization", "group"):
                if _acronym_of(name, record.name) or _acronym_of(record.name, name):
                    return record
        return None

    # -- resolving references --------------------------------------------------------------
    def resolve(self, token: Token) -> EntityRecord | None:
        """The entity a pronoun or nominal reference at ``token`` points back to."""
        lower = token.lower_
        sent_start = sentence_of(token).start
        # Pronouns reach three sentences back; "the group" or "the spokesperson" further.
        window_start = self._window_start(token, 3 if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS else 8)
        candidates = [r for i, r in reversed(self._timeline) if window_start <= i < token.i
                      or (i < sent_start and i >= window_start)]
        if lower in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[lower]
            people = [r for r in candidates if r.type == "person" and r.gender in (None, gender)]
            # A pronoun subject of a speech verb mostly continues the last speaker; an exact
            # gender match beats an unknown one.
            people.sort(key=lambda r: (r.id not in self.speakers, r.gender != gender))
            if people:
                record = people[0]
                record.gender = record.gender or gender
                return record
            return None
        if lower in GROUP_PRONOUNS:
            plural = lower in ("they", "them", "their", "we", "our", "us")
            for record in candidates:
                if record.type in ("organization", "group") and (plural or record.type == "organization"):
                    return record
            return None
        head_lemma = token.lemma_.lower()
        for record in candidates:
            if head_lemma in record.roles or head_lemma in record.name.lower().split():
                return record
            if head_lemma in cues.GROUP_NOUNS and record.named and record.type in (
                    "organization", "group") and _nominal_fits(head_lemma, record):
                return record
        return None

    def _window_start(self, token: Token, sentences: int) -> int:
        bounds = sentence_bounds(token.doc)
        return bounds[max(0, sentence_number(token) - sentences)][0]


def _nominal_fits(lemma: str, record: EntityRecord) -> bool:
    name = record.name.lower()
    if lemma in ("group", "movement", "organisation", "organization"):
        return record.type == "organization"
    return lemma in name or any(lemma in r for r in record.roles) or (
        lemma in ("rebels", "rebel", "fighters", "militants", "insurgents") and record.type == "organization"
        and any(w in name for w in ("front", "army", "movement", "liberation", "brigade", "forces"))
    )


def _group_type(head: Token) -> str:
    return "organization" if head.lemma_.lower() in (
        "army", "military", "government", "ministry", "police", "police", "office", "agency",
        "council", "commission", "administration", "regime", "junta") else "group"


def _clean_name(ent: Span) -> str:
    """The entity's words without a leading "the" or trailing possessive marks, one space
    apart; read from the doc's offsets (a Token only for a tag that may be a possessive)."""
    doc, first, last = ent.doc, ent.start, ent.end
    tree, doc_text = doc_tree(doc), text_of(doc)
    if doc_text[tree.starts[first]:tree.ends[first]].lower() == "the":
        first += 1
    while last > first and doc[last - 1].tag_ == "POS":
        last -= 1
    text = " ".join(doc_text[tree.starts[k]:tree.ends[k]] for k in range(first, last)) if last > first else ent.text
    return _SPACE_BEFORE_MARK.sub(r"\1", text).strip()


_SPACE_BEFORE_MARK = re.compile(r"\s+([.,'])")


def _nominal_name(head: Token) -> str:
    words = [t for t in head.subtree if t.i < head.i and t.dep_ in ("amod", "compound", "nmod")]
    words += _compound_word_read_as_verb(head)
    return " ".join([*(t.text for t in sorted(words, key=lambda t: t.i)), head.text])


def _compound_word_read_as_verb(head: Token) -> list[Token]:
    """"Aid" in "Aid workers in Vorna say": the parse makes it a bare verb, the cue's clausal
    subject, with the noun its object (attribution_compound_sources takes the noun for source)."""
    verb = head.head
    if head.dep_ != "dobj" or verb.dep_ != "csubj" or verb.tag_ not in ("VB", "VBP") \
            or verb.left_edge.i != verb.i or verb.i != head.left_edge.i - 1:
        return []
    return [verb]


def _surname_match(a: str, b: str) -> bool:
    """"Sadeq" and "Karim Sadeq" are one person; "Lena Osei" and "Kofi Osei" are not."""
    ta, tb = a.split(), b.split()
    if len(ta) == 1 and len(tb) > 1:
        return ta[0] == tb[-1]
    if len(tb) == 1 and len(ta) > 1:
        return tb[0] == ta[-1]
    return False


def _acronym_of(short: str, long: str) -> bool:
    if not short.isupper() or len(short) < 2 or " " in short:
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for"))
    return initials == short


def gender_hint(tokens: list[Token]) -> str | None:
    words = {t.lower_ for t in tokens}
    if words & FEMALE_WORDS:
        return "f"
    if words & MALE_WORDS:
        return "m"
    return None


def build_index(doc: Doc) -> EntityIndex:
    """Named entities of the doc, merged by name, surname and acronym."""
    index = EntityIndex(doc)
    for ent in doc.ents:
        text = text_of(doc)[ent.start_char:ent.end_char]  # ent.text, without joining its Tokens
        if ent.label_ in ENTITY_TYPES and text.strip() and not text.islower():
            index.add_named(ent)
    # "Free Highlands Front (FHF)" declares an acronym even where the model misses it.
    for match in ACRONYM_IN_PARENS.finditer(text_of(doc)):
        for record in index.records:
            if record.type in ("organization", "group") and _acronym_of(match.group(1), record.name):
                record.aliases.add(match.group(1))
    return index


def entity_span_for(index: EntityIndex, span: CharSpan) -> EntityRecord | None:
    """The named entity whose mention falls inside a source span, people first."""
    found = [(r, m) for r in index.records for m in r.mentions if span[0] <= m[0] and m[1] <= span[1]]
    if not found:
        return None
    found.sort(key=lambda rm: (rm[0].type != "person", rm[0].type == "place", -(rm[1][1] - rm[1][0])))
    return found[0][0]
