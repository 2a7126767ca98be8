"""Settings: The database and the cache. Included by soslab.settings.base."""

import dj_database_url

from soslab.settings.env import VAR_DIR, env

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL (PostgreSQL in production). Without it: SQLite in var/, tuned for concurrent
# writers: WAL journal, IMMEDIATE transactions (a writer takes the lock at BEGIN, so two
# read-then-write transactions cannot deadlock on lock upgrade) and a generous busy timeout.

# Django's SQLite backend plus `PRAGMA optimize` at open/close (planner statistics stay fresh as
# the database grows; soslab/core/sqlite/__init__.py).
SQLITE_ENGINE = "soslab.core.sqlite"
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000",
}

if env("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["ENGINE"] = SQLITE_ENGINE
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": SQLITE_ENGINE,
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Rate limits and the geo caches live here; production points REDIS_URL / CACHE_URL at Redis so
# every gunicorn worker shares them.

if env("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "soslab",
        }
    }
