# Knotenpunkt: `make run` serves the demo, `make test` runs every test.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3
PORT   ?= 8000
STAMP  := $(VENV)/.installed-stamp
# DATABASE_URL, if it names PostgreSQL, runs the unit suite there at the real time; without it,
# the suite runs on SQLite at the real time. SQLite always runs it at the hard moments below.
PG_URL := $(filter postgres%,$(DATABASE_URL))

.PHONY: setup run test test-sqlite test-postgresql test-browser lint format messages compile bench demo clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

compile: setup
	cd knotenpunkt && ../$(PY) ../manage.py compilemessages --verbosity 0

messages: setup
	cd knotenpunkt && ../$(PY) ../manage.py makemessages --no-obsolete --no-location \
	  -l de -l en -l tr -l ar -l uk -l ru -l fa --ignore 'locale/*'

run: setup compile
	KNOTENPUNKT_DEBUG=1 $(PY) manage.py migrate --noinput
	KNOTENPUNKT_DEBUG=1 $(PY) manage.py demo_load
	KNOTENPUNKT_DEBUG=1 PORT=$(PORT) $(PY) manage.py devserve

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The unit suite also runs at moments that break code which forgets the time zone
# (docs/decisions/0012-the-clock-in-tests.md); on SQLite only, to keep the suite's time in bounds.
HARD_MOMENTS := new-year new-year-in-utc dst-autumn
# Every run is a target of its own: `make test` runs two at a time (each has its own database)
# and prints each run's output in one piece. The browser tests start first, beside a unit run.
TEST_RUNS := test-browser $(if $(PG_URL),test-postgresql,test-sqlite) \
	$(addprefix test-at-,$(HARD_MOMENTS))

test: setup compile lint
	$(MAKE) --no-print-directory -j2 --output-sync=target $(TEST_RUNS)

test-sqlite:
	env -u DATABASE_URL $(PY) -m pytest knotenpunkt -q

test-at-%:
	env -u DATABASE_URL $(PY) -m pytest knotenpunkt -q --now=$*

test-postgresql:
	DATABASE_URL=$(PG_URL) $(PY) -m pytest knotenpunkt -q

test-browser:
	env -u DATABASE_URL $(PY) -m pytest e2e -q

bench: setup compile
	env -u DATABASE_URL $(PY) -m bench

clean:
	rm -rf $(VENV) var
