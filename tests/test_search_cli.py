"""`gongshi search` / `gongshi reindex`, incremental updates, and searching
while another process writes the index."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from archive.model import NoticeMeta, ParsedNotice, Record
from archive.store import open_store
from gongshi.cli import main
from index import ENGINE_SETTING, open_index, search_api

URL = "http://tzb.haixi.gov.cn/2025/0908.html"
META = NoticeMeta(
    title="关于拟推荐对象的公示", published="2025-09-08", year=2025, award="青海省民族团结进步先进个人",
    level="province", stage="recommended", region="青海省海西蒙古族藏族自治州",
)  # fmt: skip


def rec(name, unit, ethnicity="汉族"):
    return Record(kind="person", name=name, name_raw=name, ethnicity=ethnicity, unit=unit)


def save(store, records, data=b"v1", url=URL):
    doc = store.put_document(url=url, data=data, content_type="text/html", status=None)
    return store.save_notice(url, ParsedNotice(meta=META, records=records, is_commendation=True, url=url), doc)


@pytest.fixture
def data_dir(tmp_path):
    store = open_store(tmp_path)
    save(store, [rec("陈海忠", "都兰县香加乡科尔村"), rec("郭海芳", "海西州人民检察院", "土族")])
    store.close()
    return tmp_path


def test_reindex_then_search(data_dir, capsys):
    assert main(["reindex", "--data", str(data_dir)]) == 0
    assert "2 records indexed with whoosh" in capsys.readouterr().err
    assert main(["search", "陈海忠", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("1 records")
    assert "陈海忠  都兰县香加乡科尔村  2025  青海省民族团结进步先进个人" in out


def test_reindex_moves_the_archive_to_another_engine(data_dir, capsys):
    assert main(["reindex", "--data", str(data_dir)]) == 0
    assert main(["reindex", "--data", str(data_dir), "--engine", "tantivy"]) == 0
    store = open_store(data_dir)
    assert store.get_setting(ENGINE_SETTING) == "tantivy"
    store.close()
    capsys.readouterr()
    assert main(["search", "--data", str(data_dir), "--ethnicity", "土", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["total"] == 1 and answer["results"][0]["name"] == "郭海芳"
    assert answer["facets"]["ethnicity"] == {"土族": 1}
    assert (data_dir / "index" / "tantivy" / "meta.json").exists()


def test_search_bad_parameter_is_one_line(data_dir, capsys):
    assert main(["search", "--data", str(data_dir), "--year", "abc"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "year must be a whole number" in err


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_incremental_update_follows_a_new_version(data_dir, engine):
    store = open_store(data_dir)
    idx = open_index(store, engine)
    idx.rebuild(store.iter_records())
    assert search_api(store, idx, {"q": "郭海芳"})["total"] == 1
    # The source changed: 郭海芳 withdrawn, 花木措 added, 陈海忠's unit corrected.
    result = save(store, [rec("陈海忠", "都兰县香加乡"), rec("花木措", "海西州文体旅游广电局", "蒙古族")], b"v2")
    idx.remove(result.removed)
    idx.add(store.records_by_ids(result.added))
    assert search_api(store, idx, {"q": "郭海芳"})["total"] == 0
    assert search_api(store, idx, {"q": "花木措"})["total"] == 1
    assert search_api(store, idx, {"q": "陈海忠"})["results"][0]["unit"] == "都兰县香加乡"
    assert search_api(store, idx, {})["total"] == 2 == idx.count()
    idx.close()
    store.close()


WRITER = textwrap.dedent(
    """
    import sys
    from archive.store import open_store
    from index import open_index
    store = open_store(sys.argv[1])
    idx = open_index(store, sys.argv[2])
    base = store.records_by_ids([r["record_id"] for r in store.iter_records()])[0]
    for batch in range(15):
        recs = [dict(base, record_id=f"w{batch}-{i}", name=f"测试{batch}号{i}") for i in range(20)]
        idx.add(recs)
    idx.close()
    """
)


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_searching_while_another_process_writes(data_dir, engine):
    store = open_store(data_dir)
    idx = open_index(store, engine)
    idx.rebuild(store.iter_records())
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), engine])
    searches = 0
    while writer.poll() is None:
        answer = search_api(store, idx, {"q": "测试"})  # must never fail mid-write
        assert answer["total"] >= 0
        searches += 1
    assert writer.returncode == 0
    assert searches > 0
    assert search_api(store, idx, {"q": "测试"})["total"] == 300
    idx.close()
    store.close()


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_a_writer_waits_for_the_lock_and_readers_do_not(data_dir, engine):
    store = open_store(data_dir)
    first = open_index(store, engine)
    first.rebuild(store.iter_records())
    second = open_index(store, engine)
    record = next(store.iter_records())
    holder = {}
    if engine == "whoosh":
        holder["writer"] = first._open().writer()
    else:
        holder["writer"] = first._writer(first._write_index())

    def release():
        writer = holder.pop("writer")
        if engine == "whoosh":
            writer.cancel()  # whoosh releases its lock on cancel, tantivy when the writer is dropped
        del writer

    assert search_api(store, second, {"q": "陈海忠"})["total"] == 1  # a reader is not blocked
    timer = threading.Timer(0.5, release)
    timer.start()
    started = time.monotonic()
    second.add([dict(record, record_id="late", name="晚到者")])  # waits, then writes
    assert time.monotonic() - started >= 0.4
    timer.join()
    assert search_api(store, first, {"q": "晚到者"})["total"] == 1
    first.close()
    second.close()
    store.close()
