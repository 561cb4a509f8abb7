"""Features for judging a text's stance toward a claim it did not make (FNC-1 style).

A pair (claim, text) becomes one dense row: the FNC-1 baseline's 44 features
(:mod:`stance_baseline`), TF-IDF cosine between claim and text and between claim and each
sentence of the text, cue-lexicon counts (denial, doubt, hedging/reporting, confirmation,
negation) inside the sentences most similar to the claim, negation next to claim words, and
number / name overlap. :meth:`StanceFeaturizer.linear_view` gives the sparse view a linear
model stacks on (claim terms, text terms and their product).

Everything is regex + scikit-learn: a spaCy parse of 50k long pairs would take too long.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from counterclaim.analyze.stance_baseline import BASELINE_FEATURE_NAMES, baseline_pair_features

# Cue lexicons, matched on lower-cased sentences. Why these: they are the words reporters use
# to take a position on someone else's claim (deny, doubt) or to keep their distance (hedge).
CUE_LEXICONS: dict[str, tuple[str, ...]] = {
    "deny": (
        "deny", "denies", "denied", "denying", "denial", "refute", "refutes", "refuted",
        "debunk", "debunks", "debunked", "false", "falsely", "fake", "hoax", "untrue", "bogus",
        "fabricated", "myth", "satire", "satirical", "prank", "retract", "retracted",
        "retraction", "dismissed", "dismisses", "rejects", "rejected", "baseless", "unfounded",
        "nonsense", "not true", "no truth", "no evidence", "never happened", "made up",
        "isn't true", "wasn't true", "not real", "fiction", "rumours are", "rumors are",
    ),
    "doubt": (
        "doubt", "doubts", "skeptical", "sceptical", "questioned", "questionable",
        "suspicious", "misleading", "mistaken", "disputed", "disputes", "contradict",
        "contradicts", "unlikely", "despite", "however", "but",
    ),
    "hedge": (
        "reportedly", "allegedly", "alleged", "claimed", "claims", "claiming", "according to",
        "unconfirmed", "unverified", "rumor", "rumors", "rumour", "rumours", "rumored",
        "rumoured", "purportedly", "supposedly", "apparently", "appears", "may", "might",
        "could", "possibly", "speculation", "suggests", "believed", "reports", "reported",
        "said to", "unclear", "whether", "if true",
    ),
    "report": (
        "says", "say", "said", "saying", "told", "tells", "sources", "source", "report",
        "reports", "reported", "analyst", "analysts", "tipped", "spokesman", "spokeswoman",
        "spokesperson", "officials", "statement", "via", "told", "insists",
    ),
    "confirm": (
        "confirmed", "confirms", "confirm", "officially", "revealed", "reveals", "announced",
        "announces", "verified", "proves", "proved", "indeed", "actually", "has been", "shows",
        "showed", "footage", "photos", "video",
    ),
    "negation": (
        "not", "no", "never", "n't", "nobody", "none", "nothing", "neither", "nor", "without",
    ),
}  # fmt: skip
CUE_NAMES = tuple(CUE_LEXICONS)


def _lexicon_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # "n't" has no word boundary before it; everything else is matched as whole words.
    parts = [re.escape(w) if w == "n't" else rf"\b{re.escape(w)}\b" for w in words]
    return re.compile("|".join(parts))


_CUE_PATTERNS = {name: _lexicon_pattern(words) for name, words in CUE_LEXICONS.items()}
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Prof",
                  "Lt", "Col", "Sgt", "Capt", "No", "Vs")  # fmt: skip
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?])|(?<=[.!?][\"'”’)])){_NOT_AFTER_ABBREVIATION}\s+(?=[\"'“‘(]?[A-Z0-9])"
    r"|\s*\n+\s*"
)
_TOKEN = re.compile(r"\w+(?:'\w+)?")
_QUOTE = re.compile(r"[\"“”‘’]|(?<!\w)'|'(?!\w)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION_TOKENS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "neither", "nor"})
NEGATION_WINDOW = 4  # tokens either side of a claim word
TOP_SENTENCES = 3

DENSE_FEATURE_NAMES = (
    BASELINE_FEATURE_NAMES
    + ("cos_text", "cos_first_sentence", "sim_max", "sim_mean", "sim_top_mean",
       "share_similar_sentences", "best_sentence_position", "log_sentences", "log_tokens")
    + tuple(f"top_{name}" for name in CUE_NAMES)
    + tuple(f"rate_{name}" for name in CUE_NAMES)
    + tuple(f"claim_{name}" for name in CUE_NAMES)
    + tuple(f"sim_with_{name}" for name in CUE_NAMES)
    + ("negation_near_claim_words", "claim_negated", "claim_question", "top_question",
       "top_colon", "top_quotes", "number_overlap", "claim_numbers", "name_overlap",
       "claim_terms_in_text", "claim_length")
)  # fmt: skip


def split_sentences(text: str) -> list[str]:
    """Split on sentence-final punctuation before a capital/digit, and on line breaks."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def cue_counts(sentence: str) -> np.ndarray:
    """How many cues of each lexicon (in ``CUE_NAMES`` order) a sentence contains."""
    lower = sentence.lower()
    return np.array([len(_CUE_PATTERNS[name].findall(lower)) for name in CUE_NAMES], np.float32)


class _Text(NamedTuple):
    sentences: list[str]
    vectors: sp.csr_matrix  # one l2-normalised TF-IDF row per sentence
    whole: sp.csr_matrix  # the whole text's TF-IDF row
    cues: np.ndarray  # (sentences, cue lexicons)
    tokens: list[list[str]]  # lower-cased tokens per sentence
    token_set: frozenset[str]
    numbers: frozenset[str]
    n_tokens: int


class _Claim(NamedTuple):
    vector: sp.csr_matrix
    content: frozenset[str]  # lower-cased non-stopword tokens
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words after the first, lower-cased
    cues: np.ndarray
    question: bool
    n_tokens: int


def _tokens(text: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(text)]


class StanceFeaturizer:
    """Turns (claim, text) pairs into dense feature rows; fit learns only a TF-IDF vocabulary."""

    def __init__(self, max_features: int = 30000):
        self.vectorizer = TfidfVectorizer(
            stop_words="english", sublinear_tf=True, min_df=2, max_features=max_features,
            dtype=np.float32,
        )  # fmt: skip
        # The linear model keeps stop words and "?": "not", "may", "could" carry stance.
        self.linear_vectorizer = TfidfVectorizer(
            token_pattern=r"(?u)\b\w+\b|[?:]", ngram_range=(1, 2), sublinear_tf=True, min_df=2,
            max_features=max_features, dtype=np.float32,
        )  # fmt: skip

    def fit(self, claims: list[str], texts: list[str]) -> StanceFeaturizer:
        unique_texts = sorted(set(claims)) + sorted(set(texts))
        self.vectorizer.fit(unique_texts)
        self.linear_vectorizer.fit(unique_texts)
        return self

    def focus_passages(self, claims: list[str], texts: list[str]) -> list[str]:
        """Per pair, the text's sentences most similar to the claim, in text order."""
        parsed_claims, parsed_texts = self._parse(claims, texts)
        passages = []
        for claim, text in zip(claims, texts, strict=True):
            parsed = parsed_texts[text]
            sims = self._similarities(parsed_claims[claim], parsed)
            top = sorted(np.argsort(-sims, kind="stable")[:TOP_SENTENCES])
            passages.append(" ".join(parsed.sentences[i] for i in top))
        return passages

    def _parse(self, claims: list[str], texts: list[str]):
        """Parse each distinct claim and text once, vectorising them in a few batch calls."""
        unique_claims = list(dict.fromkeys(claims))
        claim_vectors = self.vectorizer.transform(unique_claims)
        parsed_claims = {c: self._claim(c, claim_vectors[i]) for i, c in enumerate(unique_claims)}
        unique_texts = list(dict.fromkeys(texts))
        sentences = [split_sentences(text) or [text] for text in unique_texts]
        starts = np.cumsum([0] + [len(parts) for parts in sentences])
        sentence_vectors = self.vectorizer.transform([s for parts in sentences for s in parts])
        whole_vectors = self.vectorizer.transform(unique_texts)
        parsed_texts = {
            text: self._text(sentences[i], sentence_vectors[starts[i] : starts[i + 1]],
                             whole_vectors[i], text)  # fmt: skip
            for i, text in enumerate(unique_texts)
        }
        return parsed_claims, parsed_texts

    def _text(self, sentences: list[str], vectors, whole, text: str) -> _Text:
        tokens = [_tokens(sentence) for sentence in sentences]
        all_tokens = [token for sentence in tokens for token in sentence]
        return _Text(
            sentences=sentences,
            vectors=vectors,
            whole=whole,
            cues=np.vstack([cue_counts(sentence) for sentence in sentences]),
            tokens=tokens,
            token_set=frozenset(all_tokens),
            numbers=frozenset(_NUMBER.findall(text)),
            n_tokens=len(all_tokens),
        )

    def _claim(self, claim: str, vector) -> _Claim:
        words = _TOKEN.findall(claim)
        lower = [word.lower() for word in words]
        return _Claim(
            vector=vector,
            content=frozenset(w for w in lower if w not in ENGLISH_STOP_WORDS and len(w) > 1),
            numbers=frozenset(_NUMBER.findall(claim)),
            names=frozenset(w.lower() for w in words[1:] if w[:1].isupper()),
            cues=cue_counts(claim),
            question="?" in claim,
            n_tokens=len(words),
        )

    def sentence_similarities(self, claim: str, text: str) -> tuple[list[str], np.ndarray]:
        """The text's sentences and the TF-IDF cosine of each with the claim."""
        claims, texts = self._parse([claim], [text])
        return texts[text].sentences, self._similarities(claims[claim], texts[text])

    @staticmethod
    def _similarities(claim: _Claim, text: _Text) -> np.ndarray:
        return np.asarray((text.vectors @ claim.vector.T).todense()).ravel()

    def _pair_features(self, claim: _Claim, text: _Text) -> list[float]:
        sims = self._similarities(claim, text)
        top = np.argsort(-sims, kind="stable")[:TOP_SENTENCES]
        n_sent = len(text.sentences)
        # Similarity of the best sentence carrying each cue: "denied" next to the claim counts.
        sim_with = [float((sims * (text.cues[:, i] > 0)).max()) for i in range(len(CUE_NAMES))]
        overlap = [
            float((text.whole @ claim.vector.T).toarray()[0, 0]),
            float(sims[0]), float(sims.max()), float(sims.mean()), float(sims[top].mean()),
            float((sims > 0.1).mean()), float(top[0] / n_sent),
            float(np.log1p(n_sent)), float(np.log1p(text.n_tokens)),
        ]  # fmt: skip
        cues = [*text.cues[top].sum(axis=0), *text.cues.mean(axis=0), *claim.cues, *sim_with]
        return overlap + cues + self._surface(claim, text, top)

    @staticmethod
    def _negation_near(content: frozenset[str], sentences: list[list[str]]) -> float:
        hits = 0
        for tokens in sentences:
            for i, token in enumerate(tokens):
                if token in _NEGATION_TOKENS or token.endswith("n't"):
                    window = tokens[max(0, i - NEGATION_WINDOW) : i + NEGATION_WINDOW + 1]
                    hits += any(word in content for word in window)
        return float(hits)

    def _surface(self, claim: _Claim, text: _Text, top: np.ndarray) -> list[float]:
        def share(part: frozenset[str], whole: frozenset[str]) -> float:
            return len(part & whole) / len(part) if part else -1.0

        return [
            self._negation_near(claim.content, [text.tokens[i] for i in top]),
            float(claim.cues[CUE_NAMES.index("negation")] > 0),
            float(claim.question),
            float(sum("?" in text.sentences[i] for i in top)),
            float(sum(text.sentences[i].count(":") for i in top)),
            float(sum(len(_QUOTE.findall(text.sentences[i])) for i in top)),
            share(claim.numbers, text.numbers),
            float(len(claim.numbers)),
            share(claim.names, text.token_set),
            share(claim.content, text.token_set),
            float(claim.n_tokens),
        ]

    def transform(self, claims: list[str], texts: list[str]) -> np.ndarray:
        """Dense features (``DENSE_FEATURE_NAMES`` columns) for aligned claims and texts."""
        parsed_claims, parsed_texts = self._parse(claims, texts)
        rows = []
        for claim, text in zip(claims, texts, strict=True):
            own = self._pair_features(parsed_claims[claim], parsed_texts[text])
            rows.append(baseline_pair_features(claim, text) + own)
        return np.asarray(rows, dtype=np.float32).reshape(len(rows), len(DENSE_FEATURE_NAMES))

    def linear_view(self, claims: list[str], texts: list[str]) -> sp.csr_matrix:
        """Sparse view for a stacked linear model: claim terms, text terms, their product,
        and the terms of the passage most similar to the claim."""
        claim_matrix = self.linear_vectorizer.transform(claims)
        text_matrix = self.linear_vectorizer.transform(texts)
        product = claim_matrix.multiply(text_matrix)
        focus = self.focus_passages(claims, texts)
        parts = [
            claim_matrix, text_matrix, product, self.linear_vectorizer.transform(focus)
        ]  # fmt: skip
        return sp.hstack(parts, format="csr", dtype=np.float32)
