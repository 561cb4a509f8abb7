"""HTML pages: same body as the .txt, furniture removed, metadata taken from the page."""

from __future__ import annotations

import pytest
from read_samples import BODY, BODY_PARAGRAPHS, TITLE, html_article, plain_article

from counterclaim.read import read_bytes, read_path, read_text
from counterclaim.read.html import looks_like_html

FURNITURE_PHRASES = ["Share this", "Click to share", "Like this", "Loading", "Related articles",
                     "Vorna checkpoint", "Subscribe", "Leave a Reply", "email address",
                     "Required fields", "Post Comment", "Home", "Copyright"]


def test_same_article_as_txt_and_html_gives_same_body(tmp_path, plain_text, html_text):
    (tmp_path / "dalmar.txt").write_text(plain_text, encoding="utf-8")
    (tmp_path / "dalmar.html").write_text(html_text, encoding="utf-8")
    from_text = read_path(tmp_path / "dalmar.txt")
    from_html = read_path(tmp_path / "dalmar.html")
    assert from_html.text == from_text.text == BODY
    assert from_html.title == from_text.title == TITLE
    assert from_html.id == from_text.id
    assert from_html.dateline.span == from_text.dateline.span


def test_furniture_inside_article_is_removed(html_text):
    text = read_text(html_text).text
    for phrase in FURNITURE_PHRASES:
        assert phrase not in text


def test_unlabelled_furniture_is_caught_by_the_line_filter():
    bare = ("<p>Share this:</p><p>Like this:</p><h3>Leave a Reply</h3>"
            "<p>Your email address will not be published. Required fields are marked *</p>")
    text = read_text(html_article(bare)).text
    assert text == BODY


def test_paragraphs_are_separated_by_blank_lines(html_text):
    assert read_text(html_text).text.split("\n\n") == BODY_PARAGRAPHS


def test_metadata_comes_from_the_page(html_text):
    article = read_text(html_text)
    assert article.outlet == "Ostria Herald"
    assert article.url == "https://herald.example/2024/11/04/dalmar-shelling"
    assert article.published is not None and article.published.startswith("2024-11-04")
    assert article.dateline.date == "2024-11-04"  # "Nov. 4" gets its year from the page


def test_caller_metadata_wins(html_text):
    article = read_text(html_text, title="Dalmar shelled", outlet="Kessen Post",
                        url="https://kessen.example/a", published="2024-11-06")
    assert (article.title, article.outlet, article.url, article.published) == (
        "Dalmar shelled", "Kessen Post", "https://kessen.example/a", "2024-11-06")


@pytest.mark.parametrize("name, text, expected", [
    ("page.html", "just words, no markup at all", True),      # the extension decides
    ("page.HTM", "just words", True),
    ("<stdin>", html_article(), True),                         # the content decides
    ("note.txt", "<div><p>Rebels shell Dalmar</p><p>The army said.</p></div>", True),
    ("note.txt", plain_article(), False),
    ("note.txt", "The FHF wrote <b>never</b> in its statement.", False),  # one tag is not a page
])
def test_html_sniffing(name, text, expected):
    assert looks_like_html(text, name) is expected


def test_html_flag_overrides_sniffing():
    markup = "<p>Rebels shell Dalmar</p>"
    assert read_text(markup, html=False).text == markup


def test_html_bytes_without_extension_are_sniffed(html_text):
    article = read_bytes(html_text.encode("utf-8"), name="<stdin>")
    assert article.text == BODY
    assert "<p>" not in article.text


def test_tiny_page_falls_back_to_plain_extraction():
    article = read_text("<html><body><p>Army: FHF shelled Dalmar overnight.</p></body></html>")
    assert article.text == "Army: FHF shelled Dalmar overnight."
