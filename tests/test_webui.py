"""The web UI and JSON API over a fixture archive (Flask test client, real SQLite + WARC)."""
# ruff: noqa: F811  (pytest fixtures are imported from webui_fixtures and named as arguments)

from __future__ import annotations

import csv
import io
import json
import re

from webui_fixtures import (  # noqa: F401  (pytest fixtures)
    ARCHIVED_PAGE,
    SEED_URL,
    VERSIONED_URL,
    app,
    client,
    fixture_archive,
    need_entities,
    need_index,
)

# -- record page ---------------------------------------------------------------------


def test_record_page_shows_fields_source_notice_and_citation(client, fixture_archive):
    fx = fixture_archive
    rid = fx.records["dongzhu"]
    r = client.get(f"/records/{rid}")
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    for text in ("东主才让", "海西州融媒体中心", "编委会副主任", "译审", "无党派人士", "1971-08", "藏族", "新闻宣传"):
        assert text in page
    # every field has its row, stated or not
    for label in ("性别", "民族", "出生年月", "政治面貌", "学历", "工作单位", "职务", "职称", "所属行业", "单位性质", "类别", "备注"):
        assert f"<dt>{label}</dt>" in page
    # the notice
    for text in ("关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示", "中共海西州委统一战线工作领导小组办公室",
                 "2025-09-08 至 2025-09-12", "省级", "推荐", "青海省民族团结进步先进集体和先进个人"):
        assert text in page
    # source and archived copy, both links; deeds; the row as the source wrote it
    doc = fx.documents["seed"]
    assert f'href="{SEED_URL}"' in page
    assert f'href="/archive/{doc}"' in page
    assert "主持译审各类稿件两万余篇" in page
    assert "4\t东主才让\t男\t藏\t1971.8" in page
    # other nominees of the same notice, linked
    assert f'href="/records/{fx.records["chen"]}"' in page and "花木措" in page
    # citation: issuer. title[EB/OL]. (published)[retrieved]. source. archive.
    cite = re.search(r'<p id="citation" class="citation">(.*?)</p>', page, re.S).group(1)
    assert cite.startswith("中共海西州委统一战线工作领导小组办公室. 关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示[EB/OL]")
    assert "(2025-09-08)[2025-09-10]" in cite and SEED_URL in cite and f"http://localhost/archive/{doc}" in cite
    assert 'data-copy="#citation"' in page
    # the JSON twin is announced
    assert r.headers["Link"] == f'</api/records/{rid}>; rel="alternate"; type="application/json"'


def test_record_json_is_the_stores_record(client, fixture_archive):
    rid = fixture_archive.records["dongzhu"]
    r = client.get(f"/api/records/{rid}")
    assert r.status_code == 200 and r.mimetype == "application/json"
    data = r.get_json()
    assert data == json.loads(json.dumps(fixture_archive.store.record(rid)))
    assert data["notice"]["stage"] == "recommended" and data["archive_url"] == f"/archive/{fixture_archive.documents['seed']}"
    assert "东主才让" in r.get_data(as_text=True)  # UTF-8, not \u escapes


def test_record_of_a_gone_source_is_marked(client, fixture_archive):
    notice = fixture_archive.store.notice(fixture_archive.notices["versioned"])
    rid = notice["records"][0]["record_id"]
    page = client.get(f"/records/{rid}").get_data(as_text=True)
    assert "原网页已失效" in page and f'href="{VERSIONED_URL}"' in page
    assert f'href="/archive/{fixture_archive.documents["v2"]}"' in page


def test_withdrawn_record_is_marked_as_withdrawn(client, fixture_archive):
    r = client.get(f"/records/{fixture_archive.records['withdrawn']}")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert "王建乙" in page and "已在公示更新后被撤下" in page
    assert f'href="/archive/{fixture_archive.documents["v1"]}"' in page  # the version it was in
    current = client.get(f"/records/{fixture_archive.records['chen']}").get_data(as_text=True)
    assert "被撤下" not in current


def test_other_records_of_the_person_are_listed(client, fixture_archive):
    need_entities(fixture_archive)
    page = client.get(f"/records/{fixture_archive.records['dongzhu']}").get_data(as_text=True)
    section = page[page.index('class="history"'):]
    assert f'href="/records/{fixture_archive.records["dongzhu_2019"]}"' in section
    assert "全省民族团结进步模范个人" in section and "已表彰" in section


# -- notice page ---------------------------------------------------------------------


def test_notice_page_shows_versions_and_what_changed(client, fixture_archive):
    fx = fixture_archive
    nid = fx.notices["versioned"]
    r = client.get(f"/notices/{nid}")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert "关于都兰县优秀共产党员拟表彰对象的公示" in page and "中共都兰县委组织部" in page
    assert "撤下对象：王建乙" in page and "新增对象：周立丁" in page
    assert "更正 赵文丙 的工作单位" in page and "<del>都兰县林业站</del>" in page and "<ins>都兰县林业和草原站</ins>" in page
    for doc in (fx.documents["v1"], fx.documents["v2"]):
        assert f'href="/archive/{doc}"' in page
    assert "原网页已失效" in page
    assert page.index("2024-06-03 00:00") < page.index("2024-06-01 00:00")  # fetch dates, newest first
    api = client.get(f"/api/notices/{nid}").get_json()
    assert [v["withdrawn"] for v in api["versions"]] == [[], ["王建乙"]]
    assert {r["name"] for r in api["records"]} == {"李明甲", "赵文丙", "周立丁"}
    assert r.headers["Link"].startswith(f"</api/notices/{nid}>")


def test_notice_page_lists_documents_and_records(client, fixture_archive):
    page = client.get(f"/notices/{fixture_archive.notices['seed']}").get_data(as_text=True)
    assert f'href="/archive/{fixture_archive.documents["seed"]}"' in page
    for name in ("陈海忠", "东主才让", "花木措", "郭海芳", "乌兰县柯柯镇人民政府"):
        assert name in page


# -- archived copies -----------------------------------------------------------------


def test_archived_copy_is_the_exact_bytes_sandboxed(client, fixture_archive):
    r = client.get(f"/archive/{fixture_archive.documents['seed']}")
    assert r.status_code == 200
    assert r.data == ARCHIVED_PAGE
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"  # as fetched
    policy = r.headers["Content-Security-Policy"]
    assert policy.startswith("sandbox") and "allow-scripts" not in policy and "allow-same-origin" not in policy
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert b"copy.js" not in r.data  # nothing of ours injected


def test_archived_copy_keeps_its_content_type_and_encoding(client, fixture_archive):
    r = client.get(f"/archive/{fixture_archive.documents['old']}")
    assert r.headers["Content-Type"] == "text/plain; charset=gb18030"
    assert r.data == "东主才让 陈海忠".encode("gb18030")


# -- errors and headers --------------------------------------------------------------


def test_unknown_ids_are_404_as_page_or_json(client, app):
    for path in ("/records/rnope", "/notices/nnope", "/archive/dnope", "/no/such/page"):
        r = client.get(path)
        assert r.status_code == 404 and r.mimetype == "text/html", path
        assert "找不到" in r.get_data(as_text=True)
    for path in ("/api/records/rnope", "/api/notices/nnope", "/api/nothing"):
        r = client.get(path)
        assert r.status_code == 404 and r.mimetype == "application/json", path
        assert isinstance(r.get_json()["error"], str)


def test_unknown_entity_is_404(client, fixture_archive):
    need_entities(fixture_archive)
    assert client.get("/entities/enope").status_code == 404
    r = client.get("/api/entities/enope")
    assert r.status_code == 404 and "error" in r.get_json()


def test_wrong_method_is_405_with_allow(client):
    r = client.post("/api/records/x")
    assert r.status_code == 405 and "GET" in r.headers["Allow"] and "error" in r.get_json()
    r = client.get("/api/check")
    assert r.status_code == 405 and "POST" in r.headers["Allow"]


def test_security_headers_on_pages_and_api(client, fixture_archive):
    for path in ("/check", f"/records/{fixture_archive.records['chen']}", "/api/openapi.json", "/records/x"):
        h = client.get(path).headers
        assert "default-src 'self'" in h["Content-Security-Policy"], path
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["X-Frame-Options"] == "DENY"
        assert h["Referrer-Policy"] == "no-referrer"


def _assets(page: str) -> list[str]:
    """Addresses a page makes the browser load by itself (not links a user follows)."""
    found = re.findall(r'<(?:script|img|iframe|source|embed)\b[^>]*\bsrc="([^"]*)"', page)
    found += re.findall(r'<link\b[^>]*\bhref="([^"]*)"', page)
    found += re.findall(r'url\(([^)]*)\)', page)
    return found


def test_pages_load_nothing_from_another_origin(client, fixture_archive):
    fx = fixture_archive
    paths = ["/check", f"/records/{fx.records['dongzhu']}", f"/notices/{fx.notices['seed']}",
             f"/notices/{fx.notices['versioned']}"]
    if fx.indexed:
        paths.append("/?q=东主才让")
    for path in paths:
        page = client.get(path).get_data(as_text=True)
        assets = _assets(page)
        assert assets, path
        for url in assets:
            assert url.startswith("/") and not url.startswith("//"), (path, url)
        # links to sources do not tell the source where the reader came from
        for tag in re.findall(r'<a\b[^>]*href="https?://[^"]*"[^>]*>', page):
            assert "noreferrer" in tag, tag
    css = client.get("/static/style.css").get_data(as_text=True)
    assert "http" not in css and "@import" not in css


def test_static_assets_are_served(client):
    assert client.get("/static/style.css").status_code == 200
    js = client.get("/static/copy.js")
    assert js.status_code == 200 and b"clipboard" in js.data


# -- search --------------------------------------------------------------------------


def test_search_page_finds_highlights_and_counts(client, fixture_archive):
    need_index(fixture_archive)
    r = client.get("/?q=东主才让")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert f'href="/records/{fixture_archive.records["dongzhu"]}"' in page
    assert f'href="/records/{fixture_archive.records["dongzhu_2019"]}"' in page
    assert "<mark>" in page
    assert "共 <strong>2</strong> 条记录" in page
    assert r.headers["Link"].startswith("</api/search?q=")


def test_search_json_is_the_contract_shape(client, fixture_archive):
    need_index(fixture_archive)
    data = client.get("/api/search?q=东主才让").get_json()
    assert data["total"] == 2 and data["page"] == 1 and data["size"] == 20
    assert {r["record_id"] for r in data["results"]} == {fixture_archive.records["dongzhu"], fixture_archive.records["dongzhu_2019"]}
    assert set(data["facets"]) >= {"ethnicity", "year", "kind", "stage", "level", "region"}
    assert data["facets"]["ethnicity"] == {"藏族": 2}


def test_facets_are_clickable_filters_with_counts(client, fixture_archive):
    need_index(fixture_archive)
    page = client.get("/").get_data(as_text=True)
    facet = re.search(r'<section class="facet" data-facet="stage">(.*?)</section>', page, re.S).group(1)
    links = dict(re.findall(r'<a href="([^"]+)"[^>]*><span class="label">([^<]+)</span> <span class="n">\d+</span>', facet))
    by_label = {label: href for href, label in links.items()}
    assert set(by_label) == {"推荐", "拟表彰", "已表彰"}
    href = by_label["已表彰"].replace("&amp;", "&")
    filtered = client.get(href)
    assert filtered.status_code == 200
    text = filtered.get_data(as_text=True)
    assert "共 <strong>2</strong> 条记录" in text  # the 2019 decision's two people
    # the selected value is marked, and clicking it again removes the filter
    sel = re.search(r'<li class="selected"><a href="([^"]+)" aria-current="true"', text).group(1)
    assert "stage=" not in sel
    api = client.get(href.replace("/?", "/api/search?")).get_json()
    assert {r["notice"]["stage"] for r in api["results"]} == {"awarded"}


def test_year_chart_links_each_year(client, fixture_archive):
    need_index(fixture_archive)
    page = client.get("/").get_data(as_text=True)
    svg = re.search(r'<svg class="year-chart".*?</svg>', page, re.S).group(0)
    assert svg.count("<rect") == 3  # 2019, 2024, 2025 have records; empty years have no bar
    assert "year=2019" in svg and "2020" in svg  # an empty year still on the axis


def test_pagination_and_permalinks(client, fixture_archive):
    need_index(fixture_archive)
    page1 = client.get("/?size=2").get_data(as_text=True)
    assert 'rel="next"' in page1
    nxt = re.search(r'<a href="([^"]+)" rel="next">', page1).group(1).replace("&amp;", "&")
    assert "page=2" in nxt and "size=2" in nxt
    page2 = client.get(nxt).get_data(as_text=True)
    ids1 = set(re.findall(r'<h2><a href="/records/(\w+)"', page1))
    ids2 = set(re.findall(r'<h2><a href="/records/(\w+)"', page2))
    assert len(ids1) == len(ids2) == 2 and not ids1 & ids2


def test_bad_search_parameters_are_400_never_500(client, fixture_archive):
    need_index(fixture_archive)
    for query in ("year=abc", "size=1000", "page=0", "kind=robot", "stage=x", "year_from=2025&year_to=2019",
                  "q=" + "很" * 500, "ethnicity=火星族"):
        page = client.get(f"/?{query}")
        assert page.status_code == 400 and page.mimetype == "text/html", query
        api = client.get(f"/api/search?{query}")
        assert api.status_code == 400 and isinstance(api.get_json()["error"], str), query
    assert client.get("/export.csv?year=abc").status_code == 400


def test_export_csv_has_every_match_not_only_the_page(client, fixture_archive):
    need_index(fixture_archive)
    total = client.get("/api/search?size=1").get_json()["total"]
    r = client.get("/export.csv?size=1&page=1")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in r.headers["Content-Disposition"]
    text = r.data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == total > 1
    assert {"record_id", "name", "notice_title", "archive_url"} <= set(rows[0])


def test_export_json_is_the_filtered_result_set(client, fixture_archive):
    need_index(fixture_archive)
    data = json.loads(client.get("/export.json?q=东主才让").data)
    assert {r["record_id"] for r in data} == {fixture_archive.records["dongzhu"], fixture_archive.records["dongzhu_2019"]}
    lines = client.get("/export.jsonl?ethnicity=藏").data.decode().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["ethnicity"] == "藏族" for line in lines)
    empty = client.get("/export.json?q=没有这个人ZZZ")
    assert empty.status_code == 200 and json.loads(empty.data) == []
    assert client.get("/export.xml").status_code == 404


# -- entities ------------------------------------------------------------------------


def test_entity_page_timeline_oldest_first_with_sources(client, fixture_archive):
    need_entities(fixture_archive)
    fx = fixture_archive
    eid = fx.store.record(fx.records["dongzhu"])["entity_id"]
    r = client.get(f"/entities/{eid}")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert page.index("2019") < page.index("2025")
    assert "全省民族团结进步模范个人" in page and "青海省民族团结进步先进集体和先进个人" in page
    assert f'href="/archive/{fx.documents["old"]}"' in page and f'href="/archive/{fx.documents["seed"]}"' in page
    assert f'href="{SEED_URL}"' in page
    api = client.get(f"/api/entities/{eid}").get_json()
    assert [x["record_id"] for x in api["records"]] == [fx.records["dongzhu_2019"], fx.records["dongzhu"]]
    assert r.headers["Link"].startswith(f"</api/entities/{eid}>")


WEIRD = ["", "%00", "%ff%fe", "'", '"><', "a" * 5000, "\u202e", "%E4%B8", "1e309", "-1", "NaN", "%0d%0aX-Evil:1"]


def test_odd_input_never_gets_a_server_error(client, fixture_archive):
    for value in WEIRD:
        for path in (f"/records/{value}", f"/notices/{value}", f"/archive/{value}", f"/api/records/{value}",
                     f"/?q={value}", f"/?year={value}&page={value}", f"/api/search?size={value}&kind={value}",
                     f"/export.json?region={value}", f"/check?candidates={value}"):
            if path.startswith(("/?", "/api/search", "/export")) and not fixture_archive.indexed:
                continue
            r = client.get(path)
            assert r.status_code < 500, (path, r.status_code)
        for data in ({"candidates": value}, {"candidates": value + "\n" + value}):
            assert client.post("/check", data=data).status_code < 500
        assert client.post("/api/check", data=value, content_type="application/json").status_code == 400
    big = io.BytesIO(b"x" * (6 * 1024 * 1024))
    r = client.post("/check", data={"file": (big, "big.csv")}, content_type="multipart/form-data")
    assert r.status_code == 413
