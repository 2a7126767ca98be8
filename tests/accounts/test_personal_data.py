"""The privacy policy's list of collected items matches the models: every field that can hold
personal data is declared (soslab.accounts.personal_data) and each personal item is named in the
policy text written by load_reference_data."""

from django.apps import apps

from cms.editorial.legal_texts import PRIVACY
from soslab.accounts.personal_data import NOT_PERSONAL, PERSONAL, candidate_fields


def _policy_text():
    parts = []
    for _kind, value in PRIVACY["body"]:
        parts.extend(value if isinstance(value, list) else [value])
    return " ".join(parts)


def test_every_field_that_can_hold_personal_data_is_declared():
    undeclared = {
        label: sorted(names - set(PERSONAL.get(label, {})) - NOT_PERSONAL.get(label, set()))
        for label, names in candidate_fields().items()
    }
    assert {label: names for label, names in undeclared.items() if names} == {}


def test_declared_fields_exist():
    for declarations in (PERSONAL, NOT_PERSONAL):
        for label, names in declarations.items():
            model = apps.get_model(label)
            existing = {field.name for field in model._meta.concrete_fields}
            assert set(names) <= existing, label


def test_every_personal_item_is_named_in_the_privacy_policy():
    text = _policy_text()
    items = {item for fields in PERSONAL.values() for item in fields.values()}
    assert sorted(item for item in items if item not in text) == []


def test_a_new_personal_field_would_be_caught(monkeypatch):
    from soslab.accounts import personal_data

    reduced = {**PERSONAL, "accounts.user": dict(PERSONAL["accounts.user"])}
    del reduced["accounts.user"]["display_name"]
    monkeypatch.setattr(personal_data, "PERSONAL", reduced)
    found = candidate_fields()["accounts.user"]
    assert "display_name" in found - set(reduced["accounts.user"]) - NOT_PERSONAL["accounts.user"]
