"""The Open311 wire formats: JSON and the spec's XML, and the spec's error list in either."""

import xml.etree.ElementTree as ET

from django.http import HttpResponse, JsonResponse

from soslab.core import params as core_params

FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


class Open311Error(Exception):
    def __init__(self, status, description, headers=None):
        super().__init__(description)
        self.status = status
        self.description = str(description)
        self.headers = headers or {}


def _xml_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    # Stored text may predate input hygiene; XML 1.0 cannot carry control characters.
    return core_params.strip_illegal_characters(str(value))


def _xml_fill(element, item):
    for key, value in item.items():
        if value is None:
            continue
        if isinstance(value, list):
            # A list of scalars is one child per value, named after the list ("formats" -> "format").
            container = ET.SubElement(element, key)
            for entry in value:
                child = ET.SubElement(container, key[:-1] if key.endswith("s") else key)
                if isinstance(entry, dict):
                    _xml_fill(child, entry)
                else:
                    child.text = _xml_text(entry)
        else:
            ET.SubElement(element, key).text = _xml_text(value)


def xml_document(root_tag, item_tag, items):
    root = ET.Element(root_tag)
    if item_tag is None:  # one object (discovery)
        _xml_fill(root, items)
    else:
        for item in items:
            _xml_fill(ET.SubElement(root, item_tag), item)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body


def render(fmt, root_tag, item_tag, items, status=200):
    if fmt == "xml":
        return HttpResponse(
            xml_document(root_tag, item_tag, items), content_type=FORMATS["xml"], status=status
        )
    return JsonResponse(
        items,
        safe=False,
        status=status,
        json_dumps_params={"ensure_ascii": False},
        content_type=FORMATS["json"],
    )


def error_response(fmt, status, description):
    return render(fmt, "errors", "error", [{"code": status, "description": description}], status)
