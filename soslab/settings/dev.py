"""Local development: `make run`. SQLite in var/, Celery in-process, mail to the console."""

from .base import *  # noqa: F403
from .base import env, env_list

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
SOSLAB_DEMO_ACCOUNTS = True

# Keep `make run` readable: page-tree and in-process task chatter only at WARNING.
LOGGING["loggers"].update(  # noqa: F405
    {"wagtail": {"level": "WARNING"}, "celery.app.trace": {"level": "WARNING"}}
)
