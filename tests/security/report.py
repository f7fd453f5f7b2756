"""Print the figures the security suite recorded (``make security-report`` runs the suite first).

Usage: ``python -m tests.security.report`` reads ``artifacts/security/*.json`` (one file per
database the suite ran on) and prints one table: section, figure, and its value on each database.
Exits 1 when no figures were recorded (the suite did not run).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "artifacts" / "security"


def table(runs: dict[str, dict[str, dict[str, object]]]) -> list[str]:
    vendors = sorted(runs)
    rows = [("section", "figure", *vendors)]
    sections = sorted({section for run in runs.values() for section in run})
    for section in sections:
        names = sorted({name for run in runs.values() for name in run.get(section, {})})
        for name in names:
            values = [str(runs[vendor].get(section, {}).get(name, "–")) for vendor in vendors]
            rows.append((section, name.replace("_", " "), *values))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def main() -> int:
    runs = {path.stem: json.loads(path.read_text()) for path in sorted(FOLDER.glob("*.json"))}
    if not runs:
        sys.stderr.write(f"No figures in {FOLDER}: run the security suite first (make security-report).\n")
        return 1
    sys.stdout.write("\n".join(table(runs)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
