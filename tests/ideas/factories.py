"""Factories for rounds, problems to link and ideas. Dates are relative to today (Seoul)."""

import datetime as dt

import factory
from django.utils import timezone
from wagtail.models import Page, Site

from cms.models import HomePage, RoundIndexPage, RoundPage
from geo.models import Dong
from soslab.ideas.models import Idea
from soslab.ideas.phases import PHASE_FIELDS, Phase
from soslab.moderation.models import ModerationState
from soslab.problems.models import Category, Problem
from tests.factories import UserFactory

PHASE_ORDER = [phase for phase, _field in PHASE_FIELDS]


def phase_dates(phase, today=None):
    """Start dates making `phase` the current one: it began yesterday, phases are 10 days apart."""
    today = today or timezone.localdate()
    current = -1 if phase == Phase.UPCOMING else PHASE_ORDER.index(phase)
    return {
        field: today + dt.timedelta(days=10 * (index - current) - 1)
        for index, (_phase, field) in enumerate(PHASE_FIELDS)
    }


def round_index():
    index = RoundIndexPage.objects.first()
    if index:
        return index
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="SOS랩 전주", slug="ideas-test-home")
        root.add_child(instance=home)
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
    index = RoundIndexPage(title="SOS랩 라운드", slug="rounds")
    home.add_child(instance=index)
    return index


_round_counter = iter(range(1, 10_000))


def make_round(phase=Phase.VOTING, **fields):
    """A live RoundPage under the round index with `phase` current."""
    number = next(_round_counter)
    values = {"title": f"2026 SOS랩 {number}차 라운드", "slug": f"round-{number}"}
    values.update(phase_dates(phase))
    values.update(fields)
    page = RoundPage(**values)
    round_index().add_child(instance=page)
    return RoundPage.objects.get(pk=page.pk)


def make_dong():
    dong, _created = Dong.objects.get_or_create(
        code="4511159000",
        defaults={
            "code_2024": "5211159000",
            "kostat_code": "35011590",
            "name": "효자1동",
            "gu": "완산구",
            "area_km2": 1.0,
            "rep_lon": 127.12,
            "rep_lat": 35.81,
        },
    )
    return dong


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = "교통"
    name_en = "Traffic"
    slug = "traffic"


class ProblemFactory(factory.django.DjangoModelFactory):
    """A public problem inside Jeonju (a point in 효자동)."""

    class Meta:
        model = Problem

    title = factory.Sequence(lambda n: f"효자동 횡단보도 신호가 너무 짧아요 {n}")
    description = "어르신들이 건너기 전에 신호가 바뀝니다. 신호 시간을 늘려 주세요."
    category = factory.SubFactory(CategoryFactory)
    author = factory.SubFactory(UserFactory)
    lat = 35.8107
    lon = 127.1205
    dong = factory.LazyFunction(make_dong)
    moderation_state = ModerationState.PUBLISHED


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea
        skip_postgeneration_save = True

    round = factory.LazyFunction(make_round)
    title = factory.Sequence(lambda n: f"스마트 횡단보도 신호 연장 {n}")
    summary = "보행자가 남아 있으면 신호를 자동으로 연장합니다."
    description = "카메라 대신 압력 센서로 보행자를 감지해 신호를 연장하는 장치를 만듭니다."
    category = factory.SubFactory(CategoryFactory)
    author = factory.SubFactory(UserFactory)
    moderation_state = ModerationState.PUBLISHED

    @factory.post_generation
    def problems(self, create, extracted, **kwargs):
        if not create:
            return
        self.problems.set(extracted if extracted is not None else [ProblemFactory()])
