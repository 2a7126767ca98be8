"""Neighbourhood scenes of the demo illustrations: a hazy skyline (air quality), a factory with
smoke, an overflowing bin, a park path by the stream. Same contract as street.py."""

from PIL import Image, ImageDraw

from .paint import buildings, glow, gradient, haze, jitter, mix, speckle, tree


def skyline(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    dust = jitter(rng, (206, 192, 160), 10)
    gradient(image, jitter(rng, (178, 170, 150)), dust)
    glow(image, (int(w * rng.uniform(0.2, 0.8)), int(h * 0.22)), 46, (250, 236, 200), 0.8)
    base = int(h * 0.78)
    # Farther rows drawn first and fogged more: the city fades into the dust.
    for depth, (tone, height) in enumerate(
        [((120, 118, 112), h // 2), ((90, 90, 92), h // 2.6), ((62, 64, 70), h // 3.4)]
    ):
        draw = ImageDraw.Draw(image)
        buildings(
            draw,
            rng,
            base=base + depth * 10,
            height=int(height),
            colour=tone,
            width=w,
            windows=mix(tone, (200, 200, 190), 0.3),
            lit=0.4,
        )
        image = haze(image, dust, 0.42 - depth * 0.1)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, base + 20, w, h], fill=(104, 106, 98))
    for k in range(7):
        tree(draw, rng, int(w * (k + 0.5) / 7), base + 40, 70, (92, 112, 80))
    return haze(image, dust, rng.uniform(0.12, 0.22))


def factory(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    gradient(image, jitter(rng, (170, 176, 180)), (214, 210, 200))
    draw = ImageDraw.Draw(image)
    base = int(h * 0.74)
    for k in range(rng.randint(2, 3)):  # chimneys and their smoke
        x = int(w * rng.uniform(0.15 + k * 0.25, 0.3 + k * 0.25))
        top = int(h * rng.uniform(0.16, 0.3))
        draw.rectangle([x - 16, top, x + 16, base], fill=jitter(rng, (150, 90, 80), 12))
        draw.rectangle([x - 16, top + 20, x + 16, top + 32], fill=(236, 236, 236))
        puff_x, puff_y = x, top - 20
        for p in range(7):
            r = 24 + p * 9
            shade = mix((120, 118, 116), (200, 198, 192), p / 7)
            draw.ellipse([puff_x - r, puff_y - r * 0.7, puff_x + r, puff_y + r * 0.7], fill=shade)
            puff_x += rng.randint(20, 44)
            puff_y -= rng.randint(6, 20)
    x = 0
    while x < w:  # saw-tooth roofs
        draw.polygon(
            [(x, base - 90), (x + 70, base - 150), (x + 70, base - 90)], fill=(120, 130, 140)
        )
        draw.rectangle([x, base - 90, x + 70, base], fill=jitter(rng, (156, 162, 168), 6))
        x += 70
    draw.rectangle([0, base, w, h], fill=(112, 112, 108))
    speckle(image, rng, (0, base, w, h), [(96, 96, 92), (132, 132, 126)], 500)
    return haze(image, (196, 190, 176), 0.18)


def _bag(draw, rng, x, y, r):
    colour = rng.choice([(30, 30, 34), (226, 226, 220), (60, 110, 170), (230, 200, 90)])
    draw.ellipse([x - r, y - r * 0.8, x + r, y + r * 0.8], fill=jitter(rng, colour, 8))
    draw.polygon(
        [(x - r * 0.2, y - r * 0.7), (x, y - r * 1.2), (x + r * 0.2, y - r * 0.7)], fill=colour
    )


def overflowing_bin(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    wall = jitter(rng, rng.choice([(214, 204, 186), (190, 170, 150), (200, 206, 210)]), 8)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, w, int(h * 0.62)], fill=wall)
    for y in range(20, int(h * 0.62), 34):  # block wall courses
        draw.line([(0, y), (w, y)], fill=mix(wall, (0, 0, 0), 0.12), width=2)
    draw.rectangle([0, int(h * 0.62), w, h], fill=(168, 164, 156))
    for x in range(0, w, 64):
        draw.line([(x, int(h * 0.62)), (x - 40, h)], fill=(150, 146, 138), width=2)
    bins = rng.randint(1, 3)
    for k in range(bins):
        bx = int(w * (0.22 + k * 0.24) + rng.randint(-20, 20))
        colour = jitter(rng, rng.choice([(40, 120, 70), (40, 90, 160), (120, 124, 128)]), 10)
        draw.rounded_rectangle(
            [bx - 70, int(h * 0.36), bx + 70, int(h * 0.8)], radius=10, fill=colour
        )
        draw.polygon(
            [
                (bx - 76, int(h * 0.36)),
                (bx + 76, int(h * 0.36)),
                (bx + 90, int(h * 0.24)),
                (bx - 60, int(h * 0.2)),
            ],
            fill=mix(colour, (0, 0, 0), 0.2),
        )
        for _ in range(4):
            _bag(
                draw,
                rng,
                bx + rng.randint(-60, 60),
                int(h * 0.34) - rng.randint(0, 30),
                rng.randint(24, 36),
            )
        for wx in (bx - 50, bx + 50):
            draw.ellipse(
                [wx - 12, int(h * 0.8) - 12, wx + 12, int(h * 0.8) + 12], fill=(30, 30, 30)
            )
    for _ in range(rng.randint(6, 11)):  # what no longer fits
        _bag(
            draw,
            rng,
            rng.randint(40, w - 40),
            rng.randint(int(h * 0.74), int(h * 0.92)),
            rng.randint(22, 40),
        )
    for _ in range(30):
        x, y = rng.randint(0, w), rng.randint(int(h * 0.7), h)
        draw.rectangle(
            [x, y, x + rng.randint(4, 14), y + rng.randint(3, 8)],
            fill=jitter(rng, (220, 220, 210), 30),
        )
    return image


def park(size, rng):
    image = Image.new("RGB", size)
    w, h = size
    horizon = int(h * 0.42)
    gradient(image, jitter(rng, (120, 178, 226)), (220, 236, 244), box=(0, 0, w, horizon))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, horizon, w, h], fill=jitter(rng, (112, 160, 84), 10))
    draw.polygon(
        [(0, horizon + 40), (w, horizon + 10), (w, horizon + 70), (0, horizon + 110)],
        fill=(110, 156, 190),
    )  # stream
    path = [(w * 0.42, h), (w * 0.78, h), (w * 0.56, horizon + 80), (w * 0.5, horizon + 80)]
    draw.polygon(path, fill=(204, 186, 150))
    speckle(image, rng, (0, horizon + 110, w, h), [(96, 140, 70), (130, 176, 96)], 900)
    for _ in range(rng.randint(5, 8)):
        x = rng.randint(0, w)
        tree(draw, rng, x, horizon + rng.randint(20, 90), rng.randint(80, 170), (64, 120, 60))
    for k in range(8):  # the railing along the path, one post askew
        x = w * 0.3 - k * 30
        y = h - k * 40
        lean = 18 if k == 3 else 0
        draw.line([(x, y), (x + lean, y - 60)], fill=(120, 84, 56), width=6)
    return image
