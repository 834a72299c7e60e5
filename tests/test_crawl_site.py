"""`gongshi crawl` over a fixture site on 127.0.0.1, three times: first, again, and with --refresh.

Politeness is checked from the server's own request log; the archive by
reading the WARC files back with warcio, through the CDXJ index, and by
replaying every notice and attachment with pywb.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sitegen import FixtureServer, Request, StandardSite, build_standard_site, change_standard_site
from warcio.archiveiterator import ArchiveIterator

from archive.cdx import lookup
from archive.store import open_store
from gongshi.cli import main

DELAY = 0.2
SETTINGS = "[crawler]\nread_timeout = 2\nbackoff = 0.1\nretries = 1\n"


@dataclass
class Crawl:
    rc: int
    stderr: str
    log: list[Request]
    seconds: float


@dataclass
class Crawled:
    site: FixtureServer
    s: StandardSite
    data: Path
    first_copy: Path  # the data directory as the first crawl left it
    first_bodies: dict[str, bytes]  # path -> what the server sent in the first crawl
    first: Crawl
    second: Crawl
    refresh: Crawl


def _crawl(site: FixtureServer, s: StandardSite, data: Path, sources: Path, *extra: str) -> Crawl:
    site.clear_log()
    err = io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stderr(err):
        rc = main(["crawl", site.url(s.trs_seed), site.url(s.plain_seed), "--data", str(data),
                   "--delay", str(DELAY), "--sources", str(sources), *extra])
    return Crawl(rc, err.getvalue(), list(site.log), time.monotonic() - started)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Crawled:
    tmp = tmp_path_factory.mktemp("crawl")
    sources = tmp / "sources.toml"
    sources.write_text(SETTINGS, "utf-8")
    data = tmp / "data"
    site = FixtureServer().start()
    try:
        s = build_standard_site(site)
        first = _crawl(site, s, data, sources)
        first_copy = tmp / "first"
        shutil.copytree(data, first_copy)
        bodies = {path: res.body for path, res in site.resources.items()}
        change_standard_site(site, s)
        second = _crawl(site, s, data, sources)
        refresh = _crawl(site, s, data, sources, "--refresh")
        yield Crawled(site, s, data, first_copy, bodies, first, second, refresh)
    finally:
        site.stop()


def _paths(log: list[Request]) -> list[str]:
    return [r.path for r in log]


# -- the first crawl: discovery and politeness -----------------------------------------


def test_crawl_succeeds_and_sums_up(crawled):
    assert crawled.first.rc == 0, crawled.first.stderr
    summary = crawled.first.stderr.strip().splitlines()[-1]
    assert summary.startswith("gongshi crawl: ")
    assert "pages" in summary and "notices:" in summary and "records:" in summary and "0 errors" in summary


def test_robots_txt_is_read_first_and_obeyed(crawled):
    log = crawled.first.log
    assert log[0].path == "/robots.txt"
    assert _paths(log).count("/robots.txt") == 1
    assert not [p for p in _paths(log) if p.startswith("/private/")]
    store = open_store(crawled.first_copy)
    row = store.query_one("SELECT state, last_error FROM frontier WHERE url = ?",
                          (crawled.site.url(crawled.s.disallowed),))
    assert (row["state"], row["last_error"]) == ("skipped", "disallowed by robots.txt")
    store.close()


def test_one_connection_and_the_delay_between_requests(crawled):
    log = sorted(crawled.first.log, key=lambda r: r.started)
    for before, after in zip(log, log[1:], strict=False):
        assert after.started >= before.ended, "two requests at once"
        assert after.started - before.ended >= DELAY - 0.02, (before.path, after.path)


def test_user_agent_names_the_project_and_where_to_read_about_it(crawled):
    agents = {r.headers.get("User-Agent") for r in crawled.first.log}
    assert len(agents) == 1
    agent = agents.pop()
    assert agent.startswith("gongshi/") and "+http" in agent


def test_both_pagination_styles_are_followed_once(crawled):
    paths = _paths(crawled.first.log)
    for page in crawled.s.trs_pages + crawled.s.plain_pages:
        assert paths.count(page) == 1, page


def test_notices_and_attachments_of_every_format_are_fetched_once(crawled):
    paths = _paths(crawled.first.log)
    first_notices = [n for n in crawled.s.notices if n != crawled.s.added_later]
    for path in first_notices + crawled.s.content_decoys + list(crawled.s.attachments):
        assert paths.count(path) == 1, path
    assert set(crawled.s.attachments.values()) == {"docx", "xlsx", "xls", "pdf", "txt"}


def test_decoys_by_title_are_never_fetched(crawled):
    paths = _paths(crawled.first.log)
    assert not [p for p in crawled.s.title_decoys if p in paths]


def test_content_decides_what_gives_records(crawled):
    store = open_store(crawled.first_copy)
    url = crawled.site.url
    for path in crawled.s.notices:
        if path == crawled.s.added_later:
            continue
        notice = store.notice_by_url(url(path))
        assert notice is not None and notice["is_commendation"] == 1, path
        assert store.notice_records(notice["notice_id"]), f"no records from {path}"
    for path in crawled.s.content_decoys:
        notice = store.notice_by_url(url(path))
        assert notice["is_commendation"] == 0
        assert store.notice_records(notice["notice_id"]) == []
    # Records come from attachments too, each pointing at its document.
    att_urls = {url(p) for p in crawled.s.attachments}
    from_attachments = {r["document_url"] for r in store.iter_records()} & att_urls
    assert len(from_attachments) >= 4
    store.close()


def test_gbk_pages_served_as_bare_text_html_are_read(crawled):
    gbk = [p for p in crawled.s.notices if p.startswith("/gsgg/")]
    store = open_store(crawled.first_copy)
    titles = {store.notice_by_url(crawled.site.url(p))["title"] for p in gbk}
    assert "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示" in titles
    assert "关于2025年度全州优秀共产党员拟表彰对象的公示" in titles  # no charset declared at all
    store.close()


# -- the archive: WARC, CDXJ, replay ------------------------------------------------------


def test_warc_files_read_back_record_for_record(crawled):
    store = open_store(crawled.first_copy)
    docs = {(d.warc_file, d.warc_offset): d for d in store.documents()}
    others = {(e["warc_file"], e["warc_offset"]): e for e in store.crawl_exchanges()}
    seen = set()
    previous = None
    for path in store.warc.files():
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                body = record.content_stream().read()  # before asking the offset, which reads to the end
                key = (path.name, it.get_record_offset())
                assert record.rec_headers.get_header("WARC-Type") == record.rec_type
                assert record.rec_headers.protocol == "WARC/1.1"
                if record.rec_type == "request":
                    previous = record
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                assert previous is not None and previous.rec_headers.get_header("WARC-Target-URI") == uri
                assert previous.rec_headers.get_header("WARC-Concurrent-To") == record.rec_headers.get_header(
                    "WARC-Record-ID")
                if key in docs:
                    assert docs[key].url == uri
                    assert hashlib.sha256(body).hexdigest() == docs[key].sha256
                    assert it.get_record_length() == docs[key].warc_length
                else:
                    assert key in others, f"record of {uri} at {key} is not in the store"
                seen.add(key)
                previous = None
    assert seen == set(docs) | set(others)
    store.close()


def test_every_document_is_found_through_the_cdxj_index(crawled):
    store = open_store(crawled.first_copy)
    warc_dir = store.warc.directory
    assert sorted(warc_dir.glob("*.cdxj")), "no CDXJ index beside the WARC files"
    for doc in store.documents():
        entries = [e for e in lookup(warc_dir, doc.url) if e["filename"] == doc.warc_file]
        assert [int(e["offset"]) for e in entries] == [doc.warc_offset], doc.url
        assert int(entries[0]["length"]) == doc.warc_length
    store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_pywb_replays_every_notice_and_attachment_byte_for_byte(crawled, tmp_path):
    wayback = Path(sys.executable).with_name("wayback")
    warc_dir = crawled.first_copy / "warc"
    (tmp_path / "config.yaml").write_text(
        f"collections:\n  gongshi:\n    index_paths: {warc_dir}\n    archive_paths: {warc_dir}/\n"
        "framed_replay: false\n", "utf-8")
    port = _free_port()
    proc = subprocess.Popen([str(wayback), "-b", "127.0.0.1", "-p", str(port)], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "pywb did not start"
                time.sleep(0.2)
        store = open_store(crawled.first_copy)
        wanted = {crawled.site.url(p) for p in crawled.s.notices if p != crawled.s.added_later}
        wanted |= {crawled.site.url(p) for p in crawled.s.attachments}
        replayed = 0
        for doc in store.documents():
            if doc.url not in wanted:
                continue
            stamp = doc.fetched_at.replace("-", "").replace(":", "").replace("T", "").rstrip("Z")
            resp = requests.get(f"http://127.0.0.1:{port}/gongshi/{stamp}id_/{doc.url}", timeout=30)
            assert resp.status_code == 200, doc.url
            sent = crawled.first_bodies[doc.url.split(crawled.site.netloc, 1)[1]]
            assert resp.content == sent  # as the server sent it
            assert resp.content == store.document_payload(doc.doc_id)
            replayed += 1
        assert replayed == len(wanted)
        store.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# -- again: only what is new ----------------------------------------------------------------


def test_second_crawl_asks_conditionally_and_fetches_only_the_new_notice(crawled):
    log = crawled.second.log
    assert crawled.second.rc == 0, crawled.second.stderr
    lists = set(crawled.s.trs_pages + crawled.s.plain_pages)
    for r in log:
        if r.path in lists:
            assert "If-None-Match" in r.headers or "If-Modified-Since" in r.headers
            expected = 200 if r.path == crawled.s.plain_pages[0] else 304  # only that page changed
            assert r.status == expected, r.path
    notice_paths = [r.path for r in log if r.path not in lists and r.path != "/robots.txt"]
    assert notice_paths == [crawled.s.added_later]
    store = open_store(crawled.data)
    assert store.notice_by_url(crawled.site.url(crawled.s.added_later)) is not None
    store.close()


# -- refresh: revalidation, new versions, gone notices -----------------------------------------------


def test_refresh_revalidates_everything_and_downloads_nothing_unchanged(crawled):
    log = crawled.refresh.log
    assert crawled.refresh.rc == 0, crawled.refresh.stderr
    s = crawled.s
    known = [p for p in s.notices if p not in (s.changing, s.vanishing)] + list(s.attachments) + s.content_decoys
    by_path = {r.path: r for r in log}
    for path in known:
        r = by_path[path]
        assert r.headers.get("If-None-Match"), path
        assert r.status == 304, path  # unchanged: not downloaded again
    assert by_path[s.changing].status == 200
    assert by_path[s.vanishing].status == 404
    downloaded = [r.path for r in log if r.status == 200 and r.path != "/robots.txt"]
    assert downloaded == [s.changing]


def test_a_changed_notice_becomes_a_new_version_whose_records_replace_the_old(crawled):
    store = open_store(crawled.data)
    notice = store.notice_by_url(crawled.site.url(crawled.s.changing))
    versions = store.notice_versions(notice["notice_id"])
    assert len(versions) == 2
    current = store.notice_records(notice["notice_id"])
    old = store.notice_records(notice["notice_id"], versions[0]["version_id"])
    assert len(current) == len(old) + 1  # the changed page lists one more nominee
    assert all(r["current"] for r in current) and not any(r["current"] for r in old)
    # The old version stays archived: its page is still in the WARC files.
    first_doc = store.document(versions[0]["archive_url"].rsplit("/", 1)[1])
    assert b"<table" in store.document_payload(first_doc.doc_id)
    store.close()


def test_a_vanished_notice_keeps_its_records_and_is_marked_gone(crawled):
    store = open_store(crawled.data)
    notice = store.notice_by_url(crawled.site.url(crawled.s.vanishing))
    assert notice["gone_at"] and notice["gone_at"][:4].isdigit()
    assert store.notice_records(notice["notice_id"])
    doc = store.latest_document(crawled.site.url(crawled.s.vanishing))
    assert b"<table" in store.document_payload(doc.doc_id)
    store.close()


def test_304s_are_archived_as_revisit_records(crawled):
    store = open_store(crawled.data)
    revisits = [e for e in store.crawl_exchanges() if e["record_type"] == "revisit"]
    assert {e["url"] for e in revisits} >= {crawled.site.url(p) for p in crawled.s.attachments}
    pointer = revisits[-1]
    from archive.warc import WarcPointer

    headers = store.warc.read_headers(WarcPointer(pointer["warc_file"], pointer["warc_offset"],
                                                  pointer["warc_length"]))
    assert headers["WARC-Type"] == "revisit" and headers["WARC-Payload-Digest"].startswith("sha1:")
    store.close()
