"""Citizen text to safe HTML: escaped, paragraphs and line breaks kept, URLs linked with
rel="nofollow ugc". Uses soslab.core.text.render_plain_text when the project provides it."""

import re

from django.utils.html import urlize
from django.utils.safestring import mark_safe

_PARAGRAPHS = re.compile(r"\n{2,}")


def _render(text):
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return mark_safe("")  # noqa: S308 - empty string
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(text):
        html = urlize(paragraph, trim_url_limit=60, nofollow=True, autoescape=True)
        html = html.replace('rel="nofollow"', 'rel="nofollow ugc"').replace("\n", "<br>")
        paragraphs.append(f"<p>{html}</p>")
    return mark_safe("\n".join(paragraphs))  # noqa: S308 - every part escaped by urlize


def render_plain_text(text):
    try:
        from soslab.core.text import render_plain_text as shared
    except ImportError:
        return _render(text)
    return shared(text)
