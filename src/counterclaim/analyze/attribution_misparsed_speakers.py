"""Speakers the small parser labels as something else, for kept attributions it left without
a source:

- "She's said ..." read as a passive ("'s" an auxiliary of the passive, "She" its passive
  subject), so the rules took the subject for what is said; the verb has an object or a
  clause of its own, so it is the perfect "she has said" and "She" speaks;
- a cue verb tagged as a noun in a short sentence ("Osei claims he holds Kessen", "Audit
  files show that ..."): the noun's subject or the compound before it speaks;
- an attitude adjective set off after its clause ("The FHF held Vorna, confident that ...")
  or after its noun ("Osei -- angry at the delay -- left"): the clause's subject or the noun
  holds the view;
- a participle cue going on from a passive clause ("A lawsuit was filed challenging ..."):
  the passive's subject does what the participle says;
- an inverted speech tag whose speaker the parse made the object ('"Nonsense," wrote a
  commander').

Two mends come first, for any kept attribution: a subject the parse gave an asking aside
("Sadeq, asked whether ..., said") speaks for the verb the aside interrupts, and an object
the rules read as an inverted subject ("to galvanize those voters and paint her as ...")
gives way to the subject of the clause its verb hangs on, or to none.

Applied to kept attributions only, so the judge's inputs are unchanged.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import cues
from .attribution_adjectives import ATTITUDE_ADJECTIVES, INFINITIVE_ADJECTIVES
from .attribution_types import Attribution
from .cue_parse import OBJECT_CONTROL_VERBS, source_head
from .source_spans import is_asked_aside, source_span
from .spans import overlaps

_HAS_CONTRACTIONS = frozenset({"'s", "\u2019s"})
_NOT_SPEAKERS = frozenset({"it", "there", "this", "that", "what"})
# Verbs whose object acts ("led Osei to declare", "gave him the floor to say").
_OBJECT_ACTS = OBJECT_CONTROL_VERBS | {"give"}


def misparsed_speaker_sources(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Kept attributions without a source, with the speaker the parse mislabelled, if any."""
    found = [_with_asked_aside_subject(doc, _without_object_for_subject(doc, a)) if a.cue_token is not None else a
             for a in found]
    return [_with_misparsed_speaker(doc, a) if _sourceless(a) and a.cue_token is not None else a
            for a in found]


def _without_object_for_subject(doc: Doc, a: Attribution) -> Attribution:
    """"He will try to galvanize those voters and paint her as ...": the rules, finding no
    subject for "galvanize", read the noun after it as an inverted one ("..., said Osei"),
    which it is only after a quote or a comma; elsewhere it is the verb's object and speaks
    for no one. The subject of the clause the verb hangs on speaks, or no one named."""
    if a.source_token is None:
        return a
    word = doc[a.source_token]
    verb = word.head
    if word.dep_ != "dobj" or verb.i == a.cue_token or verb.pos_ not in ("VERB", "AUX") or verb.i == 0:
        return a
    if verb.dep_ == "csubj":
        return a  # "Aid workers say": a compound the parse read as a verb (attribution_compound_sources)
    cue = doc[a.cue_token]
    if verb.lemma_.lower() in _OBJECT_ACTS or (cue.head.i == verb.i and cue.tag_ == "VB"):
        return a  # "led Osei to declare", "getting the media to pump out ...": the object acts
    before = verb.nbor(-1)
    if before.is_quote or before.text in (",", ":") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return a
    subject = _subject_up_from(verb)
    span = source_span(subject) if subject is not None else None
    if not _clear_of(span, a):
        return a._replace(source=None, source_token=None)
    return a._replace(source=span, source_token=subject.i)


_CLIMBING_DEPS = frozenset(("xcomp", "advcl", "conj", "acl", "pcomp", "relcl", "ccomp", "prep", "pobj", "dobj"))


def _subject_up_from(verb: Token) -> Token | None:
    """The first subject met going up from the verb through the clauses it hangs on."""
    for _ in range(8):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject if subject.lower_ not in _NOT_SPEAKERS and subject.tag_ not in ("WDT",) else None
        if verb.dep_ not in _CLIMBING_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _with_asked_aside_subject(doc: Doc, a: Attribution) -> Attribution:
    """"Sadeq, asked whether ..., said his fighters would stay": the parse made Sadeq the
    subject of "asked" and left "said" without one (its source then none, or its object:
    "told reporters"); Sadeq speaks."""
    verb = doc[a.cue_token]
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return a
    aside = next((c for c in verb.children if c.i < verb.i and is_asked_aside(c)), None)
    subject = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i), None) if aside else None
    if subject is None:
        return a
    span = source_span(subject)
    return a._replace(source=span, source_token=subject.i) if _clear_of(span, a) else a


def _sourceless(a: Attribution) -> bool:
    """No source, or one inside the content (a word of the quote), which is dropped later."""
    return a.source is None or _inside(a.source, a)


def _with_misparsed_speaker(doc: Doc, a: Attribution) -> Attribution:
    cue = doc[a.cue_token]
    speaker = (_perfect_subject(cue) or _noun_cue_subject(cue) or _attitude_holder(cue)
               or _inverted_object_speaker(cue) or _passive_host_subject(cue))
    if speaker is None:
        return a
    # Not the adjective that describes the noun: "Osei -- angry at the delay --".
    span = _speaker_span(speaker, cue)
    return a._replace(source=span, source_token=speaker.i) if _clear_of(span, a) else a


def _speaker_span(speaker: Token, cue: Token):
    """The speaker's phrase: without the adjective cue that describes it or anything after
    its noun ("Osei -- angry at the delay --"), and up to the cue when the parse hung the end of it on the misread cue
    ("Audit files from || NGP VAN show": a preposition left without its object)."""
    if cue.head.i == speaker.i:  # the noun with what precedes it: "the only ones", "a grumpy Osei"
        return speaker.left_edge.idx, speaker.idx + len(speaker.text)
    if speaker.i < cue.i and any(c.dep_ == "prep" and c.n_rights == 0 for c in speaker.rights):
        last = speaker.doc[cue.i - 1]
        return speaker.left_edge.idx, last.idx + len(last.text)
    return source_span(speaker)


def _inside(span, a: Attribution) -> bool:
    return any(overlaps(span, piece) for piece in (a.parts or (a.content,)))


def _clear_of(span, a: Attribution) -> bool:
    """Whether a speaker's span can be the source: there, and clear of the content and cue."""
    return span is not None and not _inside(span, a) and not (a.cue is not None and overlaps(span, a.cue))


def _perfect_subject(verb: Token) -> Token | None:
    """The subject of "X's said ..." that the parse read as a passive: the verb takes an
    object or a reported clause (a passive takes neither: "He's said to be hiding" is one)."""
    if verb.tag_ not in ("VBD", "VBN") or verb.pos_ != "VERB":
        return None
    children = list(verb.children)
    auxiliaries = [c for c in children if c.dep_ == "auxpass"]
    if len(auxiliaries) != 1 or auxiliaries[0].lower_ not in _HAS_CONTRACTIONS:
        return None  # "It's been reported" is a passive
    if any(c.dep_ in ("xcomp", "agent") for c in children):
        return None
    if not any(c.dep_ in ("dobj", "ccomp") for c in children):
        return None
    subject = next((c for c in children if c.dep_ == "nsubjpass" and c.i == auxiliaries[0].i - 1), None)
    return subject if subject is not None and subject.lower_ not in _NOT_SPEAKERS else None


def _noun_cue_subject(cue: Token) -> Token | None:
    """The speaker of a cue verb the tagger took for a noun ("Osei claims he holds Kessen",
    "Sadeq talks about ..."): its subject, or the name compounded onto it, when the noun
    stands where a verb does (the sentence's root or a clause of its own); a compound only
    before a noun that reads as a verb of saying or takes a clause ("Silverman heckles
    Sanders supporters" names no speaker by "Sanders")."""
    if cue.pos_ != "NOUN" or cue.dep_ not in ("ROOT", "relcl", "ccomp", "conj"):
        return None
    subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subject is not None:  # a noun has no subject: the parse took a verb for one
        return subject if subject.pos_ in ("NOUN", "PROPN", "PRON") and subject.lower_ not in _NOT_SPEAKERS else None
    if not _reads_as_verb(cue):
        return None
    before = cue.nbor(-1) if cue.i > 0 else None
    if before is None or before.dep_ not in ("compound", "amod") or before.head.i != cue.i or not _name_like(before):
        return None
    if any(c.dep_ in ("det", "poss", "amod") and c.i != before.i for c in cue.lefts):
        return None  # "the army claims", "a Sadeq statement": a noun phrase after all
    return before


# Verbs of saying whose third-person form the tagger reads as a plural noun.
_SPEECH_STEMS = cues.SPEECH_VERBS | {"talk"}


def _reads_as_verb(noun: Token) -> bool:
    """"claims", "estimates", "talks": a verb of saying in its "-s" form; or a noun that
    governs a clause of its own ("Audit files show that ...")."""
    text = noun.lower_
    verb_form = text.endswith("s") and (text[:-1] in _SPEECH_STEMS or noun.lemma_.lower() in _SPEECH_STEMS)
    return verb_form or any(c.dep_ == "ccomp" for c in noun.children)


def _name_like(word: Token) -> bool:
    """A name, or a capitalised word the small tagger took for a common noun ("Trump/NN")."""
    return word.pos_ == "PROPN" or (word.pos_ == "NOUN" and word.is_title and not word.is_sent_start) \
        or (word.pos_ == "NOUN" and word.is_title and word.ent_type_ in ("PERSON", "ORG", "NORP"))


def _attitude_holder(cue: Token) -> Token | None:
    """Who holds the view of an attitude adjective hung on a clause or a noun before it:
    "The FHF held Vorna for a week, confident that ..." (the clause's subject), "Osei --
    angry at the delay -- left" (the noun)."""
    if cue.tag_ not in ("JJ", "VBN") or cue.lower_ not in ATTITUDE_ADJECTIVES | INFINITIVE_ADJECTIVES:
        return None  # "worried" is tagged as either
    head = cue.head
    if head.i >= cue.i:
        return None
    if cue.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
        speaker, _ = source_head(head)
        return speaker
    if cue.dep_ == "amod" and head.pos_ in ("PROPN", "NOUN", "PRON") and head.lower_ not in _NOT_SPEAKERS:
        return head
    return None


_EVIDENCE_VERBS = frozenset("show indicate suggest signal reflect mean demonstrate highlight underscore".split())
_OWN_ACT_PREPOSITIONS = frozenset("after before for while since upon in".split())


def _passive_host_subject(cue: Token) -> Token | None:
    """The subject of a passive clause a participle cue goes on from ("A lawsuit was filed in
    May challenging the ban and alleging ...", "She's tacked to the left, criticizing ...",
    "Osei can be forgiven for not knowing ..."): the rules read a passive subject as what is
    said, but the participle is the subject's own act. Not when a name stands right before
    the participle, which may be its doer ("interviewed about Osei calling ...")."""
    if cue.tag_ != "VBG" or cue.lemma_.lower() in _EVIDENCE_VERBS:
        return None  # "Four people were injured, showing the gulf ...": the fact shows
    verb = cue
    while verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        verb = verb.head
    if verb.dep_ == "advcl":
        host = verb.head
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in _OWN_ACT_PREPOSITIONS:
        host = verb.head.head  # not "justified by arguing", "read as saying": someone else's act
    else:
        return None
    if host.pos_ not in ("VERB", "AUX") or host.i > verb.i or any(c.dep_ == "agent" for c in host.children):
        return None
    before = verb.nbor(-1)
    if before.pos_ in ("PROPN", "PRON") or (before.pos_ == "NOUN" and before.dep_ in ("pobj", "dobj")):
        return None
    subject = next((c for c in host.children if c.dep_ == "nsubjpass" and c.i < host.i), None)
    return subject if subject is not None and subject.lower_ not in _NOT_SPEAKERS else None


# Verbs that report the words of a quote before them.
_UTTERANCE_VERBS = frozenset("""say write tweet post read add reply respond answer ask shout yell exclaim declare
    chant note continue wonder joke quip retort insist explain warn remark observe counter state text""".split())


def _inverted_object_speaker(verb: Token) -> Token | None:
    """'"Nonsense," wrote a commander who runs the account': a speech verb right after a
    quote, with no subject, whose object is the one who speaks."""
    if verb.pos_ != "VERB" or verb.i == 0 or verb.lemma_.lower() not in _UTTERANCE_VERBS:
        return None  # '"Scandal," thanked Obama for ...': a title, not a quote
    before = verb.nbor(-1)
    if not (before.is_quote or (before.text == "," and verb.i > 1 and verb.nbor(-2).is_quote)):
        return None
    opening = next((t for t in reversed(verb.doc[max(0, before.i - 60):before.i]) if t.is_quote), None)
    if opening is None:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and not opening.i < c.i < before.i for c in verb.children):
        return None  # a subject inside the quote is a word of it; one outside speaks
    speaker = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    return speaker if speaker is not None and speaker.pos_ in ("NOUN", "PROPN", "NUM") else None
