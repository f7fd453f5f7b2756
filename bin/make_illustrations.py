#!/usr/bin/env python3
"""Draw the line-art illustrations of treatments, concerns and body areas into static/img/illustrations/.

Each is a small abstract SVG made for this project: one motif (ripples, droplets, beams, a dot grid,
waves, crystals, lifting curves) chosen for what the treatment does, varied by a hash of the slug so
that no two look the same. Two colours with partial opacity, so one file reads on light and dark
pages; no style element, no script, no external reference. Run it again after adding a slug here;
pages fall back to the kind's default drawing for slugs without a file.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "static" / "img" / "illustrations"
W, H = 160, 120
TEAL, ROSE = "#2b8a99", "#c0647c"

TREATMENTS = {
    "botulinum-toxin": "waves",
    "chemical-peel": "layers",
    "cryolipolysis": "crystals",
    "fractional-co2-laser": "beams",
    "hifu": "ripples",
    "dermal-filler": "droplets",
    "ipl": "beams",
    "led-therapy": "sun",
    "laser-hair-removal": "beams",
    "mesotherapy": "dots",
    "microneedling": "dots",
    "thread-lift": "lift",
    "prp": "droplets",
    "rf-microneedling": "ripples",
    "skin-booster": "droplets",
}
CONCERNS = {
    "acne-scars": "dots",
    "cellulite": "waves",
    "dull-skin": "sun",
    "enlarged-pores": "dots",
    "fine-lines-and-wrinkles": "waves",
    "hair-loss": "lift",
    "hyperpigmentation": "ripples",
    "sagging-skin": "lift",
    "stretch-marks": "layers",
    "stubborn-fat": "crystals",
    "sun-damage": "sun",
    "thread-veins-and-redness": "layers",
    "uneven-texture": "dots",
    "unwanted-hair": "beams",
    "volume-loss": "droplets",
}
AREAS = dict.fromkeys(
    (
        "abdomen",
        "arms",
        "back",
        "buttocks",
        "decolletage",
        "face",
        "hands",
        "jawline",
        "legs",
        "lips",
        "neck",
        "scalp",
        "thighs",
        "under-eyes",
        "underarms",
    ),
    "ripples",
)


def _seed(slug: str) -> list[float]:
    digest = hashlib.sha256(slug.encode()).digest()
    return [b / 255 for b in digest]


def _line(d: str, colour: str = TEAL, width: float = 2.2, opacity: float = 0.9) -> str:
    return (
        f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}" stroke-linecap="round" '
        f'stroke-linejoin="round" stroke-opacity="{opacity}"/>'
    )


def ripples(r: list[float]) -> str:
    cx, cy = 60 + 40 * r[0], 50 + 20 * r[1]
    rings = [
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{8 + i * (9 + 4 * r[2]):.1f}" fill="none" stroke="{TEAL}" '
        f'stroke-width="2" stroke-opacity="{0.95 - i * 0.17:.2f}"/>'
        for i in range(5)
    ]
    return "".join(rings) + f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{ROSE}"/>'


def droplets(r: list[float]) -> str:
    out = []
    for i in range(3):
        x, y, s = 40 + i * 38 + 8 * r[i], 40 + 30 * r[i + 3], 0.7 + 0.5 * r[i + 6]
        d = (
            f"M{x:.1f} {y - 22 * s:.1f}C{x + 14 * s:.1f} {y - 4 * s:.1f} {x + 14 * s:.1f} {y + 12 * s:.1f} "
            f"{x:.1f} {y + 12 * s:.1f}C{x - 14 * s:.1f} {y + 12 * s:.1f} {x - 14 * s:.1f} {y - 4 * s:.1f} "
            f"{x:.1f} {y - 22 * s:.1f}Z"
        )
        out.append(_line(d, ROSE if i == 1 else TEAL))
    return "".join(out)


def waves(r: list[float]) -> str:
    out = []
    for i in range(4):
        y, amp = 30 + i * 20, 10 * (1 - i * 0.22) * (0.6 + 0.6 * r[i])
        d = f"M16 {y:.1f}" + "".join(
            f"Q{16 + 32 * k + 16:.1f} {y - amp if k % 2 == 0 else y + amp:.1f} {16 + 32 * (k + 1):.1f} {y:.1f}"
            for k in range(4)
        )
        out.append(_line(d, ROSE if i == 3 else TEAL, opacity=1 - i * 0.15))
    return "".join(out)


def layers(r: list[float]) -> str:
    out = []
    for i in range(4):
        y = 34 + i * 18
        d = f"M20 {y:.1f}C60 {y - 12 * r[i]:.1f} 100 {y + 12 * r[i + 4]:.1f} 140 {y:.1f}"
        out.append(_line(d, TEAL, width=3 - i * 0.5, opacity=1 - i * 0.2))
    out.append(_line(f"M20 {30 + 60 * r[9]:.1f}L140 {30 + 60 * r[9]:.1f}", ROSE, 1.5, 0.7))
    return "".join(out)


def beams(r: list[float]) -> str:
    out = []
    x0 = 50 + 60 * r[0]
    for i in range(5):
        x = 30 + i * 25
        out.append(_line(f"M{x0:.1f} 14L{x:.1f} 96", TEAL, 1.8, 0.35 + 0.12 * i))
    out.append(_line("M20 98L140 98", ROSE, 2.5))
    out.append(f'<circle cx="{x0:.1f}" cy="14" r="5" fill="{ROSE}"/>')
    return "".join(out)


def sun(r: list[float]) -> str:
    cx, cy = 80, 60
    out = [
        f'<circle cx="{cx}" cy="{cy}" r="{16 + 6 * r[0]:.1f}" fill="none" stroke="{ROSE}" stroke-width="2.5"/>'
    ]
    for i in range(12):
        a = 2 * math.pi * i / 12 + r[1]
        r1, r2 = 28, 40 + 8 * r[(i % 8) + 2]
        out.append(
            _line(
                f"M{cx + r1 * math.cos(a):.1f} {cy + r1 * math.sin(a):.1f}L"
                f"{cx + r2 * math.cos(a):.1f} {cy + r2 * math.sin(a):.1f}",
                TEAL,
                2,
                0.8,
            )
        )
    return "".join(out)


def dots(r: list[float]) -> str:
    out = []
    for row in range(5):
        for col in range(8):
            k = (row * 8 + col) % 32
            size = 1.2 + 2.6 * r[k]
            colour = ROSE if (row + col + int(10 * r[0])) % 9 == 0 else TEAL
            out.append(
                f'<circle cx="{22 + col * 16.5:.1f}" cy="{24 + row * 18:.1f}" r="{size:.1f}" fill="{colour}" '
                f'fill-opacity="{0.45 + 0.5 * r[(k + 5) % 32]:.2f}"/>'
            )
    return "".join(out)


def crystals(r: list[float]) -> str:
    out = []
    for i in range(3):
        cx, cy, s = 40 + i * 40, 45 + 30 * r[i], 12 + 8 * r[i + 3]
        for k in range(3):
            a = math.pi * k / 3 + r[6]
            dx, dy = s * math.cos(a), s * math.sin(a)
            out.append(
                _line(
                    f"M{cx - dx:.1f} {cy - dy:.1f}L{cx + dx:.1f} {cy + dy:.1f}", ROSE if i == 1 else TEAL, 2
                )
            )
    return "".join(out)


def lift(r: list[float]) -> str:
    out = []
    for i in range(4):
        x = 30 + i * 30
        d = f"M{x:.1f} 100C{x + 10:.1f} {70 - 10 * r[i]:.1f} {x + 30:.1f} {50 - 10 * r[i + 4]:.1f} {x + 28:.1f} 20"
        out.append(_line(d, TEAL, 2, 0.5 + 0.15 * i))
    out.append(_line("M118 30L128 20L138 30", ROSE, 2.5))
    return "".join(out)


MOTIFS: dict[str, Callable[[list[float]], str]] = {
    "ripples": ripples,
    "droplets": droplets,
    "waves": waves,
    "layers": layers,
    "beams": beams,
    "sun": sun,
    "dots": dots,
    "crystals": crystals,
    "lift": lift,
}


def svg(motif: str, slug: str) -> str:
    r = _seed(slug)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">'
        f'<rect width="{W}" height="{H}" rx="12" fill="{TEAL}" fill-opacity="0.09"/>'
        f"{MOTIFS[motif](r)}</svg>\n"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for kind, table, default in (
        ("treatment", TREATMENTS, "ripples"),
        ("concern", CONCERNS, "waves"),
        ("area", AREAS, "ripples"),
    ):
        for slug, motif in {**table, "default": default}.items():
            (OUT / f"{kind}-{slug}.svg").write_text(svg(motif, f"{kind}:{slug}"))


if __name__ == "__main__":
    main()
