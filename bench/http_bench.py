"""Time the site's pages over HTTP: latency of sequential requests, then throughput under load.

Usage: bench/http_bench.py BASE_URL [--requests N] [--concurrency C]
Prints one row per page with min, median and 95th-percentile latency, requests per second
with C concurrent clients, and each page's median as a ratio of the reference page's.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from bench.pages import PAGES, RATIOS, REFERENCE


def wait_until_up(base: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            get(base, "/healthz")
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("the server did not start")


def get(base: str, path: str, conn: http.client.HTTPConnection | None = None) -> float:
    parts = urlsplit(base)
    own = conn is None
    conn = conn or http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    if own:
        conn.close()
    return elapsed


def sequential(base: str, path: str, count: int) -> list[float]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    for _ in range(3):
        get(base, path, conn)  # warm caches and connections
    timings = [get(base, path, conn) for _ in range(count)]
    conn.close()
    return timings


def throughput(base: str, path: str, count: int, concurrency: int) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(lambda _: get(base, path), range(count)))
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    wait_until_up(args.base)
    pages = [(name, path) for name, path in PAGES if _exists(args.base, path)]
    rows = []
    for name, path in pages:
        timings = sorted(sequential(args.base, path, args.requests))
        rps = throughput(args.base, path, args.requests, args.concurrency)
        rows.append(
            (name, path, timings[0], statistics.median(timings), timings[int(len(timings) * 0.95) - 1], rps)
        )
    reference = next((r[3] for r in rows if r[0] == REFERENCE), rows[0][3])
    print(f"\n{'page':<28}{'min ms':>9}{'median ms':>11}{'p95 ms':>9}{'req/s':>9}{'× ' + REFERENCE:>16}")
    for name, _path, low, median, p95, rps in rows:
        print(
            f"{name:<28}{low * 1000:>9.1f}{median * 1000:>11.1f}{p95 * 1000:>9.1f}{rps:>9.1f}{median / reference:>16.2f}"
        )
    print(
        f"\n{args.requests} sequential requests per page after 3 warm-ups; req/s with {args.concurrency} concurrent clients."
    )
    medians = {row[0]: row[3] for row in rows}
    for case, baseline in RATIOS:
        if case in medians and baseline in medians:
            print(f"{case} / {baseline}: x{medians[case] / medians[baseline]:.2f} (median)")


def _exists(base: str, path: str) -> bool:
    try:
        get(base, path)
    except (RuntimeError, OSError):
        print(f"skipping {path}: not served in this build")
        return False
    return True


if __name__ == "__main__":
    main()
