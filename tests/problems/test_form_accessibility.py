"""The report form after a failed submit, read as a screen reader would: an error summary that
links to each invalid field, every error tied to its field, and a sound heading outline on the
form and detail pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.support.html import described_by, heading_jumps, parse

from .factories import CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db

NEW = "/problems/new/"


@pytest.fixture
def failed_form(client, citizen, dongs):
    """The form sent with nothing filled in but a fake photo."""
    CategoryFactory(slug="traffic", name="교통", name_en="Traffic")
    client.force_login(citizen)
    photo = SimpleUploadedFile("fake.jpg", b"plain text pretending", content_type="image/jpeg")
    response = client.post(NEW, {"title": "", "description": "", "photos": [photo]})
    assert response.status_code == 400
    return parse(response)


def test_form_error_summary_is_an_alert_that_can_take_focus(failed_form):
    (summary,) = failed_form.find_all(data_error_summary=True)
    assert summary.get("role") == "alert"
    assert summary.get("tabindex") == "-1"
    assert [el.tag for el in summary.descendants()][0] == "h2"
    assert failed_form.find_all("script", src="/static/js/error-summary.js")


def test_form_error_summary_links_to_every_invalid_field(failed_form):
    (summary,) = failed_form.find_all(data_error_summary=True)
    targets = [link.get("href") for link in summary.descendants() if link.tag == "a"]
    for expected in ("#id_title", "#id_category_0", "#id_description", "#id_photos"):
        assert expected in targets
    for target in targets:
        failed_form.by_id(target[1:])  # each link leads to an element on the page


def test_form_invalid_text_inputs_are_marked_and_described_by_their_error(failed_form):
    title = failed_form.by_id("id_title")
    assert title.get("aria-invalid") == "true"
    described = described_by(failed_form, title)
    assert any("필수 작성 항목" in text for text in described)


def test_form_category_radios_are_a_fieldset_described_by_the_error(failed_form):
    first_option = failed_form.by_id("id_category_0")
    assert first_option.get("aria-invalid") == "true"
    fieldset = first_option.closest("fieldset")
    assert fieldset is not None
    assert [child.tag for child in fieldset.children][0] == "legend"
    assert "분류" in fieldset.children[0].text
    error = failed_form.by_id("id_category_error")
    assert "id_category_error" in fieldset.get("aria-describedby").split()
    assert error.text.strip()


def test_form_file_input_error_is_referenced(failed_form):
    photos = failed_form.by_id("id_photos")
    assert photos.get("aria-invalid") == "true"
    assert "id_photos_error" in photos.get("aria-describedby").split()
    assert any("fake.jpg" in text for text in described_by(failed_form, photos))


def test_form_headings_do_not_skip_levels(client, citizen, dongs, failed_form):
    assert heading_jumps(client.get(NEW)) == []


def test_detail_headings_do_not_skip_levels(client):
    problem = ProblemFactory()
    assert heading_jumps(client.get(problem.get_absolute_url())) == []


def test_detail_headings_do_not_skip_levels_for_staff(client, staff):
    problem = ProblemFactory()
    client.force_login(staff)
    assert heading_jumps(client.get(problem.get_absolute_url())) == []
