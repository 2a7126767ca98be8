"""Who may merge a hotspot's reports (docs/permissions.md): staff only, through has_perm."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory


@pytest.mark.django_db
def test_only_staff_may_merge_hotspots(citizen, moderator, staff):
    assert not AnonymousUser().has_perm("maps.merge_hotspot")
    assert not citizen.has_perm("maps.merge_hotspot")
    assert not moderator.has_perm("maps.merge_hotspot")
    assert staff.has_perm("maps.merge_hotspot")
    assert UserFactory(is_staff=True).has_perm("maps.merge_hotspot")
    assert not UserFactory(is_staff=True, is_active=False).has_perm("maps.merge_hotspot")


@pytest.mark.django_db
def test_the_hotspot_page_offers_the_merge_form_to_staff_only(client, hotspot, moderator, staff):
    client.force_login(moderator)
    assert "/merge/" not in client.get(f"/map/hotspots/{hotspot.pk}/").content.decode()
    client.force_login(staff)
    assert "/merge/" in client.get(f"/map/hotspots/{hotspot.pk}/").content.decode()
