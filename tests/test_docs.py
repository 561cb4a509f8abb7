"""Every command is documented, has help, and docs/cli.md is generated from the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from counterclaim.cli import cli

REPO = Path(__file__).resolve().parents[1]


def _load_cli_docs():
    spec = importlib.util.spec_from_file_location("cli_docs", REPO / "scripts" / "cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_command_has_help():
    module = _load_cli_docs()
    for path, command in module.walk(cli, ["counterclaim"]):
        assert (command.help or "").strip(), f"{' '.join(path)} has no help"
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in ("help", "version"):
                assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help"


def test_cli_reference_is_up_to_date():
    module = _load_cli_docs()
    assert (REPO / "docs" / "cli.md").read_text() == module.render(), \
        "docs/cli.md is stale: run `python scripts/cli_docs.py`"


def test_readme_names_every_top_level_command_or_points_to_the_reference():
    readme = (REPO / "README.md").read_text()
    assert "docs/cli.md" in readme
    for name in cli.commands:
        assert f"counterclaim {name}" in (REPO / "docs" / "cli.md").read_text()
