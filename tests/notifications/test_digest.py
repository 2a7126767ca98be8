import smtplib
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.test import TestCase

from soslab.accounts.models import EmailFrequency
from soslab.notifications import tasks
from soslab.notifications.models import Notification
from soslab.notifications.services import digest_send, notify
from tests.factories import UserFactory
from tests.notifications.flaky_backend import FlakyBackend


def _run_digests():
    """The beat task as a worker runs it: the digests it queues run once its work commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = tasks.send_notification_digests.apply()
    return result


def _events(target, recipients, count, prefix="이벤트"):
    for n in range(count):
        notify(recipients=recipients, kind="comment", target=target, message=f"{prefix} {n}")


@pytest.mark.django_db
def test_digest_sends_one_mail_per_user_with_all_their_events(target):
    first, second = UserFactory.create_batch(2)
    _events(target, [first], 3, prefix="첫째")
    _events(target, [second], 2, prefix="둘째")
    assert _run_digests().get() == 2
    assert len(mail.outbox) == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    body = by_recipient[first.email].body
    assert all(f"첫째 {n}" in body for n in range(3))
    assert "둘째" not in body
    assert f"http://testserver{target.get_url()}" in body or target.get_url() in body
    assert "3" in by_recipient[first.email].subject
    html = by_recipient[first.email].alternatives[0][0]
    assert "첫째 2" in html
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_digest_is_in_korean(target):
    person = UserFactory()
    _events(target, [person], 2)
    _run_digests()
    message = mail.outbox[0]
    assert "새 알림" in message.subject
    assert message.subject.startswith(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
    assert "안녕하세요" in message.body


@pytest.mark.django_db
def test_second_run_sends_nothing(target):
    person = UserFactory()
    _events(target, [person], 2)
    _run_digests()
    assert len(mail.outbox) == 1
    assert _run_digests().get() == 0
    assert digest_send(user_id=person.pk) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_only_new_events_go_in_the_next_digest(target):
    person = UserFactory()
    _events(target, [person], 2, prefix="어제")
    _run_digests()
    _events(target, [person], 1, prefix="오늘")
    _run_digests()
    assert len(mail.outbox) == 2
    assert "오늘 0" in mail.outbox[1].body
    assert "어제" not in mail.outbox[1].body


@pytest.mark.django_db
def test_off_and_immediate_users_get_no_digest(target):
    off = UserFactory(email_frequency=EmailFrequency.OFF)
    immediate = UserFactory(email_frequency=EmailFrequency.IMMEDIATE)
    _events(target, [off, immediate], 2)  # immediate mails are queued on commit, never here
    assert _run_digests().get() == 0
    assert mail.outbox == []
    # Their notifications are still on the site.
    assert Notification.objects.filter(recipient=off).count() == 2


@pytest.mark.django_db
def test_inactive_users_get_no_digest(target):
    person = UserFactory()
    _events(target, [person], 1)
    person.is_active = False
    person.save(update_fields=["is_active"])
    _run_digests()
    assert mail.outbox == []


@pytest.mark.django_db
def test_smtp_error_marks_nothing_so_the_retry_sends_once(target, settings):
    person = UserFactory()
    _events(target, [person], 2)
    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=smtplib.SMTPServerDisconnected("down"),
        ),
        pytest.raises(smtplib.SMTPException),
    ):
        digest_send(user_id=person.pk)
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 2
    assert digest_send(user_id=person.pk) == 2
    assert digest_send(user_id=person.pk) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_digest_task_retries_smtp_errors_without_double_sending(target, settings, monkeypatch):
    from soslab.celery import app

    # Eager mode re-raises instead of retrying when exceptions propagate; a worker retries.
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)
    settings.EMAIL_BACKEND = "tests.notifications.flaky_backend.FlakyBackend"
    FlakyBackend.fail_times, FlakyBackend.attempts = 2, 0
    person = UserFactory()
    _events(target, [person], 3)
    result = tasks.send_notification_digest.apply(args=[person.pk])
    assert result.get() == 3
    assert FlakyBackend.attempts == 3  # two failures, one delivery
    assert len(mail.outbox) == 1
    assert tasks.send_notification_digest.apply(args=[person.pk]).get() == 0
    assert len(mail.outbox) == 1


def test_digest_tasks_retry_on_smtp_errors_and_have_time_limits():
    for task in (tasks.send_notification_digest, tasks.send_notification_email):
        assert smtplib.SMTPException in task.autoretry_for
        assert task.time_limit
        assert task.max_retries
    assert tasks.send_notification_digests.time_limit


def test_daily_digest_is_scheduled_with_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["notifications-daily-digest"]
    assert entry["task"] == tasks.send_notification_digests.name


@pytest.mark.django_db
def test_a_long_digest_lists_the_latest_and_counts_the_rest(target):
    from soslab.notifications.services import DIGEST_MAX_ITEMS

    person = UserFactory()
    _events(target, [person], DIGEST_MAX_ITEMS + 5)
    _run_digests()
    body = mail.outbox[0].body
    assert f"이벤트 {DIGEST_MAX_ITEMS + 4}" in body
    assert "이벤트 0\n" not in body
    assert "5" in body
