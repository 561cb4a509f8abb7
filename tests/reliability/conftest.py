"""Reliability fixtures: a small example corpus, and PostgreSQL.

PostgreSQL comes from the ledger tests' fixture (``tests/ledger/conftest.py``: the
``COUNTERCLAIM_TEST_PG_URL`` server, or a throwaway cluster from the Debian binaries), so
there is one way to get a test database.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
if str(HERE) not in sys.path:  # reliability_helpers.py and ledger_checks.py
    sys.path.insert(0, str(HERE))

from ledger.conftest import pg_server  # noqa: E402,F401  (the fixture, reused)
from reliability_helpers import CORPUS_FILES  # noqa: E402
from samples import copy_corpus  # noqa: E402


@pytest.fixture(scope="module")
def example_corpus(tmp_path_factory) -> Path:
    folder = copy_corpus(tmp_path_factory.mktemp("corpus"), CORPUS_FILES)
    return folder
