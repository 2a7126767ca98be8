"""Korean personal data in citizen text: mobile numbers, resident registration numbers, emails.

Deliberately narrow, to warn rarely and rightly:
- Mobile numbers start with 010/011/016/017/018/019 (or +82 10 ...) and have 3-4 + 4 digits.
  Landlines such as 063-222-1234 (public offices post these) are not flagged, nor are dates
  (2026-11-20), bus routes ("간선 1000"), amounts or longer digit runs.
- Resident registration numbers are YYMMDD (a real month and day), a hyphen (or a space), and a
  7-digit block starting 1-8 (1-4 Korean nationals, 5-8 foreign residents). Thirteen digits in a
  row are not flagged: Korean barcodes (880...) would match and the hyphen is how people write it.
- Emails: name@domain.tld.
Digits glued to other digits (part of a longer number) never match.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KINDS = {
    "mobile": _("mobile phone number"),
    "rrn": _("resident registration number"),
    "email": _("email address"),
}

_SEP = r"[\s.\-]?"
_MOBILE = re.compile(
    r"(?<![\d\-.+])"
    r"(?:(?:\+|00)82[\s.\-]?0?1[016789]|01[016789])"
    rf"{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    r"(?![\d\-])"
)
_RRN = re.compile(
    r"(?<![\d\-.])"
    r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"(?:\s?[-–]\s?|\s)[1-8]\d{6}"
    r"(?![\d\-])"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])"
)

_PATTERNS = (("rrn", _RRN), ("mobile", _MOBILE), ("email", _EMAIL))


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str
    start: int
    end: int

    @property
    def label(self):
        return KINDS[self.kind]


def find_personal_data(text):
    """Return the personal data found in `text` as Findings, in order of appearance."""
    if not text:
        return []
    findings = []
    taken = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            findings.append(Finding(kind, match.group(0), span[0], span[1]))
    findings.sort(key=lambda finding: finding.start)
    return findings


def mask(value):
    """'010-1234-5678' -> '010-****-5678': enough to recognise, not enough to copy."""
    if len(value) <= 4:
        return "*" * len(value)
    keep = max(2, len(value) // 4)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]
