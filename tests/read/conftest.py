"""Fixtures for the reading tests; the texts live in read_samples.py."""

from __future__ import annotations

import pytest
from read_samples import ARTICLE_FURNITURE, html_article, plain_article


@pytest.fixture
def plain_text() -> str:
    return plain_article()


@pytest.fixture
def html_text() -> str:
    return html_article(ARTICLE_FURNITURE)
