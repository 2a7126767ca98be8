"""The test suite. Derives from base (never from dev) so tests see production behaviour."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, SQLITE_ENGINE, VAR_DIR, env

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# PostgreSQL: CI sets DATABASE_URL to a fresh database name per run (the runner adds test_).
# SQLite: a file database (not :memory:) so concurrency tests exercise the real WAL locking.
if DATABASES["default"]["ENGINE"] == SQLITE_ENGINE:
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
    # Durability is irrelevant for a throw-away test database; WAL and the busy timeout stay.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"]["OPTIONS"],
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA busy_timeout=30000",
    }

# Tests run Celery tasks in-process unless a test starts a real worker (tests/test_celery.py
# reads CELERY_BROKER_URL itself and skips without it).
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
SOSLAB_SERVICES_BROKER_URL = env("CELERY_BROKER_URL", "")

# WhiteNoise warns when STATIC_ROOT is missing; tests never collect static files.
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405
