# SOS Lab Jeonju. `make help` lists the targets. Only python3.11, pip, git and make are needed:
# uv is installed into a private tools venv and builds .venv from uv.lock (it never downloads a Python);
# dependencies are byte-compiled once at install, so every process starts fast even where
# PYTHONDONTWRITEBYTECODE is set.

SHELL := /bin/bash
PYTHON ?= python3.11
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help install run serve migrate demo test test-fast lint format check migrations-check deploy-check smoke security worker beat bench bench-smoke loadtest backup restore messages screenshots clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(UV):
	@echo "==> Installing uv into $(TOOLS)/ (once)"
	@$(PYTHON) -m venv $(TOOLS)
	@$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.8"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	@echo "==> Creating the environment from uv.lock"
	@$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced ## Create/refresh .venv from the lock file

migrate: install ## Apply database migrations (SQLite in var/ unless DATABASE_URL is set)
	@mkdir -p var
	@$(MANAGE) migrate --noinput

demo: install ## (Re)load the Jeonju demo content (idempotent); migrates first if needed
	@mkdir -p var
	@$(MANAGE) dev_setup --reload-demo

run: install ## Set up everything and serve the site on http://127.0.0.1:8000 (skips what is done)
	@mkdir -p var
	@$(MANAGE) dev_setup
	@echo ""
	@echo "  SOS Lab Jeonju is starting on http://$(HOST):$(PORT)/"
	@echo "  Admin (Wagtail): http://$(HOST):$(PORT)/admin/"
	@echo "  Demo staff login (local only): staff@soslab.local / soslab-demo-2026"
	@echo "  Demo citizen login:            citizen@soslab.local / soslab-demo-2026"
	@echo ""
	@$(MANAGE) runserver $(HOST):$(PORT)

serve: install ## Serve without re-running migrations or the demo loader
	@$(MANAGE) runserver $(HOST):$(PORT)

test: install ## Run the whole test suite (services tests skip when PostgreSQL/Redis are absent)
	@mkdir -p var
	@$(PY) -m pytest $(PYTEST_ARGS)

security: install ## The URLconf-driven security suite, the API fuzz and input hygiene (docs/security.md)
	@mkdir -p var
	@$(PY) -m pytest tests/security tests/core/test_params.py tests/core/test_csp.py tests/moderation/test_roles.py -q

lint: install ## ruff check, ruff format --check and the layer contracts (lint-imports)
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/lint-imports --no-cache

format: install ## Format and fix what ruff can
	@$(VENV)/bin/ruff format .
	@$(VENV)/bin/ruff check --fix .

migrations-check: install ## Fail if a model change has no migration
	@DJANGO_SETTINGS_MODULE=soslab.settings.test $(MANAGE) makemigrations --check --dry-run

deploy-check: install ## manage.py check --deploy under production settings (must be clean)
	@DJANGO_SETTINGS_MODULE=soslab.settings.production \
	  SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') ALLOWED_HOSTS=soslab.example.kr \
	  DATABASE_URL=postgres://postgres@127.0.0.1:5432/deploy_check \
	  $(MANAGE) check --deploy --fail-level WARNING

# The production smoke stage (tests/smoke/): a fresh PostgreSQL database, Redis, an SMTP sink, then
# the runbook's commands (collectstatic, migrate, load_reference_data, gunicorn, worker, beat) and
# HTTP-only journeys. Needs PostgreSQL and Redis; see tests/smoke/stack.py for SMOKE_* variables.
smoke: install ## Production smoke stage: boot the real stack and drive it over HTTP (PostgreSQL, Redis)
	@SOSLAB_SMOKE=1 $(PY) -m pytest tests/smoke -p no:randomly -p no:xdist -s -q -o addopts="-ra --strict-markers -p no:cacheprovider" $(PYTEST_ARGS)

check: lint migrations-check deploy-check ## Lint, migrations and deploy checks (CI runs these)

worker: install ## Run a Celery worker (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0)
	@test -n "$$CELERY_BROKER_URL" || (echo "Set CELERY_BROKER_URL first (see .env.example)"; exit 2)
	@$(VENV)/bin/celery -A soslab worker --loglevel=INFO --concurrency=$${CELERY_CONCURRENCY:-2}

beat: install ## Run Celery beat, the periodic-task scheduler (needs CELERY_BROKER_URL)
	@test -n "$$CELERY_BROKER_URL" || (echo "Set CELERY_BROKER_URL first (see .env.example)"; exit 2)
	@mkdir -p var
	@$(VENV)/bin/celery -A soslab beat --loglevel=INFO --schedule=var/celerybeat-schedule

bench: install ## Benchmarks at 100,000 problems vs 1,000, gunicorn + HTTP table with goals (BENCH_DB=sqlite|postgres, BENCH=bench_http); docs/performance.md
	@mkdir -p var
	@$(PY) -m benchmarks $(BENCH)

bench-smoke: install ## Every benchmark once at BENCH_SCALE=small (CI); fails if one crashes
	@mkdir -p var
	@BENCH_SCALE=small $(PY) -m benchmarks $(BENCH)

loadtest: install ## Mixed load (locust, 50 users, 60 s) on the production stack (PostgreSQL, Redis); fails if p95 > 300 ms or any error
	@SOSLAB_SMOKE=1 $(PY) -m benchmarks.loadtest

backup: install ## Back up the database and MEDIA_ROOT into a new folder under var/backups/ (BACKUP_DIR; BACKUP_ARGS="--keep-daily 14 --keep-weekly 8")
	@$(MANAGE) backup $(BACKUP_ARGS)

restore: install ## Restore a backup into an EMPTY database: make restore BACKUP=var/backups/soslab-... [FORCE=1]
	@test -n "$(BACKUP)" || (echo "Usage: make restore BACKUP=var/backups/soslab-YYYYMMDDTHHMMSSZ"; exit 2)
	@$(MANAGE) restore "$(BACKUP)" $(if $(FORCE),--force)

messages: install ## Extract strings into locale/*/django.po and compile .mo (committed)
	@$(PY) -m soslab.core.i18n_tools update
	@$(PY) -m soslab.core.i18n_tools missing

screenshots: install ## PNGs of home, report form, statistics and an event (phone + desktop) in docs/screenshots/, from the demo (needs Chromium)
	@mkdir -p var
	@$(MANAGE) dev_setup
	@$(MANAGE) screenshots

clean: ## Remove the environment and local data (var/)
	rm -rf $(VENV) $(TOOLS) var
