"""The one way dates and times are written for people, per language, and the one machine form.

Korean: 2026년 11월 17일 (화) 오후 2:00; English: Tue 17 Nov 2026, 2:00 PM. Templates use the
filters and `{% time_tag %}` of soslab/core/templatetags/dates.py; Python text shown to people
(refusal messages, map popups) calls these functions. Moments are shown in the active time zone
(Korea time, settings.TIME_ZONE). Django's DATE_FORMAT and friends are not used for people: they
wrote the same moment three ways.
"""

import datetime as dt

from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _

KO_WEEKDAYS = "월화수목금토일"
EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EN_MONTHS_FULL = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
RANGE_DASH = " – "


def _korean():
    return (get_language() or "ko").startswith("ko")


def local(value):
    """A datetime in the active time zone (naive ones are taken as already local)."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _day_part(value):
    """The date of a date or of a datetime (in Korea time)."""
    value = local(value)
    return value.date() if isinstance(value, dt.datetime) else value


def format_day(value):
    """2026년 11월 17일 (화) / Tue 17 Nov 2026."""
    day = _day_part(value)
    if _korean():
        return f"{day.year}년 {day.month}월 {day.day}일 ({KO_WEEKDAYS[day.weekday()]})"
    return f"{EN_WEEKDAYS[day.weekday()]} {day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def format_short_day(value):
    """11월 17일 (화) / Tue 17 Nov: a day of the current season, where the year is obvious."""
    day = _day_part(value)
    if _korean():
        return f"{day.month}월 {day.day}일 ({KO_WEEKDAYS[day.weekday()]})"
    return f"{EN_WEEKDAYS[day.weekday()]} {day.day} {EN_MONTHS[day.month - 1]}"


def format_month(value):
    """2026년 11월 / November 2026."""
    day = _day_part(value)
    if _korean():
        return f"{day.year}년 {day.month}월"
    return f"{EN_MONTHS_FULL[day.month - 1]} {day.year}"


def format_clock(value):
    """오후 2:00 / 2:00 PM, for a time or a datetime (in Korea time)."""
    value = local(value)
    hour12 = value.hour % 12 or 12
    if _korean():
        return f"{'오전' if value.hour < 12 else '오후'} {hour12}:{value.minute:02d}"
    return f"{hour12}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def format_when(value):
    """2026년 11월 17일 (화) 오후 2:00 / Tue 17 Nov 2026, 2:00 PM."""
    separator = " " if _korean() else ", "
    return f"{format_day(value)}{separator}{format_clock(value)}"


def format_range(start, end):
    """A span of time: the end's date is left out when it is the start's day.

    2026년 11월 17일 (화) 오후 2:00 – 오후 5:00; without an end, just the start.
    """
    if end is None:
        return format_when(start)
    if _day_part(start) == _day_part(end):
        return f"{format_when(start)}{RANGE_DASH}{format_clock(end)}"
    return f"{format_when(start)}{RANGE_DASH}{format_when(end)}"


def format_ago(value):
    """3시간 전 / 3 hours ago: how long something has waited (moderation queues)."""
    return _("%(time)s ago") % {"time": timesince(value)}


def iso(value):
    """The machine form for `datetime` attributes and scripts: ISO 8601 in Korea time, whole
    seconds (2026-11-17T14:00:00+09:00); a date as 2026-11-17, a time as 14:00."""
    if isinstance(value, dt.datetime):
        return local(value).replace(microsecond=0).isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value.isoformat()


FORMATS = {
    "datetime": format_when,
    "date": format_day,
    "short": format_short_day,
    "month": format_month,
    "time": format_clock,
    "ago": format_ago,
}
