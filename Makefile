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
.PHONY: help run serve backup restore test test-pg chaos e2e lint format typecheck migrations-check demo demo-codes bench bench-tools lighthouse memory security-report browser clean

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

demo-codes: $(VENV)/.installed-run .secret_key .field_key ## Print the demo staff logins' current second-step codes
	@$(RUN_ENV) $(PY) manage.py demo_sign_in_codes

backup: $(VENV)/.installed-run .secret_key .field_key ## Back up the database (DATABASE_URL or SQLite) to backups/ (or BACKUP=path)
	@$(RUN_ENV) $(PY) manage.py backup $(if $(BACKUP),--output "$(BACKUP)")

restore: $(VENV)/.installed-run .secret_key .field_key ## Restore BACKUP=path into the configured database, which must be empty
	@test -n "$(BACKUP)" || { echo "Say which file: make restore BACKUP=backups/…"; exit 2; }
	@$(RUN_ENV) $(PY) manage.py restore "$(BACKUP)"

# The HTTP Observatory's install scripts download Chromium's HSTS preload list and Mozilla's
# intermediate certificates; its scan of a loopback address with our own test certificate needs
# neither (no such address is on the list), so scripts are skipped and the list starts empty.
OBSERVATORY := node_modules/@mdn/mdn-http-observatory
browser: ## Make sure Debian's chromium, Java, the Nu HTML Checker and the HTTP Observatory are there for the tests
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "The tests need Debian packages:$$missing. Run 'sudo apt-get install$$missing', then make test again."; exit 1; fi; fi
	@test -f node_modules/vnu-jar/build/dist/vnu.jar -a -f $(OBSERVATORY)/src/scanner/index.js \
	  || npm install --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --loglevel=error
	@test -f $(OBSERVATORY)/conf/hsts-preload.json || echo '{}' > $(OBSERVATORY)/conf/hsts-preload.json

test: $(VENV)/.installed browser ## Run the whole test suite on SQLite (browser tests included)
	@$(TEST_ENV) DATABASE_URL= $(PY) -m pytest $(ARGS) || $(PYTEST_FAILED)

test-pg: $(VENV)/.installed browser ## Run the whole test suite on PostgreSQL ($$PG_URL)
	@$(TEST_ENV) DATABASE_URL=$(PG_URL) $(PY) -m pytest $(ARGS) || $(PYTEST_FAILED)

chaos: $(VENV)/.installed .secret_key .field_key ## Chaos tests on loopback (kills, SMTP refusals, a PostgreSQL restart); a few minutes, see README
	@$(TEST_ENV) DATABASE_URL= $(PY) -m pytest -m chaos tests/chaos --durations=10 $(ARGS) || $(PYTEST_FAILED)
	@$(TEST_ENV) $(PY) -m tests.security.report

e2e: $(VENV)/.installed browser ## Run only the browser journeys
	@$(TEST_ENV) $(PY) -m pytest tests/e2e $(ARGS)

security-report: $(VENV)/.installed browser ## Run the security suite (tests/security) and print its figures as one table
	@rm -rf artifacts/security
	@$(TEST_ENV) DATABASE_URL= $(PY) -m pytest tests/security $(ARGS) || $(PYTEST_FAILED)
	@$(TEST_ENV) $(PY) -m tests.security.report

lint: $(VENV)/.installed ## ruff, bandit and the project's safety rules (tests/safety_rules.py)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r cosmediclist -ll -q
	$(PY) -m tests.safety_rules

format: $(VENV)/.installed ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

typecheck: $(VENV)/.installed ## mypy --strict with django-stubs
	@$(TEST_ENV) $(VENV)/bin/mypy cosmediclist tests conftest.py

migrations-check: $(VENV)/.installed ## Fail when a model change has no migration
	@$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

bench-tools: ## Make sure Debian's wrk (the load tool of make bench) is there
	@command -v wrk >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then echo "Installing wrk"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "make bench needs Debian's wrk: run 'sudo apt-get install wrk'"; exit 1; fi; }

bench: $(VENV)/.installed bench-tools .secret_key .field_key ## Load-test the production setup with wrk (SQLite, or PostgreSQL with DATABASE_URL); see README
	@$(RUN_ENV) PYTHONPATH=. bench/run

memory: $(VENV)/.installed-run .secret_key .field_key ## Each web worker's RSS, PSS and USS after serving every public page 50 times (bench/memory)
	@$(RUN_ENV) bench/memory

lighthouse: $(VENV)/.installed-run browser .secret_key .field_key ## Lighthouse (mobile) on the main public pages; fails below 100 in any category
	@test -x node_modules/.bin/lighthouse || npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error
	@$(RUN_ENV) PYTHONPATH=. bench/lighthouse

clean: ## Remove the virtualenv, collected static files and the local database
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-*
