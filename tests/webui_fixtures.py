"""A small archive for the web UI's tests, built through the store's own interface.

Notices are saved as `ParsedNotice`s (not extracted from files), so the
page tests depend on the store, the linker and the index only, and can hold
what real extraction would never produce: names, units and deeds made of
script payloads.  Dates are fixed.  The demo archive (built from the shipped
samples by real extraction) is used by the browser test instead.

Import the fixtures you use from this module in a test file:
    from webui_fixtures import fixture_archive, client, ...  # noqa: F401
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from archive.model import NoticeMeta, ParsedNotice, Record
from archive.store import open_store

FETCHED = datetime(2025, 9, 10, 8, 30, tzinfo=UTC)

# Payloads that must stay text on every page.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=1">'
XSS_NAME = f"张{SCRIPT}"
XSS_UNIT = f"{IMG}某某单位"
XSS_DEEDS = f"事迹{SCRIPT}以及{IMG}结束"

SEED_URL = "http://www.hxz.gov.cn/xwzx/gsgg/202509/t20250908_100001.html"
OLD_URL = "http://mzw.qinghai.gov.cn/xxgk/tzgg/201912/t20191220_200002.html"
XSS_URL = "javascript:alert(document.domain)"
VERSIONED_URL = "http://www.dulan.gov.cn/zwgk/gsgg/202406/t20240601_300003.html"

ARCHIVED_PAGE = (
    "<html><head><title>公示</title></head><body><h1>关于拟推荐对象的公示</h1>"
    "<script>document.title='pwned-by-archived-page'</script><p>东主才让</p></body></html>"
).encode()


@dataclass
class FixtureArchive:
    data_dir: Path
    store: Any
    notices: dict[str, str] = field(default_factory=dict)  # label -> notice_id
    records: dict[str, str] = field(default_factory=dict)  # label -> record_id
    documents: dict[str, str] = field(default_factory=dict)  # label -> doc_id
    linked: bool = False
    indexed: bool = False
    index: Any = None


def person(name: str, unit: str | None = None, **kw: Any) -> Record:
    raw = kw.pop("raw", None) or "\t".join(x for x in (name, kw.get("ethnicity") or "", unit or "") if x)
    return Record(kind="person", name=name, name_raw=name, unit=unit, raw=raw, location=kw.pop("location", "table 1"), **kw)


def org(name: str, **kw: Any) -> Record:
    return Record(kind="organization", name=name, name_raw=name, raw=name, location="table 1", **kw)


def _save(store, url: str, meta: NoticeMeta, records: list[Record], body: bytes, ctype: str = "text/html",
          when: datetime = FETCHED):
    # A non-web address can only come from a local import: archived as a resource, not an HTTP exchange.
    status = 200 if url.startswith("http") else None
    doc = store.put_document(url=url, data=body, content_type=ctype, fetched_at=when, status=status)
    for r in records:
        r.document_url = url
    result = store.save_notice(url, ParsedNotice(meta=meta, records=records, is_commendation=True, url=url), doc)
    return result, doc


def build_fixture_archive(data_dir: Path) -> FixtureArchive:
    store = open_store(data_dir)
    fx = FixtureArchive(data_dir, store)
    added: list[str] = []

    seed_meta = NoticeMeta(
        title="关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示", published="2025-09-08", year=2025,
        issuer="中共海西州委统一战线工作领导小组办公室", award="青海省民族团结进步先进集体和先进个人",
        level="province", stage="recommended", period_start="2025-09-08", period_end="2025-09-12",
        region="青海省海西蒙古族藏族自治州",
    )
    seed_people = [
        person("陈海忠", "都兰县香加乡科尔村", gender="男", ethnicity="汉族", birth="1968-06", political="中共党员",
               education="大专", position="党支部书记兼村委会主任", industry="农牧区",
               raw="1\t陈海忠\t男\t汉\t1968.6\t中共党员\t大专\t都兰县香加乡科尔村\t党支部书记兼村委会主任"),
        person("东主才让", "海西州融媒体中心", gender="男", ethnicity="藏族", birth="1971-08", political="无党派人士",
               education="本科", position="编委会副主任", title="译审", industry="新闻宣传",
               deeds="长期从事藏汉双语新闻翻译工作。\n主持译审各类稿件两万余篇。",
               raw="4\t东主才让\t男\t藏\t1971.8\t无党派人士\t本科\t海西州融媒体中心\t编委会副主任\t译审"),
        person("花木措", "海西州文体旅游广电局", gender="女", ethnicity="蒙古族", birth="1988-06", political="群众"),
        person("郭海芳", "海西州人民检察院", gender="女", ethnicity="土族", birth="1990-10", political="中共党员"),
        org("乌兰县柯柯镇人民政府", org_type="行政单位", industry="政府机构"),
    ]
    result, doc = _save(store, SEED_URL, seed_meta, seed_people, ARCHIVED_PAGE, ctype="text/html; charset=utf-8")
    fx.notices["seed"], fx.documents["seed"] = result.notice_id, doc.doc_id
    added += result.added
    names = [r.name for r in seed_people]
    for label, name in (("chen", "陈海忠"), ("dongzhu", "东主才让"), ("huamu", "花木措"), ("org", "乌兰县柯柯镇人民政府")):
        fx.records[label] = result.added[names.index(name)]

    old_meta = NoticeMeta(
        title="关于表彰全省民族团结进步模范个人的决定", published="2019-12-20", year=2019,
        issuer="青海省民族宗教事务委员会", award="全省民族团结进步模范个人", level="province", stage="awarded",
        region="青海省",
    )
    old_people = [
        person("东主才让", "海西州融媒体中心", gender="男", ethnicity="藏族", birth="1971-08", position="主任"),
        person("陈海忠", "格尔木市某某学校", gender="男", ethnicity="汉族", position="教师"),  # a namesake
    ]
    result, doc = _save(store, OLD_URL, old_meta, old_people, "东主才让 陈海忠".encode("gb18030"),
                        ctype="text/plain; charset=gb18030", when=datetime(2019, 12, 21, tzinfo=UTC))
    fx.notices["old"], fx.documents["old"] = result.notice_id, doc.doc_id
    fx.records["dongzhu_2019"], fx.records["chen_namesake"] = result.added
    added += result.added

    xss_meta = NoticeMeta(
        title=f"关于拟表彰对象的公示{SCRIPT}", published="2024-05-01", year=2024, issuer=f"某某局{IMG}",
        award=f"先进个人{SCRIPT}", level="county", stage="proposed", region="青海省海东市",
    )
    xss_people = [person(XSS_NAME, XSS_UNIT, deeds=XSS_DEEDS, position=IMG, raw=f"1\t{XSS_NAME}\t{XSS_UNIT}")]
    result, doc = _save(store, XSS_URL, xss_meta, xss_people, f"<p>{SCRIPT}</p>".encode(), ctype="text/html")
    fx.notices["xss"], fx.documents["xss"] = result.notice_id, doc.doc_id
    fx.records["xss"] = result.added[0]
    added += result.added

    # A notice corrected during its publicity period: 乙 withdrawn, 丁 added, 丙's unit corrected.
    v_meta = NoticeMeta(
        title="关于都兰县优秀共产党员拟表彰对象的公示", published="2024-06-01", year=2024, issuer="中共都兰县委组织部",
        award="都兰县优秀共产党员", level="county", stage="proposed", region="青海省海西蒙古族藏族自治州都兰县",
        period_start="2024-06-01", period_end="2024-06-07",
    )
    first = [person("李明甲", "都兰县人民医院"), person("王建乙", "都兰县第一中学"), person("赵文丙", "都兰县林业站")]
    result, doc = _save(store, VERSIONED_URL, v_meta, first, b"<p>v1</p>", when=datetime(2024, 6, 1, tzinfo=UTC))
    fx.documents["v1"], fx.records["withdrawn"] = doc.doc_id, result.added[1]
    second = [person("李明甲", "都兰县人民医院"), person("赵文丙", "都兰县林业和草原站"), person("周立丁", "都兰县交通局")]
    result, doc = _save(store, VERSIONED_URL, v_meta, second, b"<p>v2</p>", when=datetime(2024, 6, 3, tzinfo=UTC))
    fx.notices["versioned"], fx.documents["v2"] = result.notice_id, doc.doc_id
    added += result.added
    store.mark_gone(VERSIONED_URL)

    fx.records = {k: v for k, v in fx.records.items()}
    try:
        from archive.linking import link_records
    except ImportError:
        pass
    else:
        link_records(store, None)
        fx.linked = True
    try:
        from index import open_index
    except ImportError:
        pass
    else:
        fx.index = open_index(store)
        fx.index.rebuild(store.iter_records())
        fx.indexed = True
    return fx


def make_app(fx: FixtureArchive):
    from archive.export import write_records
    from webui import create_app

    return create_app({"TESTING": True, "STORE": fx.store, "INDEX": fx.index, "EXPORT_WRITER": write_records})


# -- live server: the app on 127.0.0.1 served by waitress in a thread ---------------


@dataclass
class LiveServer:
    url: str
    server: Any
    thread: threading.Thread

    def stop(self) -> None:
        self.server.close()
        self.thread.join(timeout=5)


def serve_in_thread(app) -> LiveServer:
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    port = server.socket.getsockname()[1]  # type: ignore[union-attr]
    thread = threading.Thread(target=server.run, name="webui-test-server", daemon=True)
    thread.start()
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)


# -- pytest fixtures -----------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_archive(tmp_path_factory) -> Iterator[FixtureArchive]:
    fx = build_fixture_archive(tmp_path_factory.mktemp("webui") / "data")
    yield fx
    if fx.index is not None:
        fx.index.close()
    fx.store.close()


@pytest.fixture(scope="module")
def app(fixture_archive):
    return make_app(fixture_archive)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def live_server(app) -> Iterator[LiveServer]:
    server = serve_in_thread(app)
    yield server
    server.stop()


def need_index(fx: FixtureArchive) -> None:
    if not fx.indexed:
        pytest.skip("index.open_index/search_api not available yet (search helper)")


def need_entities(fx: FixtureArchive) -> None:
    if not fx.linked or not callable(getattr(fx.store, "entity", None)):
        pytest.skip("archive.linking / store.entity not available yet (entities helper)")


def need_check() -> None:
    try:
        from archive.candidates import check_candidates  # noqa: F401
    except ImportError:
        pytest.skip("archive.candidates.check_candidates not available yet (candidate check helper)")


# -- the demo archive: the shipped samples through real extraction, linking and indexing ----


@dataclass
class DemoArchive:
    services: Any
    app: Any


def need_demo_parts() -> None:
    for module, what in (("index", "search helper"), ("archive.linking", "entities helper"),
                         ("archive.candidates", "candidate check helper")):
        try:
            __import__(module)
        except ImportError:
            pytest.skip(f"{module} not available yet ({what})")


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory) -> Iterator[DemoArchive]:
    need_demo_parts()
    from gongshi.commands_serve import build_demo_archive, make_app
    from gongshi.wiring import Services

    services = Services(tmp_path_factory.mktemp("demo") / "data")
    build_demo_archive(services)
    yield DemoArchive(services, make_app(services))
    services.close()


@pytest.fixture(scope="module")
def demo_server(demo_archive) -> Iterator[LiveServer]:
    server = serve_in_thread(demo_archive.app)
    yield server
    server.stop()
