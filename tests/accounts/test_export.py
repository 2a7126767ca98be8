"""Data export (/accounts/export/): a ZIP of everything about me, built by a background task,
stored privately, downloadable by me alone, signed in, through a random expiring link."""

import datetime as dt
import io
import json
import re
import zipfile

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from soslab.accounts.models import DataExport
from soslab.accounts.services import data_export_build, data_export_request, data_exports_purge
from soslab.core.media import private_storage
from soslab.problems.models import ProblemPhoto
from soslab.problems.supports import support_add
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory


def _request(client, person, capture):
    client.force_login(person)
    with capture(execute=True):
        response = client.post("/accounts/export/")
    assert response.status_code == 200
    return re.search(r"/accounts/export/[^/\"]+/", mail.outbox[-1].body).group(0)


def _zip(response):
    body = b"".join(response.streaming_content)
    return zipfile.ZipFile(io.BytesIO(body))


@pytest.mark.django_db
def test_the_zip_holds_my_data_and_my_photos(client, django_capture_on_commit_callbacks):
    person = UserFactory(display_name="내보내기주민")
    problem = ProblemFactory(author=person, title="내 문제")
    name = private_storage().save("problems/export-test.jpg", ContentFile(b"jpeg-bytes"))
    ProblemPhoto.objects.bulk_create([ProblemPhoto(problem=problem, image=name, width=1, height=1)])
    support_add(problem=ProblemFactory(), user=person)
    link = _request(client, person, django_capture_on_commit_callbacks)
    response = client.get(link)
    assert response.status_code == 200
    archive = _zip(response)
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == person.email
    assert data["problems"][0]["title"] == "내 문제"
    assert len(data["supports"]) == 1
    assert archive.read(data["problems"][0]["photos"][0]) == b"jpeg-bytes"


@pytest.mark.django_db
def test_the_file_is_in_private_storage(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        export, _token = data_export_request(user=person)
    export.refresh_from_db()
    assert export.is_ready
    assert private_storage().exists(export.file.name)


@pytest.mark.django_db
def test_the_token_is_stored_hashed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export, token = data_export_request(user=UserFactory())
    assert token not in export.token_hash and len(export.token_hash) == 64


@pytest.mark.django_db
def test_another_person_gets_404(client, django_capture_on_commit_callbacks):
    link = _request(client, UserFactory(), django_capture_on_commit_callbacks)
    client.force_login(UserFactory())
    assert client.get(link).status_code == 404


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, django_capture_on_commit_callbacks):
    link = _request(client, UserFactory(), django_capture_on_commit_callbacks)
    client.logout()
    assert client.get(link).status_code == 302


@pytest.mark.django_db
def test_an_expired_link_is_404(client, django_capture_on_commit_callbacks):
    link = _request(client, UserFactory(), django_capture_on_commit_callbacks)
    DataExport.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(link).status_code == 404


@pytest.mark.django_db
def test_an_unknown_token_is_404(client):
    client.force_login(UserFactory())
    assert client.get("/accounts/export/not-a-token/").status_code == 404


@pytest.mark.django_db
def test_building_twice_changes_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export, token = data_export_request(user=UserFactory())
    export.refresh_from_db()
    name = export.file.name
    assert data_export_build(export_id=export.pk, token=token) is False
    export.refresh_from_db()
    assert export.file.name == name
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_expired_exports_are_purged_with_their_files(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export, _token = data_export_request(user=UserFactory())
    export.refresh_from_db()
    name = export.file.name
    assert data_exports_purge(now=export.expires_at + dt.timedelta(seconds=1)) == 1
    assert not DataExport.objects.exists()
    assert not private_storage().exists(name)
