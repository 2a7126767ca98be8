"""Demo helpers for maker teams, used by the demo loader of the projects feature
(cms.projects.demo, which knows the rounds): a team with its members, and a guardian consent
recorded on paper. Idempotent: a second call changes nothing."""

import datetime as dt

from django.utils import timezone

from .models import ConsentMethod, GuardianConsent, Membership, Team
from .services import guardian_consent_record, membership_add, team_create


def team_ensure(slug, name, description, round_page, members):
    """The team `slug` with `members` [(user, role, company)], the first being its leader."""
    team = Team.objects.filter(slug=slug).first()
    leader = members[0][0]
    if team is None:
        team = team_create(
            name=name, slug=slug, leader=leader, description=description, round=round_page
        )
    elif round_page is not None and team.round_id is None:
        team.round = round_page
        team.save(update_fields=["round"])
    for user, role, company in members[1:]:
        if not Membership.objects.filter(team=team, user=user).exists():
            membership_add(team=team, user=user, role=role, company_name=company)
    return team


def paper_consent_ensure(*, child, recorded_by):
    """A guardian's consent for `child` on a signed paper form, recorded once."""
    if GuardianConsent.objects.filter(user=child).exists():
        return
    guardian_consent_record(
        user=child,
        guardian_name="김보호",
        guardian_contact="010-0000-1234",
        method=ConsentMethod.PAPER,
        given_at=timezone.now() - dt.timedelta(days=30),
        recorded_by=recorded_by,
        note="서면 동의서 원본은 진흥원 보관함에 있습니다.",
    )
