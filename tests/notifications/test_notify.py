import pytest
from django.core import mail

from soslab.accounts.models import EmailFrequency
from soslab.notifications.models import Notification
from soslab.notifications.services import (
    follow_add,
    notify,
    notify_followers,
    notify_staff,
    unread_count,
)
from tests.factories import ModeratorFactory, StaffFactory, UserFactory


@pytest.mark.django_db
def test_notify_creates_one_row_per_recipient_and_skips_the_actor(target):
    actor, first, second = UserFactory.create_batch(3)
    created = notify(
        recipients=[actor, first, second, first],
        kind="comment",
        target=target,
        message="새 댓글이 달렸습니다",
        actor=actor,
    )
    assert len(created) == 2
    rows = Notification.objects.order_by("recipient_id")
    assert [row.recipient for row in rows] == [first, second]
    assert all(row.url == target.get_url() and row.actor == actor for row in rows)
    assert Notification.objects.filter(recipient=actor).count() == 0


@pytest.mark.django_db
def test_notify_followers_reaches_followers_only(target):
    follower, outsider, actor = UserFactory.create_batch(3)
    follow_add(user=follower, target=target)
    follow_add(user=actor, target=target)
    notify_followers(target=target, kind="status", message="상태가 바뀌었습니다", actor=actor)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [follower.pk]
    assert unread_count(outsider) == 0
    assert unread_count(follower) == 1


@pytest.mark.django_db
def test_notify_staff_reaches_staff_and_moderators_once(target, citizen):
    staff, moderator = StaffFactory(), ModeratorFactory()
    notify_staff(kind="threshold", target=target, message="공감 30개를 넘었습니다")
    recipients = set(Notification.objects.values_list("recipient", flat=True))
    assert recipients == {staff.pk, moderator.pk}


@pytest.mark.django_db
def test_immediate_users_get_one_mail_per_notification_on_commit(
    target, django_capture_on_commit_callbacks
):
    immediate = UserFactory(email_frequency=EmailFrequency.IMMEDIATE)
    daily = UserFactory(email_frequency=EmailFrequency.DAILY)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(recipients=[immediate, daily], kind="answer", target=target, message="공식 답변")
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [immediate.email]
    assert "공식 답변" in mail.outbox[0].subject
    assert Notification.objects.get(recipient=immediate).emailed_at is not None
    assert Notification.objects.get(recipient=daily).emailed_at is None


@pytest.mark.django_db
def test_nothing_is_mailed_when_the_transaction_rolls_back(target):
    from django.db import transaction

    immediate = UserFactory(email_frequency=EmailFrequency.IMMEDIATE)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        notify(recipients=[immediate], kind="answer", target=target, message="공식 답변")
        raise Boom
    assert mail.outbox == []
    assert Notification.objects.count() == 0
