"""Local avatars: initials on a colour picked from a hash of the name (never of the email)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

PALETTE_SIZE = 12


@dataclass(frozen=True)
class Avatar:
    initials: str
    colour: int  # index into the avatar--cN classes in site.css


def avatar_for(name: str) -> Avatar:
    words = [w for w in name.split() if w[:1].isalnum()]
    initials = "".join(w[0] for w in words[:2]).upper() or "?"
    digest = hashlib.blake2s(name.strip().lower().encode("utf-8", "replace"), digest_size=4).digest()
    return Avatar(initials=initials, colour=int.from_bytes(digest, "big") % PALETTE_SIZE)
