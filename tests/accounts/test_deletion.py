"""Account deletion (/accounts/delete/ and the staff view): personal data erased at once,
contributions deleted or kept as "Former member", supports and votes still counted."""

import os
import pickle

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models import Q
from wagtail.log_actions import log

from soslab.accounts.models import AgeBand
from soslab.accounts.services import account_delete, data_export_request
from soslab.comments.models import Comment
from soslab.comments.services import comment_create
from soslab.core.media import private_storage, public_storage
from soslab.ideas.models import Ballot, Idea
from soslab.ideas.services import vote_cast
from soslab.moderation.models import ReportReason
from soslab.moderation.reports import report_create
from soslab.notifications.models import Follow, Notification
from soslab.notifications.services import follow_add, notify
from soslab.problems.models import Problem
from soslab.problems.supports import support_add
from soslab.teams.joining import join_request_create
from soslab.teams.models import JoinRequest, Membership
from soslab.teams.services import guardian_consent_record
from tests.factories import StaffFactory, UserFactory
from tests.ideas.factories import IdeaFactory
from tests.problems.factories import CategoryFactory, ProblemFactory
from tests.problems.test_images import jpeg_with_gps
from tests.teams.factories import make_team

EMAIL = "hong.gildong.erase@example.kr"
NAME = "지워질홍길동"
PASSWORD = "correct-horse-battery"


def _post_problem(client, person, django_capture_on_commit_callbacks):
    category = CategoryFactory()
    client.force_login(person)
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
        response = client.post("/problems/new/", data)
    assert response.status_code == 302, response.content[:500]
    return Problem.objects.get(author=person)


@pytest.fixture
def everywhere(client, dongs, django_capture_on_commit_callbacks):
    """A person with something in every table that can hold personal data."""
    person = UserFactory(email=EMAIL, display_name=NAME, first_name=NAME, last_name=NAME)
    problem = _post_problem(client, person, django_capture_on_commit_callbacks)
    photo_names = [(p.image.name, p.thumbnail.name) for p in problem.photos.all()]
    other_problem = ProblemFactory()
    idea = IdeaFactory(author=person, title=f"{NAME}의 아이디어")
    voted_idea = IdeaFactory()
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(author=person, target=other_problem, body=f"{NAME}입니다 {EMAIL}")
        support_add(problem=other_problem, user=person)
        vote_cast(user=person, idea=voted_idea)
        follow_add(user=person, target=voted_idea)
        notify(recipients=[person], kind="other", target=other_problem, message=f"안녕 {NAME}")
        notify(
            recipients=[other_problem.author],
            kind="other",
            target=other_problem,
            message="새 댓글",
            actor=person,
        )
        team = make_team(members=[person])
        join_request_create(team=make_team(), user=person, message=f"저는 {NAME}")
        report_create(reporter=person, target=voted_idea, reason=ReportReason.SPAM, text=f"{EMAIL}")
        data_export_request(user=person)
    guardian_consent_record(
        user=person,
        guardian_name=f"{NAME} 보호자",
        guardian_contact=EMAIL,
        method="paper",
        given_at=person.date_joined,
        recorded_by=None,
    )
    log(instance=person, action="wagtail.edit", user=StaffFactory())  # an audit entry about them
    cache.set("some-key", {"name": NAME})
    cache.delete("some-key")
    return {
        "person": person,
        "problem": problem,
        "photos": photo_names,
        "other_problem": other_problem,
        "idea": idea,
        "voted_idea": voted_idea,
        "team": team,
    }


def _text_fields(model):
    return [
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, (models.CharField, models.TextField, models.EmailField, models.JSONField))
        and f.concrete
        and not f.is_relation
    ]


def _rows_mentioning(needle):
    found = []
    for model in apps.get_models():
        fields = _text_fields(model)
        if not fields or not model._meta.managed:
            continue
        query = Q()
        for name in fields:
            query |= Q(**{f"{name}__icontains": needle})
        count = model._default_manager.filter(query).count()
        if count:
            found.append(f"{model._meta.label}: {count}")
    return found


def _media_mentioning(needle):
    hits = []
    for root, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            with open(os.path.join(root, name), "rb") as handle:
                if needle.encode() in handle.read():
                    hits.append(name)
    return hits


@pytest.mark.django_db
def test_nothing_personal_remains_after_deletion(everywhere, django_capture_on_commit_callbacks):
    person = everywhere["person"]
    assert _rows_mentioning(EMAIL) and _rows_mentioning(NAME)  # the scan finds them before
    assert any("LogEntry" in row for row in _rows_mentioning(NAME))
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=person)
    assert _rows_mentioning(EMAIL) == []
    assert _rows_mentioning(NAME) == []
    assert _media_mentioning(EMAIL) == [] and _media_mentioning(NAME) == []
    for key in getattr(cache, "_cache", {}):
        value = pickle.dumps(cache.get(key))
        assert EMAIL.encode() not in value and NAME.encode() not in value


@pytest.mark.django_db
def test_deleted_content_loses_its_photos_in_both_storages(
    everywhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=everywhere["person"])
    assert not Problem.objects.filter(pk=everywhere["problem"].pk).exists()
    for image, thumbnail in everywhere["photos"]:
        for name in (image, thumbnail):
            assert not private_storage().exists(name)
            assert not public_storage().exists(name)


@pytest.mark.django_db
def test_supports_and_votes_stay_counted(everywhere, django_capture_on_commit_callbacks):
    other, voted = everywhere["other_problem"], everywhere["voted_idea"]
    other.refresh_from_db()
    voted.refresh_from_db()
    supports, votes = other.support_count, voted.vote_count
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=everywhere["person"])
    other.refresh_from_db()
    voted.refresh_from_db()
    assert (other.support_count, voted.vote_count) == (supports, votes)
    assert Ballot.objects.filter(round=voted.round).count() == 1


@pytest.mark.django_db
def test_the_account_is_closed_and_linked_rows_go(everywhere, django_capture_on_commit_callbacks):
    person = everywhere["person"]
    export_file = person.data_exports.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=person)
    person.refresh_from_db()
    assert not private_storage().exists(export_file)
    assert not person.is_active and not person.has_usable_password()
    assert str(person) == "탈퇴한 회원" or str(person) == "Former member"
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Follow.objects.filter(user=person).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not Membership.objects.filter(user=person).exists()
    assert not JoinRequest.objects.filter(user=person).exists()
    assert not person.data_exports.exists()
    for session in Session.objects.all():
        assert session.get_decoded().get("_auth_user_id") != str(person.pk)


@pytest.mark.django_db
def test_an_adult_may_keep_contributions_as_former_member(everywhere):
    account_delete(user=everywhere["person"], keep_contributions=True)
    idea = Idea.objects.get(pk=everywhere["idea"].pk)
    assert idea.author.public_name in ("탈퇴한 회원", "Former member")
    assert Comment.objects.filter(author=everywhere["person"]).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("band", [AgeBand.UNDER_14, AgeBand.TEEN])
def test_a_minors_contributions_are_always_deleted(band):
    person = UserFactory(age_band=band)
    problem = ProblemFactory(author=person)
    account_delete(user=person, keep_contributions=True)
    assert not Problem.objects.filter(pk=problem.pk).exists()


@pytest.mark.django_db
def test_the_page_explains_and_asks_for_the_password(client):
    person = UserFactory()
    client.force_login(person)
    response = client.get("/accounts/delete/")
    assert response.status_code == 200
    assert "contributions" in response.context["form"].fields


@pytest.mark.django_db
def test_a_minor_is_not_offered_to_keep_contributions(client):
    client.force_login(UserFactory(age_band=AgeBand.TEEN))
    response = client.get("/accounts/delete/")
    assert "contributions" not in response.context["form"].fields


@pytest.mark.django_db
def test_a_wrong_password_is_refused(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/accounts/delete/", {"password": "nope", "contributions": "delete"})
    assert response.status_code == 400
    person.refresh_from_db()
    assert person.is_active and person.deleted_at is None


@pytest.mark.django_db
def test_deleting_with_the_password_signs_out(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/accounts/delete/", {"password": PASSWORD, "contributions": "delete"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.deleted_at is not None and person.email.endswith("@deleted.invalid")
    assert client.get("/accounts/profile/").status_code == 302  # signed out


@pytest.mark.django_db
def test_staff_delete_an_account_on_request(client):
    person = UserFactory()
    client.force_login(StaffFactory())
    url = f"/admin/account-deletion/{person.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"contributions": "delete", "confirm": "on"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.deleted_at is not None


@pytest.mark.django_db
def test_a_citizen_cannot_use_the_staff_deletion(client):
    person = UserFactory()
    client.force_login(UserFactory())
    response = client.post(
        f"/admin/account-deletion/{person.pk}/", {"contributions": "delete", "confirm": "on"}
    )
    assert response.status_code in (302, 403)
    person.refresh_from_db()
    assert person.deleted_at is None


@pytest.mark.django_db
def test_the_admin_user_list_offers_the_deletion_on_request(client):
    person = UserFactory()
    client.force_login(StaffFactory())
    response = client.get("/admin/users/")
    assert response.status_code == 200
    assert f"/admin/account-deletion/{person.pk}/" in response.content.decode()
