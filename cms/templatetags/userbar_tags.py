"""{% userbar %}: Wagtail's editing bar (and its ~1 MB of script) only for people who can act on
what they look at. On a Wagtail page: those who may edit that page. Elsewhere (problems, ideas,
maps): staff and moderators. Everyone also needs admin access, as Wagtail's own tag requires."""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar

from soslab.accounts.rules import user_is_moderator, user_is_staff, user_may_access_admin

register = template.Library()


def userbar_allowed(user, page):
    """Whether `user` gets the editing bar on `page` (None for views that are not pages)."""
    if not user_may_access_admin(user):  # no query for the request's user
        return False
    if page is not None:
        return page.permissions_for_user(user).can_edit()
    return user_is_staff(user) or user_is_moderator(user)


@register.simple_tag(takes_context=True)
def userbar(context, position="bottom-right"):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not userbar_allowed(user, get_page_instance(context)):
        return ""
    return wagtailuserbar(context, position)
