"""Attributions cued by a speech, claim or belief verb from the lexicon (:mod:`cues`).

The verb's content is what it governs: a clause (``X said (that) ...``), an object and its
complement (``X termed the shelling a massacre``, ``X urged Y to ...``), a prepositional
object (``called for ...``), the host clause of an inverted or parenthetical cue
(``..., sources said``), or the subject of a passive with an agent (``was reported by X``).
The helpers that extend an object over the verb's later modifiers (:func:`extend_right`)
and that tell a cue word inside a quote (:func:`in_any_quote`) serve the quote and learned
rules too, which is why they live here, below both.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from . import cues
from .attribution_bounds import circumstance, object_before
from .attribution_types import Attribution, content_mode
from .cue_parse import EXPLETIVES, cue_span, doc_words, is_cue_verb, reporting_verb_of_conjunct, source_head
from .source_spans import source_span
from .quotes import Quote
from .spans import (CharSpan, char_span_of_subtree, children_labelled, contains, doc_tree, subtree_tokens, text_of,
                    token_at, token_span, trim)

_PREP = get_string_id("prep")
_PREP_IDS = frozenset({_PREP})
_CLAUSE_IDS = frozenset(get_string_id(d) for d in ("ccomp", "csubj", "xcomp"))


def verb_attributions(sent: Span, quotes: list[Quote], scores: dict[int, float]):
    """The sentence's lexicon cue verbs outside quotes, outermost first, with their content."""
    doc = sent.doc
    lemmas = doc_words(doc).lemmas
    verbs = [t for t in (doc[i] for i in range(sent.start, sent.end) if lemmas[i] in cues.SPEECH_VERBS)
             if is_cue_verb(t) and not in_any_quote(t, quotes)]
    verbs.sort(key=lambda t: _depth(t))
    for verb in verbs:
        content = verb_content(verb, sent)
        if content is None:
            continue
        head, expletive = source_head(verb)
        head = _unquoted_subject(verb, head, quotes)
        source = source_clear_of(doc, source_span(head), head, (content,))
        cue = _with_preposition(verb, cue_span(verb), content)
        yield Attribution(
            content=content, parts=_around(doc, content, cue, source), cue=cue, cue_lemma=verb.lemma_.lower(),
            cue_token=verb.i, source=source,
            source_token=head.i if head is not None else None,
            mode=content_mode(content, quotes), sentence=(sent.start_char, sent.end_char),
        )


def _unquoted_subject(verb: Token, head: Token | None, quotes: list[Quote]) -> Token | None:
    """A tag given two subjects by the parse ('"My men held," Varo said': "men" and "Varo"):
    the one outside the quote speaks."""
    if head is None or not in_any_quote(head, quotes):
        return head
    others = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != head.i
              and not in_any_quote(c, quotes)]
    return others[-1] if others else head


def source_clear_of(doc: Doc, source: CharSpan | None, head: Token | None,
                    pieces: tuple[CharSpan, ...]) -> CharSpan | None:
    """The source without the content before its head: a parse that hangs the quoted or
    fronted clause under the speaker's name ('"We stay," Varo, 58, told reporters') would
    make the source swallow what it says. Only the part after the last such piece is kept."""
    if source is None or head is None:
        return source
    start = source[0]
    for piece_start, piece_end in pieces:
        if source[0] <= piece_start < head.idx and start < piece_end <= head.idx:
            start = piece_end
    if start == source[0]:
        return source
    clipped = trim(text_of(doc), start, source[1])
    return clipped if clipped[1] > clipped[0] else source


def _with_preposition(verb: Token, cue: CharSpan, content: CharSpan) -> CharSpan:
    """"pointed to", "called for": a preposition between the verb and its content joins the
    cue, and so does the "for" of "called for the FHF to withdraw" (the clause's mark)."""
    tree = doc_tree(verb.doc)
    for child in tree.children[verb.i]:
        if tree.deps[child] == _PREP and cue[1] <= tree.starts[child] < content[0] \
                and verb.doc[child].right_edge.idx >= content[0]:
            return cue[0], tree.ends[child]
        if tree.deps[child] == _ADVCL:
            mark = tree.left_edges[child]  # "for", left out of the content by _for_to_clause
            if tree.deps[mark] == _MARK and cue[1] <= tree.starts[mark] and tree.ends[mark] <= content[0] \
                    and verb.doc[mark].lower_ == "for":
                return cue[0], tree.ends[mark]
    return cue


def _around(doc: Doc, content: CharSpan, cue: CharSpan, source: CharSpan | None) -> tuple[CharSpan, ...]:
    """The two pieces of a content that a parenthetical cue interrupts ("The town, residents
    say, is calm"), or () when the cue stands outside the content."""
    if not contains(content, cue):
        return ()
    start = min(cue[0], source[0]) if source and contains(content, source) else cue[0]
    end = max(cue[1], source[1]) if source and contains(content, source) else cue[1]
    text = text_of(doc)
    pieces = (trim(text, content[0], start), trim(text, end, content[1]))
    return tuple(p for p in pieces if p[1] > p[0])


def _depth(token: Token) -> int:
    heads = doc_tree(token.doc).heads  # the head chain on the index list: no Token per step
    i, depth = token.i, 0
    while heads[i] != i:
        i, depth = heads[i], depth + 1
    return depth


def verb_content(verb: Token, sent: Span) -> CharSpan | None:
    """What a lexicon cue verb says, by the first of its frames that fits, or None."""
    doc = sent.doc
    lemma = verb.lemma_.lower()
    for child in children_labelled(verb, _CLAUSE_IDS):
        if child.dep_ in ("ccomp", "csubj") or (child.dep_ == "xcomp" and lemma not in cues.NO_XCOMP_VERBS):
            start, end = char_span_of_subtree(child)
            start = object_before(verb, child, start)
            if child.i > verb.i:  # "said X, compared to Y": the verb's later modifiers
                last = extend_right(verb, child.right_edge, CLAUSE_TAIL_DEPS)
                end = max(end, trim(text_of(doc), start, last.idx + len(last.text))[1])
            return start, _before_second_speech_act(verb, child, start, end)
    if lemma in cues.OBJECT_INFINITIVE_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if obj is not None and comp is not None:
            last = comp.right_edge
            return trim(text_of(doc), obj.left_edge.idx, last.idx + len(last.text))
    # "is calling for more flexibility", "pointed to the deficit"
    for child in children_labelled(verb, _PREP_IDS):
        if child.dep_ == "prep" and child.lower_ in ("for", "to", "on") and lemma in ("call", "point", "appeal", "press", "push"):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return char_span_of_subtree(pobj)
    if lemma in _CALL_FOR_VERBS:
        clause = _for_to_clause(verb)
        if clause is not None:
            return clause
    if lemma in ("accuse", "blame", "charge", "credit", "praise", "thank", "condemn"):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        reason = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                       and obj is not None and c.i > obj.i), None)  # not "For months, X praised Y"
        if obj is not None and reason is not None:
            last = reason.right_edge
            return trim(text_of(doc), obj.left_edge.idx, last.idx + len(last.text))
    if lemma in cues.LABELLING_VERBS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "xcomp")]
        if len(objects) >= 2:
            start = min(o.left_edge.idx for o in objects)
            last = max(objects, key=lambda o: o.right_edge.i).right_edge
            return trim(text_of(doc), start, last.idx + len(last.text))
    if lemma in cues.OBJECT_CONTENT_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ not in ("it", "this", "that", "so"):
            last = extend_right(verb, obj.right_edge)
            return trim(text_of(doc), obj.left_edge.idx, last.idx + len(last.text))
    if _is_parenthetical(verb):  # the whole host clause, around the cue if need be
        first, end = token_span(subtree_tokens(verb.head, frozenset([verb.i])))
        return _after_connective(verb, trim(text_of(doc), first, end))
    return _passive_subject_content(verb)


def _before_second_speech_act(verb: Token, clause: Token, start: int, end: int) -> int:
    """Where the verb's clause ends when the parse hung the speaker's next speech act on it
    ("said the road was open, and urged ..."; :func:`cue_parse.reporting_verb_of_conjunct`):
    before that act and the comma and conjunction that join it."""
    tree = doc_tree(verb.doc)
    for i in tree.children[clause.i]:
        speaker = reporting_verb_of_conjunct(verb.doc[i]) if i > clause.i and tree.deps[i] == _CONJ else None
        if speaker is not None and speaker.i == verb.i:
            cut = tree.left_edges[i]
            while cut > clause.i and tree.heads[cut - 1] == clause.i and tree.deps[cut - 1] in _JOINERS:
                cut -= 1
            return min(end, trim(text_of(verb.doc), start, tree.ends[cut - 1])[1])
    return end


_CONJ = get_string_id("conj")
_JOINERS = frozenset(get_string_id(d) for d in ("cc", "punct"))
_CALL_FOR_VERBS = frozenset("call appeal press push".split())
_ADVCL, _MARK = get_string_id("advcl"), get_string_id("mark")
_ADVCL_IDS = frozenset({_ADVCL})


def _for_to_clause(verb: Token) -> CharSpan | None:
    """"called for the FHF to withdraw": the parse makes "for" the mark of an adverbial clause
    ("the FHF to withdraw"), which is what the source calls for; "for" joins the cue."""
    for clause in children_labelled(verb, _ADVCL_IDS, right_only=True):
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        if mark is not None and mark.i == clause.left_edge.i and not _object_between(verb, mark):
            return char_span_of_subtree(clause, frozenset([mark.i]))
    return None


def _object_between(verb: Token, mark: Token) -> bool:
    """"called in reinforcements for the troops to hold Kessen": a call with an object of its
    own before "for" is a purpose, not a call for something."""
    return any(c.dep_ in ("prt", "dobj", "prep") and verb.i < c.i < mark.i for c in verb.children)


# Clause-only verbs that still tag the clause they are set into: "The road, he noted, is
# open", "As Osei pointed out, ...", "..., the panel concluded" (PolNeAR train, first half:
# 27 of 30 such uses of note/point/conclude/add are cues; "as we know", "I think" and "as
# expected" are not, so the other clause-only verbs stay out).
_PARENTHETICAL_CLAUSE_ONLY = frozenset("note point conclude add mention indicate".split())

# "As reported by X, ...": only verbs of reporting. "As promised/demanded/agreed by X" says
# that a thing happened as X wanted, a fact, not X's account of it.
_REPORTED_BY_VERBS = frozenset("report confirm announce describe state claim allege disclose reveal".split())

# Connectives the host clause opens with after an aside ("As Osei pointed out, however, ..."):
# the writer's link, not what was said.
_CONNECTIVES = frozenset("however though still yet also moreover meanwhile nonetheless nevertheless".split())


def _is_parenthetical(verb: Token) -> bool:
    """A cue set into its content: "Troops crossed the border, sources said", "The town,
    residents say, is calm", "As the army reported, ...". A participle ("..., citing
    doctors") is not one: it adds to its head's claim."""
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBG" or (lemma in cues.CLAUSE_ONLY_VERBS and lemma not in _PARENTHETICAL_CLAUSE_ONLY):
        return False
    if lemma in _PARENTHETICAL_CLAUSE_ONLY and not _plain_host(verb):
        return False
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "advcl":
        as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        has_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
        if as_clause and lemma in _PARENTHETICAL_CLAUSE_ONLY and has_object:
            return False  # "As the army added more troops to the front": an event, no aside
        if as_clause and not has_subject and lemma not in cues.CLAUSE_ONLY_VERBS:
            return (lemma in _REPORTED_BY_VERBS and any(c.dep_ == "agent" for c in verb.children)
                    and _plain_host(verb))  # "As reported by X, ..."
        return has_subject and (verb.i > verb.head.i or as_clause)
    if verb.dep_ == "parataxis":
        return has_subject
    if verb.dep_ == "conj":  # "..., but it is under strain, said its chief": a tag read as a conjunct
        return _inverted_conjunct(verb)
    return verb.dep_ == "ccomp" and verb.i > verb.head.i


def _plain_host(verb: Token) -> bool:
    """A host an aside of the clause-only verbs may tag: a statement ("Did the army, as Osei
    pointed out, shell the market?" asks), and not a speech act the aside comes before ("Osei,
    as she noted, had warned of the attack" is Osei's warning; "The soldiers added sandbags,
    the captain noted" is the captain's)."""
    host = verb.head
    if verb.i < host.i and host.lemma_.lower() in cues.SPEECH_VERBS:
        return False
    return not host.sent.text.rstrip().endswith("?")


def _after_connective(verb: Token, content: CharSpan) -> CharSpan:
    """A content that an aside before it leaves opening on the writer's link ("however, the
    bridge is mined"), from past that link."""
    doc = verb.doc
    first = token_at(doc, content[0])
    if verb.i < first.i and first.lower_ in _CONNECTIVES and first.dep_ == "advmod" \
            and first.i + 1 < len(doc) and doc[first.i + 1].text == ",":
        return trim(text_of(doc), doc[first.i + 1].idx + 1, content[1])
    return content


def _inverted_conjunct(verb: Token) -> bool:
    """A cue the parse made a conjunct although it only tags the clause before it: right
    after a comma, no conjunction of its own, its subject after it ("..., said Osei")."""
    doc, head = verb.doc, verb.head
    if not (head.i < verb.i and doc[verb.i - 1].text == ","
            and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)):
        return False
    # A "but" or "and" before an earlier conjunct is that conjunct's, not the cue's.
    after = max((c.i for c in head.children if c.dep_ == "conj" and c.i < verb.i), default=head.i)
    return not any(c.dep_ == "cc" and after < c.i < verb.i for c in head.children)


def _passive_subject_content(verb: Token) -> CharSpan | None:
    """"The move was first reported by MSNBC": with an agent, the passive subject is what
    the agent said."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in EXPLETIVES or subject.tag_ in ("PRP", "WDT", "WP", "DT"):
        return None
    return char_span_of_subtree(subject)


# What follows a cue's object and still belongs to what the source says: "praised X in the
# aftermath of Y", "contrasts X with Y", "referred to X as Z".
OBJECT_TAIL_DEPS = frozenset({"prep", "oprd", "advmod", "npadvmod", "dative", "xcomp", "ccomp",
                              "acomp", "attr", "dobj"})


CLAUSE_TAIL_DEPS = frozenset({"prep", "npadvmod", "advcl"})


def extend_right(verb: Token, last: Token, deps: frozenset[str] = OBJECT_TAIL_DEPS) -> Token:
    """The last token of the content once the verb's later modifiers join its object; when
    and where the source spoke ("on Tuesday", "in an interview") is not part of it."""
    doc, tree = verb.doc, doc_tree(verb.doc)
    dep_ids = _TAIL_DEP_IDS.get(deps) or frozenset(get_string_id(d) for d in deps)
    for i in tree.children[verb.i]:
        if i > last.i and tree.deps[i] in dep_ids:  # labels first, a Token only for a fit
            child = doc[i]
            if not (child.tag_ == "VBG" and child.lemma_.lower() in cues.SPEECH_VERBS) and not circumstance(child):
                last = max(last, child.right_edge, key=lambda t: t.i)
    return last


_TAIL_DEP_IDS = {deps: frozenset(get_string_id(d) for d in deps) for deps in (OBJECT_TAIL_DEPS, CLAUSE_TAIL_DEPS)}


def in_any_quote(tok: Token, quotes: list[Quote]) -> bool:
    """A word inside a quote is the speaker's, never the outlet's cue."""
    idx = tok.idx  # read once, and a loop rather than any(): this runs for every cue word
    for q in quotes:
        if q.start <= idx < q.end:
            return True
    return False
