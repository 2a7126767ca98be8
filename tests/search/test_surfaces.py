"""Search on every surface: the idea list's `q`, filtered open-data downloads, and list pages
whose query count does not grow with the number of matches."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from soslab.ideas.services import idea_search_text_refresh
from soslab.moderation.models import ModerationState
from tests.ideas.factories import IdeaFactory, make_round
from tests.problems.factories import CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db


def _body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def _csv_titles(response):
    return {row["title"] for row in csv.DictReader(io.StringIO(_body(response)))}


def test_the_idea_list_searches_with_q(client):
    page = make_round()
    problem = ProblemFactory()
    shade = IdeaFactory(round=page, problems=[problem], title="정류장 그늘막 만들기")
    bench = IdeaFactory(round=page, problems=[problem], title="공원 벤치 고치기")
    bench.tags.set(["미세먼지"])
    idea_search_text_refresh(idea=bench)
    hidden = IdeaFactory(
        round=page,
        problems=[problem],
        title="숨겨진 그늘막 아이디어",
        moderation_state=ModerationState.HIDDEN,
    )

    def listed(q):
        response = client.get(f"{page.url}ideas/", {"q": q})
        assert response.status_code == 200
        return {idea.pk for idea in response.context["ideas"]}

    assert listed("그늘막이") == {shade.pk}  # particles do not matter; hidden never
    assert listed("미세 먼지") == {bench.pk}  # the tags are searched too
    assert hidden.pk not in listed("숨겨진")
    assert listed("") == {shade.pk, bench.pk}


def test_the_idea_list_shows_the_search_field(client):
    page = make_round()
    html = client.get(f"{page.url}ideas/").content.decode()
    assert 'name="q"' in html


def test_an_idea_edit_in_the_admin_keeps_its_search_text():
    idea = IdeaFactory(title="스마트 그늘막 만들기")
    idea.title = "스마트 가로등 만들기"
    idea.save(update_fields=["title"])
    tokens = idea.__class__.objects.get(pk=idea.pk).search_text.split()
    assert "가로등" in tokens and "그늘막" not in tokens


@pytest.fixture
def downloads(settings, tmp_path, dongs):
    settings.SOSLAB_OPENDATA_FILES = True
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    traffic = CategoryFactory(slug="traffic")
    made = {
        "crosswalk": ProblemFactory(title="횡단보도 신호가 짧아요", category=traffic),
        "dust": ProblemFactory(title="공단 미세먼지가 심해요"),
        "hidden": ProblemFactory(
            title="숨김 횡단보도 문제", moderation_state=ModerationState.HIDDEN
        ),
    }
    from soslab.opendata import files

    files.files_build()
    return made


def test_unfiltered_downloads_serve_the_prebuilt_file(client, downloads):
    assert isinstance(client.get("/open-data/problems.csv"), FileResponse)
    assert isinstance(client.get("/open-data/problems.geojson?sort=supported"), FileResponse)


def test_filtered_downloads_stream_the_filtered_rows(client, downloads):
    response = client.get("/open-data/problems.csv", {"q": "횡단보도에서"})
    assert isinstance(response, StreamingHttpResponse)
    assert _csv_titles(response) == {"횡단보도 신호가 짧아요"}
    response = client.get("/open-data/problems.geojson", {"q": "미세 먼지"})
    features = json.loads(_body(response))["features"]
    assert [f["properties"]["title"] for f in features] == ["공단 미세먼지가 심해요"]
    response = client.get("/open-data/problems.csv", {"category": "traffic"})
    assert _csv_titles(response) == {"횡단보도 신호가 짧아요"}


def test_filtered_downloads_never_include_hidden_problems(client, downloads):
    assert _csv_titles(client.get("/open-data/problems.csv", {"q": "숨김"})) == set()


def test_bad_filter_values_in_a_download_are_ignored_not_an_error(client, downloads):
    response = client.get("/open-data/problems.csv", {"status": "nonsense", "q": "x" * 500})
    assert response.status_code == 200


def test_the_list_with_q_costs_the_same_queries_for_few_and_many_matches(client, dongs):
    category = CategoryFactory(slug="traffic")
    for n in range(2):
        ProblemFactory(title=f"횡단보도 신호 {n}번", category=category)
    client.get("/problems/?q=횡단보도")  # warm caches (content types)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        assert client.get("/problems/?q=횡단보도").status_code == 200
    for n in range(30):
        ProblemFactory(title=f"횡단보도 대기 {n}번", category=category)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/problems/?q=횡단보도")
    assert len(response.context["problems"]) == 20
    assert len(many) == len(few)


def test_duplicate_suggestions_match_title_words_through_particles(dongs):
    from soslab.problems.similar import similar_problems
    from tests.problems.factories import CITY_HALL

    near = ProblemFactory(title="시청 뒤 가로등이 꺼졌어요", lat=CITY_HALL[0], lon=CITY_HALL[1])
    ProblemFactory(title="시청 앞 벤치가 부서졌어요", lat=CITY_HALL[0], lon=CITY_HALL[1])
    found = similar_problems(lat=CITY_HALL[0], lon=CITY_HALL[1], title="가로등 고장 신고")
    assert [p.pk for p in found] == [near.pk]
