import re

import pytest
from django.core import mail

from soslab.accounts.models import AgeBand, User

SIGNUP = {
    "email": "minji@example.kr",
    "display_name": "민지",
    "age_band": AgeBand.ADULT,
    "password1": "jeonju-bibimbap-2026",
    "password2": "jeonju-bibimbap-2026",
    "accept_privacy": "on",
    "website": "",
}


@pytest.mark.django_db
def test_signup_records_age_band_privacy_and_sends_verification(client):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="minji@example.kr")
    assert user.display_name == "민지"
    assert user.privacy_accepted_at is not None
    assert not user.has_verified_email
    assert len(mail.outbox) == 1
    assert "minji@example.kr" in mail.outbox[0].to


@pytest.mark.django_db
def test_under_14_signup_is_recorded_as_needing_guardian_consent(client):
    client.post(
        "/accounts/signup/",
        {**SIGNUP, "age_band": AgeBand.UNDER_14, "guardian_email": "mom@example.kr"},
    )
    user = User.objects.get(email="minji@example.kr")
    assert user.needs_guardian_consent is True
    assert user.is_minor is True


@pytest.mark.django_db
def test_signup_without_privacy_consent_is_refused_and_keeps_input(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "accept_privacy": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "개인정보 처리방침에 동의해 주세요" in html
    assert 'value="minji@example.kr"' in html
    assert 'value="민지"' in html
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_honeypot_refuses_bots(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_form_is_rendered_by_the_accessible_field_component(client):
    """allauth's forms go through components/field.html like every other form: the age bands are
    a group named by its legend, the honeypot is hidden from people and screen readers, and
    errors are announced next to their field."""
    html = client.get("/accounts/signup/").content.decode()
    assert re.search(r"<fieldset[^>]*>\s*<legend>나이", html)
    assert 'class="field field--honeypot" aria-hidden="true"' in html
    assert 'aria-describedby="id_guardian_email_helptext"' in html

    refused = client.post("/accounts/signup/", {**SIGNUP, "age_band": AgeBand.UNDER_14})
    errors = re.search(
        r'<div class="field__errors" id="id_guardian_email_error" role="alert">',
        (refused.content.decode()),
    )
    assert errors


@pytest.mark.django_db
def test_signup_is_rate_limited_per_ip_by_the_platform_limiter(client, settings):
    settings.SOSLAB_RATE_LIMITS = {**settings.SOSLAB_RATE_LIMITS, "signup": ["2/h/ip"]}
    for n in range(2):
        client.post("/accounts/signup/", {**SIGNUP, "email": f"person{n}@example.kr"})
    response = client.post("/accounts/signup/", {**SIGNUP, "email": "third@example.kr"})
    assert response.status_code == 429
    assert "너무 자주" in response.content.decode()
    assert not User.objects.filter(email="third@example.kr").exists()
    client.logout()
    assert client.get("/accounts/signup/").status_code == 200  # reading the form is never limited


@pytest.mark.django_db
def test_signup_form_age_band_radios_are_a_fieldset_with_a_legend(client):
    from tests.support.html import parse

    page = parse(client.get("/accounts/signup/"))
    fieldset = page.by_id("id_age_band_0").closest("fieldset")
    assert fieldset is not None
    legend = fieldset.children[0]
    assert legend.tag == "legend" and "나이" in legend.text
    # the help text (under-14s need consent) is read with the group
    assert "id_age_band_helptext" in fieldset.get("aria-describedby").split()


@pytest.mark.django_db
def test_signup_form_errors_are_summarised_and_tied_to_their_fields(client):
    from tests.support.html import described_by, parse

    response = client.post("/accounts/signup/", {**SIGNUP, "age_band": "", "accept_privacy": ""})
    assert response.status_code == 200
    page = parse(response)
    (summary,) = page.find_all(data_error_summary=True)
    links = [link.get("href") for link in summary.descendants() if link.tag == "a"]
    assert "#id_age_band_0" in links and "#id_accept_privacy" in links
    fieldset = page.by_id("id_age_band_0").closest("fieldset")
    assert "id_age_band_error" in fieldset.get("aria-describedby").split()
    checkbox = page.by_id("id_accept_privacy")
    assert checkbox.get("aria-invalid") == "true"
    assert any("동의해 주세요" in text for text in described_by(page, checkbox))
