"""Bytes to text: refuse binary files, then find the encoding.

Order of trust: a byte-order mark, then strict UTF-8 (valid UTF-8 is almost never an
accident), then a charset the HTML declares, then Windows-1252 for mostly-ASCII text,
then charset_normalizer limited to a few legacy encodings, then Latin-1, which never fails.
Binary input (PDF, images, archives, executables, random bytes) raises ``UnsupportedInput``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from ..errors import UnsupportedInput

# File signatures of formats people are likely to hand us by mistake.
MAGIC_NUMBERS: dict[bytes, str] = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/ODT/EPUB)",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"\x7fELF": "an executable",
    b"MZ\x90\x00": "a Windows executable",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Office document",
    b"SQLite format 3\x00": "an SQLite database",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x01\x00": "an icon image",
}

BOMS = [  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Legacy encodings worth considering for news text; a wider list makes charset_normalizer
# pick exotic code pages (e.g. Shift-JIS for KOI8-R) on short inputs.
LEGACY_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "latin_1", "cp1250", "iso8859_15",
                    "iso8859_5", "mac_cyrillic"]

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)

MAX_CONTROL_SHARE = 0.02  # printable text has next to no control characters
MIN_ASCII_LETTER_SHARE = 0.7  # English in Windows-1252 is mostly ASCII letters
ALLOWED_CONTROLS = set("\t\n\r\f\v")


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode ``data`` to text, or raise ``UnsupportedInput`` when it is not text."""
    refuse_known_binary(data, name)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_or_refuse(data, encoding, name)
    bomless_utf16 = sniff_bomless_utf16(data)
    if bomless_utf16:
        return _decode_or_refuse(data, bomless_utf16, name)
    if b"\x00" in data:
        raise UnsupportedInput("binary file (contains NUL bytes), not an article", location=name)
    text = guess_legacy_text(data)
    refuse_control_characters(text, name)
    return text


def refuse_known_binary(data: bytes, name: str) -> None:
    for magic, kind in MAGIC_NUMBERS.items():
        if data.startswith(magic):
            raise UnsupportedInput(f"{kind}, not an article", location=name)


def sniff_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text puts a NUL in every other byte."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def guess_legacy_text(data: bytes) -> str:
    """UTF-8, else the declared HTML charset, else the likeliest legacy encoding."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
        if ascii_letter_share(text) >= MIN_ASCII_LETTER_SHARE:
            return text
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is not None:
        return str(best)
    return data.decode("latin-1")  # maps every byte; the control-character check follows


def declared_charset(data: bytes) -> str | None:
    match = DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def ascii_letter_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(ch.isascii() for ch in letters) / len(letters)


def refuse_control_characters(text: str, name: str) -> None:
    if not text:
        return
    controls = sum(1 for ch in text
                   if ch not in ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if controls / len(text) > MAX_CONTROL_SHARE:
        raise UnsupportedInput("binary file (too many control characters), not an article",
                               location=name)


def _decode_or_refuse(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnsupportedInput(f"not valid {encoding} text", location=name) from exc
    refuse_control_characters(text, name)
    return text
