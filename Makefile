# Təlim LMS — `make run` serves the app with the demo; `make test` runs every test on SQLite and PostgreSQL.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
export FLASK_APP := wsgi
# `flask run` and the `flask lms` commands here use the development settings; gunicorn defaults to production.
export LMS_ENV ?= development

.PHONY: run test test-sqlite test-postgresql bench bench-load bench-faults bench-scale profile instructions lint axe i18n setup runtime-deps system-deps translations db

run: setup runtime-deps db
	$(BIN)/flask lms demo $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")
	@echo "Serving on http://$(HOST):$(PORT) — sign in with an account listed above. The job worker runs beside it."
	$(BIN)/flask lms worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/flask run --host $(HOST) --port $(PORT)

# The two databases' runs go side by side (each database, queue name and port is the test's own);
# each run's output is printed whole when it ends.
test: setup system-deps lint axe
	$(MAKE) --jobs=2 --output-sync=target test-sqlite test-postgresql

test-sqlite:
	LMS_TEST_DB=sqlite $(BIN)/python -m pytest -p no:cacheprovider

test-postgresql:
	LMS_TEST_DB=postgresql $(BIN)/python -m pytest -p no:cacheprovider

# Benchmarks (figures, not pass/fail tests): the course report for 2,000 learners, sign-in timing, how
# fast one worker mails the outbox, on SQLite and PostgreSQL, and what a statement costs at each layer.
bench: setup system-deps
	$(BIN)/python -m bench.report_bench
	$(BIN)/python -m bench.sign_in_timing
	$(BIN)/python -m bench.outbox_bench
	$(BIN)/python -m bench.statement_cost

# Where the course page, a quiz page and an answer save spend their time (pyinstrument), on PostgreSQL.
profile: setup system-deps
	$(BIN)/python -m bench.profile_pages $(if $(SHOW),--show $(SHOW))

# The same requests' CPU instructions in the app's process (valgrind's callgrind, about 2 minutes): unlike
# times, the same code gives the same count whatever else the machine does, so before and after compare.
instructions: setup system-deps
	@command -v valgrind >/dev/null || { $(APT_INSTALL) valgrind >/dev/null; } || \
	  { echo "Install valgrind (apt-get install valgrind)"; exit 1; }
	$(BIN)/python -m bench.profile_pages --instructions

# The load test (about 30 minutes): gunicorn on PostgreSQL, locust and wrk on this machine: the ceiling, the start
# spikes (SPIKES learners pressing "Start" in the same second), the quiz scenario's steps; writes docs/benchmarks/.
LOAD_STEPS ?= 500,1000,2000,3000,4000,5000
SPIKES ?= 500,1000,2000
bench-load: setup system-deps .venv-load/.installed
	@command -v wrk >/dev/null || { $(APT_INSTALL) wrk >/dev/null; } || { echo "Install wrk (apt-get install wrk)"; exit 1; }
	$(BIN)/python -m bench.load.run --steps $(LOAD_STEPS) --spikes $(SPIKES)

# The fault run (about a minute): learners answer a quiz while workers are killed and PostgreSQL restarts;
# prints acknowledged against stored answers. Restarts this machine's PostgreSQL (needs root).
bench-faults: setup system-deps
	$(BIN)/python -m bench.load.faults

# Two app servers behind nginx (about a minute): learners take the quiz through nginx while one server is
# killed (SIGKILL of its master) and started again; checks answers, attempts, mail and files afterwards.
bench-scale: setup system-deps
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { $(APT_INSTALL) nginx >/dev/null; } || \
	  { echo "Install nginx (apt-get install nginx)"; exit 1; }
	$(BIN)/python -m bench.load.scale

.venv-load/.installed: bench/load/requirements.txt
	test -x .venv-load/bin/python || $(PYTHON) -m venv .venv-load
	.venv-load/bin/pip install -q -r bench/load/requirements.txt
	touch $@

# axe-core for the accessibility test, from the npm registry at the version package-lock.json pins.
AXE := tests/browser/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $(AXE)

# Static analysis: ruff (style, bugs, flake8-bandit rules) and bandit; each exception is justified in place.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/bandit -q -r lms config.py wsgi.py -x lms/migrations

# Extract strings, merge them into every catalogue, compile, and count what is left to translate.
i18n: setup
	$(BIN)/flask lms translate update
	$(BIN)/flask lms translate compile
	$(BIN)/flask lms translate stats

setup: $(VENV)/.installed translations

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

translations: $(VENV)/.installed
	$(BIN)/flask lms translate compile >/dev/null

db: $(VENV)/.installed
	$(BIN)/flask db upgrade

# What the tests need from the system: Chromium and gettext's msgfmt (installed when we may),
# and a PostgreSQL server.
# What the app needs to draw certificates (WeasyPrint: Pango, HarfBuzz, DejaVu fonts for ə ş ğ ı İ and Cyrillic),
# and what the tests need on top: Chromium, gettext (msgfmt --check), poppler (reading PDFs back).
RUNTIME_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
TEST_PACKAGES := chromium gettext poppler-utils
APT_INSTALL = [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

runtime-deps:
	@dpkg -s $(RUNTIME_PACKAGES) >/dev/null 2>&1 || { $(APT_INSTALL) $(RUNTIME_PACKAGES) >/dev/null; } || \
	  { echo "Install: apt-get install $(RUNTIME_PACKAGES)"; exit 1; }

system-deps: runtime-deps
	@command -v chromium >/dev/null && command -v msgfmt >/dev/null && command -v pdftotext >/dev/null || \
	  { $(APT_INSTALL) $(TEST_PACKAGES) >/dev/null; } || \
	  { echo "Install: apt-get install $(TEST_PACKAGES)"; exit 1; }
	@pg_isready -q -h $${LMS_TEST_PG_HOST:-127.0.0.1} -p 5432 || \
	  { echo "PostgreSQL is not answering on 127.0.0.1:5432; the tests need it (see README)"; exit 1; }
