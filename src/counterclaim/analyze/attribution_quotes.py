"""Attributions of verbatim speech: direct quotes and transcript lines.

A quote is attributed to the speech verb that introduces it outside any quote, in the same
or an adjacent sentence (``"X," he said, "Y."``; ``He said: "..."``), or to whatever verb tags
it (``"Go home," the captain barked``); a later quote of the same paragraph continues the
previous one. A quote that sits inside a cue verb's clause is left to the verb rules
(:mod:`attribution_verbs`), which make it a mixed content. Transcript and vox-pop lines
(``NAME: ...``) are verbatim speech of the named speaker. These rules read whole-document
quote marks and lines, so they run once per article, not per sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from . import cues
from .attribution_types import Attribution
from .attribution_verbs import in_any_quote, source_clear_of, verb_content
from .cue_parse import cue_span, doc_words, is_cue_verb, source_head, speech_tag_after
from .source_spans import source_span
from .quotes import Quote
from .spans import sentence_of, text_of, token_at, trim


def quote_attributions(doc: Doc, quotes: list[Quote]) -> list[Attribution]:
    """One direct attribution per cue, its quotes as parts; none for a quote the verb rules
    read as a clause."""
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
        head = _tag_subject(verb, parts) or head
        content = (parts[0][0], parts[-1][1])
        sent = sentence_of(verb)
        found.append(Attribution(
            content=trim(text_of(doc), *content), parts=parts if len(parts) > 1 else (),
            cue=cue_span(verb), cue_lemma=verb.lemma_.lower(), cue_token=verb.i,
            source=source_clear_of(doc, source_span(head), head, parts), source_token=head.i if head is not None else None,
            mode="direct", sentence=(min(sent.start_char, content[0]), max(sent.end_char, content[1])),
        ))
    return found


def _tag_subject(verb: Token, parts: tuple[tuple[int, int], ...]) -> Token | None:
    """The speaker named between a quote and its tag when the parse hung the tag on the
    quote's own verb ('"We stay," Varo, 58, told reporters' with "told" a conjunct of
    "stay"): the nominal of that stretch whose head lies outside it. None when the verb has
    a subject of its own there, or nothing names a speaker."""
    before = [end for _, end in parts if end <= verb.idx]
    if not before:
        return None
    doc, quote_end = verb.doc, max(before)
    first = verb.i
    while first > 0 and doc[first - 1].idx >= quote_end:
        first -= 1
    if first == verb.i:
        return None
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and first <= c.i < verb.i]
    if own:  # also when the quote's own subject hangs on the tag as a second one
        return own[-1]
    for tok in doc[first:verb.i]:
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not first <= tok.head.i < verb.i:
            return tok
    return None


def _continues(text: str, previous: Quote, quote: Quote) -> bool:
    """A quote that follows an attributed one after only its cue sentence, in the same
    paragraph, continues it ('"X," said Y, speaking on condition of anonymity. "Z."')."""
    gap = text[previous.end:quote.start]
    return len(gap) < MAX_CONTINUATION_GAP and "\n" not in gap


MAX_CONTINUATION_GAP = 400


def _quote_inside_clause(verb: Token, group: list[Quote]) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    content = verb_content(verb, sentence_of(verb))
    if content is None or content[0] <= verb.idx < content[1]:
        return False  # a "clause" around its own verb is a parse run over the quote's sentence
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
            if in_any_quote(tok, quotes) or not _introduces_quote(tok):
                continue
            if _across_lines(text_of(doc), tok.idx, quote):
                continue  # the parse ran a sentence over a paragraph break
            distance = min(abs(tok.idx - quote.start), abs(tok.idx - quote.end))
            candidates.append((distance, tok))
    if candidates:
        return min(candidates, key=lambda c: c[0])[1]
    # "He said:" closing the previous sentence introduces the quote.
    previous = sentence_of(doc[first_sent.start - 1]) if first_sent.start > 0 else None
    if previous is not None and text_of(doc)[previous.start_char:previous.end_char].rstrip().endswith(":"):
        for tok in reversed(list(previous)):
            if _introduces_quote(tok) and not in_any_quote(tok, quotes):
                return tok
    return _verb_before_colon(doc, quote, quotes)


_OPENING_MARKS = "\"'\u201c\u2018\u00ab"


def _verb_before_colon(doc: Doc, quote: Quote, quotes: list[Quote]) -> Token | None:
    """'Osei fired back: "..."', 'The FHF demurred: "..."': a quote right after a colon is
    what the verb the colon closes introduces, whatever the verb (not a speech verb of the
    lexicon, or the rules above would have found it), when it has a subject, no object and is
    no event verb, and stands on the colon's line outside any quote."""
    text = text_of(doc)
    before = text[max(0, quote.start - 200):quote.start].rstrip().rstrip(_OPENING_MARKS).rstrip()
    if not before.endswith(":"):
        return None
    colon = token_at(doc, max(0, quote.start - 200) + len(before) - 1)
    verb = colon.head
    if colon.text != ":" or verb.i >= colon.i or verb.pos_ != "VERB" or in_any_quote(verb, quotes):
        return None
    if "\n" in text[verb.idx:colon.idx] or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    retort = any(c.dep_ == "prt" and c.lower_ == "back" for c in verb.children)  # "fired back"
    if not retort and (verb.lemma_.lower() in cues.EVENT_VERBS or any(c.dep_ == "dobj" for c in verb.children)):
        # "Troops entered Kessen on Monday: ..." narrates an act; the quote is a caption's.
        return None
    return verb


_INTRODUCING_LEMMAS = cues.SPEECH_VERBS | cues.CUE_NOUNS


def _across_lines(text: str, at: int, quote: Quote) -> bool:
    """True when a line break separates the word at ``at`` from the quote."""
    if at < quote.start:
        between = text[at:quote.start - 1]
        return "\n" in between and not between.rstrip().endswith(":")  # 'He said:\n"..."'
    return at >= quote.end and "\n" in text[quote.end:at]


def _introduces_quote(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in cues.SPEECH_VERBS:
        return lemma not in ("know", "find", "show", "learn", "understand", "feel", "call", "ask")
    return tok.pos_ == "NOUN" and lemma in cues.CUE_NOUNS and any(
        c.lower_ == "that" for c in tok.rights
    )


# Transcript and vox-pop lines: "PENCE: Well, the question ...", "Maria Lopez ― I voted ...".
_SPEAKER_LINE = re.compile(
    r"^(?P<name>(?:[A-Z][A-Za-z.'\u2019-]*\s?){1,4}?)\s*(?P<cue>[:\u2015\u2014])\s+(?P<content>\S.*)$",
    re.MULTILINE)
_NOT_SPEAKERS = {"note", "update", "editor", "photo", "video", "correction", "related", "source",
                 "read", "watch", "q", "a", "question", "answer", "by", "and", "but", "the",
                 "according", "follow",
                 # credit lines and headline kickers: "Contributing: ...", "Twitter: @name", "Breaking: ..."
                 "contributing", "twitter", "breaking", "revealed", "look", "exclusive", "listen",
                 # a byline, and kickers that are an exclamation or an order to the reader
                 # ("BYLINE: ...", "Wow: ...", "Remember: ...")
                 "byline", "wow", "boom", "bombshell", "remember"}


# Headline and subhead speakers: "FHF camp: Kessen talks are a trap", "Former General Osei
# at rally: ...", "Osei to Vorna voters: ...". Past the first capitalised word, a lower-case
# word may only be a speaker's role ("camp", "spokesman") or "at"/"of" before a capitalised
# place; "to X"/"on X" names the audience or topic, which is not part of the source.
_ROLE_WORDS = r"camp|campaign|aides?|allies|editorial|board|spokes(?:man|woman|person)|officials?|advisers?|leaders?"
_HEADLINE_SPEAKER = re.compile(
    r"^(?P<name>[A-Z][\w.'\u2019&-]*(?:[ \t]+(?:[A-Z][\w.'\u2019&-]*|" + _ROLE_WORDS
    + r"|(?:at|of)(?=[ \t]+[A-Z])))*?)(?:[ \t]+(?:to|on|To|On)[ \t]+(?:the[ \t]+)?[A-Z][^:\n]{0,60}?)?"
    r"[ \t]*(?P<cue>:)[ \t]+(?P<content>\S.*)$", re.MULTILINE)
MAX_HEADLINE_SPEAKER_WORDS = 8


def _speaker_lines(text: str):
    """The ``NAME: ...`` lines, by the transcript pattern or else the headline one."""
    taken = set()
    for match in _SPEAKER_LINE.finditer(text):
        taken.add(match.start())
        yield match
    for match in _HEADLINE_SPEAKER.finditer(text):
        name = match.group("name")
        # Capitalised words alone are the transcript pattern's, or a title-case headline
        # ("Osei Praises Vorna Militia: ..."): a role, place or audience must mark a speaker.
        marked = name != name.title() or match.end("name") < match.start("cue") - 1
        if marked and match.start() not in taken and len(name.split()) <= MAX_HEADLINE_SPEAKER_WORDS:
            yield match


# The last word of a label that is not a speaker: "Editor's Note:", "Paid Notice:".
_LABEL_ENDS = {"note", "notice", "update", "correction", "email", "online", "reads", "week", "notes", "updates"}
_NO_WORDS = re.compile(r"^[\W\d_]*$|^https?://|^@\w+\W*$")


def _not_a_speaker_line(name: str, cue: str, content: str) -> bool:
    """A name that is no speaker's (``_NOT_SPEAKERS``), a wire dateline ("KESSEN \u2014 The army said ...";
    a vox-pop speaker's name is not in capitals), a label ("Editor's Note: ..."), or a tally
    or link after the colon ("Osei: 1,769.", "Online: http://...")."""
    if name.lower() in _NOT_SPEAKERS or name.split()[0].lower() in _NOT_SPEAKERS:
        return True
    if cue != ":" and name.isupper():
        return True
    return name.split()[-1].lower() in _LABEL_ENDS or bool(_NO_WORDS.match(content))


def transcript_attributions(doc: Doc):
    """Direct attributions of ``NAME: ...`` and ``NAME ― ...`` lines to the named speaker."""
    text = text_of(doc)
    for match in _speaker_lines(text):
        name = match.group("name").strip()
        if _not_a_speaker_line(name, match.group("cue"), match.group("content")):
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


def tag_gap_attributions(candidates, kept: list[Attribution]) -> list[Attribution]:
    """Attributions the rules proposed inside the gap between two quotes of a kept direct
    attribution ('"X," Osei said, adding that Y. "Z."'): the quote's span runs over the gap,
    so they looked nested in it, but the quotes themselves are the content and the tag's own
    "adding that Y" is a claim of its own. First-stage candidates only, one per cue, clear of
    the quotes and of every other kept attribution; ``candidates``: those over the judge's
    bar, when there is a judge (PolNeAR train: 2 of the 27 kept under it are annotated, most
    of them a relative clause describing the speaker, '"...," said X, who backs Osei.')."""
    holders = [a for a in kept if a.mode == "direct" and len(a.parts) > 1]
    if not holders:
        return []
    taken = {a.cue_token for a in kept if a.cue_token is not None}
    found: list[Attribution] = []
    for a, finder, _score in candidates:
        if finder not in ("verb", "learned") or a.cue is None or a.cue_token in taken:
            continue
        holder = next((h for h in holders if _in_a_gap(a.cue, h) and _in_a_gap(a.content, h)), None)
        if holder is None or any(_clashes(a, b) for b in kept + found if b is not holder):
            continue
        found.append(a)
        taken.add(a.cue_token)
    return found


def _in_a_gap(span: tuple[int, int], holder: Attribution) -> bool:
    """True when the span lies between two of the holder's quotes, touching neither."""
    return any(before[1] <= span[0] and span[1] <= after[0] for before, after in zip(holder.parts, holder.parts[1:]))


def _clashes(a: Attribution, b: Attribution) -> bool:
    overlapping = [s for s in (b.content, b.cue) if s and s[0] < a.content[1] and a.content[0] < s[1]]
    return bool(overlapping) or (b.content[0] <= a.cue[0] and a.cue[1] <= b.content[1])


def quotes_over_occasions(doc: Doc, candidates, kept: list[Attribution]) -> list[Attribution]:
    """Kept attributions whose content is a short phrase without a verb ("said on Meet the
    Press", "said with an eye roll", "said of the course") while a quote candidate of the same
    cue word is there: the phrase is when or how the source spoke, the quote is what it said
    (the judge took the cue's other candidate). Each such one is replaced by the quote's."""
    quoted = {}
    for a, finder, _score in candidates:
        if a.mode == "direct" and a.cue_token is not None and finder in ("quote", "verb", "learned"):
            quoted.setdefault(a.cue_token, a)
    if not quoted:
        return kept
    result = list(kept)
    for n, a in enumerate(kept):
        quote = quoted.get(a.cue_token)
        if quote is None or quote.content == a.content or a.mode == "direct" or a.cue_lemma not in QUOTING_VERBS:
            continue
        if not _verbless_phrase(doc, a.content) or len(text_of(doc)[quote.content[0]:quote.content[1]].split()) < 4:
            continue  # a quoted label ("called it 'a cartel'") is no quote of what was said
        if any(_clashes(quote, b) for b in kept if b is not a):
            continue
        result[n] = quote
    return result


MAX_OCCASION_WORDS = 8
# Verbs whose quote is what they report (not "called X 'a cartel'", "described X as 'Y'").
QUOTING_VERBS = frozenset("say tell ask add write reply explain note continue respond".split())


def _verbless_phrase(doc: Doc, span: tuple[int, int]) -> bool:
    words = [t for t in doc.char_span(*span, alignment_mode="expand") or () if not t.is_punct]
    return 0 < len(words) <= MAX_OCCASION_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)
