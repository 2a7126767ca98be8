"""The one way to queue background work: a transactional outbox in front of Celery.

`enqueue(task, *args, countdown=None, **kwargs)` replaces `task.delay(...)` everywhere. `task` is
the task's dotted name ("soslab.moderation.tasks.case_notify"), so a service never imports its app's
`tasks` module (tasks call services; services name tasks: no import cycle). The name is resolved
at once, so a misspelt name fails in the caller's test, not in a worker. A task object is accepted
too (tests, and modules that are themselves tasks).

- Embedded default (no broker, `CELERY_TASK_ALWAYS_EAGER`): the task runs in-process when the
  current transaction commits, exactly as before.
- With a broker: an `OutboxMessage` row is written inside the caller's transaction. When it commits,
  one quick publish is tried (the broker gets `SOSLAB_OUTBOX_PUBLISH_TIMEOUT` seconds, no retries);
  on success the row is deleted. When the broker is down the row simply stays, the request answers
  at once, and `outbox_relay` (a beat task every minute, and `manage.py outbox_relay`) hands it to
  the broker when it answers again. After a failed publish this process skips the quick attempt
  for `SOSLAB_OUTBOX_BACKOFF` seconds, so a broker outage costs one request one timeout, not every
  request.

Rows are claimed with `SELECT ... FOR UPDATE SKIP LOCKED`, so the quick publish and any number of
relays never hand the same row over twice. Delivery is at least once (a crash between the broker's
acceptance and the delete re-sends it), which is why every task is idempotent (docs/celery.md).
"""

import datetime as dt
import logging
import socket
import time

from celery import Task, current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.utils.imports import symbol_by_name

from soslab.core.models import OutboxMessage

logger = logging.getLogger(__name__)

_broker_down_until = 0.0  # per process: monotonic time before which the quick publish is skipped


def _eager():
    return bool(current_app.conf.task_always_eager)


def resolve_task(task):
    """The Celery task named by `task` (a dotted name or the task itself)."""
    resolved = symbol_by_name(task) if isinstance(task, str) else task
    if not isinstance(resolved, Task):
        raise TypeError(f"{task!r} is not a Celery task")
    return resolved


def enqueue(task, *args, countdown=None, **kwargs):
    """Queue `task(*args, **kwargs)` to run after the current transaction commits.

    `task` is a dotted task name (or a task). Arguments must be JSON-serialisable (ids, not
    objects). Returns the outbox row (None when the task runs in-process)."""
    task = resolve_task(task)
    if _eager():
        transaction.on_commit(lambda: task.apply_async(args=args, kwargs=kwargs))
        return None
    not_before = timezone.now() + dt.timedelta(seconds=countdown) if countdown else None
    message = OutboxMessage.objects.create(
        task_name=task.name, args=list(args), kwargs=kwargs, not_before=not_before
    )
    transaction.on_commit(lambda: _publish_now(message.pk), robust=True)
    return message


def _publish(message):
    """Hand one message to the broker, quickly; raises on any broker error."""
    options = {"args": message.args, "kwargs": message.kwargs, "retry": False}
    if message.not_before and message.not_before > timezone.now():
        options["eta"] = message.not_before
    current_app.send_task(message.task_name, **options)


def _broker_answers():
    """A TCP connect to the broker, bounded by SOSLAB_OUTBOX_PUBLISH_TIMEOUT. Needed because the
    Redis client retries a refused connection with backoff (about 4 s) whatever Celery is told."""
    connection = current_app.connection_for_write()
    try:
        host, port = connection.hostname, connection.port or connection.default_port
    finally:
        connection.release()
    if not host or not port:  # a socket path or a transport without one address: just try
        return True
    try:
        socket.create_connection((host, port), settings.SOSLAB_OUTBOX_PUBLISH_TIMEOUT).close()
    except OSError:
        return False
    return True


def _claim(queryset):
    return queryset.select_for_update(skip_locked=True)


def _publish_now(pk):
    """on_commit hook: try the new row once, unless the broker failed moments ago."""
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return
    if not _broker_answers():
        _broker_down_until = time.monotonic() + settings.SOSLAB_OUTBOX_BACKOFF
        OutboxMessage.objects.filter(pk=pk).update(last_error="broker did not answer")
        logger.warning("broker unavailable, task kept in the outbox for the relay")
        return
    with transaction.atomic():
        message = _claim(OutboxMessage.objects.filter(pk=pk)).first()
        if message is None:  # a relay already took it
            return
        try:
            _publish(message)
        except Exception as exc:  # noqa: BLE001 - any broker failure leaves the row for the relay
            _broker_down_until = time.monotonic() + settings.SOSLAB_OUTBOX_BACKOFF
            _record_failure(message, exc)
            return
        message.delete()


def _record_failure(message, exc):
    logger.warning(
        "broker unavailable, task kept in the outbox for the relay",
        extra={"task_name": message.task_name, "outbox_id": message.pk, "error": str(exc)},
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=message.attempts + 1, last_error=str(exc)[:1000]
    )


def outbox_relay(*, batch_size=500):
    """Hand every waiting message to the broker, oldest first; stop at the first broker failure.
    Returns the number of messages handed over."""
    global _broker_down_until
    sent = 0
    while True:
        with transaction.atomic():
            messages = list(_claim(OutboxMessage.objects.order_by("pk"))[:batch_size])
            if not messages:
                break
            done = []
            for message in messages:
                try:
                    _publish(message)
                except Exception as exc:  # noqa: BLE001 - retried at the next relay
                    _record_failure(message, exc)
                    OutboxMessage.objects.filter(pk__in=done).delete()
                    return sent + len(done)
                done.append(message.pk)
            OutboxMessage.objects.filter(pk__in=done).delete()
            sent += len(done)
        if len(messages) < batch_size:
            break
    if sent:
        _broker_down_until = 0.0
    return sent


def outbox_status():
    """What `/healthz` reports: how many tasks wait and for how long (seconds)."""
    oldest = OutboxMessage.objects.order_by("pk").values_list("created_at", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    return {"pending": OutboxMessage.objects.count(), "oldest_seconds": round(age)}
