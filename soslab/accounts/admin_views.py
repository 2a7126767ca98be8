"""Wagtail admin view for staff: delete a person's account on their request."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import StaffAccountDeleteForm
from .models import User
from .services import account_delete, contributions_always_deleted


def account_delete_on_request(request, user_id):
    """The same deletion a person can do themselves, done by staff on the person's request."""
    if not request.user.has_perm("accounts.delete_account"):
        raise PermissionDenied
    person = get_object_or_404(User, pk=user_id, deleted_at__isnull=True)
    if person.pk == request.user.pk:
        raise PermissionDenied
    form = StaffAccountDeleteForm(request.POST or None)
    if contributions_always_deleted(person):
        del form.fields["contributions"]
    if request.method == "POST" and form.is_valid():
        keep = form.cleaned_data.get("contributions") == "keep"
        account_delete(user=person, keep_contributions=keep, actor=request.user)
        messages.success(request, _("The account has been deleted."))
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "accounts/admin/delete.html",
        {
            "person": person,
            "form": form,
            "always_deleted": contributions_always_deleted(person),
            "header_title": _("Delete an account on request"),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
                {"url": "", "label": person.public_name},
            ],
        },
        status=400 if request.method == "POST" else 200,
    )
