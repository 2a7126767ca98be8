"""Staff see who is still missing guardian consent in the Wagtail admin, and record it."""

import pytest

from soslab.teams.models import GuardianConsent
from tests.factories import UserFactory
from tests.teams.factories import ChildFactory, make_team


@pytest.mark.django_db
def test_staff_see_members_missing_consent(client, staff):
    missing = ChildFactory(display_name="동의없음")
    done = ChildFactory(display_name="동의있음")
    make_team(members=[missing, done])
    GuardianConsent.objects.create(
        user=done,
        guardian_name="보호자",
        guardian_contact="010",
        method="paper",
        given_at="2026-01-01T00:00:00+09:00",
        recorded_by=staff,
    )
    client.force_login(staff)

    html = client.get("/admin/guardian-consent/").content.decode()

    assert "동의없음" in html
    assert "동의있음" not in html


@pytest.mark.django_db
def test_staff_record_consent_and_bad_input_keeps_the_form(client, staff):
    child = ChildFactory()
    make_team(members=[child])
    client.force_login(staff)
    url = f"/admin/guardian-consent/{child.pk}/"

    bad = client.post(url, {"guardian_name": "김보호", "guardian_contact": "", "method": "paper"})
    assert bad.status_code == 400
    assert 'value="김보호"' in bad.content.decode()
    assert not GuardianConsent.objects.exists()

    good = client.post(
        url,
        {
            "guardian_name": "김보호",
            "guardian_contact": "010-1234-5678",
            "method": "phone",
            "given_at": "2026-03-02T10:00",
        },
    )
    assert good.status_code == 302
    consent = GuardianConsent.objects.get(user=child)
    assert (consent.guardian_name, consent.method, consent.recorded_by) == (
        "김보호",
        "phone",
        staff,
    )


@pytest.mark.django_db
def test_non_staff_cannot_see_or_record_consent(client):
    child = ChildFactory()
    citizen = UserFactory()
    client.force_login(citizen)
    assert client.get("/admin/guardian-consent/").status_code in (302, 403)
    assert client.post(f"/admin/guardian-consent/{child.pk}/", {}).status_code in (302, 403)
