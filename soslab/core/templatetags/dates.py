"""Dates for people, one style per language (soslab.core.dates). Load with `{% load dates %}`.

  {{ value|when }}         2026년 11월 17일 (화) 오후 2:00 / Tue 17 Nov 2026, 2:00 PM
  {{ value|day }}          2026년 11월 17일 (화)       {{ value|day:"short" }}  11월 17일 (화)
  {{ value|month }}        2026년 11월                  {{ value|clock }}        오후 2:00
  {{ start|when_range:end }}                            2026년 11월 17일 (화) 오후 2:00 – 오후 5:00
  {{ value|iso }}          2026-11-17T14:00:00+09:00 (attributes read by scripts)
  {% time_tag value %}     <time datetime="2026-11-17T14:00:00+09:00">2026년 11월 17일 (화) 오후 2:00</time>
  {% time_tag value "date" %}, "short", "month", "time", "ago" (3시간 전, the full moment as title)

Templates never use Django's |date, |time, naturaltime or timesince for people
(tests/core/test_dates.py keeps it so).
"""

import functools

from django import template
from django.utils.html import format_html

from soslab.core import dates

register = template.Library()


def _or_empty(function):
    """No value, no text (a filter never prints "None")."""

    @functools.wraps(function)
    def wrapper(value, *args):
        return "" if value in (None, "") else function(value, *args)

    return wrapper


@register.filter
@_or_empty
def when(value):
    """A moment: day and clock time."""
    return dates.format_when(value)


@register.filter
@_or_empty
def day(value, style=""):
    """A day; day:"short" leaves the year out."""
    return dates.format_short_day(value) if style == "short" else dates.format_day(value)


@register.filter
@_or_empty
def month(value):
    return dates.format_month(value)


@register.filter
@_or_empty
def clock(value):
    return dates.format_clock(value)


@register.filter
@_or_empty
def when_range(start, end):
    return dates.format_range(start, end)


@register.filter
@_or_empty
def iso(value):
    return dates.iso(value)


@register.filter
@_or_empty
def iso_month(value):
    """YYYY-MM, the value format of an <input type="month">."""
    return f"{value.year:04d}-{value.month:02d}"


@register.simple_tag
def time_tag(value, style="datetime"):
    """<time datetime="…">…</time> in the one style; empty for no value."""
    if value in (None, ""):
        return ""
    text = dates.FORMATS[style](value)
    if style == "ago":
        return format_html(
            '<time datetime="{}" title="{}">{}</time>',
            dates.iso(value),
            dates.format_when(value),
            text,
        )
    return format_html('<time datetime="{}">{}</time>', dates.iso(value), text)


@register.simple_tag
def time_range(start, end):
    """A span as two <time> elements; the end's day is left out when it is the start's day:
    2026년 11월 17일 (화) 오후 2:00 – 오후 5:00."""
    if end is None:
        return time_tag(start)
    text = dates.format_range(start, end)
    first = dates.format_when(start)
    return format_html(
        '<time datetime="{}">{}</time>{}<time datetime="{}">{}</time>',
        dates.iso(start),
        first,
        dates.RANGE_DASH,
        dates.iso(end),
        text[len(first) + len(dates.RANGE_DASH) :],
    )
