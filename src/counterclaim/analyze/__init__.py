"""Analysis: ``model.Article`` in, ``model.Report`` out, through a spaCy pipeline."""

from __future__ import annotations

import itertools
from typing import Iterable, Iterator

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .. import model
from . import extensions  # noqa: F401
from .headline import add_headline_claims, parse_titles
from .limits import max_seconds, time_limit
from .nlp import load_nlp
from .pipeline import collector_paused
from .report import to_report
from .spans import remember_text


# Longer texts are refused, not analyzed: spaCy's parser needs about 1 GB per 100,000 words
# and no news article comes near this. Configurable per call and by COUNTERCLAIM_MAX_CHARS.
MAX_ARTICLE_CHARS = 500_000


def _max_chars() -> int:
    import os

    return int(os.environ.get("COUNTERCLAIM_MAX_CHARS", MAX_ARTICLE_CHARS))


def make_doc(nlp: Language, article: model.Article) -> Doc:
    """A tokenized Doc carrying its article. A dateline ends a sentence before parsing, so the
    parser never makes "OSTGRAD, March 3 (MW) - Army spokesperson X" one subject."""
    limit = min(_max_chars(), nlp.max_length)
    if len(article.text) > limit:
        from ..errors import InputError

        raise InputError(f"article of {len(article.text):,} characters is longer than the "
                         f"{limit:,} analyzed (set COUNTERCLAIM_MAX_CHARS to change)",
                         location=article.url or article.title or article.id)
    doc = nlp.make_doc(article.text)
    doc._.cc_article = article
    remember_text(doc, article.text)
    if article.dateline is not None:
        end = article.dateline.span[1]
        after = doc.char_span(end, len(article.text), alignment_mode="expand")
        if after is not None and len(after) and after[0].i > 0:
            after[0].is_sent_start = True
    _paragraphs_start_sentences(doc)
    return doc


def _paragraphs_start_sentences(doc: Doc) -> None:
    """A blank line after a finished sentence starts a new one. Left to itself the parser runs
    about one sentence in fourteen on over a paragraph break (PolNeAR train: 2,167 of
    29,312), and then a quote that opens the next paragraph hangs on the last paragraph's verb
    and loses its speaker. The parser still decides after a paragraph that ends unfinished
    ("Osei said:", a list item ending in ";", a line broken mid-sentence) or before one that
    starts in lower case: a colon introduces what follows, and the reader makes each line of a
    text without blank lines a paragraph, so such breaks can fall inside a sentence."""
    # Only the whitespace tokens are looked at: a Token object for every word cost ~0.1 ms
    # an article, on the path every article takes.
    for i in doc.to_array(IS_SPACE)[1:-1].nonzero()[0] + 1:
        token = doc[int(i)]
        if token.text.count("\n") >= 2 and _ends_sentence(doc, token.i) and not doc[token.i + 1].text[:1].islower():
            doc[token.i + 1].is_sent_start = True


def _ends_sentence(doc: Doc, space_i: int) -> bool:
    """Whether the text before a paragraph break ends in . ! or ?, past closing quote marks and
    brackets."""
    i = space_i - 1
    while i > 0 and doc[i].text in _CLOSERS:
        i -= 1
    return doc[i].text[-1:] in ".!?"


_CLOSERS = frozenset({'"', "''", "\u201d", "\u2019", "'", ")", "]"})


def analyze_article(article: model.Article, *, nlp: Language | None = None,
                    model_name: str | None = None) -> model.Report:
    nlp = nlp or load_nlp(model_name)
    # the collector paused for the whole article, as for a batch (see _reports)
    with time_limit(None, what=article.url or article.title or article.id), collector_paused():
        doc = make_doc(nlp, article)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        [title_doc] = parse_titles(nlp, [article])
        return add_headline_claims(to_report(doc), title_doc, doc)


def analyze_articles(articles: Iterable[model.Article], *, nlp: Language | None = None,
                     model_name: str | None = None, batch_size: int = 16,
                     n_process: int = 1) -> Iterator[model.Report]:
    """Analyze many articles through ``nlp.pipe``, in order.

    With ``n_process > 1`` the batches go to worker processes that each load the pipeline
    once and send back finished Reports. spaCy's own ``n_process`` is not used: it ships Docs
    back through msgpack, which cannot carry the schema objects the components set.
    """
    if n_process > 1:
        # Workers load ``model_name`` (default: the best installed); a Language object
        # cannot be shipped to them.
        yield from _analyze_in_processes(articles, model_name, batch_size, n_process)
        return
    nlp = nlp or load_nlp(model_name)
    for chunk in _chunks(articles, batch_size):
        yield from _reports(nlp, chunk)


def _chunks(articles: Iterable[model.Article], size: int) -> Iterator[list[model.Article]]:
    iterator = iter(articles)
    return iter(lambda: list(itertools.islice(iterator, size)), [])


def _reports(nlp: Language, chunk: list[model.Article]) -> list[model.Report]:
    """One batch of articles: bodies through ``nlp.pipe``, titles parsed together (headline
    claims, ``headline.py``).

    The cyclic collector is paused for the batch, as the counterclaim component pauses it for
    one doc: resumed after each doc, its first young-generation pass rescanned everything the
    doc's analysis still held (~0.9 ms per article, when spaCy's own parse triggers a few
    collections per hundred articles). Once per batch, the pass only meets the reports. Little
    waits for it: a ``gc.collect()`` after 60 bench articles analysed with the collector off
    finds 120 unreachable objects."""
    with collector_paused():
        titles = parse_titles(nlp, chunk)
        bodies = nlp.pipe((make_doc(nlp, a) for a in chunk), batch_size=len(chunk))
        return [add_headline_claims(to_report(doc), title, doc)
                for doc, title in zip(bodies, titles)]


_WORKER_NLP: Language | None = None


def _init_worker(model_name: str | None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_nlp(model_name)


def _analyze_chunk(chunk: list[model.Article]) -> list[model.Report]:
    nlp = _WORKER_NLP
    # A chunk that overruns fails whole; the caller then retries its articles one by one.
    with time_limit(max_seconds() * len(chunk), what="batch"):
        return _reports(nlp, chunk)


def _analyze_in_processes(articles: Iterable[model.Article], model_name: str | None,
                          batch_size: int, n_process: int) -> Iterator[model.Report]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    chunks = _chunks(articles, batch_size)
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                             initargs=(model_name,)) as pool:
        for reports in pool.map(_analyze_chunk, chunks):
            yield from reports
