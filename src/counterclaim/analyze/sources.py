"""Sources: which entity an attribution's source phrase names, its kind, roles and channel."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from . import cues
from .attribution import Attribution
from .cue_parse import doc_words
from .source_spans import source_name_span, source_span
from .entities import EntityIndex, EntityRecord, entity_span_for, gender_hint
from .spans import CharSpan, char_span_of_subtree, doc_tree, expand_span, subtree_order, text_of

PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "we", "i", "you"}


class ResolvedSource(NamedTuple):
    entity: EntityRecord | None
    kind: str  # named | unnamed | anonymous | unverified
    channel: str | None


def resolve_source(doc: Doc, index: EntityIndex, attribution: Attribution) -> ResolvedSource:
    resolved = _resolve(doc, index, attribution)
    if resolved.entity is not None and resolved.kind in ("named", "unnamed"):
        index.speakers.add(resolved.entity.id)
    return resolved


def _resolve(doc: Doc, index: EntityIndex, attribution: Attribution) -> ResolvedSource:
    channel = find_channel(doc, attribution)
    if attribution.source is None or attribution.source_token is None:
        return ResolvedSource(None, "anonymous", channel)
    head = doc[attribution.source_token]
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        # "officials, who said ...": the relative pronoun stands for its antecedent.
        head = head.head.head
        while head.dep_ == "appos":  # "Karim Sadeq, an army commander who said"
            head = head.head
        attribution = attribution._replace(source=_antecedent_span(head), source_token=head.i)
    else:
        attribution = attribution._replace(source=_name_part(head, attribution.source))
    phrase = text_of(doc)[attribution.source[0]:attribution.source[1]]
    lower = phrase.lower()
    if any(marker in lower for marker in cues.UNVERIFIED_MARKERS):
        entity = entity_span_for(index, attribution.source)
        return ResolvedSource(entity, "unverified", channel or _channel_in(lower))
    if head.lower_ in PRONOUNS or head.tag_ in ("PRP", "PRP$"):
        entity = index.resolve(head)
        kind = "named" if entity is not None and entity.named else "unnamed"
        if entity is not None:
            entity.mentions.append((head.idx, head.idx + len(head.text)))
        return ResolvedSource(entity, kind, channel)
    entity = entity_span_for(index, attribution.source)
    if entity is not None and entity.type != "place" or (entity is not None and head.ent_type_ in ("GPE",)):
        _add_roles(doc, attribution, entity, index)
        return ResolvedSource(entity, "named", channel)
    if head.lemma_.lower() in cues.ANONYMOUS_HEADS or head.lower_ in cues.ANONYMOUS_HEADS:
        return ResolvedSource(None, "anonymous", channel or _anonymous_channel(head))
    entity = index.resolve(head) if _is_definite(head) else None
    if entity is not None:
        return ResolvedSource(entity, "named" if entity.named else "unnamed", channel)
    entity = index.add_nominal(head, attribution.source)
    if head.lemma_.lower() in cues.ROLE_WORDS:
        entity.roles.append(head.lemma_.lower()) if head.lemma_.lower() not in entity.roles else None
    definite_institution = _is_definite(head) and head.lemma_.lower() in cues.GROUP_NOUNS and head.tag_ == "NN"
    if definite_institution:
        entity.named = True
    return ResolvedSource(entity, "named" if definite_institution else "unnamed", channel)


def _name_part(head: Token, source: CharSpan) -> CharSpan:
    """The source phrase less a relative clause or participle that describes it: entities
    named there ("Cruz, who beat Rubio") are not the source."""
    tree = doc_tree(head.doc)
    if not any(tree.deps[c] in _DESCRIBING for c in tree.rights[head.i]):
        return source  # both spans below are the head's whole subtree: nothing describes it
    name = source_name_span(head)
    # A participle the kept attribution added ("residents fleeing Kessen") still describes it.
    extended = source[0] == name[0] and source[1] > name[1]
    if name == source_span(head) and not extended:
        return source  # nothing describes it (or a transcript line names it)
    inside = source[0] <= name[0] and name[1] <= source[1]
    return name if inside and name[1] > name[0] else source


# The right-hand children source_span and source_name_span may leave out.
_DESCRIBING = frozenset(get_string_id(d) for d in ("prep", "acl", "relcl"))


def _antecedent_span(head: Token) -> CharSpan:
    exclude = frozenset(c.i for c in head.children if c.dep_ == "relcl" or c.i > head.i and c.dep_ == "punct")
    return char_span_of_subtree(head, exclude)


def _is_definite(head: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their", "his", "her") for c in head.children)


def _add_roles(doc: Doc, attribution: Attribution, entity: EntityRecord, index: EntityIndex) -> None:
    """Role words and ranks around a named source become the entity's roles; an organisation
    named in the same phrase becomes its affiliation ("army spokesperson Karim Sadeq")."""
    start, end = attribution.source
    tokens = [t for t in expand_span(doc, start, end) or []]
    for tok in tokens:
        lemma = tok.lower_.rstrip(".")
        if tok.ent_type_ == "PERSON" and lemma not in cues.RANKS:
            continue
        if lemma in cues.ROLE_WORDS or lemma in cues.RANKS or tok.lemma_.lower() in cues.ROLE_WORDS:
            role = tok.text.rstrip(".") if lemma in cues.RANKS else tok.lemma_.lower()
            if role not in entity.roles:
                entity.roles.append(role)
    if entity.type == "person":
        entity.gender = entity.gender or gender_hint(tokens)
        for other in index.records:
            if other is entity or other.type not in ("organization", "group"):
                continue
            if any(start <= m[0] and m[1] <= end for m in other.mentions):
                entity.affiliation = entity.affiliation or other.id
        if entity.affiliation is None:
            for tok in tokens:
                if tok.dep_ == "compound" and tok.lemma_.lower() in cues.GROUP_NOUNS and tok.i < doc[attribution.source_token].i:
                    group = index.add_nominal(tok, (tok.idx, tok.idx + len(tok.text)))
                    group.named = True
                    entity.affiliation = group.id
                    break


def find_channel(doc: Doc, attribution: Attribution) -> str | None:
    """The channel named around the cue: "in a tweet", "on Telegram", "told reporters"."""
    if attribution.cue_lemma in ("tweet", "retweet"):
        return "tweet"
    if attribution.cue_lemma == "post":
        return "social_media"
    if attribution.cue_token is None:
        return None
    cue = doc[attribution.cue_token]
    words: list[str] = []
    tree, lowers = doc_tree(doc), doc_words(doc).lowers  # index lists: no Token per word
    for child in tree.children[cue.i]:
        if tree.starts[child] >= attribution.content[0] and tree.starts[child] < attribution.content[1]:
            continue
        if tree.deps[child] in _CHANNEL_DEPS:
            words.extend(lowers[i] for i in subtree_order(doc, child))
    if attribution.source is not None:
        words.extend(text_of(doc)[attribution.source[0]:attribution.source[1]].lower().split())
    if cue.pos_ == "NOUN":
        words.append(cue.lower_)
    if cue.lemma_.lower() == "tell" and any(w in ("reporters", "journalists", "press") for w in words):
        return "press_conference"
    return _channel_in(" ".join(words))


# The cue's arguments that can name a channel ("in a tweet", "told reporters").
_CHANNEL_DEPS = frozenset(get_string_id(d) for d in ("prep", "dobj", "npadvmod", "advcl", "dative", "agent"))


def _channel_in(text: str) -> str | None:
    """The channel of the earliest channel word in the text (of two starting at the same
    place, the one listed first)."""
    match = _CHANNEL_WORD.search(f" {text} ")
    return cues.CHANNEL_WORDS[match.group(1)] if match else None


# Any channel word between spaces, in the lexicon's order; the words themselves are looked
# ahead at, so that one space can close a word and open the next.
_CHANNEL_WORD = re.compile(" (?=(" + "|".join(
    re.escape(word) for word in cues.CHANNEL_WORDS
    if word not in ("x", "post", "report", "reports", "address")  # too ambiguous outside a
) + ") )")  # cue's own arguments


def _anonymous_channel(head: Token) -> str | None:
    return "report" if head.lemma_.lower() == "report" else None
