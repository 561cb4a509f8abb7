"""How far a source phrase reaches, as PolNeAR marks it: with its relative clause or past
participle, without the asides that say how or when the source spoke, and without a
relative clause that reports something of its own. Split from :mod:`cue_parse`, which finds
the source's head word.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token

from . import cues
from .cue_parse import is_cue_verb
from .spans import CharSpan, char_span_of_subtree, children_labelled


def source_span(head: Token | None) -> CharSpan | None:
    """The whole source phrase, as PolNeAR marks it: with its relative clause or past
    participle ("Cruz, who has proposed ...,", "voters interviewed at rallies"), without the
    asides of :func:`_left_out_of_source`."""
    if head is None:
        return None
    exclude = frozenset(c.i for c in children_labelled(head, _SOURCE_ASIDES, right_only=True)
                        if _left_out_of_source(head, c))
    return char_span_of_subtree(head, exclude | _reporting_clauses_of_appositions(head))


def _left_out_of_source(head: Token, child: Token) -> bool:
    """A channel ("Osei in a tweet"), an "-ing" aside ("Osei, speaking in Vorna, said"), a
    phrase on how the source spoke or felt ("Osei, with evident relief, said", "Officials,
    wary of ..., said", "Rebels in particular say"), an aside on what the source was asked
    ("Osei, asked about the convoy, said"), a relative clause that reports something of its
    own ("Osei, who also said that ...") or one that tells more of a person already
    introduced ("Osei, who has held Dalmar since May, said")."""
    dep = child.dep_
    if dep == "prep":
        return _names_channel(child) or _manner_aside(child) or _is_sentence_adverb(child)
    if dep == "amod":
        return _after_comma(child)
    if dep == "acl":
        return child.tag_ == "VBG" or (is_asked_aside(child) and not any(c.dep_ == "agent" for c in child.children))
    return dep == "relcl" and (_reports(child) or _aside_on_known_name(head, child))


# Verbs whose passive subject is the one asked, not the asker ("Asked about X, Osei said").
ASKING_VERBS = frozenset("ask press question quiz query challenge".split())


def is_asked_aside(cue: Token) -> bool:
    """"Sadeq, asked whether ..., said": an asking verb set off by commas before the verb it
    interrupts. The small parser often reads it as "Sadeq asked", a clause of that verb with
    the speaker as its subject; the speaker is the one asked."""
    doc = cue.doc
    host = cue.head
    if cue.lemma_.lower() not in ASKING_VERBS or cue.tag_ not in ("VBD", "VBN") \
            or cue.dep_ not in ("advcl", "ccomp", "acl") or cue.i == 0:
        return False
    if doc[cue.i - 1].text != "," or host.i <= cue.i and cue.dep_ != "acl":
        return False
    last = cue.right_edge.i  # the closing comma, which the parse may hang on the aside
    closing = last if doc[last].text == "," else last + 1
    return closing < len(doc) and doc[closing].text == "," and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i for c in cue.children)


def _reports(verb: Token) -> bool:
    """A relative clause that is an attribution of its own ("Aguilar, who also said that
    ..."): a cue verb with a reported clause; PolNeAR leaves it out of the main claim's
    source. "who asked not to be named" (an infinitive) stays: it says why the source is
    unnamed (PolNeAR train: 0.01 lower source F1 for keeping it)."""
    return is_cue_verb(verb) and any(c.dep_ == "ccomp" for c in verb.children)


def _aside_on_known_name(head: Token, clause: Token) -> bool:
    """A relative clause set off by a comma after a bare one-word name the article has used
    before ("Osei, who has held Dalmar since May, said"): background on someone already
    introduced, not what identifies the source. PolNeAR leaves such clauses out more often
    than not, and keeps the one that introduces a person ("Lena Osei, who ...", "Marta, 52,
    who ..." at her first mention), follows a title ("Mr. Osei, who ...") or a common noun,
    or gives the person's role, as they keep an apposition ("Osei, who is the FHF's
    spokeswoman")."""
    doc = head.doc
    return (head.tag_ == "NNP" and clause.left_edge.i > 0 and doc[clause.left_edge.i - 1].lower_ == ","
            and all(c.dep_ == "punct" for c in head.lefts) and not _gives_role(clause)
            and any(t.lower == head.lower for t in doc[:head.i]))


def _gives_role(clause: Token) -> bool:
    """"who is the army's chief of staff", "who served as governor": a role word as what
    the clause's subject is or serves as."""
    return any(t.lemma_.lower() in cues.ROLE_WORDS and (
        (t.dep_ == "attr" and t.head.i == clause.i) or (t.dep_ == "pobj" and t.head.lower_ == "as"))
        for t in clause.subtree)


def _is_sentence_adverb(prep: Token) -> bool:
    """"in particular", "in general" parsed onto the source ("Rebels in particular say"):
    an adverb of the sentence, not part of who speaks."""
    last = prep.right_edge
    return prep.lower_ == "in" and last.i == prep.i + 1 and last.lower_ in ("particular", "general")


def _after_comma(token: Token) -> bool:
    """The phrase ``token`` heads follows a comma ("Officials, wary of the truce, said")."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].lower_ == ","


def _manner_aside(prep: Token) -> bool:
    """", with unconcealed delight,", ", particularly in the last days of the siege,": a
    phrase set off by commas on both sides that names nobody (no proper noun or pronoun
    anywhere in it) tells how or when the source spoke; one that lists or places the source
    (", including Osei,", ", of the FHF,", ", at the ministry,") is part of it."""
    doc = prep.doc
    first, last = prep.left_edge.i, prep.right_edge.i
    if first == 0 or last + 1 >= len(doc) or doc[first - 1].lower_ != "," or doc[last + 1].lower_ != ",":
        return False
    if prep.lower_ in _PLACING_PREPOSITIONS:
        return False
    if not any(c.dep_ == "pobj" for c in prep.children):
        return False
    # The whole phrase, not just its object: ", with the exception of Varnov," names someone
    # and changes who is speaking.
    return not any(_names_someone(w) for w in doc[first:last + 1])


def _names_someone(word: Token) -> bool:
    """A name or pronoun; the small model tags some unknown names NN ("Varnov"), so an
    entity or a capitalised word inside the sentence counts too."""
    return (word.tag_ in ("NNP", "NNPS", "PRP") or word.ent_type_ in _NAMED_KINDS
            or (word.is_title and not word.is_sent_start))


_NAMED_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
_PLACING_PREPOSITIONS = frozenset("including like unlike along among of from at for".split())


def _reporting_clauses_of_appositions(head: Token) -> frozenset[int]:
    """The same relative clauses hung on an apposition ("Marek, a commander of the FHF, who
    also said that ...")."""
    found = [c.i for appos in children_labelled(head, _APPOS, right_only=True)
             for c in children_labelled(appos, _RELCL, right_only=True) if _reports(c)]
    return frozenset(found)


def source_name_span(head: Token) -> CharSpan:
    """The part of the source phrase that names it, without a relative clause or participle
    (whose own names are not the source: "Cruz, who beat Rubio")."""
    exclude = frozenset(c.i for c in children_labelled(head, _PREP_ACL_RELCL, right_only=True) if (
        c.dep_ == "relcl" or (c.dep_ == "acl" and c.lemma_.lower() not in ("purport", "claim"))
        or (c.dep_ == "prep" and _names_channel(c))))
    return char_span_of_subtree(head, exclude)


_PREP_ACL = frozenset(get_string_id(d) for d in ("prep", "acl"))
_PREP_ACL_RELCL = _PREP_ACL | {get_string_id("relcl")}
_SOURCE_ASIDES = _PREP_ACL_RELCL | {get_string_id("amod")}
_APPOS, _RELCL = frozenset({get_string_id("appos")}), frozenset({get_string_id("relcl")})


def _names_channel(prep: Token) -> bool:
    """``in a tweet``, ``on state TV``: a channel, not part of the source's name."""
    return prep.lower_ in ("in", "on", "via", "during", "at") and any(
        t.lower_ in cues.CHANNEL_WORDS for t in prep.subtree)


# Marks a quoted utterance ends with when a speech tag follows: '"Go home," he barked.'
