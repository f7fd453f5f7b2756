"""make memory: each web worker's memory after serving every public page 50 times.

Usage: bench/memory.py BASE_URL GUNICORN_MASTER_PID [--times 50] [--output bench/results/memory.json]

The pages: every address of the sitemap plus the searches of bench/pages.py (the API and the
health check left out). Each is fetched ``--times`` times over keep-alive-less HTTP, as a browser
would, then each worker's memory is read from /proc: RSS (VmRSS, what `ps` shows, counting pages
shared with the master and the other workers in full), PSS (Pss from smaps_rollup: shared pages
divided among the processes sharing them, the fair share) and USS (Private_Clean + Private_Dirty:
what the worker alone holds and would free on exit).
"""

from __future__ import annotations

import argparse
import json
import re
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from bench.pages import PAGES

LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own local server
        return bytes(response.read())


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def memory(pid: int) -> dict[str, float]:
    """RSS, PSS and USS of ``pid`` in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()

    def kib(text: str, name: str) -> int:
        match = re.search(rf"^{name}:\s+(\d+) kB", text, re.M)
        return int(match.group(1)) if match else 0

    return {
        "rss": round(kib(status, "VmRSS") / 1024, 1),
        "pss": round(kib(rollup, "Pss") / 1024, 1),
        "uss": round((kib(rollup, "Private_Clean") + kib(rollup, "Private_Dirty")) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("master", type=int)
    parser.add_argument("--times", type=int, default=50)
    parser.add_argument("--output", default="bench/results/memory.json")
    args = parser.parse_args()
    sitemap = ET.fromstring(get(args.base + "/sitemap.xml"))  # noqa: S314 - our own sitemap
    paths = [urlsplit(str(loc.text)).path for loc in sitemap.iter(LOC)]
    paths += [p for _, p in PAGES if not p.startswith(("/api/", "/healthz"))]
    paths = list(dict.fromkeys(paths))
    start = {pid: memory(pid) for pid in children(args.master)}
    for _ in range(args.times):
        for path in paths:
            get(args.base + path)
    workers = {pid: memory(pid) for pid in children(args.master)}
    result = {
        "pages": len(paths),
        "times": args.times,
        "master": memory(args.master),
        "workers_at_start": start,
        "workers": workers,
        "largest_rss_mib": max(m["rss"] for m in workers.values()),
        "largest_pss_mib": max(m["pss"] for m in workers.values()),
        "largest_uss_mib": max(m["uss"] for m in workers.values()),
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2))
    print(f"{len(paths)} pages x {args.times}; master {result['master']}")
    for pid, m in workers.items():
        print(
            f"worker {pid}: at start {start.get(pid)}, after: RSS {m['rss']} MiB  PSS {m['pss']} MiB  USS {m['uss']} MiB"
        )


if __name__ == "__main__":
    main()
