"""The moderation queue in the Wagtail admin: one page with everything waiting, a page per case
with every action, and bulk actions. Only moderators (the Moderators group) and staff.

Views only parse input and call soslab.moderation.services; the services log to Wagtail's audit
log and tell the author."""

import difflib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Min, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from .cases import ModerationRefused, cases_sync_pending
from .forms import BlockForm, EditForm, HideForm, ReasonForm, RequiredReasonForm
from .models import (
    Appeal,
    AppealStatus,
    Decision,
    HideReason,
    ModerationCase,
    ModerationState,
    Report,
    ReportReason,
    ReportStatus,
)
from .registry import is_moderated, moderated_models, text_fields
from .services import content_edit

PAGE_SIZE = 20

KIND_FILTERS = {
    "reported": (gettext_lazy("Reported items"), Q(open_report_count__gt=0)),
    "pending": (gettext_lazy("Waiting for approval"), Q(awaiting_approval=True)),
    "appeals": (gettext_lazy("Appeals"), Q(has_open_appeal=True)),
    "flagged": (gettext_lazy("Flagged automatically"), Q(flagged_by_system=True)),
    "hidden": (gettext_lazy("Hidden automatically"), Q(auto_hidden=True)),
}


def moderator_required(view):
    """Only for people who hold "moderation.moderate" (soslab.moderation.rules)."""

    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("moderation.moderate"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def content_type_choices():
    models = [*moderated_models(), get_user_model()]
    types = ContentType.objects.get_for_models(*models)
    return sorted(
        (
            (f"{ct.app_label}.{ct.model}", str(model._meta.verbose_name))
            for model, ct in types.items()
        ),
        key=lambda pair: pair[1],
    )


def pending_summary():
    """Counts for the dashboard panel and the queue header: one aggregate query."""
    return ModerationCase.objects.waiting().aggregate(
        total=Count("pk"),
        reported=Count("pk", filter=Q(open_report_count__gt=0)),
        pending=Count("pk", filter=Q(awaiting_approval=True)),
        appeals=Count("pk", filter=Q(has_open_appeal=True)),
        flagged=Count("pk", filter=Q(flagged_by_system=True)),
        oldest=Min("waiting_since"),
    )


def oldest_waiting(limit):
    """The `limit` cases waiting longest (dashboard panel), one query."""
    return list(
        ModerationCase.objects.waiting()
        .select_related("content_type")
        .order_by("waiting_since", "pk")[:limit]
    )


def _breadcrumbs(*items):
    return [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, *items]


def _queue_crumb():
    return {"url": reverse("moderation_admin:queue"), "label": _("Moderation queue")}


def _queue_filter(request, cases):
    """The queue's filters and order from the query string: (cases, current choices, types)."""
    kind = request.GET.get("kind", "")
    if kind in KIND_FILTERS:
        cases = cases.filter(KIND_FILTERS[kind][1])
    type_choices = content_type_choices()
    content_type = request.GET.get("type", "")
    if content_type in {key for key, _label in type_choices}:
        app_label, model = content_type.split(".")
        cases = cases.filter(content_type__app_label=app_label, content_type__model=model)
    reason = request.GET.get("reason", "")
    if reason in ReportReason.values:
        cases = cases.filter(
            pk__in=Report.objects.filter(status=ReportStatus.OPEN, reason=reason).values("case_id")
        )
    order = request.GET.get("order", "oldest")
    if order == "most_reported":
        cases = cases.order_by("-open_report_count", "waiting_since")
    elif order == "newest":
        cases = cases.order_by("-waiting_since")
    else:
        cases = cases.order_by("waiting_since", "pk")
    current = {"kind": kind, "type": content_type, "reason": reason, "order": order}
    return cases, current, type_choices


@moderator_required
def queue(request):
    """Everything waiting, oldest first: reports grouped by item, pre-moderation, appeals."""
    cases_sync_pending()
    cases = (
        ModerationCase.objects.waiting()
        .select_related("content_type", "author")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.filter(status=ReportStatus.OPEN).only(
                    "case_id", "reason", "reporter_id", "text", "created_at"
                ),
                to_attr="open_reports",
            ),
            Prefetch(
                "appeals",
                queryset=Appeal.objects.filter(status=AppealStatus.OPEN),
                to_attr="open_appeals",
            ),
            "content_object",
        )
    )
    cases, current, type_choices = _queue_filter(request, cases)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("p"))
    for case in page.object_list:
        case.reason_counts = _reason_counts(case.open_reports)
    return TemplateResponse(
        request,
        "moderation/admin/queue.html",
        {
            "page_obj": page,
            "cases": page.object_list,
            "summary": pending_summary(),
            "kind_filters": [(key, label) for key, (label, _q) in KIND_FILTERS.items()],
            "type_choices": type_choices,
            "reason_choices": ReportReason.choices,
            "current": current,
            "hide_reasons": HideReason.objects.all(),
            "header_title": _("Moderation queue"),
            "breadcrumbs_items": _breadcrumbs(_queue_crumb()),
        },
    )


def _reason_counts(reports):
    counts = {}
    for report in reports:
        label = ReportReason(report.reason).label
        counts[label] = counts.get(label, 0) + 1
    return sorted(counts.items(), key=lambda pair: -pair[1])


def target_or_404(case):
    target = case.content_object
    if target is None:
        raise Http404(_("This item no longer exists."))
    return target


def _diff(edit):
    return list(
        difflib.unified_diff(
            edit.original.splitlines(),
            edit.edited.splitlines(),
            fromfile=_("original"),
            tofile=_("edited"),
            lineterm="",
        )
    )


@moderator_required
def case_detail(request, pk):
    case = get_object_or_404(ModerationCase.objects.select_related("content_type", "author"), pk=pk)
    target = case.content_object
    is_person = isinstance(target, get_user_model())
    decisions = list(
        Decision.objects.filter(case=case).select_related("moderator").prefetch_related("edits")
    )
    for decision in decisions:
        for edit in decision.edits.all():
            edit.diff_lines = _diff(edit)
    author = target if is_person else case.author
    fields = []
    if target is not None and not is_person:
        for name in text_fields(type(target)):
            field = target._meta.get_field(name)
            fields.append((field.verbose_name, getattr(target, name)))
    return TemplateResponse(
        request,
        "moderation/admin/case.html",
        {
            "case": case,
            "target": target,
            "is_person": is_person,
            "is_content": target is not None and not is_person and is_moderated(type(target)),
            "fields": fields,
            "author": author,
            "reports": case.reports.select_related("reporter").order_by("-created_at"),
            "decisions": decisions,
            "appeals": case.appeals.select_related("author", "decision"),
            "history": ModelLogEntry.objects.for_instance(case)
            .select_related("user")
            .order_by("-timestamp")[:50],
            "hide_form": HideForm(),
            "reason_form": ReasonForm(),
            "reject_form": RequiredReasonForm(),
            "block_form": BlockForm(),
            "states": ModerationState,
            "header_title": str(case),
            "breadcrumbs_items": _breadcrumbs(_queue_crumb(), {"url": "", "label": str(case)}),
        },
    )


@moderator_required
def case_edit(request, pk):
    """Edit the text while keeping the original (staff see a diff on the case page)."""
    case = get_object_or_404(ModerationCase, pk=pk)
    target = target_or_404(case)
    if not is_moderated(type(target)):
        raise Http404
    names = text_fields(type(target))
    form = EditForm(request.POST or None, target=target, field_names=names)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in names}
        try:
            content_edit(
                moderator=request.user,
                target=target,
                changes=changes,
                reason_text=form.cleaned_data["reason_text"],
            )
        except ModerationRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Saved. The original text is kept and the author is told."))
            return redirect("moderation_admin:case", pk=pk)
    return TemplateResponse(
        request,
        "moderation/admin/edit.html",
        {
            "case": case,
            "form": form,
            "header_title": _("Edit while keeping the original"),
            "breadcrumbs_items": _breadcrumbs(
                _queue_crumb(),
                {"url": reverse("moderation_admin:case", args=[pk]), "label": str(case)},
                {"url": "", "label": _("Edit")},
            ),
        },
    )
