"""The digest through the real Redis broker and a real worker process (skipped without
CELERY_BROKER_URL): one run marks everything emailed, the second finds nothing to send."""

import pytest
from celery import Celery

from soslab.notifications.models import Notification
from soslab.notifications.services import notify
from tests.core.test_celery import worker  # noqa: F401 - the real-worker fixture
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory


@pytest.mark.services
def test_digest_task_runs_once_on_a_real_worker(worker, redis_url):  # noqa: F811
    target = ProblemFactory()
    person = UserFactory()
    for n in range(3):
        notify(recipients=[person], kind="comment", target=target, message=f"새 댓글 {n}")
    client = Celery("soslab-test-client", broker=redis_url, backend=redis_url)
    name = "soslab.notifications.tasks.send_notification_digest"
    first = client.send_task(name, args=[person.pk], queue=worker).get(timeout=90)
    assert first == 3
    assert not Notification.objects.filter(recipient=person, emailed_at__isnull=True).exists()
    second = client.send_task(name, args=[person.pk], queue=worker).get(timeout=90)
    assert second == 0
