"""Small server-side SVG charts (no JavaScript, no library): hourly PM10 and PM2.5 lines over the
Korean grade bands. Every chart has a <title>/<desc> and the pages show the same data as a table."""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .air import BREAKPOINTS, GRADES

WIDTH, HEIGHT = 640, 200
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 40, 10, 10, 28
SERIES = (("pm10", "#1e3a8a", ""), ("pm25", "#9d174d", "6 3"))


def pm_chart(readings, *, title, description, start, end, marker=None):
    """SVG of PM10 (solid) and PM2.5 (dashed) between start and end. `readings` are AirReading
    rows (any order); gaps (missing values) break the line. `marker` draws a vertical line
    (e.g. when a problem was reported)."""
    readings = sorted(readings, key=lambda r: r.hour)
    peak = max([r.pm10 or 0 for r in readings] + [r.pm25 or 0 for r in readings] + [100])
    frame = _Frame(start, end, y_max=(int(peak / 50) + 1) * 50)
    parts = [*_grade_bands(frame), *_axes(frame), *_lines(frame, readings)]
    if marker is not None and start <= marker <= end:
        left = frame.x(marker)
        parts.append(
            f'<line x1="{left:.1f}" x2="{left:.1f}" y1="{PAD_TOP}" y2="{PAD_TOP + frame.plot_h}" '
            'class="chart__marker"/>'
        )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>',
        WIDTH,
        HEIGHT,
        _slug(title),
        _slug(title),
        _slug(title),
        title,
        _slug(title),
        description,
        # Only numbers and constant colours above; the title and description are escaped here.
        mark_safe("".join(parts)),  # noqa: S308
    )


class _Frame:
    """The plot area between start and end, 0 to y_max µg/m³: SVG coordinates of times and values."""

    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def __init__(self, start, end, *, y_max):
        self.start, self.end, self.y_max = start, end, y_max
        self.span = max((end - start).total_seconds(), 1)

    def x(self, moment):
        return PAD_LEFT + self.plot_w * (moment - self.start).total_seconds() / self.span

    def y(self, value):
        return PAD_TOP + self.plot_h * (1 - min(value, self.y_max) / self.y_max)


def _grade_bands(frame):
    """Grade bands of PM10 (the stricter reading of the two is shown by the line colours' legend)."""
    lower = 0
    for code, upper in enumerate((*BREAKPOINTS["pm10"], frame.y_max), start=1):
        if lower >= frame.y_max:
            break
        top = min(upper, frame.y_max)
        yield (
            f'<rect x="{PAD_LEFT}" y="{frame.y(top):.1f}" width="{frame.plot_w}" '
            f'height="{frame.y(lower) - frame.y(top):.1f}" fill="{GRADES[code].colour}" '
            'opacity="0.18"/>'
        )
        lower = top


def _axes(frame):
    """Value ticks every 50 µg/m³ and a labelled grid line at local midnight every 1, 2 or 7 days."""
    for tick in range(0, frame.y_max + 1, 50):
        yield (
            f'<text x="{PAD_LEFT - 4}" y="{frame.y(tick) + 4:.1f}" class="chart__tick" '
            f'text-anchor="end">{tick}</text>'
        )
    days = int(frame.span // 86400) + 1
    step = 1 if days <= 3 else 2 if days <= 8 else 7
    day = timezone.localtime(frame.start).replace(hour=0, minute=0, second=0, microsecond=0)
    while day <= frame.end:
        if day >= frame.start:
            left = frame.x(day)
            yield (
                f'<line x1="{left:.1f}" x2="{left:.1f}" y1="{PAD_TOP}" '
                f'y2="{PAD_TOP + frame.plot_h}" class="chart__grid"/><text x="{left:.1f}" '
                f'y="{HEIGHT - 8}" class="chart__tick" text-anchor="middle">{day:%m-%d}</text>'
            )
        day = day + timedelta(days=step)


def _lines(frame, readings):
    for field, colour, dash in SERIES:
        for segment in _segments(readings, field):
            points = " ".join(
                f"{frame.x(r.hour):.1f},{frame.y(getattr(r, field)):.1f}" for r in segment
            )
            yield (
                f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2" '
                f'stroke-dasharray="{dash}"/>'
            )


def _segments(readings, field):
    """Runs of consecutive readings that have a value (a missing hour breaks the line)."""
    segment, previous = [], None
    for reading in readings:
        value = getattr(reading, field)
        gap = previous is not None and (reading.hour - previous).total_seconds() > 3600
        if value is None or gap:
            if len(segment) > 1:
                yield segment
            segment = []
        if value is not None:
            segment.append(reading)
        previous = reading.hour
    if len(segment) > 1:
        yield segment


def _slug(text):
    return "chart-" + str(abs(hash(str(text))) % 10**8)


def daily_summary(readings):
    """[(date, pm10 mean, pm10 max, pm25 mean, pm25 max, hours)] per local day, oldest first:
    the table alternative to the 7-day chart."""
    days = {}
    for reading in readings:
        day = timezone.localtime(reading.hour).date()
        days.setdefault(day, []).append(reading)
    rows = []
    for day in sorted(days):
        items = days[day]
        pm10 = [r.pm10 for r in items if r.pm10 is not None]
        pm25 = [r.pm25 for r in items if r.pm25 is not None]
        rows.append(
            {
                "date": day,
                "pm10_mean": round(sum(pm10) / len(pm10)) if pm10 else None,
                "pm10_max": max(pm10) if pm10 else None,
                "pm25_mean": round(sum(pm25) / len(pm25)) if pm25 else None,
                "pm25_max": max(pm25) if pm25 else None,
                "hours": len(items),
            }
        )
    return rows
