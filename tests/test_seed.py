"""The seed notice (a real page saved as text, with its real mess) end to end."""

from pathlib import Path

import pytest

from archive.extract import parse_notice
from archive.model import SourceDocument

SEED = Path("/work/shared/seeds/000_c760ebe8a9762f7a.txt")
URL = "https://example.gov.cn/seed.html"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed file not present")


@pytest.fixture(scope="module")
def parsed():
    return parse_notice(SourceDocument(SEED.read_bytes(), url=URL, filename=SEED.name))


def test_notice_metadata(parsed):
    m = parsed.meta
    assert parsed.is_commendation
    assert m.title == "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示"
    assert m.published == "2025-09-08"
    assert m.year == 2025
    assert m.issuer == "中共海西州委统一战线工作领导小组办公室"
    assert m.award == "青海省民族团结进步先进集体和先进个人"
    assert m.level == "province"
    assert m.stage == "recommended"
    assert (m.period_start, m.period_end) == ("2025-09-08", "2025-09-12")
    assert m.region == "青海省海西蒙古族藏族自治州"


ORGS = [
    ("乌兰县柯柯镇人民政府", "行政单位", "政府机构"),
    ("格尔木市委政法委", "行政机关", "党政机关"),
    ("天峻县新源镇城西社区居民委员会", "基层群众性自治组织", "行政基层"),
    ("德令哈市火车站街道办事处黄河路社区", "基层群众性自治组织", "行政基层"),
    ("海西州教育局", "行政单位", "教育"),
    ("国家税务总局海西州税务局", "行政机关", "公共管理"),
]

# name, name_raw, gender, ethnicity, birth, political, education, unit, position, title, industry
PERSONS = [
    ("陈海忠", "陈海忠", "男", "汉族", "1968-06", "中共党员", "大专", "都兰县香加乡科尔村",
     "党支部书记兼村委会主任", None, "农牧区"),
    ("郑发清", "郑发清", "男", "回族", "1987-06", "中共党员", "本科", "中共茫崖市委统一战线工作部",
     "副部长、市民宗局局长市长工商联副主席", "一级主任科员", "机关事业单位"),
    ("花木措", "花木措", "女", "蒙古族", "1988-06", "群众", "本科", "海西州文体旅游广电局",
     "职员", "管理九级", None),
    ("东主才让", "东主才让", "男", "藏族", "1971-08", "无党派人士", "本科", "海西州融媒体中心",
     "编委会副主任", "译审", "新闻宣传"),
    ("郭海芳", "郭海芳", "女", "土族", "1990-10", "中共党员", "大学", "海西州人民检察院",
     "机关党委副书记", None, None),
    ("夏露", "夏 露", "女", "汉族", "1986-05", "中共党员", "本科", "青海柴达木职业技术学院",
     "统战部(宣传部)副部长", "讲师", "教师"),
]  # fmt: skip


def test_exactly_six_organizations_and_six_persons(parsed):
    kinds = [(r.kind, r.name) for r in parsed.records]
    assert [n for k, n in kinds if k == "organization"] == [o[0] for o in ORGS]
    assert [n for k, n in kinds if k == "person"] == [p[0] for p in PERSONS]


@pytest.mark.parametrize("name, org_type, industry", ORGS)
def test_organization_fields(parsed, name, org_type, industry):
    rec = next(r for r in parsed.records if r.name == name)
    assert rec.kind == "organization"
    assert rec.name_raw == name
    assert (rec.org_type, rec.industry) == (org_type, industry)
    for f in ("gender", "ethnicity", "birth", "political", "education", "unit", "position",
              "title", "category", "remarks"):
        assert getattr(rec, f) is None, f
    assert rec.document_url == URL
    assert rec.location.startswith("附件1 table 1 row ")
    assert name in rec.raw


@pytest.mark.parametrize("row", PERSONS, ids=[p[0] for p in PERSONS])
def test_person_fields(parsed, row):
    name = row[0]
    rec = next(r for r in parsed.records if r.name == name)
    got = (rec.name, rec.name_raw, rec.gender, rec.ethnicity, rec.birth, rec.political,
           rec.education, rec.unit, rec.position, rec.title, rec.industry)
    assert got == row
    assert rec.kind == "person"
    assert (rec.org_type, rec.category, rec.remarks, rec.deeds) == (None, None, None, None)
    assert rec.location.startswith("附件2 table 2 row ")
    assert rec.raw.split(" | ")[1] == row[1]


def test_deeds_linked_to_their_collectives(parsed):
    by_name = {r.name: r for r in parsed.records}
    keke = by_name["乌兰县柯柯镇人民政府"].deeds
    chengxi = by_name["天峻县新源镇城西社区居民委员会"].deeds
    assert keke.startswith("柯柯镇坚持以习近平新时代中国特色社会主义思想为指导")
    assert "(三)抓文化润人心" in keke
    assert chengxi.startswith("近年来,天峻县新源镇城西社区以党建引领为核心")
    assert "城西社区以各族群众所思所需所盼" in chengxi
    # the interleaved salt-lake article is nobody's deeds
    for rec in parsed.records:
        assert "卤水" not in (rec.deeds or "")
        assert "盐湖" not in (rec.deeds or "")


def test_people_named_in_other_text_are_not_nominees(parsed):
    names = {r.name for r in parsed.records}
    for outsider in ("张军贤", "张君贤", "柴君平", "张海生"):
        assert outsider not in names
    assert len(parsed.records) == 12
