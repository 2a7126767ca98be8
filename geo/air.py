"""Korean air-quality grades (대기환경기준 예보 등급) for PM10 and PM2.5, with AirKorea's colours.

Breakpoints (µg/m³, 24-hour forecast scale used by AirKorea and the Ministry of Environment):
PM10 좋음 0-30, 보통 31-80, 나쁨 81-150, 매우나쁨 151+; PM2.5 좋음 0-15, 보통 16-35, 나쁨 36-75,
매우나쁨 76+. Colours are AirKorea's (blue, green, orange, red); the grade name is always shown
next to the colour so colour is never the only signal. Pages show `label` (the page language);
`korean` is the fixed official name kept in the open-data GeoJSON.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Grade:
    code: int  # AirKorea grade code: 1 good ... 4 very bad
    korean: str  # the official Korean name (open-data API)
    label: object  # lazy translation, English msgid
    colour: str
    text_colour: str


GRADES = {
    1: Grade(1, "좋음", _("Good"), "#32a1ff", "#0b1a2b"),
    2: Grade(2, "보통", _("Moderate"), "#00c73c", "#06220f"),
    3: Grade(3, "나쁨", _("Bad"), "#fd9b5a", "#2b1405"),
    4: Grade(4, "매우나쁨", _("Very bad"), "#ff5959", "#2b0505"),
}

# Upper bound (inclusive) of grades 1..3; anything above the last bound is grade 4.
BREAKPOINTS = {
    "pm10": (30, 80, 150),
    "pm25": (15, 35, 75),
}


def grade_code(pollutant, value):
    """The grade code (1-4) of a PM10/PM2.5 concentration, or None when the value is missing."""
    if value is None:
        return None
    for code, upper in enumerate(BREAKPOINTS[pollutant], start=1):
        if value <= upper:
            return code
    return 4


def grade_for(pollutant, value):
    """The Grade of a concentration, or None when missing."""
    code = grade_code(pollutant, value)
    return GRADES[code] if code else None
