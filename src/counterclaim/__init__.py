"""counterclaim: a sourced ledger of who claims what, and who disputes it.

    >>> import counterclaim
    >>> report = counterclaim.analyze('The army said on Monday that Dalmar had fallen.')
    >>> [(c.source.text, c.cue.lemma, c.text) for c in report.claims]
    [('The army', 'say', 'that Dalmar had fallen')]
"""

from __future__ import annotations

from . import analyze as _analyze_package  # noqa: F401  (see below)
from .errors import CounterclaimError
from .model import SCHEMA_VERSION, Report

# The subpackage ``counterclaim.analyze`` is imported before the function of the same name is
# defined: Python binds a subpackage to its parent's attribute only on first import, so from
# here on ``counterclaim.analyze`` stays the function however the subpackage is imported.

__version__ = "0.1.0"
__all__ = ["analyze", "Report", "CounterclaimError", "SCHEMA_VERSION", "__version__"]


def analyze(text_or_html: str, published: str | None = None, outlet: str | None = None,
            url: str | None = None, *, title: str | None = None, html: bool | None = None,
            model: str | None = None) -> Report:
    """Analyze one article given as plain text or HTML and return its ``Report``.

    published (str): ISO date the article was published; anchors relative dates.
    html (bool): force HTML (True) or text (False) reading; sniffed when None.
    model (str): spaCy pipeline name; see ``counterclaim.analyze.nlp.default_model_name``.
    """
    from .read import read_text

    analyze_article = _analyze_package.analyze_article
    article = read_text(text_or_html, html=html, title=title, published=published,
                        outlet=outlet, url=url)
    return analyze_article(article, model_name=model)
