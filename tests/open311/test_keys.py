"""Open311 API keys: stored hashed, issued once by manage.py open311_key and the Wagtail admin,
listed without the key, revoked."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from soslab.open311.keys import key_for_token
from soslab.open311.models import Open311Key


def _call(*args):
    out = StringIO()
    call_command("open311_key", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_create_prints_the_key_last_and_stores_only_its_hash():
    output = _call("create", "전주시 민원", "--contact", "civil@jeonju.go.kr", "--rate-limit", "5")
    token = output.strip().splitlines()[-1]
    key = Open311Key.objects.get()
    assert key.key_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Open311Key.objects.values().get())
    assert key_for_token(token) == key
    assert key.rate_limit == 5
    assert key.user.has_verified_email and not key.user.has_usable_password()


@pytest.mark.django_db
def test_list_never_shows_keys_and_revoke_marks_the_key():
    token = _call("create", "a", "--contact", "a@example.org").strip().splitlines()[-1]
    assert "a@example.org" in _call("list") and token not in _call("list")
    _call("revoke", "a")
    assert Open311Key.objects.get().revoked_at is not None
    assert "revoked" in _call("list")


@pytest.mark.django_db
def test_a_duplicate_name_and_an_unknown_revoke_are_errors():
    _call("create", "a", "--contact", "a@example.org")
    with pytest.raises(CommandError):
        _call("create", "a", "--contact", "a@example.org")
    with pytest.raises(CommandError):
        _call("revoke", "b")


@pytest.mark.django_db
def test_staff_issue_a_key_in_the_admin_and_see_it_once(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        username="root", email="root@example.org", password="pw"
    )
    client.force_login(admin)
    response = client.post(
        "/admin/open311_keys/new/",
        {
            "name": "시청",
            "contact": "city@example.org",
            "rate_limit": "30",
            "allowed_service_codes": "",
        },
    )
    assert response.status_code == 200
    key = Open311Key.objects.get()
    token = response.content.decode().split("data-open311-key>")[1].split("<")[0]
    assert key_for_token(token) == key
    assert token not in client.get("/admin/open311_keys/").content.decode()


@pytest.mark.django_db
def test_staff_revoke_a_key_in_the_admin(client, django_user_model):
    from soslab.open311.keys import key_issue

    admin = django_user_model.objects.create_superuser(
        username="root", email="root@example.org", password="pw"
    )
    key, _token = key_issue(name="시청", contact="city@example.org")
    client.force_login(admin)
    listing = client.get("/admin/open311_keys/").content.decode()
    assert f"/admin/open311-keys/{key.pk}/revoke/" in listing
    assert client.get(f"/admin/open311-keys/{key.pk}/revoke/").status_code == 200
    assert client.post(f"/admin/open311-keys/{key.pk}/revoke/").status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None


@pytest.mark.django_db
def test_a_citizen_cannot_revoke(client, citizen):
    from soslab.open311.keys import key_issue

    key, _token = key_issue(name="시청", contact="city@example.org")
    client.force_login(citizen)
    assert client.post(f"/admin/open311-keys/{key.pk}/revoke/").status_code in (302, 403)
    key.refresh_from_db()
    assert key.revoked_at is None
