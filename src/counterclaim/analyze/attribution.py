"""Attribution: who says what, with which cue. Doc in, ``Attribution`` tuples out.

Rules over the dependency parse propose candidates, in the order a careful reader applies them:
1. direct quotes, attached to the speech verb outside the quote in the same or an adjacent
   sentence (``"X," he said, "Y."``; ``He said: "..."``), or to whatever verb tags the quote
   (``"Go home," the captain barked``), a later quote of the same paragraph continuing it;
2. raising frames (``The truce seems to hold``; :mod:`attribution_raising`);
3. speech, claim and belief verbs governing a clause (``X said (that) ...``), labelling verbs
   (``X termed the shelling a massacre``), inverted and parenthetical cues
   (``..., sources said``), passive and sourceless forms (``it was reported that ...``);
4. ``according to X``;
5. nominal cues (``X's claim that ...``, ``an assurance that ...``, ``there were reports of``);
6. learned cues: words the cue model (:mod:`cue_model`) scores as cues beyond the lexicon
   (beliefs, plans, evaluations: ``agreed``, ``wants``, ``blasted``, ``likened``), given a
   clause, an object or a prepositional object as content by the parse. Event verbs
   ("rebels attacked the town") count only when they govern a clause.
PolNeAR never nests attributions, so of two candidates where one's cue lies inside the
other's content only one is kept: the learned judge (:mod:`attribution_filter`) keeps the
likelier, or, without it, the outermost wins. Indirect contents and sources then stay on
their cue's line, past any wire dateline, and lose a trailing aside of the outlet; a
content leaves out when and where the source spoke (:mod:`attribution_bounds`). Only the
words that govern something to their right are scored by the cue model: scoring was most
of attribution's cost.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from . import cues
from .cue_model import CueModel, cue_scores, load_cue_model
from .cue_parse import (CONTENT_DEPS, EXPLETIVES, WORDS_KEY, cue_span,  # noqa: F401 (public)
                        doc_words, is_cue_verb, read_words, source_head, source_span, speech_tag_after)
from .attribution_bounds import circumstance, object_before, without_trailing_aside
from .attribution_boundary import load_boundary_model, refine_contents
from .attribution_filter import Candidate, load_filter, select
from .attribution_raising import raising_attributions
from .attribution_nominal import according_to, nominal_attributions, nominal_source
from .attribution_types import Attribution, content_mode
from .quotes import Quote, find_quotes
from .spans import (CharSpan, char_span_of_subtree, contains, doc_tree, sentence_bounds, sentence_of,
                    subtree_tokens, text_of, token_at, token_span, trim)


def find_attributions(doc: Doc, *, refine: bool = True) -> list[Attribution]:
    """The article's attributions; ``refine=False`` leaves out the learned boundary model
    (its training reads the rules' own spans)."""
    quotes = find_quotes(text_of(doc))
    judge = load_filter()
    candidates = candidate_attributions(doc, quotes)
    if judge is not None:
        found = select(doc, candidates, judge)
    else:
        found = _outermost(candidates)
    found = [finished(doc, a, quotes) for a in found]
    if refine:
        found = refine_contents(doc, found, quotes, load_boundary_model())
    return sorted(found, key=lambda a: a.content[0])


def finished(doc: Doc, a: Attribution, quotes: list[Quote]) -> Attribution:
    """A kept candidate with its spans settled: on the cue's line, without a trailing aside."""
    a = _within_lines(text_of(doc), a)
    if a.mode == "direct" or a.parts:
        return a
    return a._replace(content=without_trailing_aside(doc, a.content, quotes))


def candidate_attributions(doc: Doc, quotes: list[Quote], cue_model: CueModel | None = None) -> list[Candidate]:
    """Every rule's proposals in the rules' order (``cue_model`` overrides the shipped one)."""
    owned = WORDS_KEY not in doc.user_data  # the rules' lexicon tests, for this pass
    if owned:
        doc.user_data[WORDS_KEY] = read_words(doc)
    try:
        candidates = [Candidate(a, "transcript") for a in _transcript_attributions(doc)]
        candidates += [Candidate(a, "quote") for a in _quote_attributions(doc, quotes)]
        model = cue_model or load_cue_model()
        scores = {i: s for i, s in cue_scores(doc, quotes, model, only=_argument_test(doc)).items()
                  if s >= model.threshold} if model else {}
        for start, end in sentence_bounds(doc):
            sent = doc[start:end]
            for name, finder in FINDERS.items():
                candidates += [Candidate(a, name) for a in finder(sent, quotes, scores)
                               if a.content[1] > a.content[0]]  # a parse can cross its own order
    finally:
        if owned:
            doc.user_data.pop(WORDS_KEY, None)
    return candidates


def _outermost(candidates: list[Candidate]) -> list[Attribution]:
    """Without the judge: quotes first, then the rules in order, each cue once, none whose
    cue lies inside another's content (PolNeAR does not nest attributions)."""
    found: list[Attribution] = []
    used_cues: set[int | None] = set()
    for attribution, finder in candidates:
        if attribution.cue_token in used_cues and finder not in ("transcript", "quote"):
            continue
        if _nested(attribution, found):
            continue
        found.append(attribution)
        if attribution.cue_token is not None:
            used_cues.add(attribution.cue_token)
    return [a for a in found if not _nested(a, [b for b in found if b is not a])]


# A wire dateline opening a line: "KESSEN, Ostria, March 3 (Reuters) — ".
_DATELINE = re.compile(r"[A-Z][A-Za-z .,'-]*(?:\d+\s*)?\((?:AP|Reuters|UPI|AFP|CNN|dpa)\)\s*[—–-]+\s*")


def _within_lines(text: str, a: Attribution) -> Attribution:
    """Indirect contents and sources stay on the cue's line, past any wire dateline: a parse
    that runs over a line break has joined a headline or a dateline to the sentence."""
    if a.cue is None:
        return a
    if a.source:
        a = a._replace(source=_clip_to_line(text, a.source, a.cue[0]))
    if a.mode == "direct":
        return a
    content = _clip_to_line(text, a.content, a.cue[0])
    return a._replace(content=content) if content[1] > content[0] else a


def _clip_to_line(text: str, span: CharSpan, anchor: int) -> CharSpan:
    start, end = span
    if anchor >= end:
        start = max(start, text.rfind("\n", start, end) + 1)
    elif anchor <= start:
        cut = text.find("\n", start, end)
        end = cut if cut >= 0 else end
    match = _DATELINE.match(text, start, end)
    if match:
        start = match.end()
    return trim(text, start, end)


def _nested(attribution: Attribution, others: list[Attribution]) -> bool:
    """True when the attribution's cue lies inside another one's content."""
    probe = attribution.cue or attribution.content
    for other in others:
        if other.content != attribution.content and contains(other.content, probe):
            return True
    return False


# --- direct quotes --------------------------------------------------------------------


def _quote_attributions(doc: Doc, quotes: list[Quote]) -> list[Attribution]:
    by_cue: dict[int, list[Quote]] = {}
    text = text_of(doc)
    last: tuple[int, Quote] | None = None  # the previous attributed quote and its cue
    for quote in quotes:
        tag = speech_tag_after(doc, quote.end)
        if quote.words < 3 and tag is None:
            continue  # scare quotes and quoted labels are handled inside other claims
        cue = _cue_for_quote(doc, quote, quotes) or tag
        if cue is None and last is not None and _continues(text, last[1], quote):
            cue = doc[last[0]]  # '"X," he said. "Y."': the second quote is the same speaker's
        if cue is not None:
            by_cue.setdefault(cue.i, []).append(quote)
            last = (cue.i, quote)
    found = []
    for cue_i, group in by_cue.items():
        verb = doc[cue_i]
        if is_cue_verb(verb) and _quote_inside_clause(verb, group):
            continue  # a quoted fragment of an indirect claim: the verb pass makes it mixed
        head, _ = source_head(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
        parts = tuple((q.start, q.end) for q in group)
        content = (parts[0][0], parts[-1][1])
        sent = sentence_of(verb)
        found.append(Attribution(
            content=trim(text_of(doc), *content), parts=parts if len(parts) > 1 else (),
            cue=cue_span(verb), cue_lemma=verb.lemma_.lower(), cue_token=verb.i,
            source=source_span(head), source_token=head.i if head is not None else None,
            mode="direct", sentence=(min(sent.start_char, content[0]), max(sent.end_char, content[1])),
        ))
    return found


def _continues(text: str, previous: Quote, quote: Quote) -> bool:
    """A quote that follows an attributed one after only its cue sentence, in the same
    paragraph, continues it ('"X," said Y, speaking on condition of anonymity. "Z."')."""
    gap = text[previous.end:quote.start]
    return len(gap) < MAX_CONTINUATION_GAP and "\n" not in gap


MAX_CONTINUATION_GAP = 400


def _quote_inside_clause(verb: Token, group: list[Quote]) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    content = _verb_content(verb, sentence_of(verb))
    if content is None:
        return False
    # Any clause holding the whole quote wins, even one barely longer: PolNeAR's content
    # of 'said that "..."' starts at "that".
    return content[0] <= group[0].start and group[-1].end <= content[1] + 1


def _cue_for_quote(doc: Doc, quote: Quote, quotes: list[Quote]) -> Token | None:
    """The speech verb that introduces a quote: outside any quote, nearest to it."""
    first_sent = sentence_of(token_at(doc, quote.start))
    last_sent = sentence_of(token_at(doc, max(quote.start, quote.end - 1)))
    sentences = {first_sent.start: first_sent, last_sent.start: last_sent}
    candidates = []
    lemmas = doc_words(doc).lemmas
    for sent in sentences.values():
        for i in range(sent.start, sent.end):
            if lemmas[i] not in _INTRODUCING_LEMMAS:  # _introduces_quote's lexicon, on the cheap
                continue
            tok = doc[i]
            if _in_any_quote(tok, quotes) or not _introduces_quote(tok):
                continue
            distance = min(abs(tok.idx - quote.start), abs(tok.idx - quote.end))
            candidates.append((distance, tok))
    if candidates:
        return min(candidates, key=lambda c: c[0])[1]
    # "He said:" closing the previous sentence introduces the quote.
    previous = sentence_of(doc[first_sent.start - 1]) if first_sent.start > 0 else None
    if previous is not None and previous.text.rstrip().endswith(":"):
        for tok in reversed(list(previous)):
            if _introduces_quote(tok) and not _in_any_quote(tok, quotes):
                return tok
    return None


_INTRODUCING_LEMMAS = cues.SPEECH_VERBS | cues.CUE_NOUNS


def _introduces_quote(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in cues.SPEECH_VERBS:
        return lemma not in ("know", "find", "show", "learn", "understand", "feel", "call", "ask")
    return tok.pos_ == "NOUN" and lemma in cues.CUE_NOUNS and any(
        c.lower_ == "that" for c in tok.rights
    )


def _in_any_quote(tok: Token, quotes: list[Quote]) -> bool:
    return any(q.start <= tok.idx < q.end for q in quotes)


# Transcript and vox-pop lines: "PENCE: Well, the question ...", "Maria Lopez ― I voted ...".
_SPEAKER_LINE = re.compile(
    r"^(?P<name>(?:[A-Z][A-Za-z.'\u2019-]*\s?){1,4}?)\s*(?P<cue>[:\u2015\u2014])\s+(?P<content>\S.*)$",
    re.MULTILINE)
_NOT_SPEAKERS = {"note", "update", "editor", "photo", "video", "correction", "related", "source",
                 "read", "watch", "q", "a", "question", "answer", "by", "and", "but", "the"}


def _transcript_attributions(doc: Doc):
    text = text_of(doc)
    for match in _SPEAKER_LINE.finditer(text):
        name = match.group("name").strip()
        if name.lower() in _NOT_SPEAKERS or name.split()[0].lower() in _NOT_SPEAKERS:
            continue
        source_tok = token_at(doc, match.start("name"))
        content = trim(text, match.start("content"), match.end("content"))
        cue = (match.start("cue"), match.end("cue"))
        yield Attribution(
            content=content, parts=(), cue=cue, cue_lemma=match.group("cue"),
            cue_token=token_at(doc, cue[0]).i, source=(match.start("name"), match.start("name") + len(name)),
            source_token=source_tok.i, mode="direct",  # a transcript line is verbatim speech
            sentence=(match.start(), match.end()),
        )


# --- speech verbs governing a clause --------------------------------------------------


def _verb_attributions(sent: Span, quotes: list[Quote], scores: dict[int, float]):
    doc = sent.doc
    lemmas = doc_words(doc).lemmas
    verbs = [t for t in (doc[i] for i in range(sent.start, sent.end) if lemmas[i] in cues.SPEECH_VERBS)
             if is_cue_verb(t) and not _in_any_quote(t, quotes)]
    verbs.sort(key=lambda t: _depth(t))
    for verb in verbs:
        content = _verb_content(verb, sent)
        if content is None:
            continue
        head, expletive = source_head(verb)
        source = source_span(head)
        cue = _with_preposition(verb, cue_span(verb), content)
        yield Attribution(
            content=content, parts=_around(doc, content, cue, source), cue=cue, cue_lemma=verb.lemma_.lower(),
            cue_token=verb.i, source=source,
            source_token=head.i if head is not None else None,
            mode=content_mode(content, quotes), sentence=(sent.start_char, sent.end_char),
        )


def _with_preposition(verb: Token, cue: CharSpan, content: CharSpan) -> CharSpan:
    """"pointed to", "called for": a preposition between the verb and its content joins the cue."""
    tree = doc_tree(verb.doc)
    for child in tree.children[verb.i]:
        if tree.deps[child] == _PREP and cue[1] <= tree.starts[child] < content[0] \
                and verb.doc[child].right_edge.idx >= content[0]:
            return cue[0], tree.ends[child]
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
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _verb_content(verb: Token, sent: Span) -> CharSpan | None:
    doc = sent.doc
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("ccomp", "csubj") or (child.dep_ == "xcomp" and lemma not in cues.NO_XCOMP_VERBS):
            start, end = char_span_of_subtree(child)
            start = object_before(verb, child, start)
            if child.i > verb.i:  # "said X, compared to Y": the verb's later modifiers
                last = _extend_right(verb, child.right_edge, CLAUSE_TAIL_DEPS)
                end = max(end, trim(text_of(doc), start, last.idx + len(last.text))[1])
            return start, end
    if lemma in cues.OBJECT_INFINITIVE_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if obj is not None and comp is not None:
            last = comp.right_edge
            return trim(text_of(doc), obj.left_edge.idx, last.idx + len(last.text))
    # "is calling for more flexibility", "pointed to the deficit"
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "to", "on") and lemma in ("call", "point", "appeal", "press", "push"):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return char_span_of_subtree(pobj)
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
            last = _extend_right(verb, obj.right_edge)
            return trim(text_of(doc), obj.left_edge.idx, last.idx + len(last.text))
    if _is_parenthetical(verb):  # the whole host clause, around the cue if need be
        first, end = token_span(subtree_tokens(verb.head, frozenset([verb.i])))
        return trim(text_of(doc), first, end)
    return _passive_subject_content(verb)


def _is_parenthetical(verb: Token) -> bool:
    """A cue set into its content: "Troops crossed the border, sources said", "The town,
    residents say, is calm", "As the army reported, ...". A participle ("..., citing
    doctors") is not one: it adds to its head's claim."""
    if verb.tag_ == "VBG" or verb.lemma_.lower() in cues.CLAUSE_ONLY_VERBS:
        return False
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "advcl":
        return has_subject and (verb.i > verb.head.i or any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))
    if verb.dep_ == "parataxis":
        return has_subject
    return verb.dep_ == "ccomp" and verb.i > verb.head.i


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


def _extend_right(verb: Token, last: Token, deps: frozenset[str] = OBJECT_TAIL_DEPS) -> Token:
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


# --- learned cues (according to and nominal cues: attribution_nominal)  -----------------------------------------------------------------------


def _learned_attributions(sent: Span, quotes: list[Quote], scores: dict[int, float]):
    """Words the cue model scores as cues, outside the lexicon rules: the parse gives their
    content (a clause, an object or a prepositional object) and their source."""
    doc = sent.doc
    for i in sorted(i for i in scores if sent.start <= i < sent.end):  # scored above threshold
        token = doc[i]
        found = _argument_content(token)
        if found is None:
            continue
        content, prep, clausal = found
        if not _learned_cue_fits(token, clausal):
            continue
        head = _learned_source(token)
        cue = cue_span(token) if token.pos_ in ("VERB", "AUX") else (token.idx, token.idx + len(token.text))
        if prep is not None and prep.i > token.i:
            cue = (cue[0], prep.idx + len(prep.text))
        yield Attribution(
            content=content, parts=(), cue=cue, cue_lemma=token.lemma_.lower(), cue_token=token.i,
            source=source_span(head), source_token=head.i if head is not None else None,
            mode=content_mode(content, quotes), sentence=(sent.start_char, sent.end_char),
        )


def _may_take_argument(token: Token) -> bool:
    """Whether :func:`_argument_content` can find anything: a cheap test that spares scoring
    the words that govern nothing to their right."""
    return _argument_test(token.doc)(token)


_ARGUMENT_DEPS = frozenset(get_string_id(d) for d in (*CONTENT_DEPS, "acl", "ccomp", "dobj"))
_PREP = get_string_id("prep")


def _argument_test(doc: Doc):
    """:func:`_may_take_argument` for the doc's tokens, read from its index lists (it runs
    on every candidate word; Token children and labels were most of its cost)."""
    tree, lowers = doc_tree(doc), doc_words(doc).lowers
    rights, deps = tree.rights, tree.deps

    def may_take_argument(token: Token) -> bool:
        for child in rights[token.i]:
            dep = deps[child]
            if dep in _ARGUMENT_DEPS or (dep == _PREP and lowers[child] in cues.CONTENT_PREPOSITIONS):
                return True
        return False
    return may_take_argument


def _learned_cue_fits(token: Token, clausal: bool) -> bool:
    """Guards for the conflict beat, where the model's political-news habits mislead:
    "rebels attacked the town", "troops imposed a curfew" and "the army has not commented on
    the video" are events the outlet reports, "it appears to have been caused" a hedge,
    "protests are planned" a plan nobody is quoted on."""
    lemma = token.lemma_.lower()
    if lemma in cues.HEDGE_VERBS or any(c.dep_ == "neg" for c in token.children):
        return False
    if any(c.dep_ == "nsubjpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children):
        return False
    return clausal or lemma not in cues.EVENT_VERBS | cues.NO_OBJECT_CONTENT_VERBS


def _argument_content(token: Token) -> tuple[CharSpan, Token | None, bool] | None:
    """What a cue word governs: (span, the preposition joining it, whether it is a clause)."""
    for child in token.children:
        if child.dep_ in CONTENT_DEPS or (token.pos_ != "VERB" and child.dep_ in ("acl", "ccomp")):
            if child.i > token.i:
                start, end = char_span_of_subtree(child)
                return (object_before(token, child, start), end), None, True
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is not None and obj.lower_ not in ("it", "this", "that", "so"):
        last = _extend_right(token, obj.right_edge)
        return trim(text_of(token.doc), obj.left_edge.idx, last.idx + len(last.text)), None, False
    for child in token.children:
        if child.dep_ == "prep" and child.i > token.i and child.lower_ in cues.CONTENT_PREPOSITIONS:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                last = _extend_right(token, pobj.right_edge)
                span = trim(text_of(token.doc), pobj.left_edge.idx, last.idx + len(last.text))
                return span, child, pobj.dep_ == "pcomp"
    return None


def _learned_source(token: Token) -> Token | None:
    if token.pos_ in ("VERB", "AUX"):
        return source_head(token)[0]
    if token.pos_ == "NOUN":
        return nominal_source(token)
    if token.dep_ in ("acomp", "attr") and token.head.pos_ in ("VERB", "AUX"):
        return source_head(token.head)[0]
    return None


# The sentence-level rules, in the order they claim a cue word.
FINDERS = {"raising": raising_attributions, "verb": _verb_attributions, "according_to": according_to,
           "nominal": nominal_attributions, "learned": _learned_attributions}
