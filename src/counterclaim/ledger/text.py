"""Text normalisation shared by entity merging, claim matching and syndication detection."""

from __future__ import annotations

import hashlib
import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves us may might must shall
said says say saying told tell telling added adding according stated claimed claims claim
announced reported reporting statement spokesman spokeswoman spokesperson later earlier
monday tuesday wednesday thursday friday saturday sunday today yesterday week
""".split())
# Polarity words are dropped so "X captured Y" and "X has not captured Y" share a cluster;
# the claim's negation decides which side of it the claim stands on.
NEGATIONS = frozenset("not no never n't nor none deny denies denied denying false lie".split())
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
TITLES = frozenset("""mr mrs ms miss dr prof sir capt captain maj major gen general col colonel
lt lieutenant sgt sergeant cmdr commander adm admiral brig president minister prime defence
defense foreign interior sen senator rep gov governor mayor sheikh imam rev father""".split())


def fold(text: str) -> str:
    """Lower case without accents: the base of every comparison key."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD.findall(fold(text))]


def _stem(word: str) -> str:
    # Just enough to meet "rebels"/"rebel" and "killed"/"kills"; not a linguistic stemmer.
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """The claim's content words, in order, deduplicated: no stopwords or polarity words."""
    seen: dict[str, None] = {}
    for word in words(text):
        word = word.removesuffix("'s")
        if word in STOPWORDS or word in NEGATIONS or word.endswith("n't"):
            continue
        word = NUMBER_WORDS.get(word, word)
        if len(word) < 2 and not word.isdigit():
            continue
        seen.setdefault(_stem(word) if not word.isdigit() else word, None)
    return list(seen)


def name_key(name: str) -> str:
    """A name without case, accents, titles, "the" or possessives: "Capt Lena Osei" → "lena osei"."""
    tokens = [w.removesuffix("'s") for w in words(name)]
    while tokens and (tokens[0] in TITLES or tokens[0] == "the"):
        tokens = tokens[1:]
    return " ".join(tokens)


def acronym(name: str) -> str | None:
    """Initials of a multi-word name ("Free Highlands Front" → "fhf"), else None."""
    tokens = [w for w in words(name) if w not in STOPWORDS]
    if len(tokens) < 2:
        return None
    return "".join(t[0] for t in tokens)


def looks_like_acronym(name: str) -> bool:
    letters = name.replace(".", "").strip()
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def stable_id(*parts: str, size: int = 16) -> str:
    """A short hex digest of the parts; the same input gives the same id in any process."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def key64(*parts: str | bytes) -> int:
    """A signed 64-bit hash, for indexed integer keys (BIGINT on both databases)."""
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\x1f")
    return int.from_bytes(digest.digest(), "big", signed=True)


def day_of(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date or datetime, else None."""
    if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None
