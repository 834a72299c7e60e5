"""Crawl benchmark: a generated local site of N notices, crawled with --delay 0.

    .venv/bin/python bench/crawl_bench.py                 # 2,000 notices
    .venv/bin/python bench/crawl_bench.py --sizes 1000,2000,4000
    .venv/bin/python bench/crawl_bench.py --profile       # where the threads spend their time
    .venv/bin/python bench/crawl_bench.py --engine tantivy

Everything a real crawl does is included: fetching over HTTP (one
connection, as for one host), archiving to WARC + SQLite, extracting
records, linking entities and indexing (the rate counts until the last
record is indexed and the CDXJ index written).  The site (a TRS-paged GBK
column, notices with a 5-row nominee table, every 10th with an xlsx
attachment) is served by a separate process, so the crawler's peak memory
(ru_maxrss) is its own; each size runs in a fresh process.

Figures on the 2-core development machine (November 2026), after whoosh's
large segment merges moved to a short-lived forked child (its memory, not
counted here, goes back to the OS when it exits), the name caches shrank to
1,024 entries and an index update takes at most INDEX_BATCH notices:

    engine    notices   notices/s   peak RSS
    whoosh     1,000     114.5       135 MB
    whoosh     2,000     112.0       141 MB
    whoosh     4,000     105.4       147 MB
    tantivy    4,000     115.8       259 MB   (before those changes)

Before them (same day): whoosh 103.8 / 105.6 / 90.5 notices/s and
138 / 147 / 183 MB (the first large segment merge, ~10,800 documents,
kept +31 MB; name caches of 131,072 entries ~1 MB per 1,000 records).
Before that, when the index updater was not yet batched and whoosh
writers memory-mapped segments: whoosh 49.9 / 62.3 / 48.5 notices/s and
160 / 236 / 415 MB at 1,000 / 2,000 / 4,000; with linking and indexing
stubbed out, 80.9 / 84.1 notices/s and 64 / 70 MB at 1,000 / 4,000.

The crawl itself (fetch, WARC, SQLite, extraction) is flat in memory.  Where the crawl threads' time goes (2,000
notices, whoosh, --profile; a thread waiting for the GIL counts where it
waits): SQLite store calls 45% (mostly waiting for the store's one lock:
put_document, current_documents, queue_index, mark_done), search index 22%
(its own thread), waiting for the host's turn 8%, network 6%, WARC writing
5%, HTTP client 5%, crawler 4%, extraction 4%.  Three threads per host
overlap one notice's extraction and archiving with the next one's fetch;
the index is updated by a thread of its own.  fsync after every WARC
record cost 6-8 ms a record here: the WARC is now synced at most once a
second, like SQLite in WAL mode with synchronous=NORMAL.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import threading
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
        sampler = StackSampler() if profile else None
        if sampler:
            sampler.start()
        started = time.perf_counter()
        main(args)
        seconds = time.perf_counter() - started
        if sampler:
            sampler.halt.set()
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
    if sampler:
        out["thread_time_by_part"] = sampler.shares()
    return out


# Innermost matching frame wins: a socket read inside requests inside the crawler is "network".
_PARTS = (
    ("network (sockets: waiting for the server)", ("/socket.py", "/ssl.py", "urllib3/util/wait.py")),
    ("waiting for the host's turn (one connection per host)", ("crawler/politeness.py",)),
    ("WARC writing (warcio records, gzip, fsync)", ("archive/warc.py", "/warcio/")),
    ("CDXJ indexing", ("archive/cdx.py", "cdxj_indexer")),
    ("extraction (archive.extract: readers, tables, prose)", ("archive/extract/",)),
    ("search index", ("/index/", "/whoosh/", "tantivy")),
    ("entity linking", ("archive/linking", "archive/candidates")),
    ("SQLite store (incl. waiting for its lock)", ("archive/store/",)),
    ("HTTP client (requests, urllib3, http.client)", ("/requests/", "/urllib3/", "/http/client.py")),
    ("crawler (discovery, frontier calls)", ("crawler/",)),
    ("wiring (gongshi.commands_crawl, archive.ingest)", ("gongshi/", "archive/ingest.py")),
)


class StackSampler(threading.Thread):
    """Where the crawl's threads are, sampled every few milliseconds (cProfile sees one thread only)."""

    def __init__(self, interval: float = 0.005) -> None:
        super().__init__(name="sampler", daemon=True)
        self.interval = interval
        self.counts: dict[str, int] = defaultdict(int)
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in sys._current_frames().items():
                name = names.get(ident, "")
                if name.startswith("crawl ") or name == "index updater":
                    self.counts[_part(frame)] += 1
            time.sleep(self.interval)

    def shares(self) -> dict[str, float]:
        total = sum(self.counts.values()) or 1
        return {k: round(100 * v / total, 1) for k, v in sorted(self.counts.items(), key=lambda kv: -kv[1])}


def _part(frame) -> str:
    while frame is not None:
        filename = frame.f_code.co_filename
        for part, needles in _PARTS:
            if any(n in filename for n in needles):
                return part
        frame = frame.f_back
    return "other"


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
        for part, share in figures.get("thread_time_by_part", {}).items():
            print(f"    {share:5.1f}%  {part}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
