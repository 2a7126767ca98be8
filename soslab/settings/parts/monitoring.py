"""Settings: Logging and monitoring. Included by soslab.settings.base."""

import ipaddress

from django.core.exceptions import ImproperlyConfigured

from soslab.settings.env import env, env_list

# --- Logging and monitoring (docs/operations.md, "Monitoring") --------------------------------
# Every line carries the request id (or the Celery task id): soslab.core.observability.
# LOG_FORMAT "plain" (the default here) or "json" (one JSON object a line; production's default).


def logging_config(log_format, level):
    if log_format not in {"plain", "json"}:
        raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, got {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "soslab.core.observability.RequestIdFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                "datefmt": "%Y-%m-%dT%H:%M:%S%z",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
        },
    }


LOG_LEVEL = env("LOG_LEVEL", "INFO")
LOGGING = logging_config(env("LOG_FORMAT", "plain"), LOG_LEVEL)

# Prometheus /metrics (django-prometheus): answered for direct connections from these networks,
# or for anyone with `Authorization: Bearer <METRICS_TOKEN>`; 404 otherwise.
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")
METRICS_TOKEN = env("METRICS_TOKEN", "")
for _network in METRICS_ALLOWED_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as _exc:
        raise ImproperlyConfigured(
            f"METRICS_ALLOWED_NETWORKS: {_network!r} is not a network (e.g. 10.0.0.0/8)"
        ) from _exc
