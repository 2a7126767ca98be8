"""The data migration fills the published point of problems that existed before it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from soslab.accounts.models import AgeBand
from tests.factories import UserFactory

BEFORE = [("problems", "0003_public_status_index")]
AFTER = [("problems", "0004_problem_public_point")]


@pytest.mark.django_db(transaction=True)
def test_existing_problems_get_their_published_point():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Category = apps.get_model("problems", "Category")
    Problem = apps.get_model("problems", "Problem")
    category = Category.objects.create(name="안전", slug="safety-mig")
    # Users with the current model: accounts is fully migrated, only problems is rolled back.
    teen = UserFactory(age_band=AgeBand.TEEN)
    adult = UserFactory(age_band=AgeBand.ADULT)
    common = {"category": category, "title": "제목입니다", "description": "설명입니다 설명입니다"}
    minors = Problem.objects.create(author_id=teen.pk, lat=35.82443, lon=127.14837, **common)
    adults = Problem.objects.create(author_id=adult.pk, lat=35.82443, lon=127.14837, **common)
    placeless = Problem.objects.create(author_id=teen.pk, lat=None, lon=None, **common)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    Problem = executor.loader.project_state(AFTER).apps.get_model("problems", "Problem")
    rows = {
        row.pk: (row.public_lat, row.public_lon, row.location_approximate)
        for row in Problem.objects.all()
    }
    assert rows[minors.pk] == (35.824, 127.148, True)
    assert rows[adults.pk] == (35.82443, 127.14837, False)
    assert rows[placeless.pk] == (None, None, False)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
