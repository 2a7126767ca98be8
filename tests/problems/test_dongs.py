"""Every dong's representative point (from the shipped code list) is assigned that dong."""

import pytest

from soslab.problems import services
from tests.problems.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def test_each_dong_representative_point_gets_that_dong(dongs, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    from tests.factories import UserFactory

    category = CategoryFactory()
    assert len(dongs) == 35
    for dong in dongs.values():
        problem = services.problem_create(
            author=UserFactory(),
            title=f"{dong.name} 문제 제보",
            description=f"{dong.name} 대표 지점에서 올린 문제입니다.",
            category=category,
            lat=dong.rep_lat,
            lon=dong.rep_lon,
        )
        assert problem.dong_id == dong.pk, dong.name
