from django import template

from soslab.core.text import render_plain_text

register = template.Library()


@register.simple_tag
def localized(obj, field):
    """{% localized page "hero_title" %}: the English variant for English readers when one exists."""
    return obj.localized(field)


@register.simple_tag(takes_context=True)
def querystring_with(context, **kwargs):
    """The current query string with some parameters replaced (pagination, sorting links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def plain_text(value):
    """{{ text|plain_text }}: citizen plain text as escaped paragraphs, links rel="nofollow ugc"."""
    return render_plain_text(value)


@register.simple_tag(takes_context=True)
def page_query(context, number, param=None):
    """The current query string with the page parameter (default "page") set to `number`."""
    return querystring_with(context, **{param or "page": number})
