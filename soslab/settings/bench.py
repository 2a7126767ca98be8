"""`make bench`: production-like settings on a dedicated database (var/bench.sqlite3, or
var/bench-small.sqlite3 for BENCH_SCALE=small, unless DATABASE_URL is set), so generated data never
touches the dev database and the two scales never mix."""

from .base import *  # noqa: F403
from .base import SQLITE_ENGINE, VAR_DIR, env

_SCALE = env("BENCH_SCALE", "full").strip().lower() or "full"

SECRET_KEY = "bench-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DEBUG = False
if not env("DATABASE_URL"):
    DATABASES = {
        "default": {
            "ENGINE": SQLITE_ENGINE,
            "NAME": VAR_DIR / ("bench.sqlite3" if _SCALE == "full" else f"bench-{_SCALE}.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF",
            },
        }
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
