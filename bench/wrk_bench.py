"""Drive the production server with wrk and print throughput next to the floor and the bare baseline.

Usage: bench/wrk_bench.py BASE_URL BUILD_JSON OUT_JSON [--seconds 5] [--connections 1,16]
       [--gunicorn-pid PID]
Run by bench/run, which builds the database and starts gunicorn first. Each page is measured
uncached (a `bench_nocache` cookie makes the page cache step aside, as any cookie but csrftoken
does) and the guide and home also as an anonymous reader gets them (from the page cache).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import inprocess  # noqa: F401  (sets Django up on the bench database)
from bench.consultation_submit import form_data as consultation_form
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory.models import Clinic
from cosmediclist.discussion import tokens

NOCACHE = "bench_nocache=1"
GUIDE = "/guides/what-is-mesotherapy/"
# The clinic search page and the same search through the API around the same point (Manchester's in
# the gazetteer, same treatment, radius and page size), so that the two rows compare like with like:
# issue 16 asks the API's clinics near a point to take at most API_NEAR_POINT_GOAL times the page's time.
CLINIC_SEARCH = "/clinics/?treatment=mesotherapy&near=Manchester&radius=25"
API_NEAR_POINT = "/api/v1/clinics?treatment=mesotherapy&lat=53.48095&lng=-2.23743&radius_km=25"
API_NEAR_POINT_GOAL = 1.5
LUA_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('JSON:{"requests":%d,"duration_us":%d,"bytes":%d,"errors":%d,"non2xx":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
"""


@dataclass
class Target:
    name: str
    path: str
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""  # "{n}" in a POST body becomes a number unique to each request
    compare_to: str = "bare article"  # the baseline of its own kind
    results: dict[int, dict[str, Any]] = field(default_factory=dict)
    queries: str = "?"  # per request once the workers are warm (after the load)
    queries_first: str = "?"  # the first request to a fresh worker (its caches empty)
    size: int = 0
    size_gz: int = 0


def request(base: str, method: str, path: str, headers: dict[str, str], body: str = "") -> Any:
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    conn.request(method, path, body=body.encode() or None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def warm_queries(base: str, target: Target) -> None:
    """The query count once both workers have served the page (the fewest of four GETs after the load)."""
    if target.method != "GET":
        return
    counts = []
    for _ in range(4):
        response, _data = request(base, "GET", target.path, target.headers)
        found = response.getheader("X-Bench-Queries", "")
        if found.isdigit():
            counts.append(int(found))
    if counts:
        target.queries = str(min(counts))


def lua_for(target: Target) -> str:
    headers = "".join(f'wrk.headers["{k}"] = "{v}"\n' for k, v in target.headers.items())
    if target.method == "GET":
        return headers + LUA_DONE
    body = json.dumps(target.body)  # a valid Lua string literal too (ASCII, escaped quotes)
    return (
        headers
        + f'wrk.method = "POST"\nlocal template = {body}\nlocal n = 0\n'
        + "local seed = tostring(os.time())\n"
        + "request = function()\n  n = n + 1\n"
        + '  local b = template:gsub("{n}", seed .. string.format("%012d", n))\n'
        + f'  return wrk.format("POST", "{target.path}", nil, b)\nend\n'
        + LUA_DONE
    )


def run_wrk(base: str, target: Target, connections: int, seconds: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua_for(target))
    threads = min(connections, 2)
    out = subprocess.run(  # noqa: S603 - Debian's wrk, fixed argv, loopback only
        [
            shutil.which("wrk") or "/usr/bin/wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            script.name,
            base + target.path,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    line = next(x for x in out.splitlines() if x.startswith("JSON:"))
    data: dict[str, Any] = json.loads(line[5:])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def probe(base: str, target: Target) -> bool:
    """One request to read the query count and the page's size, plain and gzipped."""
    headers = {**target.headers}
    if target.method == "POST":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    body = target.body.replace("{n}", f"probe{time.time_ns()}")
    response, data = request(base, target.method, target.path, headers, body)
    if response.status >= (300 if target.method == "GET" else 400):
        # Every row is part of the bench: one that cannot be measured stops it, rather than a
        # table that silently lacks it (a signed-in page redirecting to sign-in, say).
        raise SystemExit(f"bench row {target.name} ({target.path}) answered {response.status}")
    target.queries = target.queries_first = response.getheader("X-Bench-Queries", "?")
    target.size = len(data)
    if target.method == "GET":
        _packed, zdata = request(base, "GET", target.path, {**headers, "Accept-Encoding": "gzip"})
        target.size_gz = len(zdata)
    return True


def csrf(base: str) -> tuple[str, str]:
    """A csrftoken cookie and a form token for it, from the guide page as a reader gets it."""
    response, data = request(base, "GET", GUIDE, {})
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)
    assert cookie and token, "the guide page gave no CSRF cookie or token"
    return cookie[1], token[1].decode()


def front_end_weight(base: str) -> dict[str, int]:
    """The guide's HTML, CSS and JS as a browser fetches them (gzip for HTML, brotli for static)."""
    _response, html = request(base, "GET", GUIDE, {"Accept-Encoding": "gzip"})
    plain = gzip.decompress(html) if html[:2] == b"\x1f\x8b" else html
    assets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"|<script[^>]+src="([^"]+)"', plain)
    weights = {"html": len(html), "css": 0, "js": 0}
    for css, js in assets:
        url = (css or js).decode()
        _r, data = request(base, "GET", url, {"Accept-Encoding": "br, gzip"})
        weights["css" if css else "js"] += len(data)
    weights["total"] = weights["html"] + weights["css"] + weights["js"]
    return weights


def worker_memory(master: int) -> list[float]:
    """Resident MiB of each gunicorn worker (children of the master)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def targets(base: str, build: dict[str, Any]) -> list[Target]:
    nocache = {"Cookie": NOCACHE}
    cookie, token = csrf(base)
    post_headers = {"Cookie": f"csrftoken={cookie}", "Content-Type": "application/x-www-form-urlencoded"}
    comment = {
        "csrfmiddlewaretoken": token,
        "name": "Bench Reader",
        "email": "bench.reader@example.org",
        "website": "",
        "body": "Benchmark comment number {n}: the guide answered my questions about sessions.",
        "started": tokens.started_token(time.time() - 120),
        "next": "",
        "homepage": "",
        "post": "1",
    }
    clinic = Clinic.objects.get(slug=build["clinic_slug"])
    consultation = consultation_form(clinic, Treatment.objects.get(slug="mesotherapy"), "bench{n}")
    consultation["csrfmiddlewaretoken"] = token

    def encode(data: dict[str, Any]) -> str:
        return urllib.parse.urlencode(data, doseq=True).replace("%7Bn%7D", "{n}")

    found = [
        Target("trivial (floor)", "/bench/trivial/", compare_to="trivial (floor)"),
        Target("bare article", "/bench/bare-article/"),
        Target("home", "/", headers=nocache),
        Target("home, cached", "/"),
        Target("guide", GUIDE, headers=nocache),
        Target("guide, cached", GUIDE),
        Target("treatment", "/treatments/mesotherapy/", headers=nocache),
        Target(
            "compare 3",
            "/compare/fractional-co2-laser-vs-mesotherapy-vs-microneedling/",
            headers=nocache,
        ),
        Target("concern", "/concerns/stretch-marks/", headers=nocache),
        Target(f"clinic search ({build['clinics']} clinics)", CLINIC_SEARCH, headers=nocache),
        Target(f"clinic, {build['reviews']} reviews", f"/clinics/{build['clinic_slug']}/", headers=nocache),
        Target(
            f"inbox, {build['inbox']} requests", "/portal/inbox/", headers={"Cookie": build["staff_cookie"]}
        ),
        Target("site search", "/search/?q=mesotherapy", headers=nocache),
        Target(
            "api clinics near a point",
            API_NEAR_POINT,
            headers=nocache,
            compare_to=f"clinic search ({build['clinics']} clinics)",
        ),
        Target(
            "bare POST",
            "/bench/bare-post/",
            "POST",
            post_headers,
            encode({"csrfmiddlewaretoken": token, "body": "{n}"}),
            "bare POST",
        ),
        Target(
            "comment POST",
            f"/comments/{build['guide_id']}/post/",
            "POST",
            post_headers,
            encode(comment),
            "bare POST",
        ),
        Target(
            "consultation POST",
            f"/clinics/{build['clinic_slug']}/consultation/",
            "POST",
            post_headers,
            encode(consultation),
            "bare POST",
        ),
    ]
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("build")
    parser.add_argument("out")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "5")))
    parser.add_argument("--connections", default=os.environ.get("BENCH_CONNECTIONS", "1,16"))
    parser.add_argument("--gunicorn-pid", type=int, default=0)
    args = parser.parse_args()
    build = json.loads(Path(args.build).read_text())
    connections = [int(c) for c in args.connections.split(",")]
    chosen = [t for t in targets(args.base, build) if probe(args.base, t)]
    for target in chosen:
        for c in connections:
            target.results[c] = run_wrk(args.base, target, c, args.seconds)
            print(f"  {target.name:<34} c={c:<3} {target.results[c]['rps']:8.1f} req/s", flush=True)
        warm_queries(args.base, target)
    by_name = {t.name: t for t in chosen}
    memory = worker_memory(args.gunicorn_pid) if args.gunicorn_pid else []
    weight = front_end_weight(args.base)
    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"\n{database}, gunicorn as in the README, wrk {args.seconds}s per row on loopback")
    head = f"{'page':<34}{'c':>4}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'err':>6}{'queries':>8}{'bytes':>8}{'gzip':>7}{'×floor':>8}{'×base':>7}"
    print(head)
    rows = []
    for target in chosen:
        for c, r in target.results.items():
            floor = by_name["trivial (floor)"].results[c]["rps"]
            base = by_name[target.compare_to].results[c]["rps"] if target.compare_to in by_name else 0
            row = {
                "page": target.name,
                "path": target.path,
                "method": target.method,
                "connections": c,
                "rps": round(r["rps"], 1),
                "p50_ms": round(r["p50_us"] / 1000, 1),
                "p99_ms": round(r["p99_us"] / 1000, 1),
                "errors": r["errors"] + r["non2xx"],
                "queries": target.queries,
                "queries_first_request": target.queries_first,
                "bytes": target.size,
                "bytes_gzip": target.size_gz,
                "x_floor": round(r["rps"] / floor, 3),
                "x_baseline": round(r["rps"] / base, 3) if base else None,
                "baseline": target.compare_to,
            }
            rows.append(row)
            print(
                f"{row['page']:<34}{c:>4}{row['rps']:>9.1f}{row['p50_ms']:>9.1f}{row['p99_ms']:>9.1f}"
                f"{row['errors']:>6}{row['queries']:>8}{row['bytes']:>8}{row['bytes_gzip']:>7}"
                f"{row['x_floor']:>8.2f}{(row['x_baseline'] or 0):>7.2f}"
            )
    goals = evaluate(rows, memory)
    print(f"\nGuide page weight (HTML gzip + CSS/JS brotli): {weight} bytes; target < 51200")
    print(f"Gunicorn workers' resident memory after the run: {[round(m, 1) for m in memory]} MiB")
    for goal in goals:
        print(f"{'MET ' if goal['met'] else 'NOT MET'}  {goal['goal']}: {goal['figure']}")
    Path(args.out).write_text(
        json.dumps(
            {
                "database": database,
                "seconds": args.seconds,
                "build": {k: v for k, v in build.items() if k != "staff_cookie"},
                "rows": rows,
                "front_end_weight": weight,
                "worker_memory_mib": memory,
                "goals": goals,
            },
            indent=2,
        )
    )
    print(f"Figures written to {args.out}")


def evaluate(rows: list[dict[str, Any]], memory: list[float]) -> list[dict[str, Any]]:
    def rps(page: str, c: int) -> float:
        return next((r["rps"] for r in rows if r["page"] == page and r["connections"] == c), 0.0)

    search = next((r["page"] for r in rows if r["page"].startswith("clinic search")), "")
    goals = []
    for c in sorted({r["connections"] for r in rows}):
        pairs = [
            ("uncached guide ≥ 0.7× bare article", "guide", "bare article", 0.7),
            ("cached guide ≥ 0.5× trivial view", "guide, cached", "trivial (floor)", 0.5),
            ("clinic search ≥ 0.5× uncached guide", search, "guide", 0.5),
            ("comment POST ≥ 0.7× bare POST", "comment POST", "bare POST", 0.7),
        ]
        for label, page, base, ratio in pairs:
            if rps(base, c):
                value = rps(page, c) / rps(base, c)
                goals.append({"goal": f"{label} (c={c})", "figure": round(value, 2), "met": value >= ratio})
        # Time per request is the inverse of req/s: the API's over the page's, at most the goal.
        if rps("api clinics near a point", c) and rps(search, c):
            value = rps(search, c) / rps("api clinics near a point", c)
            goals.append(
                {
                    "goal": f"api clinics near a point ≤ {API_NEAR_POINT_GOAL}× clinic search's time (c={c})",
                    "figure": round(value, 2),
                    "met": value <= API_NEAR_POINT_GOAL,
                }
            )
    public = [
        r for r in rows if r["method"] == "GET" and not r["page"].startswith(("inbox", "bare", "trivial"))
    ]
    worst = max((int(r["queries"]) for r in public if str(r["queries"]).isdigit()), default=0)
    goals.append({"goal": "no public page over 10 queries", "figure": worst, "met": worst <= 10})
    if memory:
        goals.append(
            {"goal": "worker memory < 150 MiB", "figure": round(max(memory), 1), "met": max(memory) < 150}
        )
    return goals


if __name__ == "__main__":
    main()
