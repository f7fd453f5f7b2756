"""Hero illustrations drawn here with Pillow: soft abstract shapes tinted by a guide's colour."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675
# Shapes are drawn small, blurred and scaled up: the result is soft anyway, and it is fast.
SCALE = 4


def _mix(colour: tuple[int, int, int], other: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    r, g, b = (round(a + (o - a) * amount) for a, o in zip(colour, other, strict=True))
    return r, g, b


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hero_jpeg(hex_colour: str, *, seed: str) -> bytes:
    """A 1200×675 JPEG: a pale wash of the colour with blurred circles and bands; same seed, same image."""
    base = _rgb(hex_colour)
    rng = random.Random(seed)  # noqa: S311 - drawing shapes, not secrets
    width, height = WIDTH // SCALE, HEIGHT // SCALE
    image = Image.new("RGB", (width, height), _mix(base, (255, 255, 255), 0.82))
    draw = ImageDraw.Draw(image)
    for band in range(5):
        top = height * (0.45 + band * 0.11)
        draw.rectangle((0, top, width, height), fill=_mix(base, (255, 255, 255), 0.65 - band * 0.12))
    for _ in range(14):
        radius = rng.randint(10, 55)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tone = _mix(base, (255, 255, 255) if rng.random() < 0.5 else (30, 40, 60), rng.uniform(0.1, 0.5))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=tone)
    image = image.filter(ImageFilter.GaussianBlur(5)).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82)
    return out.getvalue()
