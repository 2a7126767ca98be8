"""Public team pages, joining (invitation link or request), the leader's tools and the guardian's
consent pages. Starting the team's project page is cms.projects.views.project_start."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soslab.accounts.decorators import posting_required
from soslab.accounts.permissions import PostingRefused
from soslab.core.http import json_error, wants_json
from soslab.core.ratelimit import client_ip, ratelimit

from .forms import (
    GuardianAnswerForm,
    GuardianEmailForm,
    InvitationForm,
    JoinRequestForm,
    ProjectStartForm,
)
from .guardians import GuardianLinkRefused, guardian_answer, guardian_link_open, guardian_withdraw
from .joining import (
    invitation_accept,
    invitation_create,
    invitation_from_token,
    invitation_revoke,
    join_request_create,
    join_request_decide,
)
from .models import (
    GuardianLinkPurpose,
    GuardianRequestState,
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    Team,
)
from .rules import MANAGE_TEAM, SEE_TEAM_INSIDE
from .services import TeamActionRefused, guardian_consent_request

PAGE_SIZE = 20
# Session key holding a just-created invitation link until the leader's next view of the team.
NEW_INVITATION_KEY = "teams_new_invitation"


def team_list(request):
    teams = Team.objects.annotate(
        project_count=Count("projects", filter=Q(projects__live=True), distinct=True)
    ).order_by("name", "pk")
    page_obj = Paginator(teams, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "teams/team_list.html", {"page_obj": page_obj})


def team_context(request, team, **extra):
    """What the team page shows the visitor (its forms, for the leader's tools, in `extra`)."""
    viewer_membership = Membership.objects.of(request.user, team)
    insider = request.user.has_perm(SEE_TEAM_INSIDE, team)
    members = team.memberships.select_related("user").order_by("joined_at", "pk")
    if not insider:
        members = members.consented()
    members = list(members)
    if insider:
        consented_ids = set(team.memberships.consented().values_list("pk", flat=True))
        for member in members:
            member.consent_missing = member.pk not in consented_ids
    projects = team.projects.select_related("cover_image")
    if not insider:
        projects = projects.live().public()
    can_manage = request.user.has_perm(MANAGE_TEAM, team)
    context = {
        "team": team,
        "members": members,
        "projects": list(projects.order_by("-first_published_at", "pk")),
        "membership": viewer_membership,
        "insider": insider,
        "can_manage": can_manage,
        "join_form": JoinRequestForm(),
        "pending_request": (
            JoinRequest.objects.filter(
                team=team, user=request.user, status=JoinRequestStatus.PENDING
            ).exists()
            if request.user.is_authenticated and not viewer_membership
            else False
        ),
    }
    if can_manage:
        new_link = request.session.get(NEW_INVITATION_KEY)
        if new_link and new_link.get("team") == team.pk:
            del request.session[NEW_INVITATION_KEY]
            context["new_invitation_url"] = new_link["url"]
        context.update(
            {
                "join_requests": list(
                    team.join_requests.filter(status=JoinRequestStatus.PENDING).select_related(
                        "user"
                    )
                ),
                "invitations": list(
                    team.invitations.filter(
                        revoked_at__isnull=True,
                        used_at__isnull=True,
                        expires_at__gt=timezone.now(),
                    ).order_by("-created_at")
                ),
                "invitation_form": InvitationForm(),
                "project_form": ProjectStartForm(),
            }
        )
    context.update(extra)
    return context


def team_detail(request, slug):
    team = get_object_or_404(Team, slug=slug)
    context = team_context(request, team)
    response = render(request, "teams/team_detail.html", context)
    if context.get("new_invitation_url"):
        patch_cache_control(response, no_store=True, private=True)  # a secret link is on it
    return response


@require_POST
@posting_required
@ratelimit("team_join")
def join_request(request, slug):
    team = get_object_or_404(Team, slug=slug)
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "teams/team_detail.html",
            team_context(request, team, join_form=form),
            status=400,
        )
    try:
        join_request_create(team=team, user=request.user, message=form.cleaned_data["message"])
    except (TeamActionRefused, PostingRefused) as refusal:
        if wants_json(request):
            return json_error(refusal.message, code=refusal.code, status=refusal.status)
        messages.error(request, refusal.message)
        return redirect(team)
    messages.success(request, _("Your request was sent. The team leader will answer soon."))
    return redirect(team)


@require_POST
@login_required
def join_request_answer(request, slug, pk):
    team = get_object_or_404(Team, slug=slug)
    if not request.user.has_perm(MANAGE_TEAM, team):
        raise PermissionDenied
    join_req = get_object_or_404(JoinRequest, pk=pk, team=team)
    approve = request.POST.get("decision") == "approve"
    try:
        join_request_decide(join_request=join_req, actor=request.user, approve=approve)
    except (TeamActionRefused, PostingRefused) as refusal:
        messages.error(request, refusal.message)
        return redirect(team)
    if approve:
        messages.success(
            request, _("%(name)s joined the team.") % {"name": join_req.user.public_name}
        )
    else:
        messages.success(request, _("The request was declined."))
    return redirect(team)


@require_POST
@login_required
def invitation_new(request, slug):
    team = get_object_or_404(Team, slug=slug)
    if not request.user.has_perm(MANAGE_TEAM, team):
        raise PermissionDenied
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "teams/team_detail.html",
            team_context(request, team, invitation_form=form),
            status=400,
        )
    try:
        issued = invitation_create(
            team=team,
            created_by=request.user,
            role=form.cleaned_data["role"],
            company_name=form.cleaned_data["company_name"].strip(),
            days=form.cleaned_data["days"],
        )
    except (TeamActionRefused, PostingRefused) as refusal:
        messages.error(request, refusal.message)
        return redirect(team)
    # The link exists in clear only now: kept server-side in the session for the next page view
    # (never in a cookie, a message or a URL of the team page), then forgotten.
    request.session[NEW_INVITATION_KEY] = {
        "team": team.pk,
        "url": request.build_absolute_uri(issued.path),
    }
    messages.success(
        request,
        _(
            "Invitation link created. Copy it now and share it with the person you invite: it is shown only once and works for one person."
        ),
    )
    return redirect(team)


@require_POST
@login_required
def invitation_withdraw(request, slug, pk):
    team = get_object_or_404(Team, slug=slug)
    if not request.user.has_perm(MANAGE_TEAM, team):
        raise PermissionDenied
    invitation_revoke(invitation=get_object_or_404(Invitation, pk=pk, team=team))
    messages.success(request, _("The invitation link no longer works."))
    return redirect(team)


def invitation(request, token):
    """The page an invitation link opens: who invites you to what, and a button to join."""
    try:
        invite = invitation_from_token(token)
    except TeamActionRefused as refusal:
        return render(request, "teams/invitation.html", {"refusal": refusal}, status=refusal.status)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        try:
            invitation_accept(invitation=invite, user=request.user)
        except (TeamActionRefused, PostingRefused) as refusal:
            return render(
                request,
                "teams/invitation.html",
                {"invitation": invite, "refusal": refusal},
                status=refusal.status,
            )
        messages.success(request, _("Welcome to %(team)s!") % {"team": invite.team.name})
        if request.user.needs_guardian_consent and not hasattr(request.user, "guardian_consent"):
            messages.warning(
                request,
                _(
                    "Because you are under 14, your legal guardian's consent must be recorded "
                    "before you appear on the team page or edit the project. If your guardian "
                    "has not had our email yet, give their address from your profile."
                ),
            )
        return redirect(invite.team)
    return render(
        request,
        "teams/invitation.html",
        {"invitation": invite, "already_member": Membership.objects.of(request.user, invite.team)},
    )


# --- Guardian consent online ---------------------------------------------------------------------


def _guardian_refused(request, refusal):
    return render(
        request, "teams/guardian_answer.html", {"refusal": refusal}, status=refusal.status
    )


@ratelimit("guardian_link")
def guardian_answer_view(request, token):
    """The page a guardian's email opens: what is collected and why, and consent or refusal."""
    try:
        link = guardian_link_open(token, purpose=GuardianLinkPurpose.ANSWER)
    except GuardianLinkRefused as refusal:
        return _guardian_refused(request, refusal)
    form = GuardianAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            answered = guardian_answer(
                link=link,
                consent=form.cleaned_data["decision"] == GuardianAnswerForm.CONSENT,
                guardian_name=form.cleaned_data["guardian_name"],
                relationship=form.cleaned_data["relationship"],
                ip_address=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        except GuardianLinkRefused as refusal:
            return _guardian_refused(request, refusal)
        return render(request, "teams/guardian_answer.html", {"answered": answered})
    response = render(
        request,
        "teams/guardian_answer.html",
        {"form": form, "child": link.request.user},
        status=400 if request.method == "POST" else 200,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


@ratelimit("guardian_link")
def guardian_withdraw_view(request, token):
    """Withdraw consent from the link in any email to the guardian (a confirmation first)."""
    try:
        link = guardian_link_open(token, purpose=GuardianLinkPurpose.WITHDRAW)
    except GuardianLinkRefused as refusal:
        return _guardian_refused(request, refusal)
    if request.method == "POST":
        guardian_withdraw(link=link)
        return render(request, "teams/guardian_withdraw.html", {"withdrawn": True})
    response = render(request, "teams/guardian_withdraw.html", {"child": link.request.user})
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def guardian_ask(request):
    """A member under 14 without recorded consent gives their guardian's email."""
    user = request.user
    if not user.needs_guardian_consent or hasattr(user, "guardian_consent"):
        return redirect("accounts:profile")
    form = GuardianEmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        guardian_consent_request(child=user, guardian_email=form.cleaned_data["guardian_email"])
        messages.success(request, _("We emailed your guardian a link to give consent."))
        return redirect("accounts:profile")
    pending = user.guardian_requests.filter(state=GuardianRequestState.PENDING).first()
    return render(
        request,
        "teams/guardian_ask.html",
        {"form": form, "pending": pending},
        status=400 if request.method == "POST" else 200,
    )
