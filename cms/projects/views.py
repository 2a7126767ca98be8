"""The team leader starts the team's project page from the team page (/teams/<slug>/project/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soslab.accounts.permissions import PostingRefused
from soslab.teams.forms import ProjectStartForm
from soslab.teams.models import Team
from soslab.teams.rules import MANAGE_TEAM
from soslab.teams.services import TeamActionRefused
from soslab.teams.views import team_context

from .services import project_page_create


@require_POST
@login_required
def project_start(request, slug):
    team = get_object_or_404(Team, slug=slug)
    if not request.user.has_perm(MANAGE_TEAM, team):
        raise PermissionDenied
    form = ProjectStartForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "teams/team_detail.html",
            team_context(request, team, project_form=form),
            status=400,
        )
    try:
        page = project_page_create(
            team=team,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            actor=request.user,
        )
    except (TeamActionRefused, PostingRefused) as refusal:
        messages.error(request, refusal.message)
        return redirect(team)
    messages.success(
        request,
        _("Your project page was created as a draft. Write it, then submit it for review."),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
