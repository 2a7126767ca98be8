"""Real objects for the URLconf-driven security suite: a World builds, on first use, only what a
route's path arguments and POST body need (factories, services; no demo content)."""

import datetime as dt
from functools import cached_property

import pytest
from django.urls import reverse
from django.utils import timezone

from geo.models import Hotspot
from soslab.comments.services import comment_create
from soslab.ideas.phases import Phase
from soslab.moderation.services import content_hide
from soslab.notifications.models import Notification
from soslab.teams.joining import invitation_create, join_request_create
from soslab.teams.live_vote import live_vote_open
from tests.factories import ModeratorFactory, StaffFactory, UserFactory
from tests.ideas.factories import IdeaFactory, make_round
from tests.problems.factories import CITY_HALL, CategoryFactory, ProblemFactory
from tests.teams.factories import make_event, make_project, make_team

from .routes import ROUTES


class World:
    """The owner owns everything; the actor is another verified citizen; blocked is blocked."""

    @cached_property
    def owner(self):
        return UserFactory()

    @cached_property
    def actor(self):
        return UserFactory()

    @cached_property
    def blocked(self):
        user = UserFactory()
        user.blocked_until = timezone.now() + dt.timedelta(days=7)
        user.save(update_fields=["blocked_until"])
        return user

    @cached_property
    def moderator(self):
        return ModeratorFactory()

    @cached_property
    def staff(self):
        return StaffFactory()

    @cached_property
    def category(self):
        return CategoryFactory()

    @cached_property
    def problem(self):
        return ProblemFactory(author=self.owner, category=self.category)

    def problem_data(self):
        return {
            "title": "전북대 정문 앞 횡단보도",
            "category": self.category.pk,
            "description": "신호가 너무 짧아서 학생들이 뛰어서 건넙니다.",
            "lat": CITY_HALL[0],
            "lon": CITY_HALL[1],
            "dong": "",
            "location_text": "",
            "tags": "",
            "website": "",
        }

    @cached_property
    def comment(self):
        return comment_create(author=self.owner, target=self.problem, body="처음 쓴 댓글입니다.")

    @cached_property
    def notification(self):
        return Notification.objects.create(recipient=self.owner, message="알림")

    @cached_property
    def decision(self):
        content_hide(moderator=self.moderator, target=self.problem, reason_text="개인정보")
        from soslab.moderation.models import Decision

        return Decision.objects.latest("pk")

    @cached_property
    def team(self):
        return make_team(leader=self.owner)

    @cached_property
    def join_request(self):
        return join_request_create(team=self.team, user=UserFactory(), message="함께 해요")

    @cached_property
    def invitation(self):
        return invitation_create(team=self.team, created_by=self.owner).invitation

    @cached_property
    def hotspot(self):
        return Hotspot.objects.create(
            lat=CITY_HALL[0],
            lon=CITY_HALL[1],
            area={"type": "Point", "coordinates": [CITY_HALL[1], CITY_HALL[0]]},
            report_count=5,
            problem_ids=[self.problem.pk],
            computed_at=timezone.now(),
        )

    @cached_property
    def voting_round(self):
        return make_round(Phase.VOTING)

    @cached_property
    def ideas_round(self):
        return make_round(Phase.IDEAS)

    @cached_property
    def idea(self):
        return IdeaFactory(round=self.voting_round, author=self.owner, problems=[self.problem])

    def idea_data(self):
        return {
            "title": "어르신 보행 신호 자동 연장",
            "summary": "횡단보도에 사람이 남아 있으면 신호를 몇 초 늘립니다.",
            "description": "압력 센서로 보행자를 감지합니다.",
            "problems": [self.problem.pk],
            "tags": "",
        }

    @cached_property
    def event(self):
        team = make_team(leader=UserFactory())
        event = make_event(projects=[make_project(team)])
        live_vote_open(event=event, actor=self.staff)
        return event

    @cached_property
    def live_option(self):
        return self.event.live_vote_record.options.first()

    def document_args(self):
        from django.core.files.base import ContentFile
        from wagtail.documents.models import Document

        document = Document(title="회의록")
        document.file.save("minutes.txt", ContentFile(b"minutes"), save=True)
        return (document.pk, "minutes.txt")

    def page_for(self, key):
        if key.startswith("cms.ResultsEventPage:"):
            return self.event
        if key == "cms.RoundPage:idea_new":
            return self.ideas_round
        if key.startswith("cms.RoundPage:idea"):
            return self.idea.round.specific
        return self.voting_round

    def url(self, pattern, kwargs=None):
        """The URL of a walked pattern with real path arguments."""
        route = ROUTES.get(pattern.key)
        if kwargs is None:
            kwargs = route.args(self) if route and route.args else {}
        if pattern.route.startswith("<"):  # a routable page's route
            page = self.page_for(pattern.key)
            name = pattern.key.split(":", 1)[1]
            return page.url + page.reverse_subpage(name, kwargs=kwargs)
        if pattern.key == "wagtail_serve":
            return "/"
        if isinstance(kwargs, tuple):  # unnamed groups (Wagtail documents)
            return reverse(pattern.key, args=kwargs)
        return reverse(pattern.key, kwargs=kwargs)


@pytest.fixture
def world(db):
    return World()
