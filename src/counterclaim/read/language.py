"""Refuse articles that are not in English, without refusing terse English wire copy.

Two signals: the share of common English function words, which is high in any English
prose however many names it holds, and py3langid's normalised probability. An article is
rejected only when the function-word share is low AND py3langid is confident that the
language is something else. Texts too short to judge are accepted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import NotEnglish

# Function words common in English news and rare as words of other European languages
# (no "a", "in", "was", "die", "also", "will", "has", "son", "man", which are).
ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to that for with from by at is are were been be this these those which who
whom its it their they them he she his her him we our you your not but or if than then
after before over into about against during between said says told would could should
had have did does do there what when where while because as other such more most than
""".split())

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
MIN_WORDS_TO_JUDGE = 4
ENGLISH_FUNCTION_SHARE = 0.12  # English news prose is ~0.25-0.45; German/French/Spanish < 0.05
MIN_FOREIGN_PROBABILITY = 0.9
SAMPLE_CHARS = 5000  # enough for a verdict, keeps long articles cheap

LANGUAGE_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "ru": "Russian",
                  "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "ar": "Arabic",
                  "uk": "Ukrainian", "zh": "Chinese", "tr": "Turkish", "pl": "Polish"}


def english_function_share(text: str) -> float:
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return 0.0
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> tuple[str, float]:
    """py3langid's best language code and its probability (0-1)."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return language, float(probability)


def ensure_english(text: str, *, name: str = "<text>") -> None:
    """Raise ``NotEnglish`` when ``text`` is clearly in another language."""
    sample = text[:SAMPLE_CHARS]
    words = WORD.findall(sample)
    if len(words) < MIN_WORDS_TO_JUDGE:
        return
    if english_function_share(sample) >= ENGLISH_FUNCTION_SHARE:
        return
    language, probability = guess_language(sample)
    if language != "en" and probability >= MIN_FOREIGN_PROBABILITY:
        label = LANGUAGE_NAMES.get(language, language)
        raise NotEnglish(f"the article looks {label}, not English "
                         f"(p={probability:.2f}); counterclaim reads English only",
                         location=name)
