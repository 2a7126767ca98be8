"""The test suite. Derives from base (never from dev) so tests see production behaviour."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, SQLITE_ENGINE, VAR_DIR, env

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
}
# Uploads use real files (the protected view streams them from disk) in a throw-away folder per
# process; Wagtail's images stay in memory.
# A MEDIA_ROOT from the environment wins (a test that runs manage.py in a subprocess sets one).
if env("MEDIA_ROOT"):
    MEDIA_ROOT = Path(env("MEDIA_ROOT"))
else:
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="soslab-test-media-"))
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
PRIVATE_MEDIA_ROOT = MEDIA_ROOT / "private"
PUBLIC_MEDIA_ROOT = MEDIA_ROOT / "public"
SENDFILE_ROOT = str(MEDIA_ROOT)
SENDFILE_BACKEND = "django_sendfile.backends.simple"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    **media_storages(PRIVATE_MEDIA_ROOT, PUBLIC_MEDIA_ROOT, PUBLIC_MEDIA_URL),  # noqa: F405
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

# The open-data downloads stream from the database; tests/opendata turns the files on.
SOSLAB_OPENDATA_FILES = False

# WhiteNoise warns when STATIC_ROOT is missing; tests never collect static files.
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405
