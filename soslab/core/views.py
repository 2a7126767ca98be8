from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

from soslab.core.outbox import outbox_status


def _database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor}


def _broker_status():
    broker_url = settings.CELERY_BROKER_URL
    if not broker_url:
        return {"ok": True, "mode": "in-process"}
    try:
        with Connection(broker_url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=3)
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"ok": False, "error": exc.__class__.__name__, "outbox": _outbox()}
    return {"ok": True, "mode": "broker", "outbox": _outbox()}


def _outbox():
    """Tasks waiting for the broker (informative: a backlog alone does not fail the check)."""
    try:
        return outbox_status()
    except Exception as exc:  # noqa: BLE001 - the database check reports the cause
        return {"error": exc.__class__.__name__}


@never_cache
@require_GET
def healthz(request):
    """200 when the database (and the broker, when one is configured) answers; 503 otherwise."""
    checks = {"database": _database_status(), "broker": _broker_status()}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


@require_GET
def protected_media(request, kind, pk, field):
    """A non-public upload (soslab.core.media), for those who may see its owner: its author and
    moderators. Anyone else gets 404, exactly as for a file that does not exist. The file is sent
    by django-sendfile2 (X-Accel-Redirect to /_protected/ in production, streamed otherwise)."""
    from django.http import Http404
    from django_sendfile import sendfile

    from . import media

    entry = media.kind_named(kind)
    if entry is None or field not in entry.fields:
        raise Http404
    row = entry.model.objects.filter(pk=pk).first()
    if row is None or not entry.visible_to(request.user, entry.owner(row)):
        raise Http404
    name = getattr(row, field).name
    if not name:
        raise Http404
    response = sendfile(request, media.private_storage().path(name))
    response["Cache-Control"] = "private, no-store"
    return response


def dev_media(request, path):
    """DEBUG only (`make run`): serve MEDIA_ROOT like the production web server does, that is
    everything except MEDIA_ROOT/private (public uploads, Wagtail's images)."""
    import posixpath

    from django.http import Http404
    from django.views.static import serve

    clean = posixpath.normpath(path).lstrip("/")
    if clean.split("/", 1)[0] in ("private", "..", "."):
        raise Http404
    return serve(request, clean, document_root=settings.MEDIA_ROOT)
