# Open DSPT. `make run` serves the demo on http://127.0.0.1:8000; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT  # settings.py builds SITE_URL from them unless SITE_URL is set

.PHONY: run test test-fast test-e2e lint fmt check-migrations refresh-frontend clean browser

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

.env:
	@printf 'DEBUG=1\nSECRET_KEY=dev-%s\n' "$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" > .env
	@echo "Wrote .env for development (DEBUG on, a random SECRET_KEY)."

run: $(VENV)/.installed .env
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py load_framework --all
	$(PY) manage.py load_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests (never a downloaded browser) and poppler for PDF checks.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Install Debian's chromium and poppler-utils (sudo apt-get install chromium poppler-utils)"; exit 1; fi; \
	fi

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) scripts/lint_scoped_queries.py

check-migrations: $(VENV)/.installed
	DEBUG=1 SECRET_KEY=check $(PY) manage.py makemigrations --check --dry-run

test: $(VENV)/.installed browser lint check-migrations
	$(PY) -m pytest -n 2 --dist loadfile -q

test-fast: $(VENV)/.installed
	$(PY) -m pytest -n 2 -q -m "not e2e"

test-e2e: $(VENV)/.installed browser
	$(PY) -m pytest -q -m e2e

fmt: $(VENV)/.installed
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

refresh-frontend:
	scripts/refresh_nhsuk_frontend.sh

clean:
	rm -rf $(VENV) var .env
