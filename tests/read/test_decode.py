"""Bytes: encodings are recognised, binary files refused with a one-line message."""

from __future__ import annotations

import codecs
import random

import pytest
from read_samples import BODY, TITLE, plain_article

from counterclaim.errors import EmptyInput, NotEnglish, UnsupportedInput
from counterclaim.read import decode_bytes, read_bytes

# Non-ASCII on purpose: curly quotes, a dash, accented letters.
ACCENTED = ("\u201cWe did not fire on Dalmar,\u201d said Ren\u00e9e Mart\u00ednez, the FHF\u2019s "
            "envoy in Kessen \u2014 a claim the army rejected on Tuesday.")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                      "utf-16-be", "cp1252"])
def test_encodings_round_trip(encoding):
    data = ACCENTED.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ACCENTED.encode("ascii", "replace").decode().encode(encoding)  # BOM-less
        assert decode_bytes(data) == ACCENTED.encode("ascii", "replace").decode()
    else:
        assert decode_bytes(data) == ACCENTED


def test_utf16_bom_article_reads_like_utf8():
    utf16 = read_bytes(plain_article().encode("utf-16"), name="a.txt")
    utf8 = read_bytes(plain_article().encode("utf-8"), name="a.txt")
    assert utf16 == utf8
    assert utf8.title == TITLE and utf8.text == BODY


def test_latin1_article():
    text = "Dalmar under fire\n\nSe\u00f1or Kessen said the caf\u00e9 near the market was hit."
    assert read_bytes(text.encode("latin-1")).text.endswith("caf\u00e9 near the market was hit.")


def test_html_declared_charset_is_used():
    page = ("<html><head><meta charset=\"windows-1251\"><title>t</title></head><body>"
            "<p>" + ACCENTED.replace("\u00e9", "e").replace("\u00ed", "i") + "</p>"
            "<p>\u0414\u0430\u043b\u043c\u0430\u0440</p></body></html>")
    assert "\u0414\u0430\u043b\u043c\u0430\u0440" in decode_bytes(page.encode("cp1251"))


def test_cp1251_russian_is_decoded_then_refused_as_not_english():
    russian = ("\u041f\u043e\u0432\u0441\u0442\u0430\u043d\u0446\u044b \u043e\u0431\u0441\u0442"
               "\u0440\u0435\u043b\u044f\u043b\u0438 \u0433\u043e\u0440\u043e\u0434 \u0414\u0430"
               "\u043b\u043c\u0430\u0440, \u0437\u0430\u044f\u0432\u0438\u043b\u0430 \u0430\u0440"
               "\u043c\u0438\u044f \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d"
               "\u0438\u043a.")
    assert decode_bytes(russian.encode("cp1251")) == russian
    with pytest.raises(NotEnglish):
        read_bytes(russian.encode("cp1251"), name="ru.txt")


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(40)), "ZIP"),
    (b"\x7fELF\x02\x01\x01\x00" + bytes(20), "executable"),
])
def test_binary_formats_are_refused_by_name(data, kind):
    with pytest.raises(UnsupportedInput) as info:
        read_bytes(data, name="upload.bin")
    message = str(info.value)
    assert message.startswith("upload.bin: ") and kind in message
    assert "\n" not in message


def test_random_bytes_are_refused():
    noise = random.Random(7).randbytes(4096)
    with pytest.raises(UnsupportedInput):
        read_bytes(noise, name="noise.dat")


def test_control_characters_without_nul_are_refused():
    data = bytes(random.Random(3).choice(b"\x01\x02\x03\x04\x05\x06abcdefgh ") for _ in range(2000))
    with pytest.raises(UnsupportedInput):
        read_bytes(data, name="ctrl.dat")


def test_nul_byte_in_otherwise_ascii_text_is_refused():
    with pytest.raises(UnsupportedInput):
        read_bytes(plain_article().encode("ascii") + b"\x00\x00\x01", name="a.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                  "  \n".encode("utf-16")])
def test_empty_bytes(data):
    with pytest.raises(EmptyInput):
        read_bytes(data, name="empty.txt")
