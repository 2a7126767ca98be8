"""A throwaway kind of content for the moderation tests.

Moderation works over whatever models apps register, so its own tests use a small `Post` model
created here (table made once per test session, registered only while a test uses it). Tests of
real surfaces (problems, comments, ...) use those apps' own factories.
"""

from datetime import timedelta

import factory
import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone

from soslab.core import targets
from soslab.moderation.models import ModeratedContent, ModerationState
from soslab.moderation.registry import register, unregister
from tests.factories import UserFactory

_MODEL = {}


def _post_model():
    if "post" not in _MODEL:

        class Post(ModeratedContent):
            author = models.ForeignKey(
                settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
            )
            title = models.CharField("title", max_length=120)
            body = models.TextField("body")
            created_at = models.DateTimeField(default=timezone.now)

            class Meta:
                app_label = "moderation"
                db_table = "test_moderation_post"

            def __str__(self):
                return self.title

            def get_absolute_url(self):
                return f"/test-posts/{self.pk}/"

        _MODEL["post"] = Post
    return _MODEL["post"]


@pytest.fixture(scope="session")
def _post_table(django_db_setup, django_db_blocker):
    model = _post_model()
    with django_db_blocker.unblock():
        if model._meta.db_table not in connection.introspection.table_names():
            with connection.schema_editor() as editor:
                editor.create_model(model)
        # Committed once, so the content-type cache never points at a rolled-back row.
        ContentType.objects.get_for_model(model)
    return model


@pytest.fixture
def post_model(_post_table, db):
    register(_post_table)
    targets.register(
        _post_table,
        purposes={targets.REPORT},
        visible_to=lambda user: _post_table.objects.visible_to(user),
    )
    yield _post_table
    targets.unregister(_post_table)
    unregister(_post_table)


@pytest.fixture
def make_post(post_model):
    def make(author=None, state=ModerationState.PUBLISHED, **fields):
        author = author or UserFactory()
        fields.setdefault("title", "효자동 횡단보도 신호가 너무 짧아요")
        fields.setdefault("body", "어르신들이 건너기 전에 신호가 바뀝니다. 개선이 필요합니다.")
        return post_model.objects.create(author=author, moderation_state=state, **fields)

    return make


@pytest.fixture
def post(make_post):
    return make_post()


@pytest.fixture
def reporters(db):
    return UserFactory.create_batch(3)


class BlockedUserFactory(UserFactory):
    blocked_until = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    block_reason = "spam"
