"""Batch input: paths, directories, globs and stdin in; one ``Loaded``/``Failed`` per article.

``iter_inputs`` is what ``counterclaim ingest PATH...`` reads with. It never raises for bad
input: every file, line, feed entry or WARC record that cannot be read becomes a ``Failed``
item whose error message names its location, and the rest of the batch goes on.

What is read:
- a file by its name: ``.txt``/``.html``/``.htm`` (one article), ``.jsonl`` (one per line),
  ``.rss``/``.atom`` (one per feed entry), ``.xml`` (a feed if its root is ``rss``/``feed``/
  ``rdf:RDF``, one article if it is HTML), ``.warc``/``.warc.gz`` (one per HTML page);
  a file named explicitly with another suffix is sniffed and read as a feed or an article;
- a directory: every file above inside it, recursively, in sorted order (a directory's
  files before its subdirectories), skipping hidden files and directories, files of other
  kinds (``README.md``, ``*.json``, images...) and ``manifest.jsonl``;
- a glob (``"crawl/*.warc.gz"``, ``"**/*.txt"``): its matches, filtered like a directory;
- ``-``: standard input (an article, a feed, or JSON Lines when it starts with ``{``).

Locations: ``dir/a.txt``, ``batch.jsonl:3`` (line), ``feed.xml#2`` (entry),
``crawl.warc.gz@12345`` (byte offset of the record), ``<stdin>``.

Metadata (see ``records`` for the full order): a ``manifest.jsonl`` in a file's directory,
or in a directory above it up to the path given, names files relative to itself with
``{"file", "outlet", "published"}`` (``title``/``url`` allowed too) and is applied to those
files, taking precedence over what a page declares. ``outlet``/``published`` given to
``iter_inputs`` (the CLI's ``--outlet``/``--published``) are defaults: they fill only what
neither the record, the manifest nor the page provides.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from .html import HTML_SUFFIXES, looks_like_html
from .jsonl import bounded_lines, iter_jsonl_records, read_jsonl
from .records import (DEFAULT_LIMITS, META_FIELDS, Failed, Item, Limits, Loaded, Record,
                      failed, known, load_record)
from .warc import is_warc_name, read_warc

STDIN = "-"
STDIN_NAME = "<stdin>"
MANIFEST_NAME = "manifest.jsonl"
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl"}
XML_SUFFIXES = {".xml"}
SNIFF_BYTES = 4096
GLOB_CHARACTERS = set("*?[")

__all__ = ["Failed", "Item", "Limits", "Loaded", "iter_inputs"]


def iter_inputs(paths: Iterable[str | Path], *, outlet: str | None = None,
                published: str | None = None, manifest: bool = True,
                limits: Limits = DEFAULT_LIMITS, stdin: BinaryIO | None = None
                ) -> Iterator[Item]:
    """Every article in ``paths``, as ``Loaded(article, location)`` or ``Failed(location, error)``.

    outlet, published (str | None): defaults for articles that state neither themselves
        nor in a manifest.
    manifest (bool): apply ``manifest.jsonl`` files found beside the inputs.
    limits (Limits): file and article size bounds.
    stdin (BinaryIO | None): what ``-`` reads; the process's standard input by default.
    """
    defaults = known({"outlet": outlet, "published": published})
    manifests = Manifests(enabled=manifest)
    seen: set[Path] = set()
    for argument in paths:
        for target, root in expand(str(argument)):
            if isinstance(target, Failed):
                yield target
            elif target == STDIN:
                yield from read_stdin(stdin or sys.stdin.buffer, defaults, limits)
            elif (resolved := target.resolve()) not in seen:
                seen.add(resolved)
                entry = yield from manifests.entry_for(target, root)
                yield from read_file(target, entry, defaults, limits)


def expand(argument: str) -> Iterator[tuple[Path | str | Failed, Path | None]]:
    """The files an argument names, each with the directory its manifests are looked up to."""
    if argument == STDIN:
        yield STDIN, None
        return
    path = Path(argument)
    if path.is_dir():
        yield from ((file, path) for file in walk(path))
    elif path.is_file():
        yield path, path.parent
    elif GLOB_CHARACTERS & set(argument):
        matches = sorted(glob.glob(argument, recursive=True))
        if not matches:
            yield failed(argument, "no file matches this pattern"), None
        for match in map(Path, matches):
            if match.is_dir():
                yield from ((file, match) for file in walk(match))
            elif is_article_file(match):
                yield match, match.parent
    elif path.exists():
        yield failed(argument, "not a regular file or directory"), None
    else:
        yield failed(argument, "no such file or directory"), None


def walk(directory: Path) -> Iterator[Path]:
    """Article files under ``directory``, recursively, sorted, hidden ones skipped."""
    for parent, subdirectories, files in os.walk(directory):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            file = Path(parent, name)
            if is_article_file(file):
                yield file


def is_article_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name == MANIFEST_NAME:
        return False
    suffix = path.suffix.lower()
    return (is_warc_name(name) or suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
            | XML_SUFFIXES | FEED_SUFFIXES)


def read_file(path: Path, manifest: dict | None, defaults: dict, limits: Limits
              ) -> Iterator[Item]:
    """The items of one file, chosen by its name (and, for .xml and unknown names, content)."""
    name, suffix = str(path), path.suffix.lower()
    options = {"manifest": manifest, "defaults": defaults, "limits": limits}
    if is_warc_name(name):
        yield from read_warc(path, **options)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, **options)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed(path, **options)
    else:
        yield from read_document(path, options)


def read_document(path: Path, options: dict) -> Iterator[Item]:
    """A file holding one article, or a feed whose name does not say so (``.xml``)."""
    name, limits = str(path), options["limits"]
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            yield failed(name, f"file is {size / 1e6:.1f} MB, over the "
                         f"{limits.max_file_bytes / 1e6:g} MB limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield failed(name, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_loaded_bytes(data, name, options)


def read_loaded_bytes(data: bytes, name: str, options: dict) -> Iterator[Item]:
    """Bytes already in memory: a feed when its root element says so, else one article."""
    head = data[:SNIFF_BYTES]
    if looks_like_feed(head):
        yield from read_feed(name, data=data, **options)
        return
    html = None
    if name.lower().endswith(tuple(XML_SUFFIXES)):
        if not looks_like_html(head.decode("utf-8", "replace")):
            yield failed(name, "XML file that is neither an RSS/Atom feed nor an HTML page")
            return
        html = True
    yield load_record(Record(name, data, html=html), **options)


def read_stdin(stream: BinaryIO, defaults: dict, limits: Limits) -> Iterator[Item]:
    """Standard input: JSON Lines (streamed) when it starts with ``{``, else one document."""
    options = {"manifest": None, "defaults": defaults, "limits": limits}
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        for record in iter_jsonl_records(STDIN_NAME, limits=limits, stream=stream):
            yield record if isinstance(record, Failed) else load_record(record, **options)
        return
    data = stream.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        yield failed(STDIN_NAME, f"input is over the {limits.max_file_bytes / 1e6:g} MB limit")
        return
    if data.startswith(b"WARC/") or data.startswith(b"\x1f\x8b"):
        yield failed(STDIN_NAME, "WARC archives must be given as files, not on standard input")
        return
    yield from read_loaded_bytes(data, STDIN_NAME, options)


class Manifests:
    """``manifest.jsonl`` files, loaded once each; their bad lines are reported once."""

    def __init__(self, *, enabled: bool = True):
        self.enabled = enabled
        self.loaded: dict[Path, dict[str, dict]] = {}

    def entry_for(self, file: Path, root: Path | None) -> Iterator[Failed]:
        """Yield the failures of newly loaded manifests; return the file's entry or None."""
        if not self.enabled:
            return None
        for directory in manifest_directories(file, root):
            entries = yield from self.load(directory)
            relative = file.relative_to(directory).as_posix()
            if relative in entries:
                return entries[relative]
        return None

    def load(self, directory: Path) -> Iterator[Failed]:
        if directory not in self.loaded:
            path = directory / MANIFEST_NAME
            entries: dict[str, dict] = {}
            if path.is_file():
                yield from read_manifest(path, entries)
            self.loaded[directory] = entries
        return self.loaded[directory]


def manifest_directories(file: Path, root: Path | None) -> list[Path]:
    """The file's directory and its parents up to ``root``, nearest first."""
    directories = [file.parent]
    if root is not None and root in file.parents:
        directories = [d for d in file.parents if d == root or root in d.parents]
    return directories


def read_manifest(path: Path, entries: dict[str, dict]) -> Iterator[Failed]:
    """Fill ``entries`` (file name -> metadata) from ``path``; yield its malformed lines."""
    with open(path, "rb") as file:
        for number, line in enumerate(bounded_lines(file, 1_000_000), start=1):
            if line is not None and not line.strip():
                continue
            location = f"{path}:{number}"
            problem = "line too long" if line is None else None
            data = None
            if problem is None:
                try:
                    data = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                    problem = "not valid JSON"
            problem = problem or manifest_problem(data)
            if problem:
                yield failed(location, f"manifest line ignored: {problem}")
            else:
                entries[Path(data["file"]).as_posix()] = known(data)


def manifest_problem(data) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        return 'expected an object with a "file" name'
    unknown = sorted(set(data) - {"file", *META_FIELDS})
    if unknown:
        return f"unknown field {unknown[0]!r} (allowed: file, {', '.join(META_FIELDS)})"
    wrong = [key for key in META_FIELDS if data.get(key) is not None
             and not isinstance(data[key], str)]
    return f'field "{wrong[0]}" should be a string' if wrong else None
