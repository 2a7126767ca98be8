"""Settings: Email, Celery and its periodic tasks, the outbox. Included by soslab.settings.base."""

from celery.schedules import crontab

from soslab.settings.env import env, env_bool, env_int
from soslab.settings.parts.i18n import TIME_ZONE

# --- Email ----------------------------------------------------------------------------------

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SOS랩 전주 <noreply@soslab-jeonju.kr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------------------------
# Without CELERY_BROKER_URL tasks run in-process (the embedded default for `make run` and tests);
# with it, `make worker` and `make beat` run them on the broker (Redis in production).

CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_RESULT_EXPIRES = 3600
# A request never waits long for the broker: work goes through the outbox (soslab.core.outbox),
# which tries one quick publish and otherwise leaves the task for the relay.
SOSLAB_OUTBOX_PUBLISH_TIMEOUT = 1.0  # seconds to connect to the broker from a request
SOSLAB_OUTBOX_BACKOFF = 30  # seconds a process skips the quick publish after a broker failure
CELERY_BROKER_CONNECTION_TIMEOUT = SOSLAB_OUTBOX_PUBLISH_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": SOSLAB_OUTBOX_PUBLISH_TIMEOUT,
    "socket_timeout": 5,
}
# Periodic tasks (run by `make beat`). Each app documents its own entry in docs/celery.md.
CELERY_BEAT_SCHEDULE: dict = {
    # Hands tasks that waited in the outbox during a broker outage to the broker.
    "core-outbox-relay": {"task": "soslab.core.tasks.relay_outbox", "schedule": 60.0},
    # One digest email per person with new notifications, every morning (CELERY_TIMEZONE).
    "notifications-daily-digest": {
        "task": "soslab.notifications.tasks.send_notification_digests",
        "schedule": crontab(hour=8, minute=0),
    },
    # AirKorea publishes each hour about 15 minutes after it ends (docs/geo.md).
    "geo-airkorea-hourly": {
        "task": "geo.tasks.fetch_airkorea_readings",
        "schedule": crontab(minute=20),
    },
    # Safety net for the debounced hotspot recomputation queued after new reports.
    "maps-hotspots": {
        "task": "soslab.maps.tasks.recompute_hotspots",
        "schedule": crontab(minute="*/30"),
    },
    # "Is it still there?" to authors of open problems reported four weeks ago (once each).
    "problems-still-there": {
        "task": "soslab.problems.tasks.ask_still_there",
        "schedule": crontab(hour=10, minute=0),
    },
    # Guardian consent requests still waiting get a reminder after 3 and 7 days (once each).
    "teams-guardian-reminders": {
        "task": "soslab.teams.tasks.remind_guardians",
        "schedule": crontab(hour=9, minute=30),
    },
    # Expired data exports (/accounts/export/) and their files are deleted.
    "accounts-purge-exports": {
        "task": "soslab.accounts.tasks.purge_data_exports",
        "schedule": crontab(hour=4, minute=15),
    },
    # The open-data files are rebuilt after changes (debounced); hourly too, for fresh counters.
    "opendata-files": {
        "task": "soslab.opendata.tasks.build_files",
        "schedule": crontab(minute=40),
    },
}

# Wagtail 8 uses django-tasks for its own small jobs (search index, reference index); they run
# immediately in-process. Our background work goes through Celery only.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
