"""Write docs/cli.md from the CLI's own --help texts (the reference cannot drift from the code).

    python scripts/cli_docs.py          # rewrite docs/cli.md
    python scripts/cli_docs.py --check  # exit 1 when docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from counterclaim.cli import cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

HEADER = """# Command-line reference

Generated from `--help` by `python scripts/cli_docs.py`; `tests/test_docs.py` fails when it is
out of date. Exit codes: `0` ok, `2` usage error, `3` unreadable or unsupported input (the
other inputs still run), `4` missing or malformed dataset or ledger, `1` internal error.
Every command mirrors a Python call; see the README.
"""


def walk(command: click.Command, path: list[str]):
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], [*path, name])


def render() -> str:
    from click.testing import CliRunner

    runner = CliRunner()
    parts = [HEADER]
    for path, _ in walk(cli, ["counterclaim"]):
        # Exactly what a user sees with --help, at a fixed width.
        result = runner.invoke(cli, [*path[1:], "--help"], prog_name="counterclaim",
                               terminal_width=100, env={"COLUMNS": "100"})
        parts.append(f"\n## `{' '.join(path)}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        return 0 if DOC.exists() and DOC.read_text() == text else 1
    DOC.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
