"""What moderation holds about a person: exported and erased through
soslab.accounts.personal_data."""

from soslab.accounts.personal_data import iso, register

from .models import Appeal, Decision, ModerationCase, Report


def export(user, archive):
    return {
        "moderation_decisions_about_me": [
            {
                "item": d.case.title,
                "action": d.action,
                "reason": d.reason,
                "decided_at": iso(d.created_at),
            }
            for d in Decision.objects.filter(case__author=user).select_related("case")
        ],
        "my_reports": [
            {"item": r.case.title, "reason": r.reason, "text": r.text, "at": iso(r.created_at)}
            for r in Report.objects.filter(reporter=user).select_related("case")
        ],
        "my_appeals": [
            {"text": a.text, "status": a.status, "at": iso(a.created_at)}
            for a in Appeal.objects.filter(author=user)
        ],
    }


def erase(user, *, keep):
    """Cases keep their decisions (audit); what the person wrote in reports and appeals goes, and,
    unless the contributions are kept, the excerpt of what was erased."""
    if not keep:
        ModerationCase.objects.filter(author=user).update(title="")
    Report.objects.filter(reporter=user).update(reporter=None, text="")
    Appeal.objects.filter(author=user).update(text="")


register("moderation", export=export, erase=erase)
