"""One date style per language (soslab.core.dates) and the rule that templates use it."""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from soslab.core import dates

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
UTC = dt.UTC
# 2026-11-17 14:00:00.123456 in Korea: a Tuesday afternoon, with microseconds.
AFTERNOON = dt.datetime(2026, 11, 17, 5, 0, 0, 123456, tzinfo=UTC)


def render(source, **context):
    return Template("{% load dates %}" + source).render(Context(context))


def test_korean_moment_day_and_clock():
    with translation.override("ko"):
        assert dates.format_when(AFTERNOON) == "2026년 11월 17일 (화) 오후 2:00"
        assert dates.format_day(AFTERNOON) == "2026년 11월 17일 (화)"
        assert dates.format_day(dt.date(2026, 11, 17)) == "2026년 11월 17일 (화)"
        assert dates.format_short_day(dt.date(2026, 11, 17)) == "11월 17일 (화)"
        assert dates.format_month(dt.date(2026, 11, 17)) == "2026년 11월"
        assert dates.format_clock(dt.time(9, 5)) == "오전 9:05"


def test_english_moment_day_and_clock():
    with translation.override("en"):
        assert dates.format_when(AFTERNOON) == "Tue 17 Nov 2026, 2:00 PM"
        assert dates.format_day(AFTERNOON) == "Tue 17 Nov 2026"
        assert dates.format_short_day(AFTERNOON) == "Tue 17 Nov"
        assert dates.format_month(AFTERNOON) == "November 2026"
        assert dates.format_clock(dt.time(9, 5)) == "9:05 AM"


def test_korean_weekday_names_for_a_whole_week():
    monday = dt.date(2026, 11, 16)
    with translation.override("ko"):
        names = [dates.format_day(monday + dt.timedelta(days=n))[-2] for n in range(7)]
    assert "".join(names) == "월화수목금토일"


@pytest.mark.parametrize(
    ("hour", "korean", "english"),
    [(0, "오전 12:00", "12:00 AM"), (11, "오전 11:00", "11:00 AM"), (12, "오후 12:00", "12:00 PM")],
)
def test_midnight_and_noon(hour, korean, english):
    moment = dt.time(hour, 0)
    with translation.override("ko"):
        assert dates.format_clock(moment) == korean
    with translation.override("en"):
        assert dates.format_clock(moment) == english


def test_moments_are_written_in_korea_time():
    late_evening_utc = dt.datetime(2026, 11, 16, 20, 30, tzinfo=UTC)  # 17 Nov 05:30 in Korea
    with translation.override("ko"):
        assert dates.format_when(late_evening_utc) == "2026년 11월 17일 (화) 오전 5:30"


def test_a_range_on_one_day_writes_the_day_once():
    end = AFTERNOON + dt.timedelta(hours=3)
    with translation.override("ko"):
        assert dates.format_range(AFTERNOON, end) == "2026년 11월 17일 (화) 오후 2:00 – 오후 5:00"
        two_days = dates.format_range(AFTERNOON, end + dt.timedelta(days=1))
        assert two_days == "2026년 11월 17일 (화) 오후 2:00 – 2026년 11월 18일 (수) 오후 5:00"
    with translation.override("en"):
        assert dates.format_range(AFTERNOON, end) == "Tue 17 Nov 2026, 2:00 PM – 5:00 PM"
        assert dates.format_range(AFTERNOON, None) == "Tue 17 Nov 2026, 2:00 PM"


def test_filters_render_the_style_and_nothing_for_no_value():
    with translation.override("ko"):
        assert render("{{ v|when }}", v=AFTERNOON) == "2026년 11월 17일 (화) 오후 2:00"
        assert render("{{ v|day }}", v=AFTERNOON) == "2026년 11월 17일 (화)"
        assert render('{{ v|day:"short" }}', v=AFTERNOON) == "11월 17일 (화)"
        assert render("{{ v|clock }}", v=AFTERNOON) == "오후 2:00"
        assert render("{{ v|month }}", v=AFTERNOON) == "2026년 11월"
        assert render("{{ v|when }}{{ v|day }}{% time_tag v %}", v=None) == ""


def test_time_tag_datetime_attribute_is_korea_time_without_microseconds():
    with translation.override("ko"):
        html = render("{% time_tag v %}", v=AFTERNOON)
    assert html == (
        '<time datetime="2026-11-17T14:00:00+09:00">2026년 11월 17일 (화) 오후 2:00</time>'
    )
    assert render("{{ v|iso }}", v=AFTERNOON) == "2026-11-17T14:00:00+09:00"
    seoul = AFTERNOON.astimezone(ZoneInfo("Asia/Seoul"))
    assert render('{% time_tag v "date" %}', v=seoul.date()).startswith(
        '<time datetime="2026-11-17">'
    )
    assert render('{% time_tag v "time" %}', v=dt.time(14, 0)).startswith('<time datetime="14:00">')


def test_time_range_tag_is_two_time_elements():
    with translation.override("ko"):
        html = render("{% time_range a b %}", a=AFTERNOON, b=AFTERNOON + dt.timedelta(hours=3))
    assert html == (
        '<time datetime="2026-11-17T14:00:00+09:00">2026년 11월 17일 (화) 오후 2:00</time> – '
        '<time datetime="2026-11-17T17:00:00+09:00">오후 5:00</time>'
    )


def test_ago_style_keeps_the_full_moment_as_title():
    with translation.override("en"):
        html = render('{% time_tag v "ago" %}', v=AFTERNOON - dt.timedelta(days=400))
    assert 'title="' in html
    assert re.search(r">[^<]+ ago</time>$", html)


# Django's own date filters and hand-made <time datetime="{{ ... }}"> elements write dates in
# other styles (and with microseconds); people see dates only through soslab/core/dates.py.
FORBIDDEN = re.compile(
    r"\|\s*date\b|\|\s*time\b|naturaltime|naturalday|timesince|timeuntil|datetime=\"\{\{"
)


def test_templates_write_dates_only_through_the_dates_filters():
    offenders = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in {".html", ".txt"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FORBIDDEN.search(line):
                offenders.append(f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()}")
    assert offenders == [], "use {% load dates %} filters or {% time_tag %}"


def test_posting_refusal_for_a_blocked_account_uses_the_one_style(citizen):
    from soslab.accounts.permissions import posting_refusal

    citizen.blocked_until = dt.datetime(2099, 1, 1, 5, 0, tzinfo=UTC)
    with translation.override("ko"):
        message = str(posting_refusal(citizen).message)
    assert "2099년 1월 1일 (목) 오후 2:00" in message
