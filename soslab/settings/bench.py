"""`make bench`: production-like settings (DEBUG off, the same middleware and templates) on a
dedicated database per scale, so generated data never touches the dev database and the scales
never mix. BENCH_DB=sqlite (default): var/bench.sqlite3 for the full scale, var/bench-<scale>.sqlite3
otherwise. BENCH_DB=postgres: the database soslab_bench_<scale> on BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432), created when missing. DATABASE_URL, when set, wins.

Bench only: ROOT_URLCONF adds the one-query reference view (soslab.bench) and every response
carries its SQL query count (X-Bench-Queries)."""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, SQLITE_ENGINE, VAR_DIR, env

_SCALE = env("BENCH_SCALE", "full").strip().lower() or "full"
_DB = env("BENCH_DB", "sqlite").strip().lower() or "sqlite"

SECRET_KEY = "bench-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DEBUG = False
ROOT_URLCONF = "soslab.bench"
MIDDLEWARE = ["soslab.bench.QueryCountMiddleware", *MIDDLEWARE]
if env("DATABASE_URL"):
    pass
elif _DB in ("postgres", "postgresql", "pg"):
    import dj_database_url

    _SERVER = env("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    DATABASES = {
        "default": dj_database_url.parse(f"{_SERVER}/soslab_bench_{_SCALE}", conn_max_age=60)
    }
else:
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
# Each dataset has its own media folder (the open-data files of 100k and 1k must not mix).
MEDIA_ROOT = VAR_DIR / f"bench-media-{_DB}-{_SCALE}"
PRIVATE_MEDIA_ROOT = MEDIA_ROOT / "private"
PUBLIC_MEDIA_ROOT = MEDIA_ROOT / "public"
SENDFILE_ROOT = str(MEDIA_ROOT)
STORAGES = {**STORAGES, **media_storages(PRIVATE_MEDIA_ROOT, PUBLIC_MEDIA_ROOT, PUBLIC_MEDIA_URL)}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
