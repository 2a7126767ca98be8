"""Each person reads notifications in the language they chose (User.preferred_language): the
in-site text, the immediate email and the digest, whatever language the action happened in."""

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import translation
from django.utils.translation import gettext

from soslab.accounts.models import EmailFrequency
from soslab.notifications.models import Notification
from soslab.notifications.services import digest_send, notify
from tests.factories import UserFactory


def _answered(title):
    return lambda: gettext("Staff answered '%(title)s'.") % {"title": title}


@pytest.mark.django_db
def test_each_recipient_gets_the_text_and_the_email_in_their_language(target, client):
    english = UserFactory(preferred_language="en", email_frequency=EmailFrequency.IMMEDIATE)
    korean = UserFactory(preferred_language="ko", email_frequency=EmailFrequency.IMMEDIATE)
    with translation.override("ko"), TestCase.captureOnCommitCallbacks(execute=True):
        notify(
            recipients=[english, korean], kind="answer", target=target, message=_answered("가로등")
        )
    assert Notification.objects.get(recipient=english).message == "Staff answered '가로등'."
    assert (
        Notification.objects.get(recipient=korean).message
        == "운영진이 '가로등' 문제에 답변했습니다."
    )
    mails = {message.to[0]: message for message in mail.outbox}
    assert "Staff answered '가로등'." in mails[english.email].subject
    assert "운영진이 '가로등' 문제에 답변했습니다." in mails[korean.email].subject

    client.force_login(english)
    client.cookies["django_language"] = "en"
    assert "Staff answered &#x27;가로등&#x27;." in client.get("/notifications/").content.decode()


@pytest.mark.django_db
def test_digest_in_the_recipients_language(target):
    english = UserFactory(preferred_language="en")
    korean = UserFactory(preferred_language="ko")
    with translation.override("ko"):
        notify(
            recipients=[english, korean], kind="answer", target=target, message=_answered("벤치")
        )
    digest_send(user_id=english.pk)
    digest_send(user_id=korean.pk)
    mails = {message.to[0]: message for message in mail.outbox}
    assert "1 new notification" in mails[english.email].subject
    assert "Staff answered '벤치'." in mails[english.email].body
    assert "새 알림" in mails[korean.email].subject
    assert "운영진이 '벤치' 문제에 답변했습니다." in mails[korean.email].body


@pytest.mark.django_db
def test_the_language_is_chosen_in_the_profile(client):
    person = UserFactory()
    assert person.preferred_language == "ko"
    client.force_login(person)
    response = client.post(
        "/accounts/profile/",
        {
            "display_name": person.display_name,
            "email_frequency": person.email_frequency,
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.preferred_language == "en"


@pytest.mark.django_db
def test_the_header_switcher_sets_a_signed_in_persons_language(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    person.refresh_from_db()
    assert person.preferred_language == "en"


@pytest.mark.django_db
def test_the_header_switcher_still_works_signed_out(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.cookies["django_language"].value == "en"
