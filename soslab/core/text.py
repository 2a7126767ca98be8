"""Citizen text is plain text: stored as typed, escaped on output. This turns it into safe HTML
with paragraphs and line breaks kept and web addresses linked with rel="nofollow ugc" (so spam
links earn nothing and search engines know the link is user content)."""

import re

from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

_PARAGRAPHS = re.compile(r"\n{2,}")
_WHITESPACE = re.compile(r"\s+")


def render_plain_text(text):
    """Plain text -> escaped HTML: <p> per paragraph, <br> per line break, URLs linked
    rel="nofollow ugc". Every character of the input is escaped by urlize(autoescape=True)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return mark_safe("")  # noqa: S308 - empty string
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(text):
        html = urlize(paragraph.strip("\n"), trim_url_limit=60, nofollow=True, autoescape=True)
        html = html.replace('rel="nofollow"', 'rel="nofollow ugc"').replace("\n", "<br>")
        paragraphs.append(f"<p>{html}</p>")
    return mark_safe("\n".join(paragraphs))  # noqa: S308 - every part escaped by urlize


def normalise_text(text):
    """Text compared for 'the same text posted twice': whitespace collapsed, case-folded."""
    return _WHITESPACE.sub(" ", text or "").strip().casefold()


def localized(obj, field):
    """The one bilingual-text rule: `obj.<field>_en` when the active language is English and it
    is filled in, else `obj.<field>` (Korean). Models with name/name_en style pairs use it."""
    if (get_language() or "ko").startswith("en"):
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, field)
