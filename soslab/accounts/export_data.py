"""What the platform holds about one person, as JSON-ready data (reads only; the data export
service writes it into a ZIP with the person's photos)."""


def _dt(value):
    return value.isoformat() if value else None


def _photos(rows, folder):
    """(name in the ZIP, file field) for each photo row that has a file."""
    return [(f"{folder}/{row.pk}-{row.image.name.rsplit('/', 1)[-1]}", row.image) for row in rows]


def person_data(user):
    """Return (data, photos): a dict of everything about `user`, and (zip name, FieldFile) pairs."""
    from soslab.comments.models import Comment
    from soslab.ideas.models import Ballot, Idea, Vote
    from soslab.moderation.models import Appeal, Decision, Report
    from soslab.notifications.models import Follow, Notification
    from soslab.problems.models import Problem, Support
    from soslab.teams.models import GuardianConsent, JoinRequest, Membership

    photos = []
    problems = []
    for problem in Problem.objects.filter(author=user).prefetch_related("photos"):
        files = _photos(problem.photos.all(), "photos/problems")
        photos += files
        problems.append(
            {
                "id": problem.pk,
                "title": problem.title,
                "description": problem.description,
                "status": problem.status,
                "moderation_state": problem.moderation_state,
                "moderation_reason": problem.moderation_reason,
                "location_text": problem.location_text,
                "latitude": problem.lat,
                "longitude": problem.lon,
                "created_at": _dt(problem.created_at),
                "photos": [name for name, _file in files],
            }
        )
    ideas = []
    for idea in Idea.objects.filter(author=user).prefetch_related("images"):
        files = _photos(idea.images.all(), "photos/ideas")
        photos += files
        ideas.append(
            {
                "id": idea.pk,
                "title": idea.title,
                "description": idea.description,
                "status": idea.status,
                "moderation_state": idea.moderation_state,
                "created_at": _dt(idea.created_at),
                "images": [name for name, _file in files],
            }
        )
    consent = GuardianConsent.objects.filter(user=user).first()
    data = {
        "account": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "age_band": user.age_band,
            "date_joined": _dt(user.date_joined),
            "last_login": _dt(user.last_login),
            "is_resident": user.is_resident,
            "email_frequency": user.email_frequency,
            "blocked_until": _dt(user.blocked_until),
            "block_reason": user.block_reason,
        },
        "consents": {
            "privacy_accepted_at": _dt(user.privacy_accepted_at),
            "guardian_consent": consent
            and {
                "guardian_name": consent.guardian_name,
                "guardian_contact": consent.guardian_contact,
                "method": consent.method,
                "given_at": _dt(consent.given_at),
            },
        },
        "problems": problems,
        "ideas": ideas,
        "comments": [
            {
                "id": c.pk,
                "on": f"{c.content_type.app_label}.{c.content_type.model}:{c.object_id}",
                "body": c.body,
                "moderation_state": c.moderation_state,
                "created_at": _dt(c.created_at),
                "deleted_at": _dt(c.deleted_at),
            }
            for c in Comment.objects.filter(author=user).select_related("content_type")
        ],
        "supports": [
            {"problem": s.problem_id, "title": s.problem.title, "created_at": _dt(s.created_at)}
            for s in Support.objects.filter(user=user).select_related("problem")
        ],
        "ballots": [
            {
                "round": str(b.round),
                "votes_used": b.votes_used,
                "dong": str(b.dong) if b.dong_id else None,
                "created_at": _dt(b.created_at),
            }
            for b in Ballot.objects.filter(user=user).select_related("round", "dong")
        ],
        "votes": [
            {"idea": v.idea_id, "title": v.idea.title, "created_at": _dt(v.created_at)}
            for v in Vote.objects.filter(user=user).select_related("idea")
        ],
        "follows": [
            {
                "target": f"{f.content_type.app_label}.{f.content_type.model}:{f.object_id}",
                "created_at": _dt(f.created_at),
            }
            for f in Follow.objects.filter(user=user).select_related("content_type")
        ],
        "team_memberships": [
            {"team": m.team.name, "role": m.role, "joined_at": _dt(m.joined_at)}
            for m in Membership.objects.filter(user=user).select_related("team")
        ],
        "team_join_requests": [
            {
                "team": r.team.name,
                "message": r.message,
                "status": r.status,
                "created_at": _dt(r.created_at),
            }
            for r in JoinRequest.objects.filter(user=user).select_related("team")
        ],
        "moderation_decisions_about_me": [
            {
                "item": d.case.title,
                "action": d.action,
                "reason": d.reason,
                "decided_at": _dt(d.created_at),
            }
            for d in Decision.objects.filter(case__author=user).select_related("case")
        ],
        "my_reports": [
            {"item": r.case.title, "reason": r.reason, "text": r.text, "at": _dt(r.created_at)}
            for r in Report.objects.filter(reporter=user).select_related("case")
        ],
        "my_appeals": [
            {"text": a.text, "status": a.status, "at": _dt(a.created_at)}
            for a in Appeal.objects.filter(author=user)
        ],
        "notifications": [
            {"kind": n.kind, "message": n.message, "created_at": _dt(n.created_at)}
            for n in Notification.objects.filter(recipient=user)
        ],
    }
    return data, photos
