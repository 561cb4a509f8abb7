"""Attribution: who says what, with which cue. Doc in, ``Attribution`` tuples out.

This module runs the rules and settles what they find; the rules live in their own modules.
Rules over the dependency parse propose candidates, in the order a careful reader applies them:
1. direct quotes, attached to the speech verb outside the quote in the same or an adjacent
   sentence (``"X," he said, "Y."``; ``He said: "..."``), or to whatever verb tags the quote
   (``"Go home," the captain barked``), a later quote of the same paragraph continuing it;
   transcript lines (``NAME: ...``) likewise (:mod:`attribution_quotes`);
2. raising frames (``The truce seems to hold``; :mod:`attribution_raising`);
3. speech, claim and belief verbs governing a clause (``X said (that) ...``), labelling verbs
   (``X termed the shelling a massacre``), inverted and parenthetical cues
   (``..., sources said``), passive and sourceless forms (``it was reported that ...``;
   :mod:`attribution_verbs`);
4. ``according to X``;
5. nominal cues (``X's claim that ...``, ``an assurance that ...``, ``there were reports of``;
   :mod:`attribution_nominal` for these two);
6. learned cues: words the cue model (:mod:`cue_model`) scores as cues beyond the lexicon
   (beliefs, plans, evaluations: ``agreed``, ``wants``, ``blasted``, ``likened``), given a
   clause, an object or a prepositional object as content by the parse. Event verbs
   ("rebels attacked the town") count only when they govern a clause (:mod:`attribution_learned`);
7. a second stage for recall: words the cue model scores just under its threshold, or over
   it but turned away by step 6 for being a passive without agent or taking an object after
   a show/see/call/ask verb, and contents to the cue's left (a relative pronoun object:
   ``which the FHF denies``; a passive subject: ``the plan is backed by the council``).
   These "recall" candidates are kept only by the judge, which sees their cue score and
   context, at a bar of their own (:func:`recall_candidates`).
PolNeAR never nests attributions, so of two candidates where one's cue lies inside the
other's content only one is kept: the learned judge (:mod:`attribution_filter`) keeps the
likelier, or, without it, the outermost wins; a candidate in the gap between two quotes of a
kept direct attribution ('"X," Osei said, adding that Y. "Z."') only looked nested and is
kept too, if the judge passes it (:func:`attribution_quotes.tag_gap_attributions`); a quote beats a short verbless
phrase as what a speech verb's source said ("said with an eye roll"; :func:`attribution_quotes.quotes_over_occasions`); and so is a participle that ends a
kept indirect content ("said X, saying that Y"), which the content then leaves
(:func:`attribution_bounds.participle_splits`; when the judge kept the participle in its
host's place, the host comes back first: :mod:`attribution_participle_hosts`); two claims
the parse runs together over "and" ("... holds Kessen and the army says ...") are split
(:mod:`attribution_coordinated_claims`). A sentence-opening imperative ("Call it a
victory.") proposes nothing, nor does a clause that is its object ("Consider what Sadeq said"), and
a kept content that runs over its own cue ("what Osei is talking about") or is a lone relative word
is dropped (:mod:`attribution_misreads`). Kept attributions then get the sources the
rules miss (an active "It said", the passive subject an active conjunct shares, a second
content's sibling, a compound read as a verb: :mod:`attribution_compound_sources`) and lose the one an "Asked about X, ..." participle does not have
(:mod:`attribution_sources`), and "reportedly" adds the clause it modifies, clear of them,
as a claim without a source (:mod:`attribution_adverbs`), and so do attitude adjectives
("is critical of", "was confident that"; :mod:`attribution_adjectives`), and set phrases
("took issue with", "is a supporter of"; :mod:`attribution_phrases`). Indirect contents and sources then stay on
their cue's line, past any wire dateline, and lose a trailing aside of the outlet; a
content leaves out when and where the source spoke (:mod:`attribution_bounds`); a cue then
reaches over its verb's own words up to the content and up to the verb it is the infinitive
or gerund of (``showed no sign of``, ``went on to say``; :mod:`attribution_cue_extent`). Only the
words that govern something to their right are scored by the cue model: scoring was most
of attribution's cost.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from .cue_model import CueModel, cue_scores, load_cue_model
from .cue_parse import (CONTENT_DEPS, EXPLETIVES, WORDS_KEY, cue_span, doc_words, is_cue_verb, read_words,
                        source_head, speech_tag_after)
from .source_spans import source_span
from .attribution_bounds import participle_splits, through_opened_quotes, without_trailing_aside
from .attribution_compound_sources import sources_of_compounds_parsed_as_verbs
from .attribution_coordinated_claims import coordinated_claims
from .attribution_adjectives import adjective_attributions
from .attribution_phrases import phrase_attributions
from .attribution_outlet_frames import outlet_framed
from .attribution_adverbs import adverb_attributions
from .attribution_boundary import load_boundary_model, refine_contents
from .attribution_cue_extent import extended_cues
from .attribution_filter import Candidate, judged_selection, load_filter
from .attribution_parts import settle_spans
from .attribution_participle_hosts import hosts_over_participles
from .attribution_sources import mended_sources
from .attribution_misreads import is_imperative, takes_in_imperative, without_own_cues
from .attribution_misparsed_speakers import misparsed_speaker_sources
from .attribution_learned import (argument_test_at, learned_attributions, second_stage_attributions,
                                  second_stage_test_at)
from .attribution_quotes import (quote_attributions, quotes_over_occasions, tag_gap_attributions,
                                 transcript_attributions)
from .attribution_raising import raising_attributions
from .attribution_nominal import according_to, nominal_attributions
from .attribution_types import Attribution
from .attribution_verbs import verb_attributions
from .quotes import Quote, find_quotes
from .spans import CharSpan, contains, sentence_bounds, text_of, trim

# The names other modules and tests import from here (the cue_parse ones included).
__all__ = [
    "Attribution", "Candidate", "FINDERS", "candidate_attributions", "find_attributions", "finished",
    "recall_candidates",
    "CONTENT_DEPS", "EXPLETIVES", "WORDS_KEY", "cue_span", "doc_words", "is_cue_verb", "read_words",
    "source_head", "source_span", "speech_tag_after",
]


def find_attributions(doc: Doc, *, refine: bool = True, whole_cues: bool = True) -> list[Attribution]:
    """The article's attributions; ``refine=False`` leaves out the learned boundary model
    (its training reads the rules' own spans, with ``whole_cues=False``: the cues as the
    model sees them, before they reach over to their contents)."""
    quotes = find_quotes(text_of(doc))
    judge = load_filter()
    candidates = candidate_attributions(doc, quotes)
    if judge is not None:
        found, passing = judged_selection(doc, candidates, judge)
    else:
        found, passing = _outermost(candidates), candidates
    found = quotes_over_occasions(doc, candidates, found)
    found += tag_gap_attributions(passing, found)
    found = hosts_over_participles(doc, candidates, found)
    found, split_off = participle_splits(doc, candidates, found, quotes)
    found += split_off
    found, split_off = coordinated_claims(doc, candidates, found)
    found += split_off
    found = [finished(doc, a, quotes) for a in found]
    found = sources_of_compounds_parsed_as_verbs(doc, mended_sources(doc, found))
    found += adverb_attributions(doc, found, quotes)
    found += adjective_attributions(doc, found, quotes)
    found += phrase_attributions(doc, found, quotes)
    found = misparsed_speaker_sources(doc, found)
    found = through_opened_quotes(doc, found, quotes)
    if refine:
        found = refine_contents(doc, found, quotes, load_boundary_model())
    found = without_own_cues(doc, found)
    # Interrupted contents in pieces, no source inside its own content (attribution_parts).
    found = settle_spans(doc, found, quotes)
    if whole_cues:
        found = extended_cues(doc, found)
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
        candidates = [Candidate(a, "transcript") for a in transcript_attributions(doc)]
        candidates += [Candidate(a, "quote") for a in quote_attributions(doc, quotes)]
        model = cue_model or load_cue_model()
        scored, scores = _scored_words(doc, quotes, model)
        doubtful = recall_candidates(scored, model)
        bounds = sentence_bounds(doc)
        # Each sentence's rules see its own words' scores, not the article's to sift again.
        for (start, end), sent_scores, sent_doubtful in zip(bounds, _by_sentence(scores, bounds),
                                                             _by_sentence(doubtful, bounds)):
            sent = doc[start:end]
            for name, finder in FINDERS.items():
                candidates += [Candidate(a, name, scored.get(a.cue_token)) for a in finder(sent, quotes, sent_scores)
                               if a.content[1] > a.content[0]]  # a parse can cross its own order
            if sent_doubtful:
                candidates += [Candidate(a, "recall", scored[a.cue_token])
                               for a in second_stage_attributions(sent, quotes, sent_doubtful, model.threshold)
                               if a.content[1] > a.content[0]]
    finally:
        if owned:
            doc.user_data.pop(WORDS_KEY, None)
    cue_words = {c[0].cue_token for c in candidates if c[0].cue_token is not None}
    return [c for c in candidates if not outlet_framed(doc, c[0], cue_words)
            and not is_imperative(doc, c[0]) and not takes_in_imperative(doc, c[0])]


def _by_sentence(scores: dict[int, float], bounds: list[tuple[int, int]]) -> list[dict[int, float]]:
    """The scores of each sentence's words (``bounds``: the sentences in order, covering the doc)."""
    found: list[dict[int, float]] = [{} for _ in bounds]
    starts = [start for start, _ in bounds]
    for i, score in scores.items():
        found[bisect_right(starts, i) - 1][i] = score
    return found


def _scored_words(doc: Doc, quotes: list[Quote], model: CueModel | None):
    """The cue model's scores of the words worth scoring, and the first stage's share: those
    over the threshold that take an argument to their right (the second stage, when the
    model has one, also scores words with a left-hand content)."""
    if model is None:
        return {}, {}
    takes_argument = argument_test_at(doc)  # tests of token indices: no Token per word
    worth = second_stage_test_at(doc) if model.recall_floor is not None else takes_argument
    scored = cue_scores(doc, quotes, model, only_at=worth)
    if worth is takes_argument:
        return scored, {i: s for i, s in scored.items() if s >= model.threshold}
    return scored, {i: s for i, s in scored.items() if s >= model.threshold and takes_argument(i)}


def recall_candidates(scored: dict[int, float], model: CueModel | None) -> dict[int, float]:
    """The second stage's words: those the cue model scores above its recall floor. The ones
    under its threshold, and the ones over it the first stage turns away, become "recall"
    candidates (:func:`attribution_learned.second_stage_attributions`), and only the judge
    (which sees their score and context) keeps any of them."""
    if model is None or model.recall_floor is None:
        return {}
    return {i: s for i, s in scored.items() if s >= model.recall_floor}


def _outermost(candidates: list[Candidate]) -> list[Attribution]:
    """Without the judge: quotes first, then the rules in order, each cue once, none whose
    cue lies inside another's content (PolNeAR does not nest attributions)."""
    found: list[Attribution] = []
    used_cues: set[int | None] = set()
    for attribution, finder, _score in candidates:
        if finder == "recall":  # doubtful cues: only the judge keeps any
            continue
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
    # A dateline holds its agency in brackets: without "(" the (backtracking) pattern is spared.
    match = _DATELINE.match(text, start, end) if text.find("(", start, end) >= 0 else None
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


# The sentence-level rules, in the order they claim a cue word.
FINDERS = {"raising": raising_attributions, "verb": verb_attributions, "according_to": according_to,
           "nominal": nominal_attributions, "learned": learned_attributions}
