"""Moderation reacts to saves and deletions of registered content only (signals.connect_for)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from soslab.moderation import signals
from soslab.problems.models import Category, Problem


def _receivers(signal, sender):
    sync, _async = signal._live_receivers(sender)
    return sync


def test_registered_content_is_watched():
    assert signals.queue_pending_content in _receivers(post_save, Problem)
    assert signals.close_deleted_case in _receivers(post_delete, Problem)


def test_people_leave_the_queue_when_deleted_but_are_never_pending():
    user_model = get_user_model()
    assert signals.close_deleted_case in _receivers(post_delete, user_model)
    assert signals.queue_pending_content not in _receivers(post_save, user_model)


def test_other_models_are_not_watched():
    assert signals.queue_pending_content not in _receivers(post_save, Category)
    assert signals.close_deleted_case not in _receivers(post_delete, Category)
