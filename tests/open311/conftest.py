"""Open311 test helpers: the vendored official schemas (tests/open311/schemas) with format
checking, XML-to-JSON comparison, and an issued API key."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from soslab.open311.keys import key_issue

BASE = "/open311/v2"
SCHEMAS = Path(__file__).parent / "schemas"


def _registry():
    resources = []
    for path in [*SCHEMAS.glob("*.json"), *SCHEMAS.glob("local/*.json")]:
        contents = json.loads(path.read_text())
        name = path.name if path.parent == SCHEMAS else f"local/{path.name}"
        resources.append((name, Resource.from_contents(contents, default_specification=_spec())))
    return Registry().with_resources(resources)


def _spec():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


REGISTRY = _registry()


def validator(name):
    """A validator for a vendored schema ('requests.json', 'local/errors.json') that checks
    formats (date-time, uri)."""
    schema = REGISTRY.contents(name)
    return Draft202012Validator(
        schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def validate(data, name):
    errors = sorted(validator(name).iter_errors(data), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def as_json(response, status=200):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def as_xml(response, status=200):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response, in a test)


def _scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def xml_items(root):
    """The XML list as JSON-like dicts of text (nested lists as lists of text)."""
    items = []
    for element in root:
        item = {}
        for child in element:
            if len(child):
                item[child.tag] = [grand.text for grand in child]
            else:
                item[child.tag] = child.text or ""
        items.append(item)
    return items


def json_as_text(items):
    return [
        {
            key: [_scalar(v) for v in value] if isinstance(value, list) else _scalar(value)
            for key, value in item.items()
        }
        for item in items
    ]


def assert_same(client, path):
    """The .json and .xml answers of `path` (without suffix, with an optional query) agree."""
    stem, _, query = path.partition("?")
    query = f"?{query}" if query else ""
    json_response = client.get(f"{stem}.json{query}")
    xml_response = client.get(f"{stem}.xml{query}")
    assert xml_response.status_code == json_response.status_code
    data = json.loads(json_response.content)
    root = ET.fromstring(xml_response.content)  # noqa: S314
    assert xml_items(root) == json_as_text(data)
    return data


@pytest.fixture
def api_key(db):
    key, token = key_issue(name="전주시 민원 시스템", contact="open311@jeonju.go.kr")
    key.token = token
    return key
