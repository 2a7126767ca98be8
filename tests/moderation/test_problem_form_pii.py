"""The personal-data warning on the real problem form: warn first (keep everything typed), and
if the author publishes anyway, publish and flag the problem for moderator review."""

import pytest

from soslab.moderation.models import ModerationCase, Report
from soslab.problems.models import Problem
from tests.problems.factories import CITY_HALL, CategoryFactory

pytestmark = pytest.mark.django_db

NEW = "/problems/new/"


def _data(category, **overrides):
    data = {
        "title": "효자동 공원 가로등 고장",
        "category": category.pk,
        "description": "밤에 너무 어둡습니다. 관리인 연락처 010-1234-5678 로 전화해도 안 받아요.",
        "lat": CITY_HALL[0],
        "lon": CITY_HALL[1],
        "dong": "",
        "location_text": "",
        "tags": "",
        "website": "",
        "confirmed": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def category(dongs):
    return CategoryFactory(slug="safety", name="안전")


def test_first_submit_warns_and_keeps_the_text(client, citizen, category):
    client.force_login(citizen)
    response = client.post(NEW, _data(category))
    assert response.status_code == 400
    body = response.content.decode()
    assert "010-1234-5678" in body  # named in the warning and kept in the textarea
    assert "휴대전화 번호" in body
    assert 'name="publish_with_personal_data"' in body and 'type="checkbox"' in body
    assert not Problem.objects.exists()


def test_publishing_anyway_publishes_and_flags_for_review(client, citizen, category, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    client.force_login(citizen)
    response = client.post(NEW, _data(category, publish_with_personal_data="on"))
    assert response.status_code == 302
    problem = Problem.objects.get()
    case = ModerationCase.objects.for_object(problem).get()
    assert case.flagged_by_system and case.status == "open"
    assert Report.objects.get(case=case).is_system


def test_clean_text_is_not_flagged(client, citizen, category, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    client.force_login(citizen)
    response = client.post(
        NEW, _data(category, description="2026-11-20부터 간선 1000번 정류장 가로등이 꺼져 있어요.")
    )
    assert response.status_code == 302
    assert not ModerationCase.objects.exists()
