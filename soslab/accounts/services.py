"""Account writes a person makes about themselves. Views call these; nothing else repeats them."""

from django.db import transaction

from .permissions import check_can_post


def profile_update(*, user, display_name, email_frequency):
    """Save a person's own profile. The display name is public (shown next to everything they
    posted), so changing it is a write like posting: refused (PostingRefused) for people who may
    not post (blocked, unverified). Email preferences are private and always theirs to change,
    so a blocked person can still turn notification emails off."""
    display_name = (display_name or "").strip()
    fields = []
    if display_name != user.display_name:
        check_can_post(user)
        user.display_name = display_name
        fields.append("display_name")
    if email_frequency != user.email_frequency:
        user.email_frequency = email_frequency
        fields.append("email_frequency")
    if fields:
        with transaction.atomic():
            user.save(update_fields=fields)
    return user
