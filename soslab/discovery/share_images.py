"""Share images (1200x630 PNG, the size messengers and social sites preview) for problems and
project pages, drawn with Pillow.

What a card shows is chosen here and nowhere else: a problem's title, category and dong; a
project's title and progress. Never an author, an exact place or a photo (a photo may show a
minor). Cards are drawn lazily on the first request and kept as files keyed by the object and
its last change (PRIVATE_MEDIA_ROOT/share/, so only views.share_image, which checks that the
object is public, ever serves them). Without a Korean font the card is drawn without text.
"""

import os
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image, ImageDraw, ImageFont

from soslab.discovery import fonts

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
INK, MUTED, PRIMARY, SURFACE = "#1b1f24", "#4a5360", "#0b5cad", "#f4f6f8"
SITE_COLOUR = PRIMARY


@dataclass(frozen=True)
class ShareCard:
    """Everything a share image shows. `key` names the object, `version` its last change."""

    key: str
    version: str
    kicker: str
    title: str
    detail: str
    colour: str = SITE_COLOUR


def _version(moment):
    return str(int(moment.timestamp() * 1_000_000)) if moment else "0"


def problem_card(problem):
    """Title, category and dong of a public problem (select_related category and dong)."""
    with translation.override(settings.LANGUAGE_CODE):
        return ShareCard(
            key=f"problem-{problem.pk}",
            version=_version(problem.updated_at),
            kicker=problem.category.name,
            title=problem.title,
            detail=problem.dong.name if problem.dong_id else "",
            colour=problem.category.colour or SITE_COLOUR,
        )


def project_card(page):
    """Title and progress of a live project page (the specific page)."""
    with translation.override(settings.LANGUAGE_CODE):
        return ShareCard(
            key=f"project-{page.pk}",
            version=_version(page.last_published_at),
            kicker=gettext("Project"),
            title=page.title,
            detail=page.get_progress_status_display(),
        )


def card_root():
    return Path(settings.PRIVATE_MEDIA_ROOT) / "share"


def card_path(card):
    return card_root() / f"{card.key}-{card.version}.png"


def card_file(card):
    """The PNG file of a card, drawn once per version; older versions are removed."""
    path = card_path(card)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    data = render(card, fonts.find_cjk_font())
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    for stale in path.parent.glob(f"{card.key}-*.png"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return path


def render(card, font_path):
    """The card as PNG bytes; text only when `font_path` names a font with Hangul."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(image)
    _frame(draw, card.colour)
    if font_path:
        _text(draw, card, font_path)
    else:
        _pictogram(draw, card.colour)
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _frame(draw, colour):
    """Category colour band on the left, the site's band along the bottom."""
    draw.rectangle([0, 0, 24, HEIGHT], fill=colour)
    draw.rectangle([0, HEIGHT - 90, WIDTH, HEIGHT], fill=SITE_COLOUR)
    # The site's mark (the favicon's pin) in the bottom band.
    x, y = MARGIN, HEIGHT - 68
    draw.ellipse([x + 8, y, x + 36, y + 28], fill="#ffffff")
    draw.polygon([(x + 9, y + 18), (x + 35, y + 18), (x + 22, y + 44)], fill="#ffffff")
    draw.ellipse([x + 16, y + 8, x + 28, y + 20], fill=SITE_COLOUR)


def _pictogram(draw, colour):
    """Without a font: a map pin in the category colour over a dong-like outline."""
    cx, cy = WIDTH // 2, (HEIGHT - 90) // 2
    outline = [
        (cx - 300, cy + 60),
        (cx - 180, cy - 120),
        (cx + 40, cy - 150),
        (cx + 280, cy - 60),
        (cx + 260, cy + 110),
        (cx + 20, cy + 170),
        (cx - 220, cy + 150),
    ]
    draw.polygon(outline, fill=SURFACE, outline="#c9d0d8", width=4)
    draw.ellipse([cx - 60, cy - 140, cx + 60, cy - 20], fill=colour)
    draw.polygon([(cx - 52, cy - 60), (cx + 52, cy - 60), (cx, cy + 50)], fill=colour)
    draw.ellipse([cx - 24, cy - 104, cx + 24, cy - 56], fill="#ffffff")


def _font(path, size):
    return ImageFont.truetype(path, size=size)


def _text(draw, card, font_path):
    kicker, title_font = _font(font_path, 40), _font(font_path, 68)
    y = MARGIN
    if card.kicker:
        draw.text((MARGIN, y), card.kicker, font=kicker, fill=card.colour)
        y += 72
    lines = wrap(card.title, title_font, WIDTH - 2 * MARGIN, max_lines=3)
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 90
    detail_font = _font(font_path, 38)
    for line in wrap(card.detail, detail_font, WIDTH - 2 * MARGIN, max_lines=2):
        draw.text((MARGIN, y + 16), line, font=detail_font, fill=MUTED)
        y += 54
    draw.text((MARGIN + 56, HEIGHT - 70), settings.WAGTAIL_SITE_NAME, font=kicker, fill="#ffffff")


def wrap(text, font, width, max_lines):
    """Lines of at most `width` pixels, breaking at spaces (or inside a word too long for a
    line); the last line ends with … when text is left over."""
    lines, line = [], ""
    for char in " ".join(text.split()):
        candidate = line + char
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        head, _, tail = line.rpartition(" ")
        lines.append(head if head else line)
        line = (tail if head else "") + char
    if line.strip():
        lines.append(line)
    lines = [entry.strip() for entry in lines]
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines
