"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python), for a bounded time.

    python -m counterclaim.eval.fuzz --seconds 60                # all targets, 60 s
    python -m counterclaim.eval.fuzz --seconds 300 --target html --out fuzz-findings

A finding is any exception other than ``CounterclaimError`` (the readers' one-line errors),
a ``Failed`` item whose message is not one line naming its location, an input that takes more
than ``--input-timeout`` seconds, or more than ``--rss-mb`` of memory. libFuzzer writes the
input that triggered it to ``--out`` as ``crash-<sha1>`` (or ``timeout-``/``oom-``); replay it
with ``python -m counterclaim.eval.fuzz --replay FILE``.

Targets (``--target all`` picks one per input from its first byte):
    text     ``read_bytes`` of a .txt file: decoding, normalising, title, dateline, language
    html     ``read_bytes`` forced to HTML: lxml, boilerplate pruning, trafilatura
    stdin    ``iter_inputs(["-"])``: sniffs an article, a feed or JSON Lines
    warc     ``iter_inputs`` on a .warc file: warcio records, HTTP headers, payloads
    dateline ``find_dateline`` with and without a published date

Seeds are written from the hostile corpus (``eval/hostile.py``, small files only), so the
fuzzer starts from real articles, feeds, JSON Lines and a WARC. Needs ``pip install atheris``.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

TARGETS = ["text", "html", "stdin", "warc", "dateline"]
MAX_SEED_BYTES = 20_000
PUBLISHED = [None, "2026-03-09", "garbage", "9999-12-31T23:59:59Z"]


def load_readers():
    """Import the readers under atheris' coverage instrumentation."""
    import atheris

    with atheris.instrument_imports(include=["counterclaim", "trafilatura", "feedparser",
                                             "warcio", "charset_normalizer", "justext",
                                             "htmldate", "courlan", "dateparser"]):
        from counterclaim.errors import CounterclaimError
        from counterclaim.read import Failed, find_dateline, iter_inputs, read_bytes
    return CounterclaimError, Failed, find_dateline, iter_inputs, read_bytes


class Harness:
    """One input through one target; raises on anything a reader must never do."""

    def __init__(self, target: str, scratch: Path):
        (self.CounterclaimError, self.Failed, self.find_dateline, self.iter_inputs,
         self.read_bytes) = load_readers()
        self.target = target
        self.warc_path = scratch / "input.warc"

    def __call__(self, data: bytes) -> None:
        target = self.target
        if target == "all":
            if not data:
                return
            target, data = TARGETS[data[0] % len(TARGETS)], data[1:]
        try:
            getattr(self, f"run_{target}")(data)
        except self.CounterclaimError as error:
            self.check_message(str(error))

    def run_text(self, data: bytes) -> None:
        self.read_bytes(data, name="fuzz.txt")

    def run_html(self, data: bytes) -> None:
        self.read_bytes(data, name="fuzz.html", html=True)

    def run_stdin(self, data: bytes) -> None:
        self.check_items(self.iter_inputs(["-"], stdin=io.BytesIO(data)))

    def run_warc(self, data: bytes) -> None:
        self.warc_path.write_bytes(data)
        self.check_items(self.iter_inputs([self.warc_path]))

    def run_dateline(self, data: bytes) -> None:
        text = data.decode("utf-8", "replace")
        published = PUBLISHED[len(data) % len(PUBLISHED)]
        found = self.find_dateline(text, published=published)
        if found is not None:
            start, end = found.span
            if not (0 <= start <= end <= len(text)) or not text[start:end].startswith(found.place):
                raise AssertionError(f"dateline span {found.span} does not hold {found.place!r}")

    def check_items(self, items) -> None:
        for item in items:
            if isinstance(item, self.Failed):
                message = str(item.error)
                self.check_message(message)
                if not message.startswith(item.location):
                    raise AssertionError(f"failure does not name its location: {message!r}")

    @staticmethod
    def check_message(message: str) -> None:
        if "\n" in message or len(message) > 1000:
            raise AssertionError(f"error message is not one short line: {message[:200]!r}")


def write_seeds(folder: Path, target: str) -> int:
    """Small files of the hostile corpus as seeds (prefixed with their target byte for all)."""
    from .hostile import make_hostile_corpus

    source = folder / "hostile"
    make_hostile_corpus(source, huge_bytes=2_000, line_bytes=2_000, nesting=50)
    count = 0
    for path in sorted(source.iterdir()):
        data = path.read_bytes()
        if not path.is_file() or len(data) > MAX_SEED_BYTES:
            continue
        for name in ([target] if target != "all" else seed_targets(path.name)):
            prefix = bytes([TARGETS.index(name)]) if target == "all" else b""
            (folder / f"{name}-{path.name}").write_bytes(prefix + data)
            count += 1
    return count


def seed_targets(name: str) -> list[str]:
    if ".warc" in name:
        return ["warc"]
    if name.endswith((".jsonl", ".xml", ".atom")):
        return ["stdin"]
    return ["text", "html", "stdin", "dateline"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="total fuzzing time")
    parser.add_argument("--target", choices=["all", *TARGETS], default="all")
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"),
                        help="folder for inputs that crash, hang or blow the memory limit")
    parser.add_argument("--input-timeout", type=int, default=20, help="seconds per input")
    parser.add_argument("--rss-mb", type=int, default=2048, help="memory limit")
    parser.add_argument("--max-len", type=int, default=50_000, help="largest input in bytes")
    parser.add_argument("--replay", type=Path, help="run one saved input and show the error")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="cc-fuzz-"))
    harness = Harness(args.target, scratch)
    if args.replay:
        harness(args.replay.read_bytes())
        print(f"{args.replay}: no finding")
        return 0

    import atheris

    corpus = scratch / "corpus"
    corpus.mkdir()
    seeds = write_seeds(corpus, args.target)
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"fuzzing {args.target} for {args.seconds} s from {seeds} seeds; findings go to "
          f"{args.out}/", file=sys.stderr)
    libfuzzer_args = [sys.argv[0], str(corpus), f"-max_total_time={args.seconds}",
                      f"-timeout={args.input_timeout}", f"-rss_limit_mb={args.rss_mb}",
                      f"-max_len={args.max_len}", f"-artifact_prefix={args.out}/",
                      "-print_final_stats=1"]
    atheris.Setup(libfuzzer_args, harness)
    atheris.Fuzz()  # exits the process: 0 when the time is up, non-zero on a finding
    return 0


if __name__ == "__main__":
    sys.exit(main())
