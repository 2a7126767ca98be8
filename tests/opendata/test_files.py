"""The open-data downloads served from files rebuilt in the background (soslab.opendata.files):
rebuilt after a new public problem and after a hide, never serving a hidden problem, minors'
points rounded, validators and 304, atomic replace, one debounced rebuild for a burst."""

import csv
import io
import json

import pytest
from django.http import FileResponse, StreamingHttpResponse

from soslab.accounts.models import AgeBand
from soslab.moderation.models import ModerationState
from soslab.opendata import files, tasks
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory


@pytest.fixture
def opendata_files(settings, tmp_path):
    settings.SOSLAB_OPENDATA_FILES = True
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT / "opendata"


def _body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def _csv_ids(response):
    return {int(row["id"]) for row in csv.DictReader(io.StringIO(_body(response)))}


def _geojson(response):
    return json.loads(_body(response))


@pytest.mark.django_db
def test_the_file_is_built_after_a_new_public_problem_and_served(
    client, opendata_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = ProblemFactory()
    response = client.get("/open-data/problems.csv")
    assert isinstance(response, FileResponse)
    assert response["ETag"] and response["Last-Modified"]
    assert _csv_ids(response) == {first.pk}
    with django_capture_on_commit_callbacks(execute=True):
        second = ProblemFactory()
    assert _csv_ids(client.get("/open-data/problems.csv")) == {first.pk, second.pk}
    features = _geojson(client.get("/open-data/problems.geojson"))["features"]
    assert {f["properties"]["id"] for f in features} == {first.pk, second.pk}
    assert not [p.name for p in opendata_files.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.django_db
def test_a_hidden_problem_is_never_served_from_an_old_file(
    client, opendata_files, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        kept, hidden = ProblemFactory(), ProblemFactory()
    assert _csv_ids(client.get("/open-data/problems.csv")) == {kept.pk, hidden.pk}
    # The rebuild is queued but has not run yet (a broker, the debounce window): stream.
    monkeypatch.setattr(files, "enqueue", lambda *args, **kwargs: None)
    with django_capture_on_commit_callbacks(execute=True):
        hidden.moderation_state = ModerationState.HIDDEN
        hidden.save()
    response = client.get("/open-data/problems.csv")
    assert isinstance(response, StreamingHttpResponse) and not response.has_header("ETag")
    assert _csv_ids(response) == {kept.pk}
    # The rebuild ran: served from the file again, still without the hidden problem.
    tasks.build_files()
    response = client.get("/open-data/problems.geojson")
    assert isinstance(response, FileResponse)
    assert {f["properties"]["id"] for f in _geojson(response)["features"]} == {kept.pk}


@pytest.mark.django_db
def test_minors_points_in_the_file_follow_the_privacy_rule(client, opendata_files):
    teen = ProblemFactory(
        author=UserFactory(age_band=AgeBand.UNDER_14), lat=35.824249, lon=127.148067
    )
    files.files_build()
    response = client.get("/open-data/problems.geojson")
    assert isinstance(response, FileResponse)
    (feature,) = _geojson(response)["features"]
    assert feature["properties"]["id"] == teen.pk
    assert feature["geometry"]["coordinates"] == [127.148, 35.824]
    assert feature["properties"]["location_precision"] == "approx_100m"
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/open-data/problems.csv")))))
    assert (rows[0]["lat"], rows[0]["lon"]) == ("35.824", "127.148")


@pytest.mark.django_db
def test_etag_and_last_modified_answer_304(client, opendata_files, django_assert_num_queries):
    ProblemFactory()
    files.files_build()
    for path in ("/open-data/problems.csv", "/open-data/problems.geojson"):
        first = client.get(path)
        assert first.status_code == 200
        with django_assert_num_queries(0):
            again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again["ETag"] == first["ETag"]
        since = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304
        other = client.get(path, HTTP_IF_NONE_MATCH='"something-else"')
        assert other.status_code == 200
        b"".join(other.streaming_content)


@pytest.mark.django_db
def test_a_burst_of_changes_queues_one_debounced_rebuild(opendata_files, monkeypatch, settings):
    settings.SOSLAB_OPENDATA_DEBOUNCE_SECONDS = 60
    queued = []
    monkeypatch.setattr(files, "enqueue", lambda task, **kwargs: queued.append((task, kwargs)))
    monkeypatch.setattr(files, "_eager", lambda: False)  # a broker: the countdown holds
    from django.core.cache import cache

    cache.delete(files.SCHEDULED_KEY)
    assert [files.files_schedule() for _ in range(3)] == [True, False, False]
    assert queued == [(files.TASK, {"countdown": 60})]
    assert files.fresh_path("csv") is None  # stale at once, before the rebuild runs
    tasks.build_files()  # the rebuild clears the key first: the next change queues again
    assert files.fresh_path("csv") is not None
    assert files.files_schedule() is True
    assert len(queued) == 2
    cache.delete(files.SCHEDULED_KEY)
