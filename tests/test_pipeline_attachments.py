"""The pipeline with attached files: docx and xlsx lists, deeds in a docx."""

import io

import docx
import openpyxl
import pytest

from archive.extract import parse_notice
from archive.model import SourceDocument

BASE = "http://www.haidong.gov.cn"
PAGE = """<html><head><meta charset="utf-8"><title>关于推荐2025年全省五一劳动奖章候选对象的公示-海东市总工会</title></head>
<body><h2>关于推荐2025年全省五一劳动奖章候选对象的公示</h2><p>发布日期：2025-03-10</p>
<p>根据省总工会通知要求，经基层推荐、市总工会审核，拟推荐以下集体和个人为2025年全省五一劳动奖章候选对象，
现予公示（详见附件）。公示时间：2025年3月10日至3月14日。</p>
<p>海东市总工会</p><p>2025年3月10日</p>
<p>附件：<a href="/u/1.docx">1.拟推荐个人名单</a></p><p><a href="/u/2.xlsx">2.拟推荐集体名单</a></p></body></html>"""


def person_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("附件1")
    d.add_paragraph("2025年全省五一劳动奖章拟推荐个人名单")
    rows = [
        ["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "工作单位及职务"],
        ["1", "韩  晓", "女", "土族", "1986.10", "中共党员", "互助县威远镇卫生院院长"],
        ["2", "马福林", "男", "撒拉", "1979.04", "群众", "循化县某建筑公司电焊工"],
        ["3", "扎西才让", "男", "藏族", "1990.1", "中共党员", "化隆县某牧业合作社理事长"],
    ]
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.add_paragraph("韩晓同志先进事迹")
    d.add_paragraph(
        "韩晓同志扎根基层卫生院十余年，带领团队开展家庭医生签约服务，累计服务群众3万余人次，"
        "荣获全市优秀医务工作者称号。她的同事王小红说：“她总是第一个到岗。”"
    )
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def collective_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "集体"
    ws.append(["2025年全省五一劳动奖状拟推荐集体名单"])
    ws.merge_cells("A1:D1")
    ws.append(["序号", "单位名称", "单位性质", "备注"])
    ws.append([1, "海东市第一人民医院", "事业单位", None])
    ws.append([2, "青海某某新能源有限公司", "企业", "民营"])
    ws.append(["合计", "2个", None, None])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def parsed():
    main = SourceDocument(PAGE.encode(), url=f"{BASE}/a/1.html")
    atts = [
        SourceDocument(person_docx(), url=f"{BASE}/u/1.docx", filename="1.docx"),
        SourceDocument(collective_xlsx(), url=f"{BASE}/u/2.xlsx", filename="2.xlsx"),
        SourceDocument(b"PK\x03\x04 broken", url=f"{BASE}/u/3.docx", filename="3.docx"),
    ]
    return parse_notice(main, atts)


def test_metadata_from_the_page(parsed):
    m = parsed.meta
    assert m.title == "关于推荐2025年全省五一劳动奖章候选对象的公示"
    assert (m.published, m.issuer, m.region) == ("2025-03-10", "海东市总工会", "青海省海东市")
    assert (m.stage, m.level, m.award) == ("recommended", "province", "全省五一劳动奖章")
    assert parsed.attachments == [(f"{BASE}/u/1.docx", "1.拟推荐个人名单"), (f"{BASE}/u/2.xlsx", "2.拟推荐集体名单")]


def test_records_from_every_attachment_with_provenance(parsed):
    got = [(r.kind, r.name, r.document_url, r.location) for r in parsed.records]
    assert got == [
        ("person", "韩晓", f"{BASE}/u/1.docx", "附件1 table 1 row 2"),
        ("person", "马福林", f"{BASE}/u/1.docx", "附件1 table 1 row 3"),
        ("person", "扎西才让", f"{BASE}/u/1.docx", "附件1 table 1 row 4"),
        ("organization", "海东市第一人民医院", f"{BASE}/u/2.xlsx", "附件2 sheet 集体 row 3"),
        ("organization", "青海某某新能源有限公司", f"{BASE}/u/2.xlsx", "附件2 sheet 集体 row 4"),
    ]
    han = parsed.records[0]
    assert (han.name_raw, han.ethnicity, han.birth, han.political, han.unit) == (
        "韩  晓", "土族", "1986-10", "中共党员", "互助县威远镇卫生院院长")
    assert parsed.records[1].ethnicity == "撒拉族"
    assert parsed.records[4].remarks == "民营"


def test_deeds_in_an_attachment_and_people_named_in_them(parsed):
    han = parsed.records[0]
    assert han.deeds.startswith("韩晓同志扎根基层卫生院十余年")
    assert "王小红" not in {r.name for r in parsed.records}


def test_unreadable_attachment_is_a_warning(parsed):
    assert len(parsed.warnings) == 1
    assert "3.docx" in parsed.warnings[0]
