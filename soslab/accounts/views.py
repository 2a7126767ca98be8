from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.i18n import set_language

from .forms import AccountDeleteForm, PolicyConsentForm, ProfileForm
from .models import PolicyVersion
from .permissions import PostingRefused
from .services import (
    ExportNotFound,
    account_delete,
    contributions_always_deleted,
    data_export_for,
    data_export_path,
    data_export_request,
    policy_accept,
    preferred_language_set,
    profile_update,
)


def language_set(request):
    """The header's language switcher (Django's set_language); a signed-in person's choice also
    becomes the language of their notifications."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated and check_for_language(language):
        preferred_language_set(user=request.user, language=language)
    return response


@login_required
def profile(request):
    """A person's own profile: public display name and email preferences."""
    user = request.user
    if request.method != "POST":
        return render(request, "accounts/profile.html", {"form": ProfileForm(instance=user)})
    # The form validates a copy (a ModelForm writes into its instance); the service decides.
    form = ProfileForm(request.POST, instance=get_user_model().objects.get(pk=user.pk))
    status = 400
    if form.is_valid():
        try:
            profile_update(
                user=user,
                display_name=form.cleaned_data["display_name"],
                email_frequency=form.cleaned_data["email_frequency"],
                activity_hidden=form.cleaned_data["activity_hidden"],
                preferred_language=form.cleaned_data["preferred_language"],
            )
        except PostingRefused as refusal:
            form.add_error("display_name", refusal.message)
            status = refusal.status
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form}, status=status)


@login_required
def consent(request):
    """Read and accept the privacy policy version in force. The posting check sends people here
    when staff have published a new version they have not accepted yet."""
    version = PolicyVersion.objects.current()
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    form = PolicyConsentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if version is not None and form.is_valid():
            policy_accept(user=request.user, version=version)
            messages.success(request, _("Thank you. You can take part again."))
            return redirect(next_url or "people:me")
        status = 400
    context = {
        "form": form,
        "version": version,
        "needs_consent": request.user.needs_policy_consent,
        "next": next_url,
    }
    return render(request, "accounts/consent.html", context, status=status)


@login_required
def account_delete_view(request):
    """Delete one's own account after re-entering the password (a page explains what happens)."""
    user = request.user
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        account_delete(user=user, keep_contributions=form.keep_contributions)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "always_deleted": contributions_always_deleted(user),
        "export_url": reverse("accounts:export"),
    }
    return render(request, "accounts/delete.html", context, status=status)


@login_required
def export_request(request):
    """Ask for a ZIP of one's data; the link is emailed when it is ready (and shown here)."""
    if request.method == "POST":
        _export, token = data_export_request(user=request.user)
        return render(
            request,
            "accounts/export.html",
            {"requested": True, "link": data_export_path(token)},
        )
    exports = request.user.data_exports.filter(expires_at__gt=timezone.now())
    return render(request, "accounts/export.html", {"exports": exports})


def export_download(request, token):
    """The ZIP, for its owner signed in, while the link has not expired; anything else is 404.
    A valid link opened signed out leads to the sign-in page first."""
    try:
        if not request.user.is_authenticated:
            data_export_for(token=token)
            return redirect_to_login(request.get_full_path())
        export = data_export_for(token=token, user=request.user)
    except ExportNotFound:
        raise Http404 from None
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"soslab-data-{export.requested_at:%Y%m%d}.zip",
        content_type="application/zip",
    )
