"""Factories and builders for teams, project pages and results-sharing events."""

import datetime as dt

import factory
from django.utils import timezone
from wagtail.models import Page, Site

from cms.models import HomePage
from cms.projects.models import ProjectIndexPage, ProjectPage
from cms.results.models import ResultsEventPage, ResultsIndexPage, ShowcasedProject
from soslab.accounts.models import AgeBand
from soslab.teams.models import Team
from soslab.teams.services import membership_add, team_create
from tests.factories import UserFactory


class ChildFactory(UserFactory):
    """A 13-year-old maker (needs guardian consent)."""

    age_band = AgeBand.UNDER_14
    display_name = factory.Sequence(lambda n: f"메이커{n}")


class TeenFactory(UserFactory):
    age_band = AgeBand.TEEN
    display_name = factory.Sequence(lambda n: f"청소년{n}")


def home_page():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="SOS랩 전주", slug="teams-test-home")
        root.add_child(instance=home)
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
    return home


def project_index():
    index = ProjectIndexPage.objects.first()
    if index is None:
        index = ProjectIndexPage(title="프로젝트", slug="projects")
        home_page().add_child(instance=index)
    return index


def results_index():
    index = ResultsIndexPage.objects.first()
    if index is None:
        index = ResultsIndexPage(title="결과공유회", slug="results")
        home_page().add_child(instance=index)
    return index


_counter = iter(range(1, 100_000))


def make_team(leader=None, members=(), round=None, **fields):  # noqa: A002
    number = next(_counter)
    team = team_create(
        name=fields.pop("name", f"메이커팀 {number}"),
        slug=fields.pop("slug", f"team-{number}"),
        leader=leader or UserFactory(),
        round=round,
        description=fields.pop("description", "전주 골목 안전을 지키는 청소년 메이커 팀"),
    )
    for member in members:
        membership_add(team=team, user=member)
    return Team.objects.get(pk=team.pk)


def make_project(team, *, live=True, problems=(), **fields):
    number = next(_counter)
    page = ProjectPage(
        title=fields.pop("title", f"스마트 횡단보도 {number}"),
        slug=fields.pop("slug", f"project-{number}"),
        summary=fields.pop(
            "summary", "어린이 보호구역 횡단보도에 보행자 감지 알림등을 설치합니다."
        ),
        team=team,
        live=live,
        **fields,
    )
    project_index().add_child(instance=page)
    if problems:
        page.problems.set(problems)
        page.save()
    revision = page.save_revision()
    if live:
        revision.publish()
    return ProjectPage.objects.get(pk=page.pk)


def make_event(projects=(), round=None, days_ago=1, **fields):  # noqa: A002
    number = next(_counter)
    page = ResultsEventPage(
        title=fields.pop("title", f"{number}차 결과공유회"),
        slug=fields.pop("slug", f"event-{number}"),
        starts_at=timezone.now() - dt.timedelta(days=days_ago),
        venue_name="전주정보문화산업진흥원 1층 다목적홀",
        round=round,
        **fields,
    )
    results_index().add_child(instance=page)
    for position, project in enumerate(projects):
        ShowcasedProject.objects.create(page=page, project=project, sort_order=position)
    page.save_revision().publish()
    return ResultsEventPage.objects.get(pk=page.pk)
