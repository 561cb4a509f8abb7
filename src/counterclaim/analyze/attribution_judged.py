"""A passive judgement of its subject: "Capt Osei was accused of shelling Dalmar", "is known
for". The subject is the content's first piece, as in a raising frame ("Capt Osei ||
shelling Dalmar"); the accuser, if the sentence names one, is the source — also when the
parse hangs "of ..." on the agent ("accused by the army of shelling") or the agent on the
content ("accused of shelling Dalmar by the army"). Split from :mod:`attribution_parts`,
whose settling step calls it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution_types import Attribution
from .source_spans import source_span
from .spans import text_of, trim


# Passives that judge or charge their subject with what follows the preposition: "was accused
# of shelling Dalmar", "is known for its raids", "was praised for restraint".
def _judgement_held_by_agent(doc: Doc, a: Attribution, agent) -> tuple[Attribution, bool]:
    """"The FHF was accused by the army of shelling Dalmar": the parse hangs "of shelling
    Dalmar" on the agent; it is what the subject is accused of, and the army alone accuses."""
    prep = next((c for c in agent.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "with")), None)
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if not objects:
        return a, False
    text = text_of(doc)
    content = trim(text, objects[0].left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text))
    source = trim(text, agent.left_edge.idx, doc[prep.i - 1].idx + len(doc[prep.i - 1].text))
    return a._replace(content=content, source=source, source_token=agent.i), True


def _trailing_agent(doc: Doc, a: Attribution):
    """"The FHF was accused of shelling Dalmar by the army": the parse hangs the agent on the
    content's last verb; it names the accuser, not part of the accusation. Only a "by" phrase
    ending the content whose object is a noun that is not a time ("by night")."""
    by = next((w for w in doc[a.cue_token + 1:] if w.lower_ == "by" and w.dep_ in ("prep", "agent")
               and a.content[0] < w.idx and w.right_edge.idx + len(w.right_edge.text) >= a.content[1]), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if (agent is None or by.head.tag_ == "VBN" or not _names_a_party(agent)
            or not agent.idx + len(agent.text) <= a.content[1]):
        return a, None  # "by mistake", "by drone", "of being shelled by the FHF"
    text = text_of(doc)
    content = trim(text, a.content[0], doc[by.i - 1].idx + len(doc[by.i - 1].text))
    if content[1] - content[0] < 3:
        return a, None
    return a._replace(content=content), agent


def _names_a_party(noun) -> bool:
    """A named party or a noun for one ("the army", "prosecutors"), not a means or a place."""
    return (noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.pos_ == "PROPN"
            or noun.lemma_.lower() in _PARTY_NOUNS)


_PARTY_NOUNS = frozenset("""army military government rebel rebels police prosecutor prosecutors resident
residents official officials ministry court critic critics activist activists witness witnesses group
force forces troop troops soldier soldiers authority authorities commander commanders opposition
villager villagers neighbour neighbor monitor monitors investigator investigators""".split())
# Verbs whose accuser the parse misplaces often enough to mend ("accused by the army of ...").
_MISPARSED_AGENT_VERBS = frozenset({"accuse"})

_JUDGED_SUBJECT_VERBS = frozenset("""
accuse charge suspect know blame credit praise criticize criticise fault condemn recognize
recognise hail laud berate recommend cite
""".split())


def with_judged_subject(doc: Doc, a: Attribution) -> Attribution:
    """"Capt Osei was accused of shelling Dalmar": a passive cue that judges its subject
    takes the subject as the content's first piece ("Capt Osei || shelling Dalmar"), as a
    raising frame does; the subject is not the source, an agent ("by the FHF") is (PolNeAR
    train: gold has the subject as a piece for all 13 such passive cues on half a; "is tired
    of", "is persuaded of" keep their subject as the source and are not in the list)."""
    if a.parts or a.mode != "indirect" or a.cue is None or a.cue_token is None:
        return a
    verb = doc[a.cue_token]
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in _JUDGED_SUBJECT_VERBS:
        return a
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    held = False
    if verb.lemma_.lower() in _MISPARSED_AGENT_VERBS and subject is not None and subject.tag_ not in ("WDT", "WP"):
        if agent is not None and not any(c.dep_ == "prep" and c.i > verb.i for c in verb.children):
            a, held = _judgement_held_by_agent(doc, a, agent)
        elif agent is None:
            a, agent = _trailing_agent(doc, a)
    if a.content[0] < a.cue[1]:
        return a
    if subject is None or subject.tag_ in ("WDT", "WP") or a.source_token not in (
            None, subject.i, agent.i if agent is not None else None):
        return a  # "the man who was accused of ...": "who" is no piece of what is said
    if any(c.dep_ == "ccomp" for c in verb.children):
        return a  # "it is known that ...": the clause is the content, "it" stands in for it
    if not held and not any(c.dep_ == "prep" and c.i > verb.i and c.idx <= a.content[0] <= c.right_edge.idx
                            for c in verb.children):
        return a
    head_piece = trim(text_of(doc), subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
    return a._replace(parts=(head_piece, a.content), content=(head_piece[0], a.content[1]),
                      source=a.source if held else source_span(agent),
                      source_token=agent.i if agent is not None else None)
