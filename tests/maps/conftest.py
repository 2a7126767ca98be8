import pytest

from geo.models import Hotspot
from soslab.maps.services import hotspots_recompute
from tests.problems.factories import CategoryFactory, ProblemFactory


@pytest.fixture
def problems(dongs):
    category = CategoryFactory(slug="traffic", name="교통", colour="#b91c1c")
    return [ProblemFactory(category=category, dong=dongs["중앙동"]) for _ in range(3)]


@pytest.fixture
def hotspot(problems):
    for _ in range(3):
        ProblemFactory(category=problems[0].category, dong=problems[0].dong)
    assert hotspots_recompute() == 1
    return Hotspot.objects.get()
