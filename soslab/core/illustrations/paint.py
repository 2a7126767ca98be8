"""Small drawing helpers shared by the demo illustrations: sky gradients, textures, glows and
perspective shapes, all on Pillow's ImageDraw. Every helper takes the seeded `rng` it uses, so a
picture is the same on every run."""

from PIL import Image, ImageDraw, ImageFilter


def mix(a, b, t):
    """Colour `t` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def jitter(rng, colour, amount=12):
    """`colour` nudged by up to `amount` per channel: the same scene never looks cloned."""
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def gradient(image, top, bottom, *, box=None):
    """A vertical gradient from `top` to `bottom` over `box` (default the whole image)."""
    left, upper, right, lower = box or (0, 0, image.width, image.height)
    draw = ImageDraw.Draw(image)
    span = max(1, lower - upper - 1)
    for y in range(upper, lower):
        draw.line([(left, y), (right, y)], fill=mix(top, bottom, (y - upper) / span))


def speckle(image, rng, box, colours, count):
    """Grain (asphalt, gravel, paving): `count` small dots in `box`."""
    draw = ImageDraw.Draw(image)
    left, upper, right, lower = box
    for _ in range(count):
        x, y = rng.randint(left, right), rng.randint(upper, lower)
        size = rng.choice((1, 1, 2, 3))
        draw.ellipse([x, y, x + size, y + size], fill=rng.choice(colours))


def glow(image, centre, radius, colour, strength=0.85):
    """A soft light (street lamp, LED, sun) blended over `image` in place (only around it)."""
    x, y = centre
    reach = radius * 2
    box = (
        max(0, x - reach),
        max(0, y - reach),
        min(image.width, x + reach),
        min(image.height, y + reach),
    )
    if box[0] >= box[2] or box[1] >= box[3]:
        return
    layer = Image.new("RGB", (box[2] - box[0], box[3] - box[1]), (0, 0, 0))
    cx, cy = x - box[0], y - box[1]
    ImageDraw.Draw(layer).ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=colour)
    layer = layer.filter(ImageFilter.GaussianBlur(radius / 2.2))
    mask = layer.convert("L").point(lambda v: round(v * strength))
    image.paste(layer, box[:2], mask)


def haze(image, colour, amount):
    """Everything seen through dust or fog: blend towards `colour`."""
    return Image.blend(image, Image.new("RGB", image.size, colour), amount)


def buildings(draw, rng, *, base, height, colour, width, windows=None, lit=0.3):
    """A row of block buildings standing on y=`base`, up to `height` tall, across `width`."""
    x = -rng.randint(0, 40)
    while x < width:
        w = rng.randint(50, 130)
        h = rng.randint(height // 3, height)
        shade = jitter(rng, colour, 10)
        draw.rectangle([x, base - h, x + w, base], fill=shade)
        if windows:
            for wy in range(base - h + 12, base - 14, 22):
                for wx in range(x + 8, x + w - 12, 18):
                    if rng.random() < lit:
                        draw.rectangle([wx, wy, wx + 8, wy + 10], fill=windows)
        x += w + rng.randint(0, 14)


def tree(draw, rng, x, base, size, leaves):
    """A simple street tree: trunk and two or three overlapping crowns."""
    draw.rectangle([x - size // 12, base - size, x + size // 12, base], fill=(92, 64, 44))
    for _ in range(3):
        dx, dy = rng.randint(-size // 4, size // 4), rng.randint(-size // 6, size // 8)
        r = rng.randint(size // 3, size // 2)
        cy = base - size + dy
        draw.ellipse([x + dx - r, cy - r, x + dx + r, cy + r], fill=jitter(rng, leaves, 14))


def road(draw, width, height, horizon, colour, *, spread=0.18):
    """A road in one-point perspective from the bottom edge to the horizon; returns its polygon."""
    left_top = width / 2 - width * spread / 2
    right_top = width / 2 + width * spread / 2
    polygon = [
        (-width * 0.25, height),
        (width * 1.25, height),
        (right_top, horizon),
        (left_top, horizon),
    ]
    draw.polygon(polygon, fill=colour)
    return polygon


def lerp_point(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
