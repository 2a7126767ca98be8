"""Notifications made with message_later keep their msgid and parameters (as Decidim keeps an
event name and its data): the stored text and the email are in the recipient's language when
written, and the page shows the message again in whatever language the person reads it now."""

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import translation
from django.utils.translation import gettext_lazy

from soslab.accounts.models import EmailFrequency
from soslab.notifications import personal_data
from soslab.notifications.models import Notification
from soslab.notifications.services import digest_send, message_later, notify
from soslab.problems.models import ProblemStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ANSWERED = gettext_lazy("Staff answered '%(title)s'.")
NOW_STATUS = gettext_lazy("'%(title)s' is now: %(status)s")


def _page(client, person, language):
    client.force_login(person)
    client.cookies["django_language"] = language
    return client.get("/notifications/").content.decode()


def test_written_in_the_recipients_language_and_readable_after_a_switch(target, client):
    person = UserFactory(preferred_language="en")
    with translation.override("ko"):  # the action happens in Korean
        notify(
            recipients=[person],
            kind="answer",
            target=target,
            message=message_later(ANSWERED, title="가로등"),
        )
    row = Notification.objects.get(recipient=person)
    assert row.message == "Staff answered '가로등'."  # as written, in English
    assert row.message_id == "Staff answered '%(title)s'."
    assert row.message_params == {"title": "가로등"}
    assert "Staff answered &#x27;가로등&#x27;." in _page(client, person, "en")
    # The person switches to Korean: the same notification is now read in Korean.
    person.preferred_language = "ko"
    person.save(update_fields=["preferred_language"])
    assert "운영진이 &#x27;가로등&#x27; 문제에 답변했습니다." in _page(client, person, "ko")


def test_a_translated_label_in_the_message_follows_the_language_too(target, client):
    person = UserFactory(preferred_language="ko")
    notify(
        recipients=[person],
        kind="status",
        target=target,
        message=message_later(NOW_STATUS, title="벤치", status=ProblemStatus.SOLVED.label),
    )
    row = Notification.objects.get(recipient=person)
    assert row.message_params == {"title": "벤치", "status": {"msgid": "Solved"}}
    assert row.message == "'벤치' 문제의 상태가 바뀌었습니다: 해결됨"
    with translation.override("en"):
        assert row.text == "'벤치' is now: Solved"
    with translation.override("ko"):
        assert row.text == row.message


def test_immediate_email_and_digest_are_in_the_recipients_language(target):
    english = UserFactory(preferred_language="en", email_frequency=EmailFrequency.IMMEDIATE)
    daily = UserFactory(preferred_language="en", email_frequency=EmailFrequency.DAILY)
    with translation.override("ko"), TestCase.captureOnCommitCallbacks(execute=True):
        notify(
            recipients=[english, daily],
            kind="answer",
            target=target,
            message=message_later(ANSWERED, title="벤치"),
        )
    digest_send(user_id=daily.pk)
    mails = {message.to[0]: message for message in mail.outbox}
    assert "Staff answered '벤치'." in mails[english.email].subject
    assert "Staff answered '벤치'." in mails[daily.email].body
    assert "운영진" not in mails[english.email].body + mails[daily.email].body


def test_messages_without_a_msgid_stay_as_written(target):
    person = UserFactory(preferred_language="en")
    notify(recipients=[person], kind="other", target=target, message=lambda: "Written once")
    row = Notification.objects.get(recipient=person)
    assert row.message_id == "" and row.message_params == {}
    with translation.override("ko"):
        assert row.text == "Written once"
    # A msgid whose placeholders no longer match its stored parameters falls back to the text.
    row.message_id, row.message_params = "Staff answered '%(title)s'.", {"name": "x"}
    assert row.text == "Written once"


def test_erasing_the_actor_removes_their_name_from_the_parameters(target):
    actor = UserFactory(display_name="김전주")
    person = UserFactory(preferred_language="ko")
    notify(
        recipients=[person],
        kind="reply",
        target=target,
        actor=actor,
        message=message_later(
            gettext_lazy("%(name)s commented on “%(target)s”."), name="김전주", target="벤치"
        ),
    )
    personal_data.erase(actor, keep=False)
    row = Notification.objects.get(recipient=person)
    assert "김전주" not in row.message and "김전주" not in row.text
    assert row.message_params["name"] == "탈퇴한 회원"


def test_the_list_renders_messages_in_a_constant_number_of_queries(
    target, client, django_assert_max_num_queries
):
    person = UserFactory(preferred_language="ko")
    client.force_login(person)

    def add(count):
        for number in range(count):
            notify(
                recipients=[person],
                kind="answer",
                target=target,
                message=message_later(ANSWERED, title=f"문제 {number}"),
            )

    add(2)
    client.get("/notifications/")
    with django_assert_max_num_queries(12) as few:
        client.get("/notifications/")
    add(18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/notifications/").content.decode()
    assert "운영진이 &#x27;문제 17&#x27; 문제에 답변했습니다." in page
