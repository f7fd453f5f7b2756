"""Human-friendly, unguessable request references such as CML-7K3Q-9PXD."""

from __future__ import annotations

import re
import secrets

# Crockford's base32 without the letters people misread (I, L, O, U): 32 symbols, so each
# character carries 5 bits and the 8 characters 40 bits (about 10^12 references).
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PATTERN = re.compile(rf"^CML-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def new_reference() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"CML-{body[:4]}-{body[4:]}"


def normalise(text: str) -> str:
    """Read a reference as people type it: any case, spaces, O for 0, I or L for 1."""
    cleaned = re.sub(r"[\s-]", "", text.upper()).removeprefix("CML").translate(str.maketrans("OIL", "011"))
    return f"CML-{cleaned[:4]}-{cleaned[4:8]}" if len(cleaned) == 8 else text.strip().upper()
