"""A source found inside its own content is never right (PolNeAR train: 272 of 272 such
sources wrong). It comes from reading the word after a cue as an inverted subject when the
cue is a participle with an object: ``a militia backing the FHF`` (the source is the
militia), ``Osei spoke on Monday, criticizing the army`` (Osei). Such a source is replaced
by the noun the participle describes or its host verb's subject, or dropped; a participle
cue the rules left without a source gets one the same way (train: 13 right, 8 wrong).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution_types import Attribution
from .cue_parse import source_head, source_span
from .spans import CharSpan, char_span_of_subtree, overlaps

HOST_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp"})


def source_outside_content(doc: Doc, a: Attribution) -> Attribution:
    """The attribution with a source that lies inside its content replaced or dropped; a
    participle cue without a source gets the one its noun or host verb gives."""
    missing = a.source is None
    if not missing and not _inside(a.source, a):
        return a
    head = _participle_source(doc[a.cue_token]) if a.cue_token is not None else None
    span = source_span(head) if head is not None else None
    if span is None or _inside(span, a) or (a.cue is not None and overlaps(span, a.cue)):
        return a if missing else a._replace(source=None, source_token=None)
    return a._replace(source=span, source_token=head.i)


def _participle_source(cue: Token) -> Token | None:
    """Who speaks a participle cue: the noun it describes, or its host verb's subject."""
    if cue.tag_ != "VBG":
        return None
    if cue.dep_ == "acl" and cue.head.i < cue.i and cue.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return cue.head
    if cue.dep_ in HOST_DEPS and cue.head.pos_ in ("VERB", "AUX") and cue.head.i < cue.i:
        head, _ = source_head(cue.head)
        return head
    return None


def _inside(span: CharSpan, a: Attribution) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in (a.parts or (a.content,)))


# Verbs whose subject is what is reacted to and whose object reacts: "His preference for Ted
# infuriated his father" (PolNeAR: the father is the source, the preference the content).
STIMULUS_VERBS = frozenset("""infuriate anger enrage roil alarm rattle annoy irk rankle unnerve dismay upset
    outrage frustrate disappoint surprise shock trouble disturb offend appall horrify delight please
    impress thrill reassure alienate antagonize worry""".split())


def stimulus_subject(doc: Doc, a: Attribution) -> Attribution:
    """A reaction verb's object is the source and its subject the content ("The letter
    annoyed officials"), not the other way round as for a speech verb."""
    if a.cue_token is None or a.parts or a.content[0] < doc[a.cue_token].idx:
        return a
    verb = doc[a.cue_token]
    if verb.lemma_.lower() not in STIMULUS_VERBS or any(c.dep_ in ("prt", "auxpass") for c in verb.children):
        return a
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    reacting = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subject is None or reacting is None or subject.tag_ in ("WDT", "WP") or \
            reacting.lower_ in ("it", "this", "that", "me", "us", "you"):
        return a
    if any(c.dep_ == "prep" and c.lower_ in ("with", "by") and c.i > reacting.i for c in verb.children):
        return a  # "surprised her staff with her grasp of detail": the reason joins the content
    aside = frozenset(c.i for c in subject.children if c.dep_ in ("appos", "relcl") and c.i > subject.i)
    return a._replace(content=char_span_of_subtree(subject, aside), source=char_span_of_subtree(reacting),
                      source_token=reacting.i)


# "The plan drew criticism from aid groups", "Osei won the endorsement of the council": the
# subject is what the reaction is about, the giver (after "from" / "of") is the source.
RECEIVING_VERBS = frozenset("draw earn receive win attract garner".split())
REACTION_NOUNS = frozenset("""criticism support praise fire condemnation endorsement backing scrutiny ire
    rebuke applause boo concern scorn approval opposition""".split())


def received_reaction(doc: Doc, a: Attribution) -> Attribution:
    """A reaction the subject drew or received: the subject is the content, the noun joins the
    cue, and whoever gave it ("from aid groups", "of the council") is the source."""
    if a.cue_token is None or a.parts or a.content[0] < doc[a.cue_token].idx:
        return a
    verb = doc[a.cue_token]
    if verb.lemma_.lower() not in RECEIVING_VERBS:
        return a
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in REACTION_NOUNS), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if noun is None or subject is None or subject.tag_ in ("WDT", "WP"):
        return a
    giver = next((g for h in (noun, verb) for p in h.children if p.dep_ == "prep" and p.i > noun.i
                  and p.lower_ in ("from", "of") for g in p.children if g.dep_ == "pobj"), None)
    aside = frozenset(c.i for c in subject.children if c.dep_ in ("appos", "relcl") and c.i > subject.i)
    cue = (a.cue[0] if a.cue else verb.idx, noun.idx + len(noun.text))
    return a._replace(content=char_span_of_subtree(subject, aside), cue=cue,
                      source=char_span_of_subtree(giver) if giver is not None else None,
                      source_token=giver.i if giver is not None else None)
