"""The crawler's parts, each alone: discovery, titles, sources, Retry-After, WARC files, the frontier."""

from __future__ import annotations

import gzip
import io
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sitegen import list_page_plain, list_page_trs
from warcio.archiveiterator import ArchiveIterator

from archive.cdx import lookup, update_cdxj
from archive.errors import BadInput
from archive.store import open_store
from archive.warc import WarcStore, sound_length, truncate_torn_tail
from crawler import (
    FrontierItem,
    MemoryFrontier,
    load_sources,
    read_list_page,
    title_may_be_commendation,
)
from crawler.discover import (
    attachment_links,
    canonical_url,
    decode_html,
    fill_page_range,
    looks_like_calendar,
)
from crawler.fetch import retry_after_seconds

BASE = "http://www.haixi.gov.cn/xxgk/gsgg/index.html"

# -- discovery -----------------------------------------------------------------------


def test_trs_script_pagination_names_every_page():
    html = list_page_trs([("./202509/t1.html", "关于拟表彰全州先进工作者的公示")], 5, 0).encode("gbk")
    page = read_list_page(html, BASE, "text/html")
    assert page.pages == [f"http://www.haixi.gov.cn/xxgk/gsgg/index_{i}.html" for i in range(1, 5)]
    assert [c.text for c in page.candidates] == ["关于拟表彰全州先进工作者的公示"]


def test_script_pagination_with_variables_and_a_div_id():
    html = b"""<html><body><script>
    var countPage = 3; var currentPage = 1;
    createPageHTML('page_div', countPage, currentPage, 'index', 'shtml', 57);
    </script></body></html>"""
    page = read_list_page(html, "http://a.gov.cn/col/index_1.shtml")
    assert page.pages == ["http://a.gov.cn/col/index.shtml", "http://a.gov.cn/col/index_2.shtml"]


def test_the_function_definition_is_not_a_call():
    html = b"<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}</script>"
    assert read_list_page(html, BASE).pages == []


def test_link_pagination_next_last_and_numbers():
    links = [("/tzgg/202509/t1.html", "关于拟推荐全国五一劳动奖章人选的公示")]
    html = list_page_plain(links, 2, 7, "/tzgg/list").encode()
    page = read_list_page(html, "http://b.gov.cn/tzgg/list?page=2")
    pages = set(page.pages)
    assert "http://b.gov.cn/tzgg/list?page=3" in pages  # 下一页 and 3
    assert "http://b.gov.cn/tzgg/list?page=7" in pages  # 尾页
    assert "http://b.gov.cn/tzgg/list?page=1" in pages  # 上一页
    assert "http://b.gov.cn/tzgg/list?page=2" not in pages  # itself
    assert [c.url for c in page.candidates] == ["http://b.gov.cn/tzgg/202509/t1.html"]


def test_last_page_link_fills_the_pages_between():
    html = '<a href="index_1.html">下一页</a><a href="index_6.html">尾页</a>'.encode()
    pages = read_list_page(html, BASE).pages
    assert pages == [f"http://www.haixi.gov.cn/xxgk/gsgg/index_{i}.html" for i in (1, 6, 2, 3, 4, 5)]
    assert fill_page_range("http://a.cn/x/column-index-1.shtml", "http://a.cn/x/column-index-3.shtml", 99) == [
        "http://a.cn/x/column-index-1.shtml", "http://a.cn/x/column-index-2.shtml", "http://a.cn/x/column-index-3.shtml"]
    assert fill_page_range("http://a.cn/x/index.html", "http://a.cn/other/index_9.html", 99) == []
    assert len(fill_page_range("http://a.cn/x/index.html", "http://a.cn/x/index_99999.html", 50)) == 50


def test_calendars_are_not_pages():
    html = b'<a href="list?date=2025-09-01">1</a><a href="list?day=2">2</a><a href="list?page=2">2</a>'
    assert read_list_page(html, "http://a.gov.cn/list?page=1").pages == ["http://a.gov.cn/list?page=2"]
    assert looks_like_calendar("http://a.gov.cn/cal?d=2025-09-08")
    assert not looks_like_calendar("http://a.gov.cn/list?page=20250908")


def test_titles_from_the_title_attribute_and_off_site_links_dropped():
    html = """<a href="/a/1.html" title="关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示">关于青海省民族团结…</a>
    <a href="http://www.other.org/b.html">关于拟表彰全州先进工作者的公示</a>
    <a href="http://zwgk.haixi.gov.cn/c.html">关于拟表彰全州先进工作者的公示名单</a>
    <a href="/jgsz/">机构设置</a>""".encode()
    page = read_list_page(html, BASE)
    assert [(c.url, c.text) for c in page.candidates] == [
        ("http://www.haixi.gov.cn/a/1.html", "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示"),
        ("http://zwgk.haixi.gov.cn/c.html", "关于拟表彰全州先进工作者的公示名单"),  # same site, other host
    ]


def test_gbk_without_any_declaration_is_read():
    body = "<html><body><a href='/n.html'>关于拟表彰全州先进工作者的公示</a></body></html>".encode("gbk")
    assert "拟表彰" in decode_html(body, "text/html")
    assert read_list_page(body, BASE).candidates[0].text == "关于拟表彰全州先进工作者的公示"


def test_declared_charset_wins_and_a_wrong_one_is_survived():
    assert decode_html('<meta charset="gb2312">先进'.encode("gbk")) == '<meta charset="gb2312">先进'
    assert decode_html("先进".encode(), "text/html; charset=gbk") in ("先进", "鍏堣繘")  # utf-8 bytes that are valid GBK
    assert decode_html('<meta charset="utf-8">先进'.encode("gbk")).endswith("先进")


def test_attachments_of_every_format_and_download_links():
    html = """<p><a href="P1.docx">附件1</a> <a href="P2.xls">名单</a> <a href="/u/P3.pdf">附件3</a>
    <a href="P4.xlsx">x</a> <a href="P5.doc">x</a> <a href="P6.wps">x</a> <a href="P7.txt">x</a> <a href="P8.zip">x</a>
    <a href="/download.jsp?fileid=9">附件：推荐名单</a> <a href="/other.html">附件说明页</a>
    <a href="t2.html">下一篇</a></p>""".encode()
    found = [link.url.rsplit("/", 1)[1] for link in attachment_links(html, "http://a.gov.cn/n/t1.html")]
    assert found == ["P1.docx", "P2.xls", "P3.pdf", "P4.xlsx", "P5.doc", "P6.wps", "P7.txt", "P8.zip",
                     "download.jsp?fileid=9"]


def test_canonical_url():
    assert canonical_url("HTTP://WWW.A.GOV.CN:80/x/y.html#top") == "http://www.a.gov.cn/x/y.html"
    assert canonical_url("http://a.gov.cn/附件 1.pdf") == "http://a.gov.cn/%E9%99%84%E4%BB%B6%201.pdf"


# -- titles ---------------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示",
    "关于表彰2024年度全县优秀共产党员的决定",
    "关于拟推荐全国五一劳动奖章人选的公示",
    "第八届全州道德模范候选人公示",
    "关于2024年度招商引资先进单位的通报表扬",
    "关于推荐全国三八红旗手（集体）的公示",
])
def test_commendation_titles_are_fetched(title):
    assert title_may_be_commendation(title)


@pytest.mark.parametrize("title", [
    "2025年9月干部任前公示",
    "2025年公开招聘事业单位工作人员拟聘用人员公示",
    "关于2025年度公务员拟录用人员的公示",
    "某某项目政府采购中标结果公示",
    "机构设置",
    "关于开展安全生产检查的通知",
])
def test_decoy_titles_are_not(title):
    assert not title_may_be_commendation(title)


# -- sources and Retry-After ------------------------------------------------------------


def test_shipped_sources_name_real_columns_with_regions():
    sources = load_sources()
    assert len(sources.sources) >= 5
    for s in sources.sources:
        assert s.url.startswith(("http://", "https://")) and ".gov.cn/" in s.url
        assert s.name
    assert sum(1 for s in sources.sources if s.region) >= 4
    assert float(sources.settings["delay"]) >= 1


def test_bad_sources_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text("[[source]]\nurl = 'ftp://x'\n", "utf-8")
    with pytest.raises(BadInput, match="source 1 has no http"):
        load_sources(bad)
    bad.write_text("[[source]\n", "utf-8")
    with pytest.raises(BadInput, match="not valid TOML"):
        load_sources(bad)
    with pytest.raises(BadInput, match="cannot read"):
        load_sources(tmp_path / "missing.toml")


def test_retry_after():
    assert retry_after_seconds("3") == 3
    soon = (datetime.now(UTC) + timedelta(seconds=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert 25 <= retry_after_seconds(soon) <= 31
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


# -- WARC files --------------------------------------------------------------------------

WHEN = datetime(2025, 9, 8, 8, 0, tzinfo=UTC)


def _write(store: WarcStore, i: int, size: int = 2000):
    return store.write_exchange(
        url=f"http://a.gov.cn/{i}.html", body=(f"<p>{i}</p>" * size).encode(), fetched_at=WHEN,
        response_headers=[("Content-Type", "text/html")], request_headers=[("User-Agent", "t")],
    )


def test_torn_tail_is_cut_to_the_last_whole_record(tmp_path):
    warc = WarcStore(tmp_path)
    pointers = [_write(warc, i) for i in range(3)]
    warc.close()
    path = warc.files()[0]
    whole = path.stat().st_size
    extra = gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + b"x" * 5000)
    with open(path, "ab") as fh:
        fh.write(extra[: len(extra) // 2])  # a write cut short
    assert truncate_torn_tail(path) == len(extra) // 2
    assert path.stat().st_size == whole
    # A new writer after a crash appends after the sound records, and every record reads back.
    warc2 = WarcStore(tmp_path)
    pointers.append(_write(warc2, 3))
    assert [warc2.read_payload(p)[:8] for p in pointers] == [f"<p>{i}</p>".encode()[:8] for i in range(4)]
    with open(path, "rb") as fh:
        assert [r.rec_type for r in ArchiveIterator(fh)] == ["request", "response"] * 4


def test_sound_length_streams_in_small_chunks(tmp_path):
    warc = WarcStore(tmp_path)
    for i in range(20):
        _write(warc, i, size=20000)  # records far larger than the chunks read
    warc.close()
    path = warc.files()[0]
    with open(path, "rb") as fh:
        assert sound_length(fh, chunk_size=4096) == path.stat().st_size
    junk = b"\x1f\x8b\x08garbage"
    with open(path, "ab") as fh:
        fh.write(junk)
    with open(path, "rb") as fh:
        assert sound_length(fh, chunk_size=4096) == path.stat().st_size - len(junk)


def test_files_rotate_and_two_writers_never_share_a_file(tmp_path):
    one = WarcStore(tmp_path, rotate_bytes=2_000)
    pointers = [_write(one, i) for i in range(12)]
    assert len({p.filename for p in pointers}) > 1
    other = WarcStore(tmp_path)  # while `one` still holds its file
    q = _write(other, 99)
    assert q.filename not in {p.filename for p in pointers}
    assert [one.read_payload(p) for p in pointers] == [(f"<p>{i}</p>" * 2000).encode() for i in range(12)]
    one.close()
    other.close()


def test_an_exchange_never_recorded_is_cut_on_reopening(tmp_path):
    """Killed between the WARC write and the database commit: the next writer drops the leftover."""
    store = open_store(tmp_path)
    kept = store.put_document(url="http://a.gov.cn/1.html", data=b"<p>one</p>", content_type="text/html",
                              request_headers=[("User-Agent", "t")])
    store.warc.write_exchange(url="http://a.gov.cn/2.html", body=b"<p>orphan</p>", fetched_at=WHEN,
                              request_headers=[("User-Agent", "t")])  # no database row: a crash's leftover
    path = store.warc.files()[0]
    store.close()
    store = open_store(tmp_path)
    store.put_document(url="http://a.gov.cn/3.html", data=b"<p>three</p>", content_type="text/html",
                       request_headers=[("User-Agent", "t")])
    with open(path, "rb") as fh:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert uris == ["http://a.gov.cn/1.html", "http://a.gov.cn/3.html"]
    assert store.document_payload(kept.doc_id) == b"<p>one</p>"
    store.close()


def test_a_file_the_database_never_knew_keeps_every_whole_record(tmp_path):
    warc = WarcStore(tmp_path / "warc")
    _write(warc, 1)
    warc.close()
    store = open_store(tmp_path)  # a database that does not know that file: cuts nothing whole
    store.put_document(url="http://a.gov.cn/2.html", data=b"<p>2</p>", content_type="text/html", status=200)
    with open(store.warc.files()[0], "rb") as fh:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert uris == ["http://a.gov.cn/1.html", "http://a.gov.cn/2.html"]
    store.close()


def test_cdxj_is_incremental_and_points_at_the_records(tmp_path):
    warc = WarcStore(tmp_path)
    first = [_write(warc, i) for i in range(4)]
    update_cdxj(tmp_path)
    second = [_write(warc, i) for i in range(4, 7)]
    revisit = warc.write_revisit(url="http://a.gov.cn/1.html", fetched_at=WHEN + timedelta(days=1),
                                 refers_to_date=WHEN, payload_digest="sha1:AAAA")
    update_cdxj(tmp_path)
    for i, p in enumerate(first + second):
        entries = lookup(tmp_path, f"http://a.gov.cn/{i}.html")
        assert (entries[0]["filename"], int(entries[0]["offset"]), int(entries[0]["length"])) == (
            p.filename, p.offset, p.length)
    assert lookup(tmp_path, "http://a.gov.cn/1.html")[-1]["mime"] == "warc/revisit"
    assert int(lookup(tmp_path, "http://a.gov.cn/1.html")[-1]["offset"]) == revisit.offset
    lines = (tmp_path / f"{first[0].filename}.cdxj").read_text().splitlines()
    assert lines == sorted(lines) and len(lines) == 8
    warc.close()


def test_revisit_records_follow_the_server_not_modified_profile(tmp_path):
    warc = WarcStore(tmp_path)
    warc.write_revisit(url="http://a.gov.cn/1.html", fetched_at=WHEN, refers_to_date=WHEN - timedelta(days=1),
                       payload_digest="sha1:AAAA", response_headers=[("ETag", '"x"')],
                       request_headers=[("If-None-Match", '"x"')])
    warc.close()
    with open(warc.files()[0], "rb") as fh:
        records = list((r.rec_type, dict(r.rec_headers.headers)) for r in ArchiveIterator(fh))
    assert [t for t, _ in records] == ["request", "revisit"]
    headers = records[1][1]
    assert headers["WARC-Profile"].endswith("/revisit/server-not-modified")
    assert headers["WARC-Refers-To-Date"] == "2025-09-07T08:00:00Z"
    assert headers["WARC-Payload-Digest"] == "sha1:AAAA"


# -- the frontier ----------------------------------------------------------------------


def _item(url, kind="notice", **kw):
    return FrontierItem(url, kind, **kw)


def test_store_frontier_leases_and_marks(tmp_path):
    store = open_store(tmp_path)
    run = store.begin_run([_item("http://a.cn/list", "list")])
    assert store.add([_item("http://a.cn/n1"), _item("http://b.cn/n2"), _item("http://a.cn/n1")]) == 2
    assert store.hosts_with_work() == ["a.cn", "b.cn"]
    batch = store.next_batch("a.cn", 10)
    assert [t.url for t in batch] == ["http://a.cn/list", "http://a.cn/n1"]
    assert store.next_batch("a.cn", 10) == []  # leased
    assert store.hosts_with_work() == ["b.cn"]
    store.release(["http://a.cn/n1"])
    store.mark_done("http://a.cn/list")
    assert [t.url for t in store.next_batch("a.cn", 10)] == ["http://a.cn/n1"]
    store.mark_error("http://a.cn/n1", "timed out")
    store.end_run({})
    # A new run: list pages are revisited, failures retried, known notices left alone.
    store.mark_done("http://b.cn/n2")
    assert store.begin_run([_item("http://a.cn/list", "list")]) == run + 1
    assert store.add([_item("http://b.cn/n2"), _item("http://a.cn/list", "list")]) == 0  # list: already queued
    assert {t.url for t in store.next_batch("a.cn", 10)} == {"http://a.cn/list", "http://a.cn/n1"}
    assert store.next_batch("b.cn", 10) == []
    store.close()


def test_refresh_queues_known_notices_once_per_run(tmp_path):
    store = open_store(tmp_path)
    store.begin_run([])
    store.add([_item("http://a.cn/n1"), _item("http://a.cn/n2")])
    for t in store.next_batch("a.cn"):
        store.mark_done(t.url)
    store.end_run({})
    store.begin_run([], refresh=True)
    batch = store.next_batch("a.cn")
    assert [(t.url, t.revalidate) for t in batch] == [("http://a.cn/n1", True), ("http://a.cn/n2", True)]
    store.mark_done("http://a.cn/n1")
    store.close()
    # Killed here: the resumed run does not revalidate n1 again, and n2's lease died with its process.
    store = open_store(tmp_path)
    store.frontier_counts()
    dead = f"{socket.gethostname()}:999999999"  # this machine, a process that is no more
    store.db.execute("UPDATE frontier SET lease_owner = ? WHERE lease_until > 0", (dead,))
    store.begin_run([], refresh=True)
    assert [t.url for t in store.next_batch("a.cn")] == ["http://a.cn/n2"]
    store.close()


def test_memory_frontier_keeps_the_same_contract():
    f = MemoryFrontier()
    f.begin_run([_item("http://a.cn/l", "list")])
    assert f.add([_item("http://a.cn/n"), _item("http://a.cn/n")]) == 1
    batch = f.next_batch("a.cn", 1)
    assert [t.url for t in batch] == ["http://a.cn/l"]
    f.mark_done("http://a.cn/l")
    f.mark_error("http://a.cn/n", "boom")
    assert f.states() == {"http://a.cn/l": "done", "http://a.cn/n": "error"}
    assert f.hosts_with_work() == []


def test_gzip_members_are_standard(tmp_path):
    warc = WarcStore(tmp_path)
    _write(warc, 1)
    warc.close()
    data = Path(warc.files()[0]).read_bytes()
    assert gzip.decompress(data).startswith(b"WARC/1.1\r\n")
    assert io.BytesIO(data).read(2) == b"\x1f\x8b"
