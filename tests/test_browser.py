"""The UI in a real browser: Debian's chromium driven by Playwright, against a real server.

One walk through the demo archive (the shipped samples): search for a seed
nominee, click a facet, open a record, follow it to the entity page and to
the archived copy, download the CSV and read it back, check three pasted
candidates.  Then the script payloads of the fixture archive, which must stay
inert, and an archived page whose script must not run.  Screenshots of every
page go to test-artifacts/browser/ (gitignored), to be looked at.
"""
# ruff: noqa: F811  (pytest fixtures are imported from webui_fixtures and named as arguments)

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from webui_fixtures import (  # noqa: F401  (pytest fixtures)
    app,
    demo_archive,
    demo_server,
    fixture_archive,
    live_server,
    need_check,
    need_entities,
    need_index,
)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "browser"

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page that records every request it makes and every script dialog."""

    def __init__(self, browser, origin: str, **context) -> None:
        self.context = browser.new_context(accept_downloads=True, locale="zh-CN", **context)
        self.page = self.context.new_page()
        self.origin = origin
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.origin) and not u.startswith(("data:", "blob:"))]

    def close(self) -> None:
        self.context.close()


def test_research_walk_through_the_demo(browser, demo_server):
    w = Watched(browser, demo_server.url, viewport={"width": 1280, "height": 900})
    page = w.page
    try:
        # search for a seed nominee
        page.goto(demo_server.url + "/")
        page.fill("input[name=q]", "东主才让")
        page.press("input[name=q]", "Enter")
        page.wait_for_load_state()
        assert "q=" in page.url  # the URL holds the query: a permalink
        hits = page.locator("article.hit")
        assert hits.count() >= 2
        assert page.locator("article.hit mark").count() >= 1
        w.shot("01-search")

        # click a facet: the year of the seed notice
        page.locator('section[data-facet="year"] a', has_text="2025").first.click()
        page.wait_for_load_state()
        assert "year=2025" in page.url
        assert page.locator('section[data-facet="year"] li.selected').count() == 1
        assert hits.count() == 1
        w.shot("02-facet-year")

        # open the record
        hits.first.locator("h2 a").click()
        page.wait_for_load_state()
        assert "/records/" in page.url
        body = page.locator("main").inner_text()
        assert "海西州融媒体中心" in body and "编委会副主任" in body and "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示" in body
        citation = page.locator("#citation").inner_text()
        assert "[EB/OL]" in citation and "/archive/" in citation
        assert page.locator("button.copy").is_visible()  # shown because script runs here
        w.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server.url)
        page.locator("button.copy").click()
        page.wait_for_function("document.querySelector('button.copy').textContent === '已复制'")
        assert page.evaluate("navigator.clipboard.readText()") == citation.strip()
        record_url = page.url
        w.shot("03-record")

        # follow it to the entity page: a timeline, oldest first
        page.locator("a.more").click()
        page.wait_for_load_state()
        assert "/entities/" in page.url
        years = page.locator("ol.timeline .when").all_inner_texts()
        assert years == sorted(years) and {"2021", "2025"} <= set(years)
        w.shot("04-entity")

        # the notice the record comes from: its documents and records
        page.goto(record_url)
        page.locator("p.crumbs a").click()
        page.wait_for_load_state()
        assert "/notices/" in page.url and page.locator("section.records tbody tr").count() == 12
        w.shot("05-notice")

        # and to the archived copy: the exact text of the seed notice
        page.goto(record_url)
        with page.expect_navigation():
            page.locator("section.source a.archive-link").click()
        assert "/archive/" in page.url
        assert "东主才让" in page.locator("body").inner_text()
        w.shot("06-archived-copy")

        # download the CSV of the whole result set and read it back
        page.goto(demo_server.url + "/?q=东主才让")
        with page.expect_download() as info:
            page.locator(".exports a", has_text="CSV").click()
        data = Path(info.value.path()).read_bytes().decode("utf-8")
        assert data.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(data[1:])))
        assert len(rows) == hits.count() >= 2 and {r["name"] for r in rows} == {"东主才让"}
        assert "海西州融媒体中心" in {r["unit"] for r in rows}

        # check three pasted candidates: honoured before, a namesake, new
        page.goto(demo_server.url + "/check")
        page.fill("textarea#candidates", "东主才让，海西州融媒体中心，1971.08\n夏露，西宁市第一人民医院\n王小明，海西州气象局")
        page.get_by_role("button", name="核查", exact=True).click()
        page.wait_for_load_state()
        cards = page.locator("article.candidate")
        assert cards.count() == 3
        classes = [c.get_attribute("class") for c in cards.all()]
        assert classes == ["candidate matched", "candidate namesake", "candidate new"]
        assert "匹配依据" in cards.nth(0).inner_text() and "仅同名" in cards.nth(1).inner_text()
        w.shot("07-check")
        with page.expect_download() as info:
            page.locator("form.inline button").click()
        checked = Path(info.value.path()).read_bytes().decode("utf-8")
        assert checked.startswith("\ufeff") and "东主才让" in checked and "无记录" in checked

        assert w.foreign_requests() == []
        assert w.dialogs == []
    finally:
        w.close()


def test_phone_layout(browser, demo_server):
    w = Watched(browser, demo_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        w.page.goto(demo_server.url + "/?q=东主才让")
        width = w.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the phone
        w.shot("08-phone-search")
        w.page.locator("article.hit h2 a").first.click()
        w.page.wait_for_load_state()
        assert w.page.evaluate("document.documentElement.scrollWidth") <= 390
        w.shot("09-phone-record")
    finally:
        w.close()


def test_script_payloads_stay_inert_in_the_browser(browser, live_server, fixture_archive):
    fx = fixture_archive
    w = Watched(browser, live_server.url, viewport={"width": 1280, "height": 900})
    page = w.page
    try:
        paths = [f"/records/{fx.records['xss']}", f"/notices/{fx.notices['xss']}"]
        if fx.indexed:
            paths += ["/?q=某某单位", "/"]
        if fx.linked:
            paths.append(f"/entities/{fx.store.record(fx.records['xss'])['entity_id']}")
        names = ["record", "notice", "search", "browse", "entity"]
        for i, (path, name) in enumerate(zip(paths, names, strict=False)):
            page.goto(live_server.url + path)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.locator("main img").count() == 0, path  # the <img onerror> is text, not an element
            if name == "record":  # shown to the reader as the text it is
                assert "张<script>window.__pwned=1</script>" in page.locator("main h1").inner_text()
            w.shot(f"1{i}-payloads-{name}")
        # an archived page's own script does not run: sandboxed, opaque origin
        page.goto(live_server.url + f"/archive/{fx.documents['seed']}")
        assert page.title() == "公示"
        assert page.evaluate("document.title") == "公示"
        need_check()
        page.goto(live_server.url + "/check")
        page.fill("textarea#candidates", '张<script>window.__pwned=1</script>\n"><img src=x onerror="window.__pwned=1">')
        page.get_by_role("button", name="核查", exact=True).click()
        page.wait_for_load_state()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        w.shot("19-payloads-check")
        assert w.dialogs == [] and w.foreign_requests() == []
    finally:
        w.close()
