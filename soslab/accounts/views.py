from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .permissions import PostingRefused
from .services import profile_update


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
            )
        except PostingRefused as refusal:
            form.add_error("display_name", refusal.message)
            status = refusal.status
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form}, status=status)
