"""Errors a user can act on. Each carries the CLI exit code and the HTTP status it maps to.

The CLI prints ``error: <message>`` and exits with ``exit_code``; the server answers with
``http_status`` and one JSON error shape. No CounterclaimError ever reaches a user as a
traceback.
"""

from __future__ import annotations

# Exit codes, documented in docs/cli.md and checked by tests/test_docs.py.
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_DATA = 4


class CounterclaimError(Exception):
    """Base class: a one-line message naming what was wrong and where."""

    exit_code = 1
    http_status = 500
    code = "error"

    def __init__(self, message: str, *, location: str | None = None):
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class InputError(CounterclaimError):
    """Input that cannot be read or analyzed: missing, binary, empty, not English."""

    exit_code = EXIT_INPUT
    http_status = 422
    code = "bad_input"


class EmptyInput(InputError):
    code = "empty_input"


class UnsupportedInput(InputError):
    code = "unsupported_input"


class NotEnglish(InputError):
    code = "not_english"


class ModelNotFound(CounterclaimError):
    """The configured spaCy pipeline is not installed."""

    exit_code = EXIT_USAGE
    http_status = 500
    code = "model_not_found"


class DataError(CounterclaimError):
    """An evaluation dataset or ledger that is missing or malformed."""

    exit_code = EXIT_DATA
    http_status = 500
    code = "data_error"
