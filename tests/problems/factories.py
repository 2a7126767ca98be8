"""Factories for problem threads. Problems are created directly (not through problem_create) so
tests can set any state; service tests call the services themselves."""

import factory

from soslab.core.search import index_text
from soslab.problems.models import Category, OfficialAnswer, Problem, Support
from tests.factories import UserFactory

# 전주시청 (Jeonju City Hall), inside 완산구 노송동.
CITY_HALL = (35.8242, 127.1480)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"분류{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    colour = "#1d4ed8"


class ProblemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Problem
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"우리 동네 문제 {n}")
    description = factory.Sequence(lambda n: f"이 문제를 해결해 주세요. 설명 {n}번입니다.")
    original_title = factory.SelfAttribute("title")
    original_description = factory.SelfAttribute("description")
    category = factory.SubFactory(CategoryFactory)
    author = factory.SubFactory(UserFactory)
    lat = CITY_HALL[0]
    lon = CITY_HALL[1]
    search_text = factory.LazyAttribute(lambda o: index_text(o.title, o.description))


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    problem = factory.SubFactory(ProblemFactory)
    user = factory.SubFactory(UserFactory)


class OfficialAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialAnswer

    problem = factory.SubFactory(ProblemFactory)
    author = factory.SubFactory("tests.factories.StaffFactory")
    body = "담당 부서에 전달했습니다."
