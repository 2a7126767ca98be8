"""Private media by default (soslab.core.media): a photo is reachable by URL only while its
problem is public; otherwise only its author and moderators get it, through the protected view."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from soslab.core.media import private_storage, public_storage
from soslab.moderation import services as moderation
from soslab.moderation.models import ModerationState
from soslab.problems.models import Problem
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory
from tests.problems.test_images import jpeg_with_gps

NEW = "/problems/new/"


@pytest.fixture
def report(client, citizen, dongs, django_capture_on_commit_callbacks):
    """A citizen's first report with one photo, through the real form: pending moderation."""
    category = CategoryFactory(slug="traffic")
    client.force_login(citizen)
    photo = SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg")
    data = {
        "title": "전북대 정문 앞 횡단보도",
        "category": category.pk,
        "description": "신호가 너무 짧아서 학생들이 뛰어서 건넙니다.",
        "lat": 35.8242,
        "lon": 127.1480,
        "dong": "",
        "location_text": "",
        "tags": "",
        "website": "",
        "confirmed": "1",
        "photos": [photo],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW, data)
    assert response.status_code == 302
    client.logout()
    problem = Problem.objects.get()
    assert problem.moderation_state == ModerationState.PENDING
    return problem, problem.photos.get()


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _private_bytes(name):
    with private_storage().open(name, "rb") as stored:
        return stored.read()


def test_a_pending_photo_is_stored_privately_and_not_published(report):
    _problem, photo = report
    for name in (photo.image.name, photo.thumbnail.name):
        assert private_storage().exists(name)
        assert not public_storage().exists(name)
    assert "/drafts/" not in photo.image.name  # moved out of the form's drafts on create
    assert not photo.image_url.startswith("/media/")


def test_anonymous_gets_404_for_a_pending_photo(client, report):
    _problem, photo = report
    assert client.get(photo.image_url).status_code == 404
    assert client.get(photo.thumbnail_url).status_code == 404


def test_another_citizen_gets_404_for_a_pending_photo(client, report):
    _problem, photo = report
    client.force_login(UserFactory())
    assert client.get(photo.image_url).status_code == 404


@pytest.mark.parametrize("who", ["author", "moderator"])
def test_author_and_moderator_get_a_pending_photo_through_the_protected_view(
    client, report, moderator, who
):
    problem, photo = report
    client.force_login(problem.author if who == "author" else moderator)
    response = client.get(photo.image_url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert _body(response) == _private_bytes(photo.image.name)


def test_approval_publishes_hiding_withdraws_restoring_republishes(
    client, report, moderator, django_capture_on_commit_callbacks
):
    problem, photo = report
    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_approve(moderator=moderator, target=problem)
    photo.refresh_from_db()
    assert public_storage().exists(photo.image.name)
    assert public_storage().exists(photo.thumbnail.name)
    assert photo.image_url == "/media/public/" + photo.image.name

    problem.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_hide(moderator=moderator, target=problem, reason_text="개인정보")
    photo = problem.photos.get()
    assert not public_storage().exists(photo.image.name)
    assert not public_storage().exists(photo.thumbnail.name)
    assert client.get(photo.image_url).status_code == 404  # anonymous, protected view

    problem.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_restore(moderator=moderator, target=problem)
    assert public_storage().exists(photo.image.name)


def test_deleting_the_problem_removes_both_copies(
    report, moderator, django_capture_on_commit_callbacks
):
    problem, photo = report
    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_approve(moderator=moderator, target=problem)
    names = [photo.image.name, photo.thumbnail.name]
    assert all(public_storage().exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        Problem.objects.get(pk=problem.pk).delete()
    for name in names:
        assert not public_storage().exists(name)
        assert not private_storage().exists(name)


def test_syncing_is_idempotent(report, moderator, django_capture_on_commit_callbacks):
    from soslab.core import media

    problem, photo = report
    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_approve(moderator=moderator, target=problem)
    kind = media.kind_named("problem-photo")
    problem.refresh_from_db()
    media.sync_owner(kind, problem)
    media.sync_owner(kind, problem)
    folder, image_file = public_storage().path(photo.image.name).rsplit("/", 1)
    stem = image_file.split(".")[0]
    copies = [name for name in os.listdir(folder) if name.startswith(stem)]
    assert sorted(copies) == sorted(
        name.rsplit("/", 1)[1] for name in (photo.image.name, photo.thumbnail.name)
    )  # one copy each, no renamed duplicates


@pytest.mark.django_db
def test_unknown_kind_field_or_row_is_404(client):
    problem = ProblemFactory()
    assert client.get(f"/files/nope/{problem.pk}/image/").status_code == 404
    assert client.get("/files/problem-photo/999999/image/").status_code == 404


@pytest.mark.django_db
def test_a_field_that_is_not_a_file_is_404(client, report):
    _problem, photo = report
    assert client.get(f"/files/problem-photo/{photo.pk}/problem/").status_code == 404


def test_development_media_server_never_serves_private_files(rf, report, settings):
    from django.http import Http404

    from soslab.core.views import dev_media

    _problem, photo = report
    for path in (f"private/{photo.image.name}", f"public/../private/{photo.image.name}"):
        with pytest.raises(Http404):
            dev_media(rf.get("/media/" + path), path)


def test_production_hands_the_file_to_nginx_internal_location(client, report, settings):
    from django_sendfile.utils import _get_sendfile

    problem, photo = report
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    _get_sendfile.cache_clear()
    try:
        client.force_login(problem.author)
        response = client.get(photo.image_url)
    finally:
        _get_sendfile.cache_clear()
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_protected/private/" + photo.image.name
    assert response.content == b""  # nginx sends the bytes, not Django


def test_development_media_server_serves_public_copies(
    rf, report, moderator, django_capture_on_commit_callbacks
):
    from soslab.core.views import dev_media

    problem, photo = report
    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_approve(moderator=moderator, target=problem)
    path = photo.image_url.removeprefix("/media/")
    response = dev_media(rf.get(photo.image_url), path)
    assert response.status_code == 200
    assert _body(response) == _private_bytes(photo.image.name)
