"""The data migration analyses the problems that existed before it (tags and dong included)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from taggit.models import Tag, TaggedItem

from soslab.problems.models import Problem as CurrentProblem
from tests.factories import UserFactory

BEFORE = [("problems", "0005_photos_private_storage")]
AFTER = [("problems", "0006_search_index")]


@pytest.mark.django_db(transaction=True)
def test_existing_problems_get_their_analysed_search_text(dongs):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Category = apps.get_model("problems", "Category")
    Problem = apps.get_model("problems", "Problem")
    category = Category.objects.create(name="안전", slug="safety-search-mig")
    problem = Problem.objects.create(
        author_id=UserFactory().pk,
        category=category,
        dong_id=dongs["노송동"].pk,
        title="미세먼지가 심해요",
        description="어린이 보호 구역 앞입니다.",
        search_text="미세먼지가 심해요 어린이 보호 구역 앞입니다.",
    )
    tag = Tag.objects.create(name="통학로", slug="통학로")
    content_type = ContentType.objects.get_for_model(CurrentProblem)
    TaggedItem.objects.create(tag=tag, content_type=content_type, object_id=problem.pk)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    tokens = set(CurrentProblem.objects.get(pk=problem.pk).search_text.split())
    assert {"미세먼지", "어린이보호구역", "통학로", "노송동"} <= tokens

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
