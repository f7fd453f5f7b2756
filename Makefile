# CosMedicList: the front door. `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/cosmediclist

# Development values for a local run over plain HTTP; anything already in the environment wins.
RUN_ENV = SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" DEBUG="$${DEBUG:-false}" HTTPS="$${HTTPS:-false}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" SITE_URL="$${SITE_URL:-http://127.0.0.1:8000}" \
	EMAIL_URL="$${EMAIL_URL:-consolemail://}" \
	SERVE_MEDIA="$${SERVE_MEDIA:-true}" FIELD_ENCRYPTION_KEYS="$${FIELD_ENCRYPTION_KEYS:-$$(cat .field_key)}"
TEST_ENV = SECRET_KEY=test-secret-key-not-for-production DEBUG=false HTTPS=false TESTING=true \
	FIELD_ENCRYPTION_KEYS=dGVzdC1maWVsZC1rZXktbm90LWZvci1wcm9kdWN0biE= \
	ALLOWED_HOSTS=127.0.0.1,localhost,testserver SITE_URL=http://testserver REDIS_URL= EMAIL_URL=

# pytest exits 5 when it collected no test: say so, and fail like any other error.
PYTEST_FAILED = { rc=$$?; [ $$rc -eq 5 ] && echo "pytest ran no test (exit code 5)"; exit $$rc; }

.DEFAULT_GOAL := help
.PHONY: help run serve test test-pg e2e lint format typecheck migrations-check demo bench browser clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

# The site needs only requirements.txt; the tests and tools add requirements-dev.txt.
$(VENV)/.installed-run: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed: $(VENV)/.installed-run requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

.secret_key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

.field_key:
	@$(PYTHON) -c "import base64, secrets; print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())" > $@

run: $(VENV)/.installed-run .secret_key .field_key ## Set up everything, load demo data, serve on http://127.0.0.1:8000 with the worker
	@$(RUN_ENV) $(PY) manage.py migrate --noinput -v0
	@$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	@$(RUN_ENV) $(PY) manage.py load_demo_data --if-empty
	@$(RUN_ENV) bin/serve

demo: $(VENV)/.installed-run .secret_key .field_key ## Load the demo data again (keeps what is there, adds what is missing)
	@$(RUN_ENV) $(PY) manage.py migrate --noinput -v0
	@$(RUN_ENV) $(PY) manage.py load_demo_data

browser: ## Make sure Debian's chromium, Java and the Nu HTML Checker are there for the tests
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "The tests need Debian packages:$$missing. Run 'sudo apt-get install$$missing', then make test again."; exit 1; fi; fi
	@test -f node_modules/vnu-jar/build/dist/vnu.jar || npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error

test: $(VENV)/.installed browser ## Run the whole test suite on SQLite (browser tests included)
	@$(TEST_ENV) DATABASE_URL= $(PY) -m pytest $(ARGS) || $(PYTEST_FAILED)

test-pg: $(VENV)/.installed browser ## Run the whole test suite on PostgreSQL ($$PG_URL)
	@$(TEST_ENV) DATABASE_URL=$(PG_URL) $(PY) -m pytest $(ARGS) || $(PYTEST_FAILED)

e2e: $(VENV)/.installed browser ## Run only the browser journeys
	@$(TEST_ENV) $(PY) -m pytest tests/e2e $(ARGS)

lint: $(VENV)/.installed ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

typecheck: $(VENV)/.installed ## mypy --strict with django-stubs
	@$(TEST_ENV) $(VENV)/bin/mypy cosmediclist tests conftest.py

migrations-check: $(VENV)/.installed ## Fail when a model change has no migration
	@$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

bench: $(VENV)/.installed-run .secret_key .field_key ## Run the benchmarks under bench/ and print figures and ratios
	@$(RUN_ENV) PYTHONPATH=. bench/run

clean: ## Remove the virtualenv, collected static files and the local database
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-*
