"""Ledger fixtures: every ledger test runs on SQLite (a temp file) and on PostgreSQL.

PostgreSQL comes from ``COUNTERCLAIM_TEST_PG_URL`` (a SQLAlchemy URL of a database the tests
may create databases on), else from a throwaway cluster started here with the Debian binaries
(``/usr/lib/postgresql/*/bin``) on a free loopback port, run as the ``postgres`` user when we
are root, and removed at the end of the session. Without any binaries the PostgreSQL variants
are skipped, saying why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counterclaim.ledger import Ledger

# builders.py is shared by the tests here (pytest runs with --import-mode=importlib).
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *args]
    return ["su", "postgres", "-c", " ".join(args)]


def _start_cluster():
    """Start a temporary PostgreSQL cluster. → (server URL, stop function) or a skip reason."""
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        return None, "no PostgreSQL binaries (apt-get install postgresql) and no " \
                     "COUNTERCLAIM_TEST_PG_URL"
    bindir = Path(bins[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="cc-pg-"))
    data, port = root / "data", _free_port()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    run = lambda *args: subprocess.run(_as_postgres([str(a) for a in args]), check=True,  # noqa
                                       capture_output=True, timeout=120)
    run(bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(bindir / "pg_ctl", "-D", data, "-o", options, "-l", root / "log", "-w", "start")

    def stop():
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                     "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)

    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def pg_server():
    """A SQLAlchemy URL of a PostgreSQL server where tests may create databases."""
    url = os.environ.get("COUNTERCLAIM_TEST_PG_URL")
    stop = None
    if not url:
        try:
            url, stop = _start_cluster()
        except (subprocess.SubprocessError, OSError) as error:
            pytest.skip(f"could not start a PostgreSQL cluster: {error}")
        if url is None:
            pytest.skip(stop)
    yield url
    if stop:
        stop()


def fresh_pg_database(server_url: str) -> str:
    name = f"cc_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _new_db(request, folder: Path) -> str:
    if request.param == "sqlite":
        return str(folder / f"ledger-{uuid.uuid4().hex[:8]}.db")
    return fresh_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty ledger database: a SQLite file, or a new PostgreSQL database."""
    return _new_db(request, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_db_url(request, tmp_path_factory) -> str:
    """Like ``db_url``, shared by a module's read-only tests."""
    return _new_db(request, tmp_path_factory.mktemp("ledger"))


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url, stance=None) as opened:
        yield opened
