"""The report form's map has a base layer that needs no tile server, and Leaflet's own strings
in the page language."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory


@pytest.mark.django_db
def test_report_form_names_the_boundary_source_and_translates_leaflet(client):
    client.force_login(UserFactory())
    html = client.get("/problems/new/").content.decode()
    assert f'data-boundaries="{reverse("maps:api_dongs")}"' in html
    assert "js/leaflet-i18n.js" in html
    assert 'data-zoom-in="확대"' in html
    client.cookies["django_language"] = "en"
    assert 'data-zoom-in="Zoom in"' in client.get("/problems/new/").content.decode()


@pytest.mark.django_db
def test_the_boundary_source_answers_with_every_dong(client):
    data = client.get(reverse("maps:api_dongs")).json()
    assert len(data["features"]) >= 30
