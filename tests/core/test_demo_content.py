"""The demo looks like a platform in use: photos on most problems through the image pipeline,
drawn pictures on every project and round, hotspots on the map and event statistics that are not zero.
These test the demo loader itself; no other test depends on demo content."""

import io

import pytest
from django.core.management import call_command

from soslab.problems.demo.photos import photos_ensure
from soslab.problems.models import ProblemPhoto
from tests.problems.factories import ProblemFactory


@pytest.mark.django_db
def test_photos_go_to_most_problems_through_the_pipeline_once():
    problems = [ProblemFactory(title=f"객사길 쓰레기통 {n}") for n in range(10)]
    assert photos_ensure([p.title for p in problems]) == 8  # every fifth keeps none
    assert photos_ensure([p.title for p in problems]) == 0  # idempotent
    photo = ProblemPhoto.objects.select_related("problem").first()
    assert photo.alt_text.startswith("데모 그림") and photo.thumbnail.name.endswith("_thumb.jpg")
    assert (photo.width, photo.height) == (960, 720)
    assert not ProblemPhoto.objects.filter(problem__in=[problems[4], problems[9]]).exists()


@pytest.mark.django_db
def test_the_demo_has_pictures_hotspots_and_event_numbers(settings):
    from cms.models import ProjectPage, ResultsEventPage, RoundPage
    from geo.models import Hotspot
    from soslab.problems.models import Problem

    settings.SOSLAB_DEMO_ACCOUNTS = True
    call_command("load_demo_data", stdout=io.StringIO())

    with_photo = Problem.objects.filter(photos__isnull=False).distinct().count()
    assert with_photo >= 0.75 * Problem.objects.count()
    for page in [*ProjectPage.objects.all(), *RoundPage.objects.all()]:
        assert "demo-illustration" in page.cover_image.file.name
    hotspots = list(Hotspot.objects.all())
    assert len(hotspots) >= 2
    assert all(hotspot.report_count >= 5 for hotspot in hotspots)
    event = ResultsEventPage.objects.get(slug="2026-spring-results")
    assert all(value > 0 for value in event.statistics().values()), event.statistics()
    assert event.live_vote().total_votes > 0
