"""Page numbers and offsets from a query string, kept within what a database integer holds."""

from __future__ import annotations

# Far beyond any real listing, far below SQLite's and PostgreSQL's 2**63: a page or offset past
# the end of a list is then an empty page, never an overflow in the database driver.
MAX_PAGE = 1_000_000
MAX_OFFSET = 2**31 - 1


def page_number(raw: str | int | None) -> int:
    """A page number from 1 to MAX_PAGE; anything that is not a number is page 1."""
    try:
        number = int(raw or 1)
    except ValueError:  # also a number of more than 4,300 digits, which int() refuses
        return 1
    return min(max(number, 1), MAX_PAGE)


def offset(raw: int) -> int:
    """An offset from 0 to MAX_OFFSET."""
    return min(max(raw, 0), MAX_OFFSET)
