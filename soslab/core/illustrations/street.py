"""Street scenes of the demo illustrations: a crosswalk with faded paint, a dark alley with one
street lamp, a pothole, parked cars and a bus, an icy slope. Each function draws on a new RGB
image of `size` with the seeded `rng` and returns it."""

from math import cos, sin

from PIL import Image, ImageDraw

from .paint import buildings, glow, gradient, jitter, lerp_point, mix, road, speckle, tree

SKIES = [
    ((126, 176, 224), (214, 232, 246)),
    ((98, 140, 196), (236, 214, 190)),
    ((160, 186, 206), (224, 228, 230)),
]
ASPHALT = (86, 88, 92)


def _sky_and_town(image, rng, horizon, *, night=False):
    top, bottom = ((14, 20, 44), (44, 52, 86)) if night else rng.choice(SKIES)
    gradient(image, jitter(rng, top), jitter(rng, bottom), box=(0, 0, image.width, horizon))
    draw = ImageDraw.Draw(image)
    tone = (40, 44, 60) if night else jitter(rng, (176, 170, 160), 20)
    buildings(
        draw,
        rng,
        base=horizon,
        height=image.height // 4,
        colour=tone,
        width=image.width,
        windows=(250, 214, 120) if night else (150, 170, 190),
        lit=0.25 if night else 0.5,
    )
    return draw


def _road_x(polygon, u, y):
    """x of the point `u` (0 left edge .. 1 right edge) across the road at height y."""
    (bl, br, tr, tl) = polygon
    t = (y - tl[1]) / (bl[1] - tl[1])
    left = lerp_point(tl, bl, t)[0]
    right = lerp_point(tr, br, t)[0]
    return left + (right - left) * u


def crosswalk(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    horizon = int(h * rng.uniform(0.38, 0.46))
    draw = _sky_and_town(image, rng, horizon)
    draw.rectangle([0, horizon, w, h], fill=jitter(rng, (170, 166, 158)))  # pavements
    tarmac = jitter(rng, ASPHALT, 3)
    poly = road(draw, w, h, horizon, tarmac, spread=rng.uniform(0.16, 0.26))
    speckle(
        image,
        rng,
        (0, horizon + 4, w, h),
        [mix(tarmac, (0, 0, 0), 0.2), mix(tarmac, (255, 255, 255), 0.15)],
        900,
    )
    y1, y2 = int(h * rng.uniform(0.66, 0.72)), int(h * rng.uniform(0.82, 0.9))
    fade = rng.uniform(0.35, 0.6)  # how much of the paint has worn away
    stripes = rng.randint(6, 8)
    for i in range(stripes):
        u0 = (i + 0.2) / stripes
        u1 = (i + 0.75) / stripes
        paint = mix((236, 236, 228), tarmac, fade + rng.uniform(-0.1, 0.15))
        draw.polygon(
            [
                (_road_x(poly, u0, y1), y1),
                (_road_x(poly, u1, y1), y1),
                (_road_x(poly, u1, y2), y2),
                (_road_x(poly, u0, y2), y2),
            ],
            fill=paint,
        )
    for _ in range(40):  # worn patches where tyres rub the paint off
        x, y = rng.randint(0, w), rng.randint(y1, y2)
        r = rng.randint(4, 16)
        draw.ellipse([x - r * 2, y - r // 2, x + r * 2, y + r // 2], fill=jitter(rng, tarmac, 6))
    pole_x = int(w * rng.choice((0.12, 0.86)))
    draw.rectangle([pole_x - 5, horizon - 40, pole_x + 5, y1 - 10], fill=(70, 74, 80))
    draw.rectangle([pole_x - 18, horizon - 70, pole_x + 18, horizon - 10], fill=(30, 32, 36))
    lamp = (232, 64, 52) if rng.random() < 0.5 else (64, 200, 120)
    ly = horizon - 56 if lamp[0] > 200 else horizon - 26
    draw.ellipse([pole_x - 10, ly - 10, pole_x + 10, ly + 10], fill=lamp)
    glow(image, (pole_x, ly), 26, lamp, 0.5)
    return image


def alley(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    gradient(image, (10, 14, 30), (34, 38, 62))
    draw = ImageDraw.Draw(image)
    vx, vy = w * rng.uniform(0.42, 0.58), h * 0.42
    wall = jitter(rng, (58, 52, 56), 10)
    for side in (0, w):
        draw.polygon(
            [
                (side, 0),
                (vx + (-40 if side == 0 else 40), vy - 80),
                (vx + (-40 if side == 0 else 40), vy + 40),
                (side, h),
            ],
            fill=wall,
        )
        for k in range(1, 14):  # brick courses converging to the vanishing point
            y = h * k / 14
            draw.line(
                [(side, y), lerp_point((side, y), (vx, vy), 0.85)], fill=mix(wall, (0, 0, 0), 0.25)
            )
    draw.polygon([(0, h), (w, h), (vx + 40, vy + 40), (vx - 40, vy + 40)], fill=(40, 40, 44))
    speckle(image, rng, (0, int(vy + 60), w, h), [(52, 52, 56), (30, 30, 34)], 700)
    for _ in range(rng.randint(2, 4)):  # a few lit windows
        side = rng.random() < 0.5
        x = rng.randint(20, int(vx) - 120) if side else rng.randint(int(vx) + 120, w - 40)
        y = rng.randint(int(h * 0.15), int(h * 0.45))
        draw.rectangle([x, y, x + 22, y + 28], fill=(226, 190, 110))
    lamp_x = int(rng.choice((w * 0.24, w * 0.74)))
    draw.rectangle([lamp_x - 4, int(h * 0.22), lamp_x + 4, int(h * 0.86)], fill=(24, 24, 28))
    draw.polygon(
        [(lamp_x - 16, int(h * 0.22)), (lamp_x + 16, int(h * 0.22)), (lamp_x, int(h * 0.2))],
        fill=(24, 24, 28),
    )
    glow(image, (lamp_x, int(h * 0.23)), 60, (255, 214, 140), 0.9)
    glow(image, (lamp_x, int(h * 0.8)), 110, (120, 100, 70), 0.55)
    return image


def pothole(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    horizon = int(h * rng.uniform(0.3, 0.38))
    draw = _sky_and_town(image, rng, horizon)
    draw.rectangle([0, horizon, w, h], fill=(150, 146, 140))
    tarmac = jitter(rng, ASPHALT, 3)
    road(draw, w, h, horizon, tarmac, spread=0.3)
    speckle(image, rng, (0, horizon + 4, w, h), [(70, 72, 76), (112, 112, 116), (60, 60, 62)], 1600)
    for k in range(6):  # dashed centre line
        y = horizon + (h - horizon) * (k + 0.3) / 6
        draw.rectangle([w / 2 - 3 - k, y, w / 2 + 3 + k, y + 12 + k * 5], fill=(222, 196, 80))
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.74, 0.82)
    rx, ry = w * rng.uniform(0.13, 0.2), h * rng.uniform(0.06, 0.09)
    points = []
    for k in range(18):
        angle = 6.2832 * k / 18
        r = rng.uniform(0.75, 1.15)
        points.append((cx + cos(angle) * rx * r, cy + sin(angle) * ry * r))
    draw.polygon(points, fill=(40, 38, 38))
    draw.polygon([lerp_point((cx, cy), p, 0.7) for p in points], fill=(96, 120, 140))  # puddle
    for _ in range(7):  # cracks running out of the hole
        start = rng.choice(points)
        end = (start[0] + rng.randint(-90, 90), start[1] + rng.randint(-30, 30))
        draw.line([start, end], fill=(44, 44, 46), width=2)
    if rng.random() < 0.7:  # a cone someone put next to it
        bx, by = cx + rx + 40, cy + 10
        draw.polygon([(bx - 22, by), (bx + 22, by), (bx, by - 70)], fill=(242, 110, 34))
        draw.rectangle([bx - 12, by - 40, bx + 12, by - 30], fill=(246, 246, 246))
    return image


def _car(draw, x, base, width, colour):
    height = width * 0.42
    draw.rounded_rectangle(
        [x, base - height * 0.62, x + width, base], radius=width * 0.06, fill=colour
    )
    draw.polygon(
        [
            (x + width * 0.18, base - height * 0.6),
            (x + width * 0.3, base - height),
            (x + width * 0.72, base - height),
            (x + width * 0.84, base - height * 0.6),
        ],
        fill=colour,
    )
    draw.polygon(
        [
            (x + width * 0.26, base - height * 0.62),
            (x + width * 0.34, base - height * 0.92),
            (x + width * 0.68, base - height * 0.92),
            (x + width * 0.78, base - height * 0.62),
        ],
        fill=(150, 190, 214),
    )
    for wx in (x + width * 0.22, x + width * 0.78):
        r = width * 0.1
        draw.ellipse([wx - r, base - r, wx + r, base + r], fill=(26, 26, 28))


def parking(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    horizon = int(h * 0.5)
    draw = _sky_and_town(image, rng, horizon)
    draw.rectangle([0, horizon, w, int(h * 0.62)], fill=(176, 170, 160))  # far pavement
    draw.rectangle([0, int(h * 0.62), w, h], fill=jitter(rng, ASPHALT, 8))
    speckle(image, rng, (0, int(h * 0.62), w, h), [(70, 70, 74), (110, 110, 114)], 900)
    for x in range(0, w, 90):  # lane dashes
        draw.rectangle([x, int(h * 0.8), x + 50, int(h * 0.81)], fill=(236, 236, 230))
    if rng.random() < 0.5:  # a bus that cannot reach its stop
        draw.rounded_rectangle(
            [w * 0.05, h * 0.46, w * 0.5, h * 0.74], radius=14, fill=jitter(rng, (44, 140, 92), 14)
        )
        for k in range(5):
            draw.rectangle(
                [w * (0.08 + k * 0.08), h * 0.5, w * (0.13 + k * 0.08), h * 0.6],
                fill=(170, 206, 224),
            )
        for wx in (w * 0.12, w * 0.42):
            draw.ellipse([wx - 24, h * 0.72, wx + 24, h * 0.78], fill=(26, 26, 28))
    colours = [(200, 40, 44), (236, 236, 236), (40, 44, 52), (60, 96, 170), (170, 170, 176)]
    x = w * rng.uniform(0.45, 0.55)
    while x < w:
        cw = rng.randint(170, 220)
        _car(draw, x, int(h * 0.76), cw, jitter(rng, rng.choice(colours), 10))
        x += cw + rng.randint(6, 30)
    return image


def icy_slope(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    gradient(image, (176, 196, 214), (226, 232, 238))
    draw = ImageDraw.Draw(image)
    tilt = rng.uniform(0.12, 0.22) * h
    draw.polygon([(0, h * 0.45 + tilt), (w, h * 0.45 - tilt), (w, h), (0, h)], fill=(196, 196, 200))
    draw.polygon(
        [(0, h * 0.6 + tilt), (w, h * 0.6 - tilt), (w, h * 0.9 - tilt), (0, h * 0.98 + tilt * 0.3)],
        fill=(96, 100, 108),
    )
    for _ in range(rng.randint(5, 8)):  # glassy ice
        x, y = rng.randint(0, w), rng.randint(int(h * 0.62), int(h * 0.9))
        rx, ry = rng.randint(40, 110), rng.randint(10, 24)
        draw.ellipse([x - rx, y - ry, x + rx, y + ry], fill=(184, 214, 234))
        draw.line(
            [(x - rx // 2, y - ry // 3), (x + rx // 3, y - ry // 2)], fill=(246, 250, 255), width=3
        )
    for k in range(4):  # snow banks on the verge
        x = w * k / 4 + rng.randint(0, 60)
        draw.ellipse(
            [
                x,
                h * 0.5 - tilt * (x / w * 2 - 1) - 30,
                x + 200,
                h * 0.5 - tilt * (x / w * 2 - 1) + 30,
            ],
            fill=(244, 246, 250),
        )
    for k in range(3):
        tree(
            draw,
            rng,
            int(w * (0.15 + k * 0.35)),
            int(h * 0.45 - tilt * ((0.15 + k * 0.35) * 2 - 1)),
            120,
            (120, 140, 150),
        )
    return image
