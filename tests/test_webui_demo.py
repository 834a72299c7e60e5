"""`gongshi demo`: the shipped samples become an archive that the UI serves."""
# ruff: noqa: F811  (pytest fixtures are imported from webui_fixtures and named as arguments)

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from webui_fixtures import demo_archive, need_demo_parts  # noqa: F401  (pytest fixtures)

from gongshi.commands_serve import build_demo_archive, load_samples

SEED_TITLE = "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示"


def test_samples_listed_exist_in_several_formats():
    notices = load_samples()
    files = [f.path for n in notices for f in (*n.versions, *n.attachments)]
    assert all(f.is_file() for f in files)
    suffixes = {Path(f.name).suffix for f in files}
    assert {".txt", ".html", ".docx", ".xlsx", ".pdf"} <= suffixes
    assert any(f.name.startswith("000_c760ebe8a9762f7a") for f in files)
    assert all(n.url.startswith("http") for n in notices)


def test_demo_archive_has_every_sample_and_is_built_once(demo_archive):
    store = demo_archive.services.store
    notices = load_samples()
    for sample in notices:
        notice = store.notice_by_url(sample.url)
        assert notice is not None, sample.url
        assert store.notice_records(notice["notice_id"]), f"no records from {sample.url}"
    assert build_demo_archive(demo_archive.services) == 0  # already built: nothing archived again


def test_demo_search_finds_the_seed_nominee(demo_archive):
    client = demo_archive.app.test_client()
    data = client.get("/api/search?q=东主才让").get_json()
    titles = {r["notice"]["title"] for r in data["results"]}
    assert SEED_TITLE in titles
    seed = next(r for r in data["results"] if r["notice"]["title"] == SEED_TITLE)
    assert seed["unit"] == "海西州融媒体中心" and seed["birth"] == "1971-08"
    page = client.get(f"/records/{seed['record_id']}").get_data(as_text=True)
    assert "海西州融媒体中心" in page and seed["archive_url"] in page


def test_demo_shows_a_corrected_notice(demo_archive):
    client = demo_archive.app.test_client()
    store = demo_archive.services.store
    url = next(n.url for n in load_samples() if len(n.versions) > 1)
    nid = store.notice_by_url(url)["notice_id"]
    versions = client.get(f"/api/notices/{nid}").get_json()["versions"]
    assert len(versions) == 2
    assert versions[1]["withdrawn"] == ["李国庆"] and versions[1]["added"] == ["韩永福"]
    assert any(c["name"] == "才让卓玛" and c["field"] == "birth" for c in versions[1]["changed"])
    page = client.get(f"/notices/{nid}").get_data(as_text=True)
    assert "撤下对象：李国庆" in page and "新增对象：韩永福" in page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gongshi_demo_command_serves_the_samples(tmp_path):
    """The quick start: `gongshi demo` builds the archive, then serves it on 127.0.0.1."""
    need_demo_parts()
    port = _free_port()
    gongshi = Path(sys.executable).parent / "gongshi"
    env = {**os.environ, "GONGSHI_DATA": str(tmp_path / "not-this-one")}
    proc = subprocess.Popen([str(gongshi), "demo", "--port", str(port)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                query = urllib.request.quote("东主才让")
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/?q={query}", timeout=5) as response:
                    body = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.3)
        assert body is not None, proc.stderr.read() if proc.poll() is not None else "demo did not answer in 60 s"
        assert "东主才让" in body and "海西州融媒体中心" in body
        assert (tmp_path / "gongshi-demo" / "gongshi.sqlite3").exists()  # its own directory...
        assert not (tmp_path / "not-this-one").exists()  # ...never $GONGSHI_DATA
    finally:
        proc.terminate()
        proc.wait(timeout=10)
