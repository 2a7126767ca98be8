"""Staff actions on a problem (status, official answer, duplicate) and the author's answer to
"is it still there?". Permissions are checked with has_perm (rules.py); every write goes through
a service and its refusal is shown as a message (or JSON for API clients)."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soslab.accounts.decorators import posting_required
from soslab.accounts.permissions import PostingRefused
from soslab.core.http import json_error, wants_json

from . import services
from .forms import AnswerForm, DuplicateForm, StatusChangeForm, StillThereForm
from .models import Problem
from .still_there import problem_still_there_answer


def _staff_only(request, problem, permission):
    if not request.user.has_perm(permission, problem):
        message = _("Only staff can do this.")
        if wants_json(request):
            return json_error(message, code="permission_denied", status=403)
        return HttpResponseForbidden(message)
    return None


def _refused(request, problem, exc):
    if wants_json(request):
        return json_error(exc.message, code=exc.code, status=exc.status)
    messages.error(request, exc.message)
    return redirect(problem)


def _form_errors(request, problem, form):
    errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
    if wants_json(request):
        return json_error(errors, code="invalid", status=400)
    messages.error(request, errors)
    return redirect(problem)


@require_POST
def problem_status(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    if denied := _staff_only(request, problem, "problems.change_problem_status"):
        return denied
    form = StatusChangeForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    try:
        services.problem_status_change(
            problem=problem,
            status=form.cleaned_data["status"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Status changed."))
    return redirect(problem)


@require_POST
def problem_answer(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    if denied := _staff_only(request, problem, "problems.answer_problem"):
        return denied
    form = AnswerForm(request.POST, problem=problem)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    try:
        services.answer_add(problem=problem, author=request.user, body=form.cleaned_data["body"])
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Your official answer is published."))
    return redirect(problem)


@require_POST
def problem_duplicate(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    if denied := _staff_only(request, problem, "problems.change_problem_status"):
        return denied
    form = DuplicateForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    original = Problem.objects.filter(pk=form.cleaned_data["original"]).first()
    if original is None:
        form.add_error("original", _("There is no problem with that number."))
        return _form_errors(request, problem, form)
    try:
        services.problem_mark_duplicate(
            duplicate=problem, original=original, actor=request.user, note=form.cleaned_data["note"]
        )
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Marked as a duplicate; supports and followers moved."))
    return redirect(problem)


@require_POST
@posting_required
def problem_still_there(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    form = StillThereForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    try:
        problem_still_there_answer(
            problem=problem,
            user=request.user,
            still_there=form.cleaned_data["still_there"],
            note=form.cleaned_data["note"],
        )
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Thank you for letting your neighbours know."))
    return redirect(problem)
