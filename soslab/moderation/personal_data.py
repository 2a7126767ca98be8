"""What moderation holds about a person: exported and erased through
soslab.accounts.personal_data."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

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


def _audit_labels_erase(cases):
    """The audit log labels each entry with the case's excerpt: keep only its kind and id."""
    case_type = ContentType.objects.get_for_model(ModerationCase)
    for case in cases:
        ModelLogEntry.objects.filter(content_type=case_type, object_id=str(case.pk)).update(
            label=case.audit_label
        )


def erase(user, *, keep):
    """Cases keep their decisions (audit); what the person wrote in reports and appeals goes, and,
    unless the contributions are kept, the excerpt of what was erased."""
    if not keep:
        cases = ModerationCase.objects.filter(author=user).select_related("content_type")
        _audit_labels_erase(cases)
        cases.update(title="")
    Report.objects.filter(reporter=user).update(reporter=None, text="")
    Appeal.objects.filter(author=user).update(text="")


register("moderation", export=export, erase=erase)
