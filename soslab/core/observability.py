"""What an operator watches (docs/operations.md, "Monitoring"):

- a request id on every request (`X-Request-ID`, accepted from the proxy when sane, generated
  otherwise), on the response and on every log line written while the request (or a Celery task,
  whose id is used) runs;
- Celery task failures and retries logged with task name, id and retries;
- Sentry error reporting, only when SENTRY_DSN is set, without personal data;
- the Prometheus `/metrics` endpoint (django-prometheus), answered only for allowed networks or
  a bearer token, 404 for everyone else.
"""

import contextvars
import hmac
import ipaddress
import logging
import re
import uuid

from django.conf import settings
from django.http import Http404

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's id is kept when it looks like one (uuid, hex, nginx's $request_id); anything else
# (too long, spaces, control characters) is replaced so it cannot forge or break log lines.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")

_request_id = contextvars.ContextVar("request_id", default="")
logger = logging.getLogger("soslab.observability")


def current_request_id():
    return _request_id.get()


def request_id_for(incoming):
    if incoming and SANE_REQUEST_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE: every later middleware's and view's log lines carry the id, and so
    does Django's own "Not Found"/"Internal Server Error" line written after the middleware
    returns; the id is cleared when the request finishes (request_finished)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request.headers.get(REQUEST_ID_HEADER, ""))
        request.request_id = request_id
        _request_id.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


def _request_finished(**kwargs):
    _request_id.set("")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request or task)."""

    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = _request_id.get() or "-"
        return True


# --- Celery ------------------------------------------------------------------------------------


def _task_prerun(task_id=None, task=None, **kwargs):
    task.request.soslab_request_id_token = _request_id.set(task_id or "")


def _task_postrun(task_id=None, task=None, **kwargs):
    token = getattr(task.request, "soslab_request_id_token", None)
    if token is not None:
        _request_id.reset(token)
        task.request.soslab_request_id_token = None


def _task_failure(sender=None, task_id=None, exception=None, **kwargs):
    logger.error(
        "Celery task failed: %s[%s] after %s retries: %r",
        sender.name,
        task_id,
        sender.request.retries,
        exception,
        extra={
            "task_name": sender.name,
            "task_id": task_id,
            "retries": sender.request.retries,
            "exception": repr(exception),
        },
    )


def _task_retry(sender=None, request=None, reason=None, **kwargs):
    logger.warning(
        "Celery task retrying: %s[%s] (retry %s): %s",
        sender.name,
        request.id,
        request.retries + 1,
        reason,
        extra={
            "task_name": sender.name,
            "task_id": request.id,
            "retries": request.retries + 1,
            "reason": str(reason),
        },
    )


def signals_connect():
    """Called once from CoreConfig.ready()."""
    from celery import signals
    from django.core.signals import request_finished

    request_finished.connect(_request_finished, dispatch_uid="soslab_request_id_finished")

    signals.task_prerun.connect(_task_prerun, dispatch_uid="soslab_request_id_prerun", weak=False)
    signals.task_postrun.connect(
        _task_postrun, dispatch_uid="soslab_request_id_postrun", weak=False
    )
    signals.task_failure.connect(_task_failure, dispatch_uid="soslab_task_failure", weak=False)
    signals.task_retry.connect(_task_retry, dispatch_uid="soslab_task_retry", weak=False)


# --- Sentry ------------------------------------------------------------------------------------


def sentry_init(*, dsn, environment="production", release=None, traces_sample_rate=0.0):
    """Start Sentry error reporting when `dsn` is set; otherwise do nothing. Returns whether it
    started. No personal data: no user ids, emails, IP addresses, cookies or request bodies."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        integrations=[DjangoIntegration(), CeleryIntegration()],
    )
    return True


# --- Prometheus --------------------------------------------------------------------------------


def _networks():
    return [ipaddress.ip_network(item, strict=False) for item in settings.METRICS_ALLOWED_NETWORKS]


def metrics_allowed(request):
    """A valid bearer token (METRICS_TOKEN) from anywhere; without it, only a direct connection
    (no X-Forwarded-For: not relayed by the proxy, whose own address is loopback) from an allowed
    network (METRICS_ALLOWED_NETWORKS)."""
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header.removeprefix("Bearer ").strip(), token)
    if "X-Forwarded-For" in request.headers:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in _networks())


def metrics(request):
    """/metrics in the Prometheus text format; 404 unless metrics_allowed(request)."""
    if not metrics_allowed(request):
        raise Http404
    from django_prometheus.exports import ExportToDjangoView

    return ExportToDjangoView(request)
