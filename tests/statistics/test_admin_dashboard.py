"""The staff dashboard on the Wagtail admin home: answers due and overdue, moderation waiting,
guardian consent missing, project pages in review and this week's new problems; each panel for
the people who may act on it, in a bounded number of queries whatever the number of rows."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.projects.dashboard import ProjectReviewPanel
from cms.projects.models import ProjectPage
from soslab.moderation.cases import case_open_for_pending
from soslab.moderation.models import ModerationState
from soslab.teams.services import membership_add
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory
from tests.teams.factories import ChildFactory, make_project, make_team

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
PANELS = ("answers-due", "problems-this-week", "consent-pending", "projects-in-review")


def _world(n=1, *, projects=True):
    now = timezone.now()
    traffic = CategoryFactory(name="교통", slug="traffic")
    for i in range(n):
        ProblemFactory(
            title=f"기한 지난 문제 {i}", category=traffic, answer_due_at=now - (3 + i) * DAY
        )
        ProblemFactory(
            title=f"기한 남은 문제 {i}", category=traffic, answer_due_at=now + (2 + i) * DAY
        )
        ProblemFactory(category=traffic, answer_due_at=now - DAY, answered_at=now)  # answered
        pending = ProblemFactory(
            title=f"검토 대기 문제 {i}", moderation_state=ModerationState.PENDING
        )
        case_open_for_pending(target=pending)
        leader = UserFactory()
        team = make_team(leader=leader)
        membership_add(team=team, user=ChildFactory())
        if projects:
            _in_review(team, leader, f"검토 중 프로젝트 {i}")
    return traffic


def _in_review(team, leader, title):
    project = make_project(team, live=False, title=title)
    project.get_workflow().start(project, leader)
    return project


def test_staff_see_every_panel_with_the_right_rows(client, staff):
    _world()
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    for panel in (*PANELS, "moderation-pending"):
        assert f'id="{panel}-section"' in html, panel
    assert "D+3" in html and "D-2" in html  # overdue and due, oldest due first
    assert html.index("기한 지난 문제 0") < html.index("기한 남은 문제 0")
    problem = ProblemFactory._meta.model.objects.get(title="기한 지난 문제 0")
    assert reverse("problem_admin:edit", args=[problem.pk]) in html
    assert "검토 대기 문제 0" in html and reverse("moderation_admin:queue") in html
    assert reverse("teams_admin:consent") in html
    assert "검토 중 프로젝트 0" in html
    assert "/admin/pages/" in html


def test_a_moderator_sees_only_moderation(client, moderator):
    _world()
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert 'id="moderation-pending-section"' in html
    for panel in PANELS:
        assert f'id="{panel}-section"' not in html, panel
    assert "기한 지난 문제" not in html


def test_a_citizen_editor_sees_no_staff_panel(client):
    member = UserFactory()
    team = make_team(leader=member)
    make_project(team)
    client.force_login(member)
    html = client.get("/admin/").content.decode()
    for panel in (*PANELS, "moderation-pending"):
        assert f'id="{panel}-section"' not in html


def test_admin_home_query_count_does_not_grow_with_rows(
    client, staff, django_assert_max_num_queries
):
    """Answers due, moderation cases, consents and new problems: 1 row each, then 13 each.
    (Wagtail's own "Awaiting your review" panel costs a query per page in review, so the pages in
    review stay at one here; our project panel is measured on its own below.)"""
    _world(1)
    client.force_login(staff)
    client.get("/admin/")  # warm per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    _world(12, projects=False)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/admin/").content.decode()
    assert html.count("기한 지난 문제") == 10  # 10 rows and a "more" link
    assert "답변을 기다리는 모든 문제" in html


def test_project_review_panel_queries_do_not_grow(staff, django_assert_max_num_queries):
    leader = UserFactory()
    team = make_team(leader=leader)
    _in_review(team, leader, "검토 중 프로젝트 A")
    panel = ProjectReviewPanel()
    ContentType.objects.get_for_model(ProjectPage)  # cached per process
    with CaptureQueriesContext(connection) as few:
        assert len(panel.get_context_data({})["rows"]) == 1
    for i in range(12):
        _in_review(team, leader, f"검토 중 프로젝트 {i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        context = panel.get_context_data({})
    assert len(context["rows"]) == 10 and context["more"]
    assert context["rows"][0].project.title == "검토 중 프로젝트 A"  # oldest first
