"""A faulty server does not stop the crawl; a good host beside it is crawled at its own pace."""

from __future__ import annotations

import contextlib
import io
import time

import pytest
from sitegen import (
    FixtureServer,
    Resource,
    commendation_paragraphs,
    list_page_plain,
    list_page_trs,
    nominees,
    notice_page,
)

from archive.store import open_store
from gongshi.cli import main

DELAY = 0.2
SETTINGS = """[crawler]
read_timeout = 0.5
max_seconds = 2
max_bytes = 1000000
retries = 1
backoff = 0.1
max_retry_after = 5
"""

FAULTS = {
    "/t/timeout.html": "timed out",
    "/t/e500.html": "HTTP 500 after 2 attempts",
    "/t/loop-a.html": "redirect loop",
    "/t/endless.html": "byte cap",
    "/t/garbage.html": "not a readable page",
}


def _notice(title: str, seed: int, attachments=()) -> Resource:
    html = notice_page(title, commendation_paragraphs("全州劳动模范", 2), nominees(seed, 2), list(attachments))
    return Resource(html.encode(), "text/html")


def _bad_site(site: FixtureServer) -> None:
    site.put("/robots.txt", Resource(b"User-agent: *\nAllow: /\n", "text/plain"))
    links = []
    for i, path in enumerate(["/g/1.html", "/g/2.html", "/t/retry.html", *FAULTS]):
        links.append((path, f"关于拟表彰第{i}批全州劳动模范的公示"))
    site.put("/list.html", Resource(list_page_plain(links, 1, 1, "/list.html").encode(), "text/html"))
    site.put("/g/1.html", _notice("关于拟表彰第0批全州劳动模范的公示", 1))
    site.put("/g/2.html", _notice("关于拟表彰第1批全州劳动模范的公示", 2, [("/g/2-endless.xlsx", "附件：名单.xlsx")]))
    site.put("/g/2-endless.xlsx", Resource(fault="endless"))
    retry = _notice("关于拟表彰第2批全州劳动模范的公示", 3)
    retry.fault = "retry-after"
    site.put("/t/retry.html", retry)
    site.put("/t/timeout.html", Resource(fault="timeout"))
    site.put("/t/e500.html", Resource(fault="error500"))
    site.put("/t/loop-a.html", Resource(status=302, location="/t/loop-b.html"))
    site.put("/t/loop-b.html", Resource(status=302, location="/t/loop-a.html"))
    site.put("/t/endless.html", Resource(fault="endless"))
    site.put("/t/garbage.html", Resource(fault="garbage"))


def _good_site(site: FixtureServer) -> None:
    site.put("/robots.txt", Resource(b"User-agent: *\nAllow: /\n", "text/plain"))
    links = [(f"./n{i}.html", f"关于推荐全国民族团结进步模范个人第{i}批的公示") for i in range(4)]
    site.put("/col/index.html", Resource(list_page_trs(links, 1, 0).encode("gbk"), "text/html"))
    for i in range(4):
        site.put(f"/col/n{i}.html", _notice(f"关于推荐全国民族团结进步模范个人第{i}批的公示", 10 + i))


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    (tmp / "sources.toml").write_text(SETTINGS, "utf-8")
    bad = FixtureServer(timeout_fault_seconds=3).start()
    good = FixtureServer().start()
    try:
        _bad_site(bad)
        _good_site(good)
        err = io.StringIO()
        started = time.monotonic()
        with contextlib.redirect_stderr(err):
            rc = main(["crawl", bad.url("/list.html"), good.url("/col/index.html"), "--data", str(tmp / "data"),
                       "--delay", str(DELAY), "--sources", str(tmp / "sources.toml")])
        yield {"rc": rc, "stderr": err.getvalue(), "seconds": time.monotonic() - started,
               "bad": bad, "good": good, "data": tmp / "data"}
    finally:
        bad.stop()
        good.stop()


def test_the_crawl_ends_in_bounded_time_with_exit_status_0(crawl):
    assert crawl["rc"] == 0, crawl["stderr"]
    assert crawl["seconds"] < 30


def test_good_notices_are_archived_despite_the_faults(crawl):
    store = open_store(crawl["data"])
    for path in ("/g/1.html", "/g/2.html", "/t/retry.html"):
        notice = store.notice_by_url(crawl["bad"].url(path))
        assert notice is not None, path
        assert store.notice_records(notice["notice_id"]), path
    for i in range(4):
        assert store.notice_by_url(crawl["good"].url(f"/col/n{i}.html")) is not None
    store.close()


def test_every_fault_is_reported_and_kept_for_a_later_run(crawl):
    stderr = crawl["stderr"]
    summary = [line for line in stderr.splitlines() if line.startswith("gongshi crawl: ") and "pages" in line][-1]
    store = open_store(crawl["data"])
    errors = {e["url"]: e["last_error"] for e in store.frontier_errors()}
    for path, reason in FAULTS.items():
        url = crawl["bad"].url(path)
        assert reason in errors[url], (path, errors.get(url))
        assert url in stderr
    # The endless attachment: reported, and its notice kept all the same (above).
    assert "2-endless.xlsx" in errors[crawl["bad"].url("/g/2.html")]
    assert f"{len(FAULTS) + 1} errors" in summary
    store.close()


def test_retry_after_is_honoured(crawl):
    tries = crawl["bad"].requests_for("/t/retry.html")
    assert [r.status for r in tries] == [429, 200]
    assert tries[1].started - tries[0].ended >= 1.0


def test_errors_and_5xx_are_retried_with_backoff_a_bounded_number_of_times(crawl):
    assert [r.status for r in crawl["bad"].requests_for("/t/e500.html")] == [500, 500]
    assert crawl["bad"].hits["/t/timeout.html"] == 2  # counted on arrival: the answers come too late
    loop = crawl["bad"].requests_for("/t/loop-a.html") + crawl["bad"].requests_for("/t/loop-b.html")
    assert len(loop) <= 6


def test_hosts_are_crawled_side_by_side_each_at_its_own_pace(crawl):
    bad, good = crawl["bad"].log, crawl["good"].log
    assert good[0].started < bad[-1].started and bad[0].started < good[-1].started  # overlapping in time
    assert good[-1].ended < bad[-1].ended  # the good host is not held up by the bad one's timeouts
    for log in (bad, good):
        log = sorted(log, key=lambda r: r.started)
        for before, after in zip(log, log[1:], strict=False):
            if before.status:  # not one the crawler gave up on (the server answers it much later)
                assert after.started - before.ended >= DELAY - 0.02
            assert after.started - before.started >= DELAY


def test_traps_are_bounded(tmp_path):
    """Endless pagination stops at the depth limit; calendars are not followed; long redirect chains end."""

    def endless(path: str) -> Resource | None:
        if path.startswith("/list?page="):
            n = int(path.split("=", 1)[1])
            links = [(f"/r/{n}.html", f"关于拟表彰第{n}批全州劳动模范的公示")]
            html = list_page_plain(links, n, n + 1, "/list")  # always one more page
            html = html.replace("</body>", "".join(f'<a href="/list?date=2025-09-{d:02d}">{d}</a>' for d in range(1, 29))
                                + "</body>")
            return Resource(html.encode(), "text/html")
        if path.startswith("/r/"):  # every notice: a chain of redirects longer than the limit
            n = int(path[3:].split(".")[0].split("-")[0])
            hop = int(path.split("-")[1].split(".")[0]) if "-" in path else 0
            return Resource(status=302, location=f"/r/{n}-{hop + 1}.html")
        if path == "/robots.txt":
            return Resource(b"User-agent: *\nAllow: /\n", "text/plain")
        return None

    site = FixtureServer(dynamic=endless).start()
    try:
        sources = tmp_path / "s.toml"
        sources.write_text("[crawler]\nmax_list_depth = 4\nmax_redirects = 3\n", "utf-8")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            rc = main(["crawl", site.url("/list?page=1"), "--data", str(tmp_path / "d"), "--delay", "0",
                       "--sources", str(sources)])
        assert rc == 0
        pages = sorted({r.path for r in site.log if r.path.startswith("/list?page=")})
        assert pages == [f"/list?page={n}" for n in range(1, 6)]  # the seed and 4 steps from it
        assert not [r for r in site.log if "date=" in r.path]
        hops = [r for r in site.log if r.path.startswith("/r/1")]
        assert len(hops) == 4  # the first request and 3 redirects
        assert "more than 3 redirects" in err.getvalue()
    finally:
        site.stop()


def test_a_crawl_delay_in_robots_txt_slows_the_crawl_down(tmp_path):
    site = FixtureServer().start()
    try:
        site.put("/robots.txt", Resource(b"User-agent: *\nCrawl-delay: 0.6\nAllow: /\n", "text/plain"))
        links = [(f"/n{i}.html", f"关于拟表彰第{i}批全州劳动模范的公示") for i in range(2)]
        site.put("/list.html", Resource(list_page_plain(links, 1, 1, "/list.html").encode(), "text/html"))
        for i in range(2):
            site.put(f"/n{i}.html", _notice(f"关于拟表彰第{i}批全州劳动模范的公示", i))
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(["crawl", site.url("/list.html"), "--data", str(tmp_path / "d"), "--delay", "0"]) == 0
        log = sorted(site.log, key=lambda r: r.started)
        assert len(log) >= 4
        for before, after in zip(log, log[1:], strict=False):
            assert after.started - before.ended >= 0.58
    finally:
        site.stop()
