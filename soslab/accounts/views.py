from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .forms import PolicyConsentForm, ProfileForm
from .models import PolicyVersion
from .permissions import PostingRefused
from .services import policy_accept, profile_update


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
