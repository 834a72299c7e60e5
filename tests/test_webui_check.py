"""Candidate check: pasted lists, CSV and xlsx uploads, the page, the CSV and the JSON API."""
# ruff: noqa: F811  (pytest fixtures are imported from webui_fixtures and named as arguments)

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook
from webui_fixtures import app, client, fixture_archive, need_check  # noqa: F401  (pytest fixtures)

from archive.errors import BadInput
from webui.candidate_input import parse_csv, parse_pasted, parse_upload, parse_xlsx

# -- reading lists as staff have them --------------------------------------------------


def test_pasted_lines_in_the_usual_shapes():
    text = """
    姓名，工作单位，出生年月
    东主才让，海西州融媒体中心，1971.08
    陈海忠\t都兰县香加乡科尔村
    郭海芳、1990年10月、海西州人民检察院
    王小明
    夏露 青海柴达木职业技术学院 1986-05
    """
    assert parse_pasted(text) == [
        {"name": "东主才让", "unit": "海西州融媒体中心", "birth": "1971.08"},
        {"name": "陈海忠", "unit": "都兰县香加乡科尔村"},
        {"name": "郭海芳", "unit": "海西州人民检察院", "birth": "1990年10月"},
        {"name": "王小明"},
        {"name": "夏露", "unit": "青海柴达木职业技术学院", "birth": "1986-05"},
    ]


def test_empty_or_too_long_lists_are_bad_input():
    with pytest.raises(BadInput):
        parse_pasted(" \n\n ")
    with pytest.raises(BadInput, match="1000"):
        parse_pasted("\n".join(f"人{i}" for i in range(1001)))


def test_csv_with_header_in_any_column_order_and_encoding():
    data = "出生年月,姓名,工作单位\n1971.08,东主才让,海西州融媒体中心\n,王小明,\n".encode("gb18030")
    assert parse_csv(data) == [
        {"name": "东主才让", "unit": "海西州融媒体中心", "birth": "1971.08"},
        {"name": "王小明"},
    ]
    bom = "\ufeff东主才让,海西州融媒体中心\n".encode()
    assert parse_upload("list.csv", bom) == [{"name": "东主才让", "unit": "海西州融媒体中心"}]


def test_xlsx_upload_with_title_free_header_and_date_cells():
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "工作单位", "出生年月"])
    sheet.append([1, "东主才让", "海西州融媒体中心", datetime(1971, 8, 1)])
    sheet.append([2, "王小明", None, None])
    buf = io.BytesIO()
    book.save(buf)
    expected = [{"name": "东主才让", "unit": "海西州融媒体中心", "birth": "1971-08"}, {"name": "王小明"}]
    assert parse_xlsx(buf.getvalue()) == expected
    assert parse_upload("名单.xlsx", buf.getvalue()) == expected
    with pytest.raises(BadInput):
        parse_xlsx(b"PK\x03\x04 not really a workbook")


# -- the check over the fixture archive ------------------------------------------------

THREE = "东主才让，海西州融媒体中心，1971.08\n陈海忠，西宁市第一人民医院\n王小明，海西州气象局"


def test_check_page_shows_match_namesake_and_new(client, fixture_archive):
    need_check()
    r = client.post("/check", data={"candidates": THREE})
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    articles = page.split('<article class="candidate ')[1:]
    assert [a.split('"', 1)[0] for a in articles] == ["matched", "namesake", "new"]
    matched, namesake, new = articles
    assert "匹配依据" in matched and "已表彰" in matched and "推荐" in matched
    assert f'href="/records/{fixture_archive.records["dongzhu_2019"]}"' in matched
    assert "仅同名" in namesake and "格尔木市某某学校" in namesake and "都兰县香加乡科尔村" in namesake
    assert "档案中没有此人的记录" in new
    assert "有既往记录 1" in page and "仅同名 1" in page and "无记录 1" in page


def test_check_csv_download(client):
    need_check()
    r = client.post("/check.csv", data={"candidates": THREE})
    assert r.status_code == 200 and "attachment" in r.headers["Content-Disposition"]
    text = r.data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    outcomes = {(row["候选人"], row["核查结果"]) for row in rows}
    assert outcomes == {("东主才让", "有既往记录"), ("陈海忠", "仅同名"), ("王小明", "无记录")}
    assert {row["阶段"] for row in rows if row["候选人"] == "东主才让"} == {"已表彰", "推荐"}


def test_check_upload_xlsx(client):
    need_check()
    book = Workbook()
    book.active.append(["姓名", "工作单位"])
    book.active.append(["东主才让", "海西州融媒体中心"])
    buf = io.BytesIO()
    book.save(buf)
    r = client.post("/check", data={"file": (io.BytesIO(buf.getvalue()), "名单.xlsx")},
                    content_type="multipart/form-data")
    assert r.status_code == 200 and '<article class="candidate matched"' in r.get_data(as_text=True)


def test_check_api_contract_shape(client, fixture_archive):
    need_check()
    body = {"candidates": [{"name": "东主才让", "unit": "海西州融媒体中心"}, {"name": "陈海忠", "unit": "西宁市第一人民医院"},
                           {"name": "王小明"}]}
    r = client.post("/api/check", json=body)
    assert r.status_code == 200
    results = r.get_json()["results"]
    assert [x["candidate"]["name"] for x in results] == ["东主才让", "陈海忠", "王小明"]
    first = results[0]["matches"][0]
    assert first["reason"] and {rec["record_id"] for rec in first["records"]} == {
        fixture_archive.records["dongzhu"], fixture_archive.records["dongzhu_2019"]}
    assert results[1]["matches"] == [] and len(results[1]["same_name_only"]) == 2
    assert results[2]["matches"] == [] and results[2]["same_name_only"] == []


@pytest.mark.parametrize(
    "body",
    [None, [], {"candidates": "东主才让"}, {"candidates": [{"unit": "x"}]}, {"candidates": [{"name": 5.5}]},
     {"candidates": [{"name": "x"}] * 1001}, {"candidates": [{"name": "东主才让", "birth": "去年"}]}],
)
def test_check_api_bad_input_is_400(client, body):
    need_check()
    r = client.post("/api/check", json=body) if body is not None else client.post("/api/check", data="{not json")
    assert r.status_code == 400 and isinstance(r.get_json()["error"], str)


def test_check_form_without_a_list_is_400(client):
    r = client.post("/check", data={"candidates": "  "})
    assert r.status_code == 400 and "请粘贴候选人名单" in r.get_data(as_text=True)
    r = client.post("/check", data={"file": (io.BytesIO(b"x"), "list.pdf")}, content_type="multipart/form-data")
    assert r.status_code == 400
