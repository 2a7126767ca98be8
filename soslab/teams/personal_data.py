"""What teams holds about a person: exported and erased through soslab.accounts.personal_data."""

from soslab.accounts.personal_data import iso, register

from .models import GuardianConsent, GuardianConsentRequest, JoinRequest, Membership
from .services import membership_remove


def export(user, archive):
    consent = GuardianConsent.objects.filter(user=user).first()
    return {
        "consents": {
            "guardian_consent": consent
            and {
                "guardian_name": consent.guardian_name,
                "guardian_contact": consent.guardian_contact,
                "method": consent.method,
                "given_at": iso(consent.given_at),
            },
        },
        "team_memberships": [
            {"team": m.team.name, "role": m.role, "joined_at": iso(m.joined_at)}
            for m in Membership.objects.filter(user=user).select_related("team")
        ],
        "team_join_requests": [
            {
                "team": r.team.name,
                "message": r.message,
                "status": r.status,
                "created_at": iso(r.created_at),
            }
            for r in JoinRequest.objects.filter(user=user).select_related("team")
        ],
    }


def erase(user, *, keep):
    """Memberships (the project's edit access goes with them), requests and consents: only about
    the person, always deleted."""
    for membership in Membership.objects.filter(user=user).select_related("team"):
        membership_remove(membership=membership)
    JoinRequest.objects.filter(user=user).delete()
    GuardianConsent.objects.filter(user=user).delete()
    GuardianConsentRequest.objects.filter(user=user).delete()  # and its links


register("teams", export=export, erase=erase)
