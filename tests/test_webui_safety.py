"""Everything from a source stays text: a name, a unit and deeds made of script render inert."""
# ruff: noqa: F811  (pytest fixtures are imported from webui_fixtures and named as arguments)

from __future__ import annotations

import re

from webui_fixtures import (  # noqa: F401  (pytest fixtures)
    app,
    client,
    fixture_archive,
    need_check,
    need_entities,
    need_index,
)

from webui.templating import clean_snippet, safe_href

LIVE_MARKUP = ("<script>window.__pwned", "<img src=x", 'onerror="window', 'href="javascript:')


def assert_inert(page: str, where: str) -> None:
    for bad in LIVE_MARKUP:
        assert bad not in page, f"{where}: {bad!r} rendered as markup"
    # our own pages carry no inline script at all (the CSP would refuse it anyway)
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", page), where


def test_payloads_are_text_on_record_notice_and_search_pages(client, fixture_archive):
    fx = fixture_archive
    rid = fx.records["xss"]
    pages = {
        "record": client.get(f"/records/{rid}"),
        "notice": client.get(f"/notices/{fx.notices['xss']}"),
        "other record of the notice list": client.get(f"/records/{fx.records['chen']}"),
    }
    if fx.indexed:
        pages["search"] = client.get("/?q=某某单位")
        pages["browse"] = client.get("/")
    if fx.linked and callable(getattr(fx.store, "entity", None)):
        pages["entity"] = client.get(f"/entities/{fx.store.record(rid)['entity_id']}")
    for where, response in pages.items():
        assert response.status_code == 200, where
        assert_inert(response.get_data(as_text=True), where)
    record_page = pages["record"].get_data(as_text=True)
    # shown, escaped: the name, the unit, the deeds, the raw row, the notice title and issuer
    assert "张&lt;script&gt;window.__pwned=1&lt;/script&gt;" in record_page
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;某某单位" in record_page
    assert "事迹&lt;script&gt;" in record_page
    # a javascript: source address is shown as text, never as a link
    assert "javascript:alert(document.domain)" in record_page
    assert 'href="javascript:' not in record_page
    if fx.indexed:
        search_page = pages["search"].get_data(as_text=True)
        assert "&lt;img src=x" in search_page and "<mark>" in search_page


def test_payloads_are_text_on_check_and_error_pages(client, fixture_archive):
    page = client.get("/records/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").get_data(as_text=True)
    assert "<img src=x onerror" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    page = client.get("/?year=%3Cscript%3Ealert(1)%3C%2Fscript%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    need_check()
    text = '张<script>window.__pwned=1</script>，"><img src=x onerror="window.__pwned=1">某某单位\n花木措'
    r = client.post("/check", data={"candidates": text})
    assert r.status_code == 200
    assert_inert(r.get_data(as_text=True), "check results")


def test_archived_copy_cannot_run_in_our_origin(client, fixture_archive):
    r = client.get(f"/archive/{fixture_archive.documents['xss']}")
    assert r.data == b"<p><script>window.__pwned=1</script></p>"  # the exact bytes...
    policy = r.headers["Content-Security-Policy"]
    assert policy.split(";")[0].strip() == "sandbox"  # ...in an opaque origin, scripts off


def test_broken_content_type_is_not_sent_as_is(client, fixture_archive):
    doc = fixture_archive.store.put_document(
        url="http://example.gov.cn/evil", data=b"<b>x</b>", content_type="text/html\r\nSet-Cookie: a=b"
    )
    r = client.get(f"/archive/{doc.doc_id}")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/octet-stream"
    assert "Set-Cookie" not in r.headers


def test_snippets_keep_only_mark():
    assert clean_snippet("东主<mark>才让</mark>") == "东主<mark>才让</mark>"
    assert clean_snippet("a &lt;b&gt; <mark>c</mark>") == "a &lt;b&gt; <mark>c</mark>"  # already escaped: unchanged
    assert clean_snippet("<script>x</script><mark>y</mark>") == "&lt;script&gt;x&lt;/script&gt;<mark>y</mark>"
    assert clean_snippet('<mark onclick="x">y</mark>') == "&lt;mark onclick=&#34;x&#34;&gt;y"  # a stray close dropped
    assert clean_snippet("<mark>open") == "<mark>open</mark>"
    assert clean_snippet(None) == ""


def test_only_web_addresses_become_links():
    assert safe_href("http://www.gov.cn/a") == "http://www.gov.cn/a"
    assert safe_href("HTTPS://x.cn") == "HTTPS://x.cn"
    assert safe_href("/archive/d1") == "/archive/d1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "//evil.example/x", "vbscript:x", None, ""):
        assert safe_href(bad) is None, bad
