# counterclaim: two commands for a fresh machine.
#   make demo   installs everything and runs the main job on the bundled sample articles
#   make test   installs everything and runs the test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CC := $(VENV)/bin/counterclaim
DB ?= counterclaim-demo.db

.PHONY: install system demo test lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[model,eval,test,ledger,serve,scale,fuzz]'
	touch $@

install: $(VENV)/.installed

# Debian packages the tests need (PostgreSQL server); a no-op when present.
system:
	bash scripts/setup-system.sh

# The main job: analyze one story, ingest the whole sample corpus into a SQLite ledger, and
# print who disputes what across outlets and days.
demo: install
	$(CC) analyze examples/mw-2026-03-02-dalmar-captured.txt
	$(CC) ingest examples --db $(DB)
	$(CC) disputes --db $(DB) --limit 10

test: install system
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis $(DB)
