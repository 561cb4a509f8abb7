"""Two claims joined by "and" that the parse runs together.

"The FHF says it still holds Kessen and the army says it has captured the town": the parse
takes "Kessen and the army" for the subject of the second "says" and hangs that clause on
"holds", so the FHF's content runs over the army's claim and the judge, seeing the army's cue
inside it, drops the army's. The tell is a transitive verb of the first content left without
its object right before the coordinated "subject": the first conjunct is that object, and the
conjunction joins two clauses. The first content ends at the object; the second claim comes
back with the last conjunct for its source. The converse misreading, "it destroyed the bridge
and the FHF says ...", with "the bridge and the FHF" one object and the second cue without a
subject, is mended the same way.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution_boundary import clause_start
from .cue_parse import is_cue_verb
from .spans import text_of, trim

# Plain reports only: "and she thought", "and Trump later called X Y" are as often the
# first source's account (PolNeAR train keeps them inside the first content).
_SAYING = frozenset("say claim insist deny".split())
_OBJECT_DEPS = frozenset(("dobj", "obj", "ccomp", "xcomp", "attr", "acomp", "prep"))


def coordinated_claims(doc: Doc, candidates, kept: list) -> tuple[list, list]:
    """The kept list with contents cut before such a coordinated claim, and the claims split off."""
    text = text_of(doc)
    taken = {a.cue_token for a in kept if a.cue_token is not None}
    kept, added = list(kept), []
    cues = {a.cue_token for a, _finder, _score in candidates if a.cue_token is not None}
    for b, finder, _score in candidates:
        if finder not in ("verb", "learned") or b.cue_token is None or b.cue_token in taken or b.cue is None:
            continue
        misread = _object_and_subject(doc[b.cue_token], cues)  # the cue's own subject is wrong
        split = misread or _coordinated_clause(doc[b.cue_token])
        if split is None:
            continue
        last_object_word, subject = split
        host = next((n for n, a in enumerate(kept) if a.mode != "direct" and not a.parts
                     and a.content[0] <= doc[last_object_word].idx and b.content[1] <= a.content[1]), None)
        if host is None or subject.idx < kept[host].content[0]:
            continue
        if not misread and not _plain_report(doc, kept[host]):
            continue  # "the poll finds that ... and 22 percent say ...": the poll's respondents
        a = kept[host]
        cut = trim(text, a.content[0], doc[last_object_word].idx + len(doc[last_object_word]))
        kept[host] = a._replace(content=cut)
        if misread:
            source = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
            b = b._replace(source=source, source_token=subject.i)
        added.append(b)
        taken.add(b.cue_token)
    return _subjects_read_as_objects(doc, text, kept), added


def _plain_report(doc: Doc, a) -> bool:
    return a.cue_token is not None and doc[a.cue_token].lemma_.lower() in _SAYING


def _coordinated_clause(cue: Token) -> tuple[int, Token] | None:
    """"... controls Dalmar and Vorna and the army says ...", parsed right but the army's cue
    dropped as nested: the last word before "and" and the cue's subject."""
    opens = clause_start(cue) if cue.lemma_.lower() in _SAYING else None
    if opens is None:
        return None
    subject = next(c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i)
    if subject.pos_ == "PRON":  # "... and she thought ...": often the first source's own report
        return None
    last = opens - 1
    while last > 0 and (cue.doc[last].is_punct or cue.doc[last].dep_ == "cc"):
        last -= 1
    return last, subject


def _subjects_read_as_objects(doc: Doc, text: str, kept: list) -> list:
    """"The army says it destroyed the bridge and the FHF says ...", read with "the bridge and
    the FHF" one object and the second "says" without a subject: when a kept cue without a
    subject follows such a conjunct in a kept content, the content ends before "and" and the
    conjunct is the second claim's source."""
    kept = list(kept)
    for n, b in enumerate(kept):
        if b.cue_token is None or b.cue_token == 0 or (b.source is not None and not _inside(b.source, b.content)):
            continue
        cue, conj = doc[b.cue_token], doc[b.cue_token - 1]
        while conj.dep_ != "conj" and conj.head.i != conj.i and conj.head.right_edge.i == conj.i:
            conj = conj.head  # from the conjunct's last word up to its head
        cc = next((c for c in conj.head.children if c.dep_ == "cc" and c.lower_ == "and" and c.i < conj.i), None)
        if conj.dep_ != "conj" or conj.right_edge.i != cue.i - 1 or cc is None \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children if c.i < cue.i):
            continue
        host = next((h for h, a in enumerate(kept) if h != n and a.mode != "direct" and not a.parts
                     and a.content[0] < doc[cc.i].idx and conj.left_edge.idx < a.content[1] <= cue.idx), None)
        if host is None:
            continue
        kept[host] = kept[host]._replace(content=trim(text, kept[host].content[0], doc[cc.i].idx))
        kept[n] = b._replace(source=(conj.left_edge.idx, conj.right_edge.idx + len(conj.right_edge)),
                             source_token=conj.i)
    return kept


def _inside(span, content) -> bool:
    return content[0] <= span[0] < content[1]


def _object_and_subject(cue: Token, cues: set[int]) -> tuple[int, Token] | None:
    """For a cue whose subject is "X and Y" right after a verb that lacks its object: the
    last word of X and the head of Y. Not after a verb that takes a clause itself ("Osei says
    Sadeq and the army say ...": one report inside another)."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    verb = cue.head
    if subject is None or cue.dep_ != "ccomp" or verb.i >= subject.left_edge.i or verb.pos_ != "VERB" \
            or verb.i in cues or is_cue_verb(verb):
        return None
    if subject.left_edge.i != verb.i + 1 or any(c.dep_ in _OBJECT_DEPS and c.i < cue.i for c in verb.children):
        return None
    conj = next((c for c in subject.children if c.dep_ == "conj"), None)
    cc = next((c for c in subject.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    if conj is None or cc is None or not subject.i < cc.i < conj.left_edge.i or conj.right_edge.i + 1 != cue.i:
        return None
    return cc.i - 1, conj
