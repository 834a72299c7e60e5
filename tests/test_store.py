"""The store: documents kept byte for byte in WARC, notices with versions, records with provenance."""

from __future__ import annotations

import gzip
import io
import os

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.model import NoticeMeta, ParsedNotice, Record
from archive.store import open_store

URL = "http://www.example.gov.cn/tzgg/t20250908_1.html"


def parsed(*people: tuple[str, str | None], commendation: bool = True) -> ParsedNotice:
    records = [
        Record(kind="person", name=name, name_raw=name, unit=unit, document_url=URL, location=f"table 1 row {i}",
               raw=f"{i} | {name} | {unit}")
        for i, (name, unit) in enumerate(people, 1)
    ]
    meta = NoticeMeta(title="关于拟表彰对象的公示", published="2025-09-08", year=2025, stage="proposed", level="county")
    return ParsedNotice(meta=meta, records=records, is_commendation=commendation, url=URL)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    yield s
    s.close()


def test_document_bytes_round_trip_through_warc(store):
    body = "<html><body>公示 \x00 bytes</body></html>".encode("gb18030")
    doc = store.put_document(url=URL, data=body, content_type="text/html", request_headers=[("User-Agent", "t")])
    assert store.document_payload(doc.doc_id) == body
    assert doc.size == len(body) and doc.archive_url == f"/archive/{doc.doc_id}"
    # The WARC file is standard: warcio reads a response and its request record.
    path = store.warc.directory / doc.warc_file
    with open(path, "rb") as fh:
        kinds = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(fh)]
    assert sorted(kinds) == [("request", URL), ("response", URL)]
    # Each record is its own gzip member, so the file is valid gzip throughout.
    assert gzip.decompress(path.read_bytes()).startswith(b"WARC/1.1")


def test_same_bytes_same_address_archived_once(store):
    a = store.put_document(url=URL, data=b"abc", content_type="text/plain")
    b = store.put_document(url=URL, data=b"abc", content_type="text/plain")
    assert a.doc_id == b.doc_id and len(store.documents()) == 1


def test_local_file_becomes_resource_record(store):
    doc = store.put_document(url="file:///tmp/x.txt", data=b"hello", content_type="text/plain", status=None)
    with open(store.warc.directory / doc.warc_file, "rb") as fh:
        fh.seek(doc.warc_offset)
        rec = next(iter(ArchiveIterator(io.BytesIO(fh.read(doc.warc_length)))))
    assert rec.rec_type == "resource" and rec.content_stream().read() == b"hello"


def test_notice_versions_keep_old_records(store):
    doc1 = store.put_document(url=URL, data=b"v1", content_type="text/html")
    first = store.save_notice(URL, parsed(("张三", "甲单位"), ("李四", "乙单位")), doc1)
    assert first.status == "new" and len(first.added) == 2

    again = store.save_notice(URL, parsed(("张三", "甲单位"), ("李四", "乙单位")), doc1)
    assert again.status == "unchanged" and again.added == []

    doc2 = store.put_document(url=URL, data=b"v2", content_type="text/html")
    second = store.save_notice(URL, parsed(("张三", "甲单位（更正）"), ("王五", "丙单位")), doc2)
    assert second.status == "changed"
    # The same nominee keeps the same record id across versions.
    assert first.added[0] in second.added
    assert len(second.removed) == 1

    notice = store.notice(first.notice_id)
    assert [r["name"] for r in notice["records"]] == ["张三", "王五"]
    v1, v2 = notice["versions"]
    assert v1["added"] == ["张三", "李四"] and v1["archive_url"] == doc1.archive_url
    assert v2["added"] == ["王五"] and v2["withdrawn"] == ["李四"]
    assert v2["changed"] == [{"name": "张三", "field": "unit", "old": "甲单位", "new": "甲单位（更正）"}]
    # The withdrawn record is still readable, marked as no longer current.
    withdrawn = store.record(first.added[1])
    assert withdrawn["name"] == "李四" and withdrawn["current"] is False


def test_record_carries_provenance_and_notice(store):
    doc = store.put_document(url=URL, data=b"v1", content_type="text/html")
    result = store.save_notice(URL, parsed(("张三", "甲单位")), doc)
    rec = store.record(result.added[0])
    assert rec["document_url"] == URL and rec["archive_url"] == doc.archive_url
    assert rec["location"] == "table 1 row 1" and rec["raw"] == "1 | 张三 | 甲单位"
    assert rec["notice"]["published"] == "2025-09-08" and rec["notice"]["stage"] == "proposed"


def test_decoy_notice_is_kept_without_records(store):
    doc = store.put_document(url=URL, data=b"rq", content_type="text/html")
    result = store.save_notice(URL, parsed(("张三", "甲单位"), commendation=False), doc)
    assert result.added == [] and store.count_records() == 0
    assert store.notice(result.notice_id)["is_commendation"] is False


def test_gone_notice_keeps_records(store):
    doc = store.put_document(url=URL, data=b"v1", content_type="text/html")
    result = store.save_notice(URL, parsed(("张三", "甲单位")), doc)
    assert store.mark_gone(URL)
    notice = store.notice(result.notice_id)
    assert notice["gone_at"] and len(notice["records"]) == 1
    assert store.document_payload(doc.doc_id) == b"v1"


def test_iter_records_streams_in_batches(store):
    doc = store.put_document(url=URL, data=b"v1", content_type="text/html")
    store.save_notice(URL, parsed(*[(f"人{i}", None) for i in range(25)]), doc)
    names = [r["name"] for r in store.iter_records(batch_size=7)]
    assert names == [f"人{i}" for i in range(25)]


def test_torn_tail_is_cut_before_appending(tmp_path):
    s = open_store(tmp_path / "d")
    doc = s.put_document(url=URL, data=b"first", content_type="text/plain")
    path = s.warc.directory / doc.warc_file
    s.close()
    with open(path, "ab") as fh:  # a crash mid-write leaves half a gzip member
        fh.write(gzip.compress(b"WARC/1.1\r\n" + os.urandom(500))[:40])
    s2 = open_store(tmp_path / "d")
    doc2 = s2.put_document(url=URL + "?2", data=b"second", content_type="text/plain")
    assert s2.document_payload(doc.doc_id) == b"first"
    assert s2.document_payload(doc2.doc_id) == b"second"
    with open(path, "rb") as fh:
        assert len(list(ArchiveIterator(fh))) == 2
    s2.close()


def test_sqlite_store_implements_the_store_interface(store):
    from archive.store import Store

    assert isinstance(store, Store)
