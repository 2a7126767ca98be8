"""Wagtail admin views for staff: who is still missing guardian consent, and recording it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from soslab.accounts.models import AgeBand, User

from .forms import GuardianConsentForm
from .models import GuardianConsentRequest, Membership
from .rules import RECORD_CONSENT
from .services import guardian_consent_record

PAGE_SIZE = 20


def _breadcrumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("teams_admin:consent"), "label": _("Guardian consent")},
        *items,
    ]


def children_missing_consent():
    """Under-14 members of a team (or with an online request) whose guardian's consent is not
    recorded: the consent screen and the dashboard panel count the same people."""
    return User.objects.filter(
        Q(team_memberships__isnull=False) | Q(guardian_requests__isnull=False),
        age_band=AgeBand.UNDER_14,
        guardian_consent__isnull=True,
        deleted_at__isnull=True,
    ).distinct()


def consent_missing(request):
    """Under-14 team members whose guardian's consent is not recorded yet, oldest first."""
    if not request.user.has_perm(RECORD_CONSENT):
        raise PermissionDenied
    children = children_missing_consent().order_by("date_joined", "pk")
    page = Paginator(children, PAGE_SIZE).get_page(request.GET.get("page"))
    memberships = Membership.objects.filter(user__in=list(page.object_list)).select_related("team")
    teams_by_user = {}
    for membership in memberships:
        teams_by_user.setdefault(membership.user_id, []).append(membership.team)
    latest_request = {}
    for online in GuardianConsentRequest.objects.filter(user__in=list(page.object_list)).order_by(
        "created_at", "pk"
    ):
        latest_request[online.user_id] = online  # the newest wins
    for child in page.object_list:
        child.team_list = teams_by_user.get(child.pk, [])
        child.online_request = latest_request.get(child.pk)
    return TemplateResponse(
        request,
        "teams/admin/consent_missing.html",
        {
            "page_obj": page,
            "header_title": _("Guardian consent"),
            "breadcrumbs_items": _breadcrumbs(),
        },
    )


def consent_record(request, user_id):
    """Record how and when a guardian consented (법정대리인 동의) for one child."""
    if not request.user.has_perm(RECORD_CONSENT):
        raise PermissionDenied
    child = get_object_or_404(User, pk=user_id, age_band=AgeBand.UNDER_14)
    form = GuardianConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        guardian_consent_record(user=child, recorded_by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Consent recorded for %(name)s. They now appear on their team and may edit.")
            % {"name": child.public_name},
        )
        return redirect("teams_admin:consent")
    return TemplateResponse(
        request,
        "teams/admin/consent_record.html",
        {
            "child": child,
            "form": form,
            "header_title": _("Record guardian consent"),
            "breadcrumbs_items": _breadcrumbs({"url": "", "label": child.public_name}),
        },
        status=400 if request.method == "POST" else 200,
    )
