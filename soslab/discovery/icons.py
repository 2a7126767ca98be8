"""The site's icons (favicon, touch icon, manifest icons) and default share image, drawn once by
`manage.py discovery_icons` into static/img/ and committed: a white map pin on the site's
primary blue, no text, no CDN."""

from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext
from PIL import Image, ImageDraw

from soslab.discovery import fonts, share_images

BLUE, WHITE = "#0b5cad", "#ffffff"
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="{BLUE}"/>
<path d="M32 10a16 16 0 0 0-16 16c0 12 16 28 16 28s16-16 16-28a16 16 0 0 0-16-16z" fill="{WHITE}"/>
<circle cx="32" cy="26" r="6.5" fill="{BLUE}"/>
</svg>
"""


def pin(size, padding=0.0, rounded=True):
    """The pin icon as a square RGBA image; `padding` (a fraction) keeps a maskable safe zone."""
    scale = 4  # draw large, shrink smoothly
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    radius = big * 12 // 64 if rounded else 0
    draw.rounded_rectangle([0, 0, big - 1, big - 1], radius, fill=BLUE)
    inner = big * (1 - 2 * padding)
    offset = big * padding

    def at(x, y):
        return offset + x * inner / 64, offset + y * inner / 64

    draw.ellipse([*at(16, 10), *at(48, 42)], fill=WHITE)
    draw.polygon([at(17.5, 31), at(46.5, 31), at(32, 54)], fill=WHITE)
    draw.ellipse([*at(25.5, 19.5), *at(38.5, 32.5)], fill=BLUE)
    return image.resize((size, size), Image.LANCZOS)


def _png(image):
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def default_share_card():
    return share_images.ShareCard(
        key="site",
        version="0",
        kicker="",
        title=settings.WAGTAIL_SITE_NAME,
        detail=gettext(
            "Jeonju residents, companies and youth maker teams solving local problems together."
        ),
    )


def write_all(directory):
    """Every icon file into `directory`; returns the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        "favicon.svg": SVG.encode(),
        "apple-touch-icon.png": _png(pin(180, rounded=False)),
        "icon-192.png": _png(pin(192)),
        "icon-512.png": _png(pin(512)),
        "icon-maskable-512.png": _png(pin(512, padding=0.1, rounded=False)),
        "share-default.png": share_images.render(default_share_card(), fonts.find_cjk_font()),
    }
    ico = BytesIO()
    pin(48).save(ico, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    files["favicon.ico"] = ico.getvalue()
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return [directory / name for name in files]
