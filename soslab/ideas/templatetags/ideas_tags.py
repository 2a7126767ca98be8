from django import template
from django.urls import NoReverseMatch
from django.utils.html import urlize
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def problem_url(problem):
    """The problem's page; falls back to the stable public path if its URL is not routed yet."""
    try:
        return problem.get_absolute_url()
    except NoReverseMatch:
        return f"/problems/{problem.pk}/"


@register.simple_tag
def round_url(page, name, **kwargs):
    """{% round_url page "idea_detail" idea_id=idea.pk %}: a URL inside a round."""
    return page.url_for(name, **kwargs)


@register.filter
def days_from_seconds(seconds):
    """Whole days left, rounded up (a phase starting later today is '1 day left')."""
    if not seconds:
        return 0
    return -(-int(seconds) // 86400)


@register.filter(needs_autoescape=True)
def urlize_ugc(text, autoescape=True):
    """Plain citizen text, escaped, with web addresses linked as rel="nofollow ugc"."""
    html = urlize(text, nofollow=False, autoescape=autoescape)
    return mark_safe(html.replace("<a href=", '<a rel="nofollow ugc" href='))  # noqa: S308 - urlize escaped it
