from django import template
from wagtail.models import Page

from soslab.discovery.meta import meta_for

register = template.Library()


@register.inclusion_tag("discovery/share_meta.html", takes_context=True)
def share_meta(context, obj=None):
    """Canonical link, OpenGraph and Twitter card tags for `obj` (a problem, an idea, a Wagtail
    page), else for the view's own `share_meta`, the page being served, or the site."""
    request = context.get("request")
    if request is None:
        return {"meta": None}
    if obj is None and context.get("share_meta") is not None:
        return {"meta": context["share_meta"]}
    if obj is None and isinstance(context.get("page"), Page):
        obj = context["page"]  # the Wagtail page being served (not a paginator's page)
    return {"meta": meta_for(request, obj)}


@register.inclusion_tag("discovery/share_button.html", takes_context=True)
def share_button(context, title=""):
    """A share button for the page being shown: Web Share API, else copy the link
    (static/js/share.js); without JavaScript a plain link to the page's canonical address."""
    request = context.get("request")
    meta = meta_for(request) if request is not None else None
    return {"url": meta.url if meta else "", "title": title, "request": request}
