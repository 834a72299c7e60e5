"""Crawl benchmark: a generated local site of N notices, crawled with --delay 0.

    .venv/bin/python bench/crawl_bench.py                 # 2,000 notices
    .venv/bin/python bench/crawl_bench.py --sizes 1000,2000,4000
    .venv/bin/python bench/crawl_bench.py --profile       # where the time goes

Everything a real crawl does is included: fetching over HTTP (one
connection, as for one host), archiving to WARC + SQLite, extracting
records, linking entities and indexing.  The site is served by a separate
process, so the crawler's peak memory (ru_maxrss) is its own; each size
runs in a fresh process so that peaks do not carry over.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import multiprocessing
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

PER_PAGE = 20


def _site(n: int):
    """A TRS-style column of n notices; every 10th has an xlsx attachment."""
    from sitegen import (
        Resource,
        commendation_paragraphs,
        list_page_trs,
        nominees,
        notice_page,
        xlsx_bytes,
    )

    pages = (n + PER_PAGE - 1) // PER_PAGE

    def resolve(path: str):
        if path == "/robots.txt":
            return Resource(b"User-agent: *\nAllow: /\n", "text/plain")
        if path.startswith("/col/index"):
            stem = path.rsplit("/", 1)[1]
            page = 0 if stem == "index.html" else int(stem[len("index_"):-len(".html")])
            if page >= pages:
                return None
            first = page * PER_PAGE
            links = [(f"/n/{i}.html", f"关于2025年度第{i}批优秀共产党员拟表彰对象的公示")
                     for i in range(first, min(n, first + PER_PAGE))]
            return Resource(list_page_trs(links, pages, page).encode("gbk"), "text/html")
        if path.startswith("/n/") and path.endswith(".html"):
            i = int(path[3:-5])
            if i >= n:
                return None
            title = f"关于2025年度第{i}批优秀共产党员拟表彰对象的公示"
            atts = [(f"/a/{i}.xlsx", "附件：拟表彰对象名单.xlsx")] if i % 10 == 0 else []
            html = notice_page(title, commendation_paragraphs("全州优秀共产党员", 5), nominees(i, 5), atts, filler=6)
            return Resource(html.encode("utf-8"), "text/html")
        if path.startswith("/a/") and path.endswith(".xlsx"):
            i = int(path[3:-5])
            return Resource(xlsx_bytes("拟表彰对象名单", nominees(100000 + i, 4)),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        return None

    return resolve


def _serve(n: int, port_out) -> None:
    from sitegen import FixtureServer

    server = FixtureServer(dynamic=_site(n), log_requests=False).start()
    port_out.send(server.netloc)
    while True:
        time.sleep(3600)


def run_once(n: int, profile: bool, engine: str | None = None) -> dict:
    """Crawl a fresh site of n notices into a fresh data dir; the figures."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_serve, args=(n, child), daemon=True)
    server.start()
    netloc = parent.recv()
    from gongshi.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        if engine:
            from archive.store import open_store

            store = open_store(tmp)
            store.set_setting("search_engine", engine)
            store.close()
        args = ["crawl", f"http://{netloc}/col/index.html", "--data", tmp, "--delay", "0"]
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        main(args)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
        from archive.store import open_store

        store = open_store(tmp)
        notices = store.query_one("SELECT COUNT(*) AS n FROM notices")["n"]
        records = store.count_records()
        warc_bytes = sum(p.stat().st_size for p in store.warc.files())
        store.close()
    server.kill()
    out = {
        "notices": n, "archived_notices": notices, "records": records, "seconds": round(seconds, 2),
        "notices_per_s": round(notices / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "warc_mb": round(warc_bytes / 2**20, 1),
    }
    if profiler:
        out["time_by_part"] = _by_part(profiler, seconds)
    return out


_PARTS = (
    ("extract (parse_notice, readers)", ("archive/extract",)),
    ("index (whoosh/tantivy)", ("/index/", "whoosh", "tantivy")),
    ("entity linking", ("archive/linking", "archive/candidates")),
    ("WARC writing (warcio, gzip)", ("archive/warc.py", "warcio")),
    ("CDXJ indexing", ("archive/cdx.py", "cdxj_indexer")),
    ("SQLite store", ("archive/store",)),
    ("HTTP (requests, urllib3, sockets)", ("requests/", "urllib3", "http/client", "socket.py")),
    ("crawler (discovery, politeness)", ("crawler/",)),
)


def _by_part(profiler: cProfile.Profile, wall: float) -> dict[str, float]:
    """Own time (tottime) of every function, summed by the part of gongshi it belongs to.

    Worker threads are not profiled by cProfile, so this profile is taken with
    the crawl running in the main thread's call graph only where it is; see
    `--profile` note in the report.
    """
    stats = pstats.Stats(profiler, stream=io.StringIO())
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        for part, needles in _PARTS:
            if any(n in filename for n in needles):
                totals[part] += tottime
                break
        else:
            totals["other (incl. waiting)"] += tottime
    return {k: round(v, 2) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000", help="comma-separated site sizes (notices)")
    parser.add_argument("--profile", action="store_true", help="also say where the time goes")
    parser.add_argument("--engine", choices=["whoosh", "tantivy"], help="search engine of the archive (default: whoosh)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_once(args.one, args.profile, args.engine), ensure_ascii=False))
        return 0
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--profile"] if args.profile else [])
        cmd += ["--engine", args.engine] if args.engine else []
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return result.returncode
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"{n} notices: {figures['notices_per_s']} notices/s ({figures['archived_notices']} archived, "
              f"{figures['records']} records, {figures['seconds']} s), peak RSS {figures['peak_rss_mb']} MB, "
              f"WARC {figures['warc_mb']} MB")
        for part, seconds in figures.get("time_by_part", {}).items():
            print(f"    {seconds:8.2f} s  {part}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
