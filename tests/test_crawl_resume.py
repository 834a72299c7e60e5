"""A crawl killed with SIGKILL midway and run again ends with the same archive as one never interrupted."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sitegen import (
    ATTACHMENT_BUILDERS,
    FixtureServer,
    Resource,
    commendation_paragraphs,
    list_page_trs,
    nominees,
    notice_page,
)
from warcio.archiveiterator import ArchiveIterator

from archive.store import open_store
from gongshi.cli import main

ROOT = Path(__file__).resolve().parents[1]
DELAY = "0.05"
NOTICES = 24
PER_PAGE = 8


def _site(site: FixtureServer) -> None:
    site.put("/robots.txt", Resource(b"User-agent: *\nAllow: /\n", "text/plain"))
    pages = NOTICES // PER_PAGE
    formats = list(ATTACHMENT_BUILDERS)
    for page in range(pages):
        links = []
        for i in range(page * PER_PAGE, (page + 1) * PER_PAGE):
            title = f"关于拟表彰2025年度第{i}批全州先进工作者的公示"
            atts = []
            if i % 3 == 0:
                fmt = formats[i % len(formats)]
                build, ctype = ATTACHMENT_BUILDERS[fmt]
                href = f"/col/a{i}.{fmt}"
                site.put(href, Resource(build(title, nominees(1000 + i, 3)), ctype))
                atts.append((href, f"附件：名单.{fmt}"))
            html = notice_page(title, commendation_paragraphs("全州先进工作者", 2), nominees(i, 2), atts)
            site.put(f"/col/n{i}.html", Resource(html.encode(), "text/html"))
            links.append((f"./n{i}.html", title))
        path = "/col/index.html" if page == 0 else f"/col/index_{page}.html"
        site.put(path, Resource(list_page_trs(links, pages, page).encode("gbk"), "text/html"))


def _archive(data: Path) -> dict:
    """What an archive holds, without the times and ids that differ between two crawls."""
    store = open_store(data)
    docs = Counter((d.url, d.sha256, d.status) for d in store.documents())
    notices = {
        n["url"]: (n["is_commendation"], n["title"], len(store.notice_versions(n["notice_id"])))
        for n in store.notices(commendations_only=False)
    }
    records = sorted(
        (r["record_id"], r["name"], r["document_url"], r["current"]) for r in store.query("SELECT * FROM records")
    )
    frontier = store.frontier_counts()
    pending = store.query_one("SELECT COUNT(*) AS n FROM crawl_pending_index")["n"]
    warc = Counter()
    for path in store.warc.files():
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                uri = rec.rec_headers.get_header("WARC-Target-URI")
                if not uri.endswith("/robots.txt"):  # read afresh by every run, as it should be
                    warc[(rec.rec_type, uri, rec.rec_headers.get_header("WARC-Payload-Digest"))] += 1
    from index import open_index

    index = open_index(store)
    indexed = index.count()
    index.close()
    store.close()
    return {"docs": docs, "notices": notices, "records": records, "frontier": frontier,
            "pending": pending, "warc": warc, "indexed": indexed}


def _crawl_in_process(url: str, data: Path) -> None:
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["crawl", url, "--data", str(data), "--delay", DELAY]) == 0


@pytest.fixture(scope="module")
def site():
    server = FixtureServer().start()
    _site(server)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def uninterrupted(site, tmp_path_factory) -> dict:
    data = tmp_path_factory.mktemp("whole") / "data"
    _crawl_in_process(site.url("/col/index.html"), data)
    return _archive(data)


@pytest.mark.parametrize("kill_after", [6, 25])
def test_killed_and_resumed_equals_uninterrupted(site, uninterrupted, tmp_path, kill_after):
    data = tmp_path / "data"
    site.clear_log()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gongshi.cli", "crawl", site.url("/col/index.html"), "--data", str(data),
         "--delay", DELAY],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 60
    while sum(site.hits.values()) < kill_after:
        assert proc.poll() is None, "the crawl ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    store = open_store(data)
    done_before = store.frontier_counts()
    store.close()
    assert done_before.get("notice:done", 0) < NOTICES  # killed midway indeed
    _crawl_in_process(site.url("/col/index.html"), data)
    resumed = _archive(data)
    assert resumed == uninterrupted
    assert resumed["pending"] == 0 and resumed["indexed"] == len([r for r in resumed["records"] if r[3]])
    assert resumed["frontier"] == {"list:done": NOTICES // PER_PAGE, "notice:done": NOTICES}
