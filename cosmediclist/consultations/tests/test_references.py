"""References are human-friendly, unguessable and unique."""

from __future__ import annotations

from cosmediclist.consultations.references import ALPHABET, PATTERN, new_reference, normalise


def test_references_look_like_cml_and_avoid_ambiguous_characters() -> None:
    made = {new_reference() for _ in range(2000)}
    assert len(made) == 2000
    for reference in made:
        assert PATTERN.match(reference), reference
    assert not set("ILOU") & set(ALPHABET)


def test_typed_references_are_read_generously() -> None:
    assert normalise("cml 7k3q 9pxd") == "CML-7K3Q-9PXD"
    assert normalise("CML-OK3Q-9PXI") == "CML-0K3Q-9PX1"
