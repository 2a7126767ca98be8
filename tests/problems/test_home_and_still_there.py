"""The home page section hook and the author's "is it still there?" answer over HTTP."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from soslab.moderation.models import ModerationState
from soslab.problems.models import TimelineKind
from soslab.problems.wagtail_hooks import latest_problems_section

from .factories import ProblemFactory

pytestmark = pytest.mark.django_db


def test_home_section_lists_latest_public_problems(django_assert_max_num_queries):
    newest = ProblemFactory(title="가장 최근 문제입니다")
    ProblemFactory(title="숨겨진 문제입니다", moderation_state=ModerationState.HIDDEN)
    request = RequestFactory().get("/")
    with django_assert_max_num_queries(4):
        section = latest_problems_section(request)
    assert section["template"] == "problems/home_section.html"
    assert [p.pk for p in section["problems"]][0] == newest.pk
    assert all(p.is_public for p in section["problems"])


def test_still_there_form_only_for_asked_author(client, citizen):
    problem = ProblemFactory(author=citizen, still_there_asked_at=timezone.now())
    url = problem.get_absolute_url()
    assert "still-there" not in client.get(url).content.decode()
    client.force_login(citizen)
    assert reverse("problems:still_there", args=[problem.pk]) in client.get(url).content.decode()
    response = client.post(
        reverse("problems:still_there", args=[problem.pk]),
        {"still_there": "yes", "note": "아직도 그대로예요"},
    )
    assert response.status_code == 302
    assert problem.timeline.filter(kind=TimelineKind.STILL_THERE, note="아직도 그대로예요").exists()
    assert "아직도 그대로예요" in client.get(url).content.decode()


def test_someone_else_cannot_answer_still_there(client, citizen):
    problem = ProblemFactory(still_there_asked_at=timezone.now())
    client.force_login(citizen)
    client.post(reverse("problems:still_there", args=[problem.pk]), {"still_there": "no"})
    assert not problem.timeline.filter(kind=TimelineKind.FIXED).exists()
