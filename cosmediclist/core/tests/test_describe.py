"""Page descriptions end at a sentence or word boundary, never mid-word."""

from __future__ import annotations

from cosmediclist.core.text import describe

LONG = (
    "Mesotherapy injects small amounts of vitamins and hyaluronic acid into the middle layer of the skin. "
    "Evidence for it is limited and results vary from person to person, so ask about risks first."
)


def test_a_short_text_is_kept_whole_with_whitespace_collapsed() -> None:
    assert describe("  Short  and\nsweet. ") == "Short and sweet."


def test_a_long_text_ends_at_the_last_sentence_that_fits() -> None:
    assert describe(LONG) == LONG.split(". ")[0] + "."


def test_without_a_sentence_end_it_stops_at_a_whole_word_with_an_ellipsis() -> None:
    text = "word " * 50
    result = describe(text, 32)
    assert len(result) <= 32 and result.endswith("word…") and "  " not in result


def test_no_description_is_longer_than_its_limit_or_ends_mid_word() -> None:
    for limit in range(20, 200, 7):
        result = describe(LONG, limit)
        assert len(result) <= limit
        assert result.endswith((".", "…"))
        assert result.rstrip(".…").split(" ")[-1] in {w.strip(".,") for w in LONG.split()}
