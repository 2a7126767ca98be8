"""Maker-project scenes of the demo illustrations: a prototype on a workbench (LED crosswalk
bar, air-quality board) and an event hall before the audience arrives. Same contract as
street.py; no people, no text."""

from PIL import Image, ImageDraw

from .paint import glow, gradient, jitter, mix, speckle


def _bench(image, rng):
    w, h = image.size
    gradient(image, jitter(rng, (60, 66, 80)), (30, 32, 40), box=(0, 0, w, int(h * 0.45)))
    draw = ImageDraw.Draw(image)
    _pegboard(draw, rng, w, int(h * 0.45))
    wood = jitter(rng, (176, 136, 96), 10)
    draw.rectangle([0, int(h * 0.45), w, h], fill=wood)
    for y in range(int(h * 0.45), h, 18):
        draw.line([(0, y), (w, y + rng.randint(-4, 4))], fill=mix(wood, (0, 0, 0), 0.12), width=2)
    return draw


def _pegboard(draw, rng, width, bottom):
    """The workshop wall: a pegboard with a few tools hanging on it."""
    board = jitter(rng, (196, 170, 128), 8)
    draw.rectangle([int(width * 0.08), 24, int(width * 0.92), bottom - 30], fill=board)
    for y in range(40, bottom - 40, 26):
        for x in range(int(width * 0.08) + 16, int(width * 0.92) - 8, 26):
            draw.ellipse([x - 2, y - 2, x + 2, y + 2], fill=mix(board, (0, 0, 0), 0.45))
    x = int(width * 0.14)
    while x < width * 0.86:
        kind = rng.choice(("ruler", "pliers", "spool", "scissors"))
        top = rng.randint(50, 80)
        colour = jitter(rng, rng.choice([(200, 50, 40), (40, 90, 170), (230, 180, 40)]), 10)
        if kind == "ruler":
            draw.rectangle([x, top, x + 22, top + 150], fill=(226, 214, 170))
            for mark in range(top + 8, top + 150, 12):
                draw.line([(x, mark), (x + 8, mark)], fill=(80, 70, 60), width=2)
        elif kind == "pliers":
            draw.line([(x, top + 150), (x + 18, top + 40)], fill=colour, width=9)
            draw.line([(x + 36, top + 150), (x + 18, top + 40)], fill=colour, width=9)
            draw.polygon(
                [(x + 10, top + 44), (x + 26, top + 44), (x + 18, top)], fill=(90, 94, 100)
            )
        elif kind == "spool":
            draw.ellipse([x, top, x + 70, top + 70], fill=colour)
            draw.ellipse([x + 24, top + 24, x + 46, top + 46], fill=board)
        else:
            for dx in (0, 30):
                draw.ellipse([x + dx, top + 90, x + dx + 26, top + 130], outline=colour, width=6)
            draw.polygon(
                [(x + 14, top + 92), (x + 44, top + 92), (x + 29, top)], fill=(160, 164, 170)
            )
        x += rng.randint(110, 170)


def _board(draw, rng, x, y, w, h):
    """A green circuit board with chips, pins and traces."""
    draw.rounded_rectangle([x, y, x + w, y + h], radius=8, fill=jitter(rng, (24, 112, 64), 8))
    for _ in range(14):
        tx = rng.randint(x + 10, x + w - 10)
        draw.line([(tx, y + 8), (tx, y + h - 8)], fill=(196, 170, 90), width=1)
    for _ in range(rng.randint(2, 4)):
        cx, cy = rng.randint(x + 20, x + w - 70), rng.randint(y + 16, y + h - 50)
        draw.rectangle([cx, cy, cx + 50, cy + 34], fill=(26, 26, 28))
        for px in range(cx + 4, cx + 50, 8):
            draw.line([(px, cy - 4), (px, cy + 38)], fill=(200, 200, 200))
    for _ in range(8):  # wires off the board
        sx, sy = x + w, rng.randint(y + 10, y + h - 10)
        draw.line(
            [(sx, sy), (sx + rng.randint(40, 140), sy + rng.randint(-60, 60))],
            fill=rng.choice([(210, 40, 40), (30, 30, 30), (240, 200, 40), (40, 90, 200)]),
            width=4,
        )


def led_prototype(size, rng):
    """A radar sensor board driving a bar of LEDs laid on a strip of zebra paint."""
    image = Image.new("RGB", size)
    w, h = size
    draw = _bench(image, rng)
    for k in range(4):  # a sample of road paint to test on
        draw.rectangle(
            [w * 0.05 + k * w * 0.12, h * 0.62, w * 0.12 + k * w * 0.12, h * 0.92],
            fill=(236, 236, 228),
        )
    _board(draw, rng, int(w * 0.58), int(h * 0.52), int(w * 0.22), int(h * 0.24))
    bar_y = int(h * 0.56)
    draw.rounded_rectangle(
        [int(w * 0.04), bar_y - 14, int(w * 0.54), bar_y + 14], radius=12, fill=(40, 40, 44)
    )
    colour = rng.choice([(255, 220, 90), (250, 250, 240), (90, 220, 255)])
    for k in range(12):
        x = int(w * 0.06 + k * w * 0.04)
        draw.ellipse([x - 7, bar_y - 7, x + 7, bar_y + 7], fill=colour)
        glow(image, (x, bar_y), 22, colour, 0.6)
    return image


def air_board(size, rng):
    """A weatherproof box with a grade display (coloured lights, no text) and a sensor."""
    image = Image.new("RGB", size)
    w, h = size
    draw = _bench(image, rng)
    box = [int(w * 0.12), int(h * 0.22), int(w * 0.56), int(h * 0.84)]
    draw.rounded_rectangle(box, radius=18, fill=jitter(rng, (228, 230, 226), 6))
    draw.rounded_rectangle(
        [box[0] + 24, box[1] + 24, box[2] - 24, box[1] + 180], radius=10, fill=(20, 24, 30)
    )
    grades = [(52, 120, 246), (34, 170, 84), (246, 184, 40), (224, 60, 60)]
    lit = rng.randrange(len(grades))
    for k, colour in enumerate(grades):
        cx = box[0] + 60 + k * (box[2] - box[0] - 120) // 3
        cy = box[1] + 100
        shade = colour if k == lit else mix(colour, (20, 24, 30), 0.7)
        draw.ellipse([cx - 26, cy - 26, cx + 26, cy + 26], fill=shade)
        if k == lit:
            glow(image, (cx, cy), 50, colour, 0.7)
    draw = ImageDraw.Draw(image)
    for k in range(5):  # vents of the dust sensor
        y = box[1] + 230 + k * 22
        draw.rounded_rectangle([box[0] + 60, y, box[2] - 60, y + 8], radius=4, fill=(170, 172, 170))
    _board(draw, rng, int(w * 0.64), int(h * 0.5), int(w * 0.22), int(h * 0.26))
    return image


def event_hall(size, rng):
    """Rows of empty chairs in front of a stage and a projector screen."""
    image = Image.new("RGB", size)
    w, h = size
    gradient(image, (40, 44, 60), (70, 66, 70))
    draw = ImageDraw.Draw(image)
    draw.rectangle([w * 0.2, h * 0.08, w * 0.8, h * 0.42], fill=(236, 238, 242))
    slide = jitter(rng, (11, 92, 173), 20)
    draw.rectangle([w * 0.26, h * 0.14, w * 0.74, h * 0.36], fill=slide)
    draw.rectangle([0, h * 0.46, w, h * 0.52], fill=(120, 84, 60))
    draw.rectangle([0, h * 0.52, w, h], fill=(92, 80, 84))
    speckle(image, rng, (0, int(h * 0.52), w, h), [(86, 74, 78), (104, 92, 96)], 600)
    chair = jitter(rng, (176, 40, 48), 14)
    for row in range(4):
        y = h * (0.6 + row * 0.1)
        size_c = 22 + row * 6
        for x in range(int(-size_c), w, int(size_c * 2.4)):
            draw.rounded_rectangle(
                [x, y - size_c, x + size_c * 1.6, y + size_c * 0.6], radius=5, fill=chair
            )
    glow(image, (int(w * 0.5), int(h * 0.25)), 160, (120, 160, 220), 0.25)
    return image
