"""Views of a report's claims that several attribution tests read."""

from __future__ import annotations


def pieces(report, claim):
    """The claim's content pieces as text, without surrounding quote marks and punctuation."""
    text = report.article.text
    return [text[s:e].strip(" \"\u201c\u201d,.") for s, e in (claim.parts or [claim.span])]


def claim_by_source(report, source):
    """The first attributed claim whose source reads ``source``."""
    return next(c for c in report.claims if c.mode != "outlet" and c.source and c.source.text == source)
