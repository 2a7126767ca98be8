"""Public profiles (/people/<id>/) and "my activity" (/me/)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from soslab.core.params import BadInput, bad_input_response, query_text

from . import activity

PAGE_SIZE = 20
ME_LIMIT = 50


def _page(request, queryset, param="page"):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get(param))


def profile(request, pk):
    """A person's public page: display name, join month and, where allowed, one of their public
    lists (problems, ideas, comments, teams) one page at a time."""
    person = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    try:
        section = query_text(request.GET, "show", default="problems", max_length=20)
    except BadInput as error:
        return bad_input_response(request, error)
    if section not in activity.PROFILE_SECTIONS:
        section = "problems"
    show_activity = activity.activity_visible(person, request.user)
    context = {
        "person": person,
        "show_activity": show_activity,
        "section": section,
        "sections": activity.PROFILE_SECTIONS,
        "is_self": request.user.is_authenticated and request.user.pk == person.pk,
    }
    if show_activity:
        page_obj = _page(request, activity.public_section(person, section))
        if section == "comments":
            activity.with_target_links(page_obj.object_list)
        context["page_obj"] = page_obj
    return render(request, "people/profile.html", context)


@login_required
def me(request):
    """Everything of mine in one place, including what is pending or hidden and why. Only the
    person themselves ever sees this page (it has no id in its address)."""
    user = request.user
    context = {
        "problems": list(activity.my_problems(user)[:ME_LIMIT]),
        "ideas": list(activity.my_ideas(user)[:ME_LIMIT]),
        "comments": activity.with_target_links(list(activity.my_comments(user)[:ME_LIMIT])),
        "supports": list(activity.my_supports(user)[:ME_LIMIT]),
        "votes": list(activity.my_votes(user)[:ME_LIMIT]),
        "follows": activity.with_target_links(list(activity.my_follows(user)[:ME_LIMIT])),
        "memberships": list(activity.teams_of(user)[:ME_LIMIT]),
        "join_requests": list(activity.my_join_requests(user)[:ME_LIMIT]),
        "limit": ME_LIMIT,
        "needs_consent": user.needs_policy_consent,
    }
    return render(request, "people/me.html", context)
