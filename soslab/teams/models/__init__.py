"""Maker teams: members and their roles (teams.py), guardian consent for under-14s (consent.py),
invitations and join requests (joining.py), and the live audience vote held at a results-sharing
event, 결과공유회 (live_vote.py). Django finds every model through this module.

Writes go through soslab.teams.services (and .joining, .guardians, .live_vote); permissions live
in soslab.teams.rules.
"""

from .consent import (
    ConsentMethod,
    GuardianConsent,
    GuardianConsentRequest,
    GuardianLink,
    GuardianLinkPurpose,
    GuardianRequestState,
)
from .joining import Invitation, JoinRequest, JoinRequestStatus
from .live_vote import JuryScore, LiveBallot, LiveVote, LiveVoteOption, LiveVoteStatus
from .teams import Membership, MembershipQuerySet, Team, TeamQuerySet, TeamRole

__all__ = [
    "ConsentMethod",
    "GuardianConsent",
    "GuardianConsentRequest",
    "GuardianLink",
    "GuardianLinkPurpose",
    "GuardianRequestState",
    "Invitation",
    "JoinRequest",
    "JoinRequestStatus",
    "JuryScore",
    "LiveBallot",
    "LiveVote",
    "LiveVoteOption",
    "LiveVoteStatus",
    "Membership",
    "MembershipQuerySet",
    "Team",
    "TeamQuerySet",
    "TeamRole",
]
