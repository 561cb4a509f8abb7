"""Cue, attribution and claim-alignment features of a (claim, headline) pair.

A headline's stance sits in a few words: a hedge ("reportedly", "could", a question mark), a
denial ("hoax", "denies"), who is speaking ("Pentagon: ...", "..., officials say") or a flat
statement of the claim. :func:`headline_features` turns one pair into a dense row of lexicon
counts and positions, the headline's shape, attribution frames (a speech verb next to a name
the claim does not mention, a source label before a colon, a trailing "X says"), and how much
of the claim's wording (stems, negations) the headline repeats. Regex only: it runs on every
headline at prediction time.
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

HEADLINE_MAX_TOKENS = 40  # longer texts go to the body model; Emergent headlines are < 35
_TOKEN = re.compile(r"\w+(?:'\w+)?")

# Headline cue lexicons. Why these: Emergent's "observing" headlines attribute or hedge
# ("says", "reportedly", "could"), "against" ones call the claim fake or denied.
HEADLINE_LEXICONS: dict[str, tuple[str, ...]] = {
    "hedge": (
        "reportedly", "allegedly", "alleged", "claimed", "claims", "claim", "claiming", "rumor",
        "rumors", "rumour", "rumours", "rumored", "rumoured", "purportedly", "supposedly",
        "apparently", "may", "might", "could", "possibly", "speculation", "speculate",
        "suggests", "believed", "unconfirmed", "unverified", "likely", "expected", "said to",
        "would", "if", "whether", "appears", "seems", "plan", "plans", "considering", "report",
        "reports", "reported", "says", "said", "according", "sources", "source", "insider",
        "tipped", "predicts", "predicted", "forecast", "forecasts",
    ),
    "deny": (
        "deny", "denies", "denied", "denial", "refute", "refutes", "refuted", "debunk",
        "debunks", "debunked", "false", "falsely", "fake", "fakes", "hoax", "hoaxes", "hoaxer",
        "untrue", "bogus", "fabricated", "myth", "myths", "satire", "satirical", "prank",
        "pranks", "retract", "retracted", "retraction", "dismiss", "dismissed", "dismisses",
        "reject", "rejects", "rejected", "baseless", "nonsense", "not true", "no truth",
        "no evidence", "never", "made up", "isn't", "wasn't", "not real", "fiction", "scam",
        "lie", "lies", "photoshopped", "doctored", "misleading", "wrong", "nope", "actually",
        "truth", "really", "alive", "spoof", "parody",
    ),
    "negation": (
        "not", "no", "never", "n't", "nobody", "none", "nothing", "neither", "nor", "without",
        "isn't", "aren't", "wasn't", "didn't", "doesn't", "won't",
    ),
    "confirm": (
        "confirmed", "confirms", "confirm", "officially", "official", "revealed", "reveals",
        "announced", "announces", "verified", "proves", "proved", "indeed", "video", "photos",
        "footage", "watch", "shows", "finally",
    ),
    "question": ("?",),
    "lead_label": ("report:", "report :", "rumor:", "rumour:", "exclusive:"),
}  # fmt: skip
_NEGATIONS = frozenset(HEADLINE_LEXICONS["negation"])
_PATTERNS = {
    name: re.compile("|".join(
        re.escape(w) if not (w[0].isalnum() and w[-1].isalnum()) else rf"\b{re.escape(w)}\b"
        for w in words
    ))
    for name, words in HEADLINE_LEXICONS.items()
}  # fmt: skip
_SHAPES = {
    "future_claim": re.compile(r"\bwill\b|\bplans?\b|\bto be\b"),
    "copula_negated": re.compile(r"\b(?:is|was|are|were) (?:not|n't)\b|\bisn't\b|\bwasn't\b"),
    "attributed": re.compile(r"\b(?:says|said|claims|reports?|according to)\b"),
    "label_lead": re.compile(r"^\W*(?:report|rumou?r|exclusive)\b"),
    "attribution_tail": re.compile(r"\b(?:says|said|claims)\b\s*$"),
}
NEGATION_WINDOW = 4


def is_headline(text: str) -> bool:
    """Short enough to be judged as a headline rather than an article body."""
    return len(_TOKEN.findall(text)) <= HEADLINE_MAX_TOKENS


def _content(tokens: list[str]) -> set[str]:
    return {token for token in tokens if token not in ENGLISH_STOP_WORDS and len(token) > 1}


def _is_negation(token: str) -> bool:
    return token in _NEGATIONS or token.endswith("n't")


def _negation_near(tokens: list[str], claim_words: set[str]) -> float:
    """How many negations have a claim word within ``NEGATION_WINDOW`` tokens."""
    hits = 0
    for i, token in enumerate(tokens):
        window = tokens[max(0, i - NEGATION_WINDOW) : i + NEGATION_WINDOW + 1]
        hits += _is_negation(token) and any(word in claim_words for word in window)
    return float(hits)


def headline_features(claim: str, headline: str) -> list[float]:
    """Cue, shape and claim-alignment features of one (claim, headline) pair."""
    head_lower, claim_lower = headline.lower(), claim.lower()
    head_tokens, claim_tokens = _TOKEN.findall(head_lower), _TOKEN.findall(claim_lower)
    head_words, claim_words = _content(head_tokens), _content(claim_tokens)
    features: list[float] = []
    for pattern in _PATTERNS.values():
        starts = [match.start() for match in pattern.finditer(head_lower)]
        first = starts[0] / max(1, len(head_lower)) if starts else -1.0
        features += [len(starts), first, len(pattern.findall(claim_lower))]
    shared = head_words & claim_words
    features += [
        len(shared) / max(1, len(claim_words)), len(shared) / max(1, len(head_words)),
        len(head_words - claim_words), len(claim_words - head_words),
        len(head_tokens), len(claim_tokens),
        _negation_near(head_tokens, claim_words),
        float(any(map(_is_negation, claim_tokens))), float(any(map(_is_negation, head_tokens))),
        float(headline.strip().endswith("?")), headline.count(":"), float(":" in headline[:30]),
        len(re.findall(r"[\"“”‘’']", headline)),
        float(bool(_SHAPES["future_claim"].search(claim_lower))),
        float(bool(re.search(r"\bwill\b", head_lower))),
        sum(word[:1].isupper() for word in headline.split()) / max(1, len(headline.split())),
    ]  # fmt: skip
    features += [float(bool(_SHAPES[name].search(head_lower))) for name in
                 ("copula_negated", "attributed", "label_lead", "attribution_tail")]  # fmt: skip
    return features


# Attribution and epistemic frames beyond the lexicons above. Why: Emergent's "observing"
# headlines most often put the claim in someone's mouth ("X says", "Pentagon: ...") or under
# a possibility word ("probably", "suspected", "mulls"), or credit it to social media.
SPEECH = (
    r"says|say|said|saying|claims|claim|claimed|claiming|alleges|alleged|accuses|accused|"
    r"insists|suggests|hints|warns|tells|told|reports|reported|report|according to|believes|"
    r"thinks|fears|feared|sources?|insiders?|analysts?"
)
_SPEECH = re.compile(rf"\b(?:{SPEECH})\b", re.I)
_EPISTEMIC = re.compile(
    r"\b(?:probably|possible|possibly|suspected|alleged|allegedly|purported|purportedly|"
    r"potential|potentially|apparent|apparently|seemingly|presumed|presumably|feared|fears?|"
    r"mulls?|mulling|eyes|eyeing|weighs|weighing|consider(?:s|ing)?|in talks|set to|poised|"
    r"tipped|expected|could|may|might|would|rumou?r(?:s|ed)?|speculat\w*|unconfirmed|"
    r"unverified|reportedly|supposedly|believed|thought to|said to|looks like|appears?|seems?)\b"
)
_SOCIAL = re.compile(r"\b(?:social media|twitter|tweets?|facebook|online|internet|viral|"
                     r"reddit|instagram|web|website)\b")  # fmt: skip
_LEAD_SOURCE = re.compile(r"^\s*(?:[A-Z][\w.'&-]*\s*){1,5}:\s")
_TAIL_SPEECH = re.compile(rf"[,:–—-]\s*(?:[\w.'&-]+\s+){{0,4}}(?:{SPEECH})\s*$", re.I)
STEM_LENGTH = 5  # crude stem: "beheads"/"beheaded", "killed"/"kills" share their first 5


def _stems(tokens: list[str]) -> set[str]:
    return {t[:STEM_LENGTH] for t in tokens if t not in ENGLISH_STOP_WORDS and len(t) > 2}


def _third_party_speaker(headline: str, claim_words: set[str]) -> float:
    """1 when a speech cue stands next to a capitalised name the claim does not mention."""
    for match in _SPEECH.finditer(headline):
        near = _TOKEN.findall(headline[: match.start()])[-4:]
        near += _TOKEN.findall(headline[match.end() :])[:3]
        if any(t[:1].isupper() and t.lower() not in claim_words for t in near):
            return 1.0
    return 0.0


def attribution_features(claim: str, headline: str) -> list[float]:
    """Who is speaking, how sure the headline is, and how much of the claim it repeats."""
    head_lower, claim_lower = headline.lower(), claim.lower()
    claim_tokens = _TOKEN.findall(claim_lower)
    claim_words = set(claim_tokens)
    claim_stems, head_stems = _stems(claim_tokens), _stems(_TOKEN.findall(head_lower))
    lead = _LEAD_SOURCE.match(headline)
    lead_words = _TOKEN.findall(lead.group(0).lower()) if lead else []
    return [
        float(len(_EPISTEMIC.findall(head_lower))), float(len(_EPISTEMIC.findall(claim_lower))),
        float(len(_SPEECH.findall(headline))), _third_party_speaker(headline, claim_words),
        float(len(_SOCIAL.findall(head_lower))),
        float(bool(lead)), float(bool(lead) and not claim_words.intersection(lead_words)),
        float(bool(_TAIL_SPEECH.search(headline))),
        len(claim_stems & head_stems) / max(1, len(claim_stems)),
        float(len(claim_stems - head_stems)),
    ]  # fmt: skip


# How the headline frames the claim. Why: of the "observing" headlines read as "for", many
# credit a source at the end ("...: monitor", "... - report"), ask ("Did ...?"), put a modal
# before the claim's predicate, quote the claim's words, or repeat its names but not its verb.
_TRAIL_SOURCE = re.compile(r"(?:[:|]|\s[-–—]+)\s*((?:[\w.'&/-]+\s*){1,4})\W*$")
_QUESTION_LEAD = re.compile(r"^\W*(?:did|does|do|is|are|was|were|could|can|will|would|should|"
                            r"has|have|had|why|how|what|who|where|when)\b", re.I)  # fmt: skip
_MODAL = re.compile(r"\b(?:could|may|might|would|should|can|must)\b", re.I)
_INQUIRY = re.compile(
    r"\b(?:what we know|here's|investigat\w*|probe[sd]?|myster\w+|questions?|wonder\w*|"
    r"you decide|truth about|fact or|real or|is it|explained|debate|controvers\w+|"
    r"speculat\w*|theor\w+|conspiracy|emerges?|surfaces?|circulat\w+|viral)\b", re.I)
_SPEECH_ING = re.compile(r"\b(?:reporting|alleging|claiming|saying|suggesting|hinting|warning|"
                         r"accusing)\b", re.I)  # fmt: skip
_QUOTED = re.compile(r"[\"“‘']([^\"”’']{1,60})[\"”’']")
_SCARE_QUOTE = re.compile(r"(?<!\w)[\"“‘']\w+(?:\s\w+)?[\"”’'](?!\w)")
_CONFIRM = re.compile(r"\b(?:confirms?|confirmed|admits?|admitted|acknowledg\w+|verif\w+|"
                      r"official(?:ly)?|proof|proves?|finally)\b", re.I)  # fmt: skip


def framing_features(claim: str, headline: str) -> list[float]:
    """Trailing source, question form, modals, inquiry words, quotes, predicate overlap."""
    head_tokens, claim_tokens = _TOKEN.findall(headline), _TOKEN.findall(claim)
    claim_all = {t.lower() for t in claim_tokens}
    # Lower-case claim words carry its predicate; capitalised ones (after the first) its names.
    predicate = _stems([t.lower() for t in claim_tokens if t[:1].islower()])
    names = _stems([t.lower() for t in claim_tokens[1:] if t[:1].isupper()])
    head_stems = _stems([t.lower() for t in head_tokens])
    trail = _TRAIL_SOURCE.search(headline)
    trail_words = set(_TOKEN.findall(trail.group(1).lower())) if trail else set()
    quoted_claim = sum(
        any(w.lower() in claim_all and w.lower() not in ENGLISH_STOP_WORDS
            for w in _TOKEN.findall(quote))
        for quote in _QUOTED.findall(headline)
    )  # fmt: skip
    return [
        float(bool(trail)), float(bool(trail) and not trail_words & claim_all),
        float(len(trail_words)), float(bool(_QUESTION_LEAD.match(headline))),
        float("?" in headline), float(len(_MODAL.findall(headline))),
        float(len(_MODAL.findall(claim))), float(len(_INQUIRY.findall(headline))),
        float(len(_SPEECH_ING.findall(headline))), float(len(_QUOTED.findall(headline))),
        float(quoted_claim), float(len(_SCARE_QUOTE.findall(headline))),
        float(len(_CONFIRM.findall(headline))),
        len(predicate & head_stems) / max(1, len(predicate)),
        len(names & head_stems) / max(1, len(names)), float(len(predicate)),
        float(sum(t.isupper() and len(t) > 2 for t in head_tokens)),
    ]  # fmt: skip


def pair_features(claim: str, headline: str) -> list[float]:
    """:func:`headline_features`, :func:`attribution_features`, :func:`framing_features`."""
    return (headline_features(claim, headline) + attribution_features(claim, headline)
            + framing_features(claim, headline))  # fmt: skip
