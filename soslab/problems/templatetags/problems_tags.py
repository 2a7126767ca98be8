from django import template

from soslab.core.text import render_plain_text

register = template.Library()


@register.filter
def plain_text(value):
    """{{ problem.description|plain_text }}: escaped paragraphs, links rel="nofollow ugc"."""
    return render_plain_text(value)


@register.filter
def abs_value(value):
    try:
        return abs(int(value))
    except (TypeError, ValueError):
        return value
