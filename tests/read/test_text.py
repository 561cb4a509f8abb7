"""read_text / read_path on plain text: title, variants, boilerplate, paragraphs, stdin."""

from __future__ import annotations

import io
import sys

import pytest
from read_samples import BODY, BODY_PARAGRAPHS, TITLE, plain_article

from counterclaim.errors import EmptyInput, InputError
from counterclaim.read import article_id, read_path, read_text


def test_title_is_first_line_and_removed_from_text(plain_text):
    article = read_text(plain_text)
    assert article.title == TITLE
    assert TITLE not in article.text
    assert article.text == BODY
    assert article.language == "en"


@pytest.mark.parametrize("variant", [
    TITLE.upper(),                                        # same headline in capitals
    "Rebels shell Dalmar as peace talks stall",           # a word changed
    "Rebels shell Dalmar as ceasefire talks stall",       # exact repeat: kept once, no variant
])
def test_repeated_headline_is_kept_once(variant):
    article = read_text(plain_article(f"{TITLE}\n{variant}"))
    assert article.title == TITLE
    assert article.title_variants == ([] if variant == TITLE else [variant])
    assert variant not in article.text
    assert article.text.startswith("DALMAR, Ostria")


def test_different_second_line_is_not_a_variant():
    text = f"{TITLE}\nArmy says three soldiers wounded near Vorna\n\n{BODY}"
    article = read_text(text)
    assert article.title == TITLE
    assert article.title_variants == []
    assert article.text.startswith("Army says three soldiers wounded near Vorna")


@pytest.mark.parametrize("first_line", [
    "The army said on Monday that rebels had shelled Dalmar overnight.",  # a sentence
    "By Jane Doe, Reuters",                                                # a byline
    "DALMAR, Ostria, Nov. 4 (Reuters) - Rebels shelled the city",          # a dateline
    # a sentence-case standfirst: cutting it as a "title" would lose body text
    "The woman, who fled Kessen with her two children last week, was taken to a clinic in "
    "Vorna by aid workers",
    "He denied ordering the shelling, his lawyer said",                    # a first sentence
    "Updated at 11:45 GMT",                                                # a timestamp
    "Aid convoy reaches Vorna \u2014",                                     # cut-off line
])
def test_first_line_that_is_not_a_title(first_line):
    article = read_text(f"{first_line}\n\n{BODY}")
    assert article.title is None
    assert article.text.startswith(first_line)


def test_long_title_case_headline_is_a_title():
    headline = ("Free Highlands Front Says Its Fighters Withdrew From Kessen Before the "
                "Army Shelling Began")
    article = read_text(plain_article(headline))
    assert article.title == headline and article.text == BODY


def test_title_followed_directly_by_dateline():
    article = read_text(f"{TITLE}\n{BODY}")
    assert article.title == TITLE
    assert article.dateline is not None and article.dateline.span[0] == 0


def test_caller_title_wins_and_matching_first_line_goes():
    article = read_text(plain_article(TITLE.upper()), title=TITLE)
    assert article.title == TITLE
    assert article.title_variants == [TITLE.upper()]
    assert article.text == BODY


def test_boilerplate_lines_are_dropped_from_text():
    furniture = ("Share this:\nClick to share on Twitter (Opens in new window)\nLike this:\n"
                 "Like Loading...\n\nRelated articles\nArmy reinforces Vorna checkpoint\n\n"
                 "Leave a Reply\nYour email address will not be published. Required fields "
                 "are marked *\n\nSubscribe to our newsletter")
    article = read_text(plain_article() + "\n" + furniture)
    assert article.text == BODY


def test_sentences_mentioning_sharing_are_kept():
    line = "The FHF urged supporters to share this statement and leave a comment online."
    article = read_text(plain_article() + "\n\n" + line)
    assert article.text.endswith(line)


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    wrapped = "\n\n".join(_wrap(p) for p in BODY_PARAGRAPHS)
    assert "\n" in wrapped.split("\n\n")[0]
    article = read_text(f"{TITLE}\n\n{wrapped}")
    assert article.text == BODY


def _wrap(paragraph: str, width: int = 60) -> str:
    lines, current = [], ""
    for word in paragraph.split():
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return "\n".join(lines + [current])


def test_one_paragraph_per_line_without_blank_lines():
    article = read_text("\n".join(BODY_PARAGRAPHS))
    assert article.text == BODY


def test_windows_line_endings_and_odd_spaces():
    messy = plain_article().replace("\n", "\r\n").replace(" the ", " \u00a0the\t")
    assert read_text(messy).text == BODY


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n", "\u200b\ufeff"])
def test_empty_input(text):
    with pytest.raises(EmptyInput):
        read_text(text)


def test_title_only_has_no_body():
    with pytest.raises(EmptyInput):
        read_text(f"{TITLE}\n{TITLE.upper()}\n")


def test_article_id_ignores_case_and_whitespace():
    assert article_id("Rebels  shell\nDalmar") == article_id("rebels shell dalmar")
    assert article_id("Rebels shell Dalmar") != article_id("Rebels shell Kessen")
    assert read_text(plain_article()).id == article_id(BODY)


def test_read_path_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        read_path(missing)
    assert info.value.message == "no such file"
    assert info.value.location == str(missing)


def test_read_path_directory(tmp_path):
    with pytest.raises(InputError):
        read_path(tmp_path)


def test_read_path_text_file(tmp_path):
    path = tmp_path / "dalmar.txt"
    path.write_text(plain_article(), encoding="utf-8")
    article = read_path(path, published="2024-11-05", outlet="Ostria Wire")
    assert article.title == TITLE and article.text == BODY
    assert article.outlet == "Ostria Wire"
    assert article.dateline.date == "2024-11-04"


def test_read_stdin(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(plain_article().encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    article = read_path("-")
    assert article.title == TITLE and article.text == BODY


def test_empty_stdin_names_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    with pytest.raises(EmptyInput) as info:
        read_path("-")
    assert info.value.location == "<stdin>"


@pytest.mark.parametrize("first_lines", [
    "The army said on Monday that the rebels\nhad withdrawn from Kessen a week earlier.",
    "Fighters of the Free Highlands Front shelled the\nnorthern city of Dalmar overnight.",
    "Army officials in Vorna said on Monday that\nThe FHF had withdrawn from Kessen.",
])
def test_hard_wrapped_first_paragraph_is_not_a_title(first_lines):
    article = read_text(f"{first_lines}\n\n{BODY}")
    assert article.title is None
    assert article.text.startswith(first_lines.replace("\n", " "))
