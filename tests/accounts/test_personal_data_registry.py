"""The personal-data registry: every app that holds a person's data exports and erases it
itself (soslab/<app>/personal_data.py); accounts imports none of them."""

import pytest

from soslab.accounts.personal_data import Export, handlers

pytestmark = pytest.mark.django_db


def test_every_app_with_personal_data_registers_an_exporter_and_an_eraser():
    registered = [handler.app_label for handler in handlers()]
    # In the order of INSTALLED_APPS: deletion runs the erasers in this order.
    assert registered == ["problems", "comments", "notifications", "moderation", "ideas", "teams"]
    assert all(handler.export and handler.erase for handler in handlers())


def test_sections_that_are_dicts_are_merged():
    export = Export()
    export.merge({"consents": {"privacy_accepted_at": "2026-01-01"}, "problems": []})
    export.merge({"consents": {"guardian_consent": None}, "teams": [1]})
    assert export.data == {
        "consents": {"privacy_accepted_at": "2026-01-01", "guardian_consent": None},
        "problems": [],
        "teams": [1],
    }


def test_the_export_has_the_same_sections_as_always(citizen):
    from soslab.accounts.export_data import person_data

    data, photos = person_data(citizen)
    assert set(data) == {
        "account",
        "consents",
        "problems",
        "ideas",
        "comments",
        "supports",
        "ballots",
        "votes",
        "follows",
        "team_memberships",
        "team_join_requests",
        "moderation_decisions_about_me",
        "my_reports",
        "my_appeals",
        "notifications",
    }
    assert set(data["consents"]) == {"privacy_accepted_at", "guardian_consent"}
    assert photos == []
