"""Account writes a person makes about themselves. Views call these; nothing else repeats them."""

from django.db import transaction
from django.utils import timezone

from .models import PolicyAcceptance, PolicyVersion
from .permissions import check_can_post


def profile_update(*, user, display_name, email_frequency, activity_hidden=None):
    """Save a person's own profile. The display name is public (shown next to everything they
    posted), so changing it is a write like posting: refused (PostingRefused) for people who may
    not post (blocked, unverified). Email preferences are private and always theirs to change,
    so a blocked person can still turn notification emails off; so is hiding
    one's activity list from the public profile."""
    display_name = (display_name or "").strip()
    fields = []
    if display_name != user.display_name:
        check_can_post(user)
        user.display_name = display_name
        fields.append("display_name")
    if email_frequency != user.email_frequency:
        user.email_frequency = email_frequency
        fields.append("email_frequency")
    if activity_hidden is not None and activity_hidden != user.activity_hidden:
        user.activity_hidden = activity_hidden
        fields.append("activity_hidden")
    if fields:
        with transaction.atomic():
            user.save(update_fields=fields)
    return user


def policy_accept(*, user, version=None):
    """Record that `user` accepts `version` (default: the one in force) of the privacy policy.
    Keeps every earlier acceptance; accepting the same version twice changes nothing. Allowed to
    anyone signed in, blocked or not: consenting is not posting. Returns the acceptance or None
    when no version is published yet."""
    version = version or PolicyVersion.objects.current()
    if version is None:
        return None
    with transaction.atomic():
        acceptance, _created = PolicyAcceptance.objects.get_or_create(
            user=user, version=version, defaults={"accepted_at": timezone.now()}
        )
        if user.privacy_accepted_at is None or acceptance.accepted_at > user.privacy_accepted_at:
            user.privacy_accepted_at = acceptance.accepted_at
            user.save(update_fields=["privacy_accepted_at"])
    user.__dict__.pop("_needs_policy_consent", None)
    return acceptance
