# Knotenpunkt: `make run` serves the demo, `make test` runs every test.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3
PORT   ?= 8000
STAMP  := $(VENV)/.installed-stamp
# The suite always runs once on SQLite; DATABASE_URL (if it names PostgreSQL) adds a second run.
PG_URL := $(filter postgres%,$(DATABASE_URL))

.PHONY: setup run test lint format messages compile bench demo clean

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

test: setup compile lint
	env -u DATABASE_URL $(PY) -m pytest knotenpunkt -q
	for moment in $(HARD_MOMENTS); do \
	  env -u DATABASE_URL $(PY) -m pytest knotenpunkt -q --now=$$moment || exit 1; \
	done
ifneq ($(PG_URL),)
	DATABASE_URL=$(PG_URL) $(PY) -m pytest knotenpunkt -q
endif
	env -u DATABASE_URL $(PY) -m pytest e2e -q

bench: setup compile
	env -u DATABASE_URL $(PY) -m bench

clean:
	rm -rf $(VENV) var
