"""Screening of citizen text: the one entry point every posting service calls (problems, comments,
ideas), so a view, an API endpoint or a direct caller cannot skip it.

    screening = screen(author=author, texts={"title": ..., "description": ...},
                       links={"description": description}, editing=problem)
    with transaction.atomic():
        ...write...
        screening.record(problem)

`screen` runs the spam checks before anything is written and raises ScreeningRefused (a
PostingRefused naming the form field it is about, so forms show it next to what was typed):
- links: new accounts may include only a few links ({field: text to count in});
- repeated: the same text posted twice by one person is refused (names of `texts` to compare).

It also finds Korean personal data in all `texts`. Forms warn about it first (PersonalDataCheckMixin);
when the author publishes anyway, `screening.record(obj)` flags the saved item for moderator review
(a system report) inside the service's transaction.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from soslab.accounts.permissions import PostingRefused

from .pii import find_personal_data
from .reports import report_flag_system
from .spam import check_links_allowed, check_not_repeated


class ScreeningRefused(PostingRefused):
    """Text refused by a spam check; `field` names the form field the message belongs to."""

    def __init__(self, message, *, code, field=None, status=400):
        super().__init__(message, code=code, status=status)
        self.field = field


@dataclass(frozen=True)
class Screening:
    """What screening found in text that may be written: the personal data to flag."""

    findings: tuple = field(default_factory=tuple)

    def record(self, obj):
        """Flag `obj` for review when its text holds personal data (published despite the
        warning). Idempotent; returns the system report or None."""
        if not self.findings:
            return None
        kinds = sorted({str(finding.label) for _name, finding in self.findings})
        return report_flag_system(
            target=obj,
            text=_("Published despite the personal-data warning: %(kinds)s")
            % {"kinds": ", ".join(kinds)},
        )


def screen(*, author, texts, links=None, repeated=(), editing=None):
    """Refuse spam (raise ScreeningRefused) and return a Screening with the personal data found.

    texts: {field name: text} as it will be saved; links: {field name: text} whose links are
    counted for new accounts; repeated: names in `texts` refused when posted before;
    editing: the item being changed (its own text is not a repeat)."""
    signed_in = getattr(author, "is_authenticated", False)
    if signed_in:
        for name, text in (links or {}).items():
            _refuse_on(check_links_allowed, name, author=author, text=text)
        for name in repeated:
            if texts.get(name):
                _refuse_on(
                    check_not_repeated, name, author=author, text=texts[name], exclude=editing
                )
    findings = tuple(
        (name, finding)
        for name, text in texts.items()
        for finding in find_personal_data(text or "")
    )
    return Screening(findings=findings)


def _refuse_on(check, name, **kwargs):
    try:
        check(**kwargs)
    except ValidationError as error:
        raise ScreeningRefused(error.messages[0], code=error.code, field=name) from error
