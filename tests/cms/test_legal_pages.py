"""The legal and service pages: created once by the reference data, served, never overwritten."""

import pytest

from cms.editorial.tree import legal_pages_ensure
from cms.models import LegalPage

SLUGS = ["privacy", "terms", "accessibility", "contact"]


@pytest.mark.django_db
def test_reference_data_creates_the_four_pages_in_korean_and_english():
    pages = legal_pages_ensure()
    assert sorted(pages) == sorted(SLUGS)
    for page in pages.values():
        page = page.specific
        assert page.live
        assert len(page.body) > 3
        assert len(page.body_en) > 3
        assert page.title_en


@pytest.mark.django_db
def test_privacy_policy_covers_the_required_topics():
    privacy = legal_pages_ensure()["privacy"].specific
    text = " ".join(str(block.value) for block in privacy.body)
    for topic in [
        "목적",
        "항목",
        "보유 기간",
        "위탁",
        "법정대리인",
        "100m",
        "권리",
        "보호책임자",
        "변경",
    ]:
        assert topic in text


@pytest.mark.django_db
def test_pages_are_served_in_both_languages(client):
    legal_pages_ensure()
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert "개인정보 처리방침" in response.content.decode()
    client.cookies["django_language"] = "en"
    response = client.get("/accessibility/", HTTP_ACCEPT_LANGUAGE="en")
    assert "WCAG 2.1" in response.content.decode()
    assert "Accessibility statement" in response.content.decode()


@pytest.mark.django_db
def test_second_run_keeps_editors_changes():
    privacy = legal_pages_ensure()["privacy"].specific
    privacy.summary = "편집자가 고친 요약"
    privacy.save_revision().publish()

    legal_pages_ensure()

    assert LegalPage.objects.filter(slug="privacy").count() == 1
    assert LegalPage.objects.get(slug="privacy").summary == "편집자가 고친 요약"


@pytest.mark.django_db
def test_footer_links_to_the_policies(client):
    legal_pages_ensure()
    html = client.get("/privacy/").content.decode()
    for slug in SLUGS:
        assert f'href="/{slug}/"' in html


@pytest.mark.django_db
def test_staff_can_edit_a_legal_page_in_the_admin(client, staff):
    privacy = legal_pages_ensure()["privacy"]
    client.force_login(staff)
    response = client.get(f"/admin/pages/{privacy.pk}/edit/")
    assert response.status_code == 200
    assert "개인정보 처리방침" in response.content.decode()
