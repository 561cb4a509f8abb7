"""Attributions cued by an adverb: "The FHF reportedly seized the bridge" says that unnamed
reports claim it. PolNeAR marks "reportedly" as a cue without a source, the clause around it
as the content (in two pieces when the adverb stands inside it): on train 19 of its 29
occurrences are cues, 12 of them missed by the other rules. "Allegedly", "apparently" and
"seemingly" are marked far less often (2 of 12, 5 of 35, 6 of 21) and are left out.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution_types import Attribution, content_mode
from .attribution_verbs import in_any_quote
from .quotes import Quote
from .spans import char_span_of_subtree, overlaps, text_of, trim

CUE_ADVERBS = frozenset({"reportedly"})


def adverb_attributions(doc: Doc, kept: list[Attribution], quotes: list[Quote]) -> list[Attribution]:
    """Attributions of the clauses a cue adverb modifies, outside quotes and clear of the
    attributions already kept (PolNeAR does not nest them)."""
    text = text_of(doc)
    lowered = text.lower()
    if not any(adverb in lowered for adverb in CUE_ADVERBS):  # most articles: no Token built
        return []
    found = []
    for token in doc:
        if token.lower_ not in CUE_ADVERBS or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX"):
            continue
        if token.head.dep_ == "relcl" or in_any_quote(token, quotes):
            continue  # "Osei, who reportedly fled, said ...": an aside on a speaker, no claim
        content = char_span_of_subtree(token.head)
        if any(overlaps(content, a.content) or (a.cue and overlaps(content, a.cue))
               or (a.source and overlaps(content, a.source)) for a in kept + found):
            continue
        cue = (token.idx, token.idx + len(token.text))
        pieces = tuple(p for p in (trim(text, content[0], cue[0]), trim(text, cue[1], content[1])) if p[1] > p[0])
        if not pieces:
            continue
        sentence = token.sent
        found.append(Attribution(
            content=(pieces[0][0], pieces[-1][1]), parts=pieces if len(pieces) > 1 else (), cue=cue,
            cue_lemma=token.lower_, cue_token=token.i, source=None, source_token=None,
            mode=content_mode(pieces[-1], quotes), sentence=(sentence.start_char, sentence.end_char)))
    return found
