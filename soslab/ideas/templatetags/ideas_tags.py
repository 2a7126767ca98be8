from django import template
from django.urls import NoReverseMatch

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
