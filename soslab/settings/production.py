"""Production: PostgreSQL, Redis, gunicorn behind an HTTPS proxy. Refuses to start half-configured."""

from django.core.exceptions import ImproperlyConfigured

from soslab.core.observability import sentry_init

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    LOG_LEVEL,
    SECRET_KEY,
    SQLITE_ENGINE,
    env,
    env_bool,
    env_int,
    logging_config,
)

DEBUG = False

if not SECRET_KEY or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set (at least 32 random characters) in production."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set (comma-separated host names) in production."
    )
if DATABASES["default"]["ENGINE"] == SQLITE_ENGINE and not env_bool("ALLOW_SQLITE_IN_PRODUCTION"):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and Prometheus talk to gunicorn directly over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

STORAGES = {
    **STORAGES,  # noqa: F405 (default, private and public media from base)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Mandatory verification: many members are minors; an account cannot sign in (or be emailed
# notifications) until the owner of the address followed the link, so nobody can sign up with a
# child's or a stranger's address and use it. Development and tests keep "optional" (base.py).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Protected uploads: nginx sends them from its internal /_protected/ location (docs/operations.md).
SENDFILE_BACKEND = env("SENDFILE_BACKEND", "django_sendfile.backends.nginx")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
SOSLAB_DEMO_ACCOUNTS = False

# One JSON object a line with the request id (soslab.core.observability); LOG_FORMAT=plain to read
# by eye. Celery workers use the same configuration instead of their own root logger.
LOGGING = logging_config(env("LOG_FORMAT", "json"), LOG_LEVEL)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Errors go to Sentry only when SENTRY_DSN is set; no personal data is sent.
try:
    _traces_sample_rate = float(env("SENTRY_TRACES_SAMPLE_RATE", "0") or 0)
except ValueError as exc:
    raise ImproperlyConfigured("SENTRY_TRACES_SAMPLE_RATE must be a number from 0 to 1") from exc
SENTRY_ENABLED = sentry_init(
    dsn=env("SENTRY_DSN", ""),
    environment=env("SENTRY_ENVIRONMENT", "production"),
    release=env("SENTRY_RELEASE", ""),
    traces_sample_rate=_traces_sample_rate,
)
