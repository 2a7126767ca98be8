"""soslab.core.mail: the one way email leaves, after commit, from a retried task."""

import smtplib

import pytest
from django.core import mail
from django.db import transaction

from soslab.core.mail import email_queue
from soslab.core.tasks import send_email

pytestmark = pytest.mark.django_db


def test_a_queued_email_leaves_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email_queue(to=["a@example.kr"], subject="제목", body="본문", html="<p>본문</p>")
        assert mail.outbox == []
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [(["a@example.kr"], "제목", "본문")]
    assert mail.outbox[0].alternatives[0][1] == "text/html"


def test_nothing_leaves_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        email_queue(to=["a@example.kr"], subject="제목", body="본문")
        raise RuntimeError
    assert mail.outbox == []


def test_no_address_no_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email_queue(to=[""], subject="제목", body="본문")
    assert mail.outbox == []


def test_the_task_is_retried_on_mail_errors():
    assert smtplib.SMTPException in send_email.autoretry_for
    assert send_email.max_retries >= 3
