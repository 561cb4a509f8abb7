"""A corpus of hostile inputs for the reading layer (issue 10), and a check that it survives them.

``make_hostile_corpus(directory)`` writes files that a batch ingest meets in the wild (empty
and binary files, odd encodings, huge texts and lines, deeply nested HTML, a billion-laughs
feed, a damaged WARC, malformed JSON Lines, non-English articles) next to three good
articles, and returns what reading each item should give: ``"loaded"`` or ``"failed"``, by
location relative to ``directory``. The outcomes are also written to ``EXPECTED.json`` there
(a ``.json`` file, which ``iter_inputs`` skips).

``check_hostile_corpus(directory)`` reads the directory with ``iter_inputs`` and compares.

    python -m counterclaim.eval.hostile OUT_DIR [--small] [--check]

Every text is invented (the fictional Ostria conflict).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import NamedTuple

from ..read.html import MAX_ELEMENTS
from ..read.records import DEFAULT_LIMITS, Limits, Loaded
from ..read.sources import iter_inputs

EXPECTED_NAME = "EXPECTED.json"

PARAGRAPHS = [
    "DALMAR, Ostria, March 9 (Hostile Wire) - The Ostrian army said on Monday that its "
    "troops had reopened the road between Dalmar and Kessen, a claim the Free Highlands "
    "Front (FHF) rejected within hours.",
    "\"The road is open and our engineers have cleared it,\" army spokesperson Mira Tal told "
    "reporters in Dalmar. The rebels said their fighters still controlled the bridge at Vorna.",
    "Residents of Kessen said lorries carrying flour had not arrived by the evening, and aid "
    "groups said they could not confirm either account.",
]
GOOD_TEXT = "Army says Dalmar road reopened\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
FILLER = ("The council in Vorna said it would meet again on Tuesday to discuss the water "
          "supply, which has been cut for three days. ")
GERMAN = ("Die Armee erklärte am Montag, ihre Truppen hätten die Straße zwischen Dalmar und "
          "Kessen wieder geöffnet. Die Rebellen wiesen diese Darstellung zurück und sagten, "
          "ihre Kämpfer kontrollierten weiterhin die Brücke bei Vorna. Hilfsorganisationen "
          "konnten keine der beiden Angaben bestätigen.")
FRENCH = ("L'armée a déclaré lundi que ses troupes avaient rouvert la route entre Dalmar et "
          "Kessen. Les rebelles ont rejeté cette version et affirment que leurs combattants "
          "tiennent toujours le pont de Vorna. Les organisations humanitaires n'ont pu "
          "confirmer aucune des deux versions.")
ALL_QUOTES = ("\u201cWe hold the bridge.\u201d\n\n\u201cThe army is lying about the road.\u201d\n\n"
              "\u201cNo lorry has come to Kessen since Friday.\u201d\n\n"
              "\u201cWe will not leave Vorna.\u201d\n")
NO_SENTENCES = "Dalmar\n\nKessen 12\n\nVorna bridge\n\nFHF army road flour\n\n2026 03 09\n"


class Case(NamedTuple):
    location: str  # relative to the corpus directory
    expect: str  # "loaded" or "failed"
    why: str


def make_hostile_corpus(directory: str | Path, *, huge_bytes: int = 50_000_000,
                        line_bytes: int = 5_000_000, nesting: int = 100_000,
                        limits: Limits = DEFAULT_LIMITS, seed: int = 7) -> list[Case]:
    """Write the corpus into ``directory`` and return the expected outcome of every item.

    huge_bytes, line_bytes, nesting: sizes of the huge text, the single-line text and the
        nested-<div> page (small values make a fast unit-test corpus).
    limits (Limits): the limits the corpus will be read with; outcomes of the size cases
        depend on them.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    cases = [
        *write_good_articles(out),
        *write_empty_and_binary(out, random.Random(seed)),
        *write_encodings(out),
        *write_big(out, huge_bytes, line_bytes, limits),
        *write_html_cases(out, nesting),
        *write_feeds(out),
        *write_jsonl(out),
        *write_warc(out),
        *write_odd_articles(out),
    ]
    (out / ".hidden-draft.txt").write_text(GOOD_TEXT)  # hidden: must be skipped, not read
    (out / "README.md").write_text("Hostile inputs for counterclaim ingest.\n")
    (out / EXPECTED_NAME).write_text(json.dumps([c._asdict() for c in cases], indent=1))
    return cases


def write_good_articles(out: Path) -> list[Case]:
    (out / "good-1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    (out / "good-2.html").write_text(
        "<!DOCTYPE html><html lang=en><head><title>Road to Kessen reopened, army says</title>"
        f"</head><body><article><h1>Road to Kessen reopened, army says</h1>{body}</article>"
        "</body></html>", encoding="utf-8")
    (out / "good-3.txt").write_text(GOOD_TEXT.replace("Monday", "Tuesday") + FILLER * 3)
    return [Case(f"good-{n}.{ext}", "loaded", "a well-formed article")
            for n, ext in ((1, "txt"), (2, "html"), (3, "txt"))]


def write_empty_and_binary(out: Path, rng: random.Random) -> list[Case]:
    files = {
        "empty.txt": (b"", "empty file"),
        "whitespace.txt": (b" \n\t\r\n   \n\xc2\xa0\n", "whitespace only"),
        "binary-pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
                           "a PDF named .txt"),
        "binary-png.html": (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2048)),
                            "a PNG named .html"),
        "random-bytes.txt": (bytes(rng.randrange(256) for _ in range(65536)), "random bytes"),
    }
    for name, (data, _) in files.items():
        (out / name).write_bytes(data)
    return [Case(name, "failed", why) for name, (_, why) in files.items()]


def write_encodings(out: Path) -> list[Case]:
    english = GOOD_TEXT.replace("Mira Tal", "Zoë Brénard").replace(" - ", " \u2013 ")
    quoted = english.replace('"The road', "\u201cThe road").replace('it," army', "it,\u201d army")
    (out / "cp1251.txt").write_bytes(quoted.replace("Zoë Brénard", "Mira Tal").encode("cp1251"))
    (out / "latin-1.txt").write_bytes(english.replace(" \u2013 ", " - ").encode("latin-1"))
    (out / "utf-16-bom.txt").write_bytes(quoted.encode("utf-16"))  # Python writes the BOM
    invalid = GOOD_TEXT.encode("utf-8").replace(b"Kessen said", b"Kessen \xc3\x28\xff said")
    (out / "invalid-utf-8.txt").write_bytes(invalid)
    return [Case("cp1251.txt", "loaded", "English in Windows-1251 with curly quotes"),
            Case("latin-1.txt", "loaded", "English with accented names in Latin-1"),
            Case("utf-16-bom.txt", "loaded", "English in UTF-16 with a byte-order mark"),
            Case("invalid-utf-8.txt", "loaded", "English with a few invalid UTF-8 bytes")]


def write_big(out: Path, huge_bytes: int, line_bytes: int, limits: Limits) -> list[Case]:
    with open(out / "huge.txt", "w", encoding="utf-8") as file:
        file.write(GOOD_TEXT)
        paragraph = (FILLER * 8).strip() + "\n\n"
        for _ in range(max(1, huge_bytes // len(paragraph))):
            file.write(paragraph)
    line = (FILLER * (line_bytes // len(FILLER) + 1))[:line_bytes]
    (out / "one-line.txt").write_text(line, encoding="utf-8")

    def outcome(size: int) -> str:
        too_big = size > limits.max_file_bytes or size > limits.max_article_chars
        return "failed" if too_big else "loaded"

    return [Case("huge.txt", outcome(huge_bytes), f"{huge_bytes:,}-byte text"),
            Case("one-line.txt", outcome(line_bytes), f"{line_bytes:,}-byte text on one line")]


def write_html_cases(out: Path, nesting: int) -> list[Case]:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    nested = "<html><body>" + "<div>" * nesting + body + "</div>" * nesting + "</body></html>"
    (out / "nested-divs.html").write_text(nested)
    script = ("<html><head><title>Road reopened</title><script>var ads = [" + "1," * 5000
              + "0]; document.write('<p>SCRIPT TEXT MUST NOT APPEAR</p>');</script></head>"
              f"<body><script>while (true) {{}}</script><article>{body}</article>"
              "<noscript>Enable JavaScript</noscript></body></html>")
    (out / "with-script.html").write_text(script)
    (out / "many-elements.html").write_text("<p>" * (MAX_ELEMENTS + 1))  # 300 KB
    (out / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>'
                                     "https://hostile.example/a</loc></url></urlset>")
    return [
        # libxml2 stops building the tree at depth 256, so the body below it is lost.
        Case("nested-divs.html", "loaded" if nesting < 200 else "failed",
             f"{nesting:,} nested <div> elements around the article"),
        Case("with-script.html", "loaded", "article with <script> and <noscript>"),
        Case("many-elements.html", "failed", f"{MAX_ELEMENTS + 1:,} empty <p> elements"),
        Case("sitemap.xml", "failed", "an XML file that is neither a feed nor HTML"),
    ]


def write_feeds(out: Path) -> list[Case]:
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    (out / "billion-laughs.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(laughs) + "\n]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
        "<description>&lol9;</description></item></channel></rss>")
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS).replace("<", "&lt;")
    (out / "teaser.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Hostile Wire</title><id>urn:hostile</id><updated>2026-03-09T10:00:00Z</updated>"
        "<entry><title>Road reopened</title><id>urn:1</id><link href='https://hostile.example/1'/>"
        f"<updated>2026-03-09T10:00:00Z</updated><content type='html'>{article}</content></entry>"
        "<entry><title>Teaser</title><id>urn:2</id><updated>2026-03-09T11:00:00Z</updated>"
        "<summary>The army says the road is open. Read more.</summary></entry></feed>")
    return [Case("billion-laughs.xml", "failed", "RSS declaring nested entities"),
            Case("teaser.atom#1", "loaded", "Atom entry with full content"),
            Case("teaser.atom#2", "failed", "Atom entry with only a short summary")]


def write_jsonl(out: Path) -> list[Case]:
    lines = [
        (json.dumps({"text": GOOD_TEXT, "outlet": "Hostile Wire"}), "loaded", "good line"),
        ('{"text": "unterminated', "failed", "bad JSON"),
        (json.dumps({"title": "No body"}), "failed", "no text or html"),
        (json.dumps({"text": 42}), "failed", "text is a number"),
        (json.dumps({"text": GOOD_TEXT, "published": ["2026"]}), "failed", "published is a list"),
        (json.dumps({"text": GERMAN}), "failed", "German article"),
        (json.dumps({"text": "   "}), "failed", "blank text"),
        (json.dumps([GOOD_TEXT]), "failed", "an array, not an object"),
        ("[" * 100_000 + "]" * 100_000, "failed", "deeply nested JSON"),
        (json.dumps({"html": "<p>" + "</p><p>".join(PARAGRAPHS) + "</p>"}), "loaded",
         "good HTML line after the bad ones"),
    ]
    (out / "malformed.jsonl").write_text("\n".join(line for line, _, _ in lines) + "\n")
    return [Case(f"malformed.jsonl:{n}", expect, why)
            for n, (_, expect, why) in enumerate(lines, start=1)]


def write_warc(out: Path) -> list[Case]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer, offsets = io.BytesIO(), []
    writer = WARCWriter(buffer, gzip=True)
    for n in range(3):
        offsets.append(buffer.tell())
        page = (f"<html><head><title>Page {n}</title></head><body><article>"
                + "".join(f"<p>{p}</p>" for p in PARAGRAPHS).replace("Monday", f"day {n}")
                + "</article></body></html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://hostile.example/{n}", "response", payload=io.BytesIO(page),
            http_headers=http))
    data = buffer.getvalue()
    (out / "truncated.warc.gz").write_bytes(data[: offsets[2] + (len(data) - offsets[2]) // 2])
    return [Case(f"truncated.warc.gz@{offsets[0]}", "loaded", "first WARC record"),
            Case(f"truncated.warc.gz@{offsets[1]}", "loaded", "second WARC record"),
            Case(f"truncated.warc.gz@{offsets[2]}", "failed", "WARC record cut in half")]


def write_odd_articles(out: Path) -> list[Case]:
    (out / "german.txt").write_text(GERMAN + "\n\n" + GERMAN.replace("Montag", "Dienstag"))
    (out / "french.html").write_text(f"<html lang=fr><body><article><p>{FRENCH}</p>"
                                     f"<p>{FRENCH}</p></article></body></html>")
    (out / "all-quotes.txt").write_text(ALL_QUOTES)
    (out / "no-sentences.txt").write_text(NO_SENTENCES)
    return [Case("german.txt", "failed", "German article"),
            Case("french.html", "failed", "French page"),
            Case("all-quotes.txt", "loaded", "an article that is only quotations"),
            Case("no-sentences.txt", "loaded", "words and numbers, no sentence")]


class Outcome(NamedTuple):
    location: str
    expect: str | None  # None: an item the corpus did not plan for
    got: str
    message: str
    seconds: float


def check_hostile_corpus(directory: str | Path, *, limits: Limits = DEFAULT_LIMITS
                         ) -> list[Outcome]:
    """Read ``directory`` with ``iter_inputs`` and pair each item with its expected outcome."""
    root = Path(directory)
    expected = {c["location"]: c["expect"]
                for c in json.loads((root / EXPECTED_NAME).read_text())}
    outcomes, started = [], time.perf_counter()
    for item in iter_inputs([root], limits=limits):
        location = relative_location(item.location, root)
        got = "loaded" if isinstance(item, Loaded) else "failed"
        message = "" if isinstance(item, Loaded) else str(item.error)
        now = time.perf_counter()
        outcomes.append(Outcome(location, expected.get(location), got, message, now - started))
        started = now
    return outcomes


def relative_location(location: str, root: Path) -> str:
    prefix = str(root) + os.sep
    return location[len(prefix):] if location.startswith(prefix) else location


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--small", action="store_true",
                        help="3 MB / 1.5 MB big files and 1,000 nested divs (fast)")
    parser.add_argument("--check", action="store_true", help="then read it and compare")
    args = parser.parse_args(argv)
    small = {"huge_bytes": 3_000_000, "line_bytes": 1_500_000, "nesting": 1000}
    sizes = small if args.small else {}
    cases = make_hostile_corpus(args.directory, **sizes)
    print(f"wrote {len(cases)} cases to {args.directory}")
    if not args.check:
        return 0
    wrong = 0
    for outcome in check_hostile_corpus(args.directory):
        ok = outcome.expect == outcome.got
        wrong += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {outcome.seconds:6.2f}s {outcome.location:32} "
              f"{outcome.got:6} {outcome.message}")
    print(f"{wrong} unexpected outcome(s)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
