"""Notice metadata: title, published, issuer, award, period, region."""

import pytest

from archive.extract import parse_notice
from archive.extract.awards import find_award
from archive.extract.dates import find_period
from archive.extract.meta import expand_issuer
from archive.extract.regions import region_from_places
from archive.model import SourceDocument


@pytest.mark.parametrize(
    "text, expected",
    [
        ("公示时间为2025年9月8日—2025年9月12日(共5天)", ("2025-09-08", "2025-09-12")),
        ("公示期为2025年9月8日至9月12日。", ("2025-09-08", "2025-09-12")),
        ("公示期：5个工作日（2025年9月8日至12日）", ("2025-09-08", "2025-09-12")),
        ("公示时间：2025.9.8-2025.9.12", ("2025-09-08", "2025-09-12")),
        ("公示时间:2025-09-08至2025-09-12", ("2025-09-08", "2025-09-12")),
        ("公示期为9月8日至9月12日", ("2025-09-08", "2025-09-12")),
        ("公示时间：2025年9月8日8:00至9月12日18:00", ("2025-09-08", "2025-09-12")),
        ("公示期间为二〇二五年九月八日至九月十二日", ("2025-09-08", "2025-09-12")),
        ("公示时间自2025年12月29日起至2026年1月4日止", ("2025-12-29", "2026-01-04")),
        ("公示时间：2025年12月29日至1月4日", ("2025-12-29", "2026-01-04")),
        ("自即日起至2025年9月12日止公示", ("2025-09-08", "2025-09-12")),
        ("公示期5个工作日", (None, None)),
        ("请于2025年9月20日前报送材料", (None, None)),
    ],
)
def test_find_period(text, expected):
    assert find_period(text, 2025, "2025-09-08") == expected


@pytest.mark.parametrize(
    "title, award",
    [
        ("关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示", "青海省民族团结进步先进集体和先进个人"),
        ("关于表彰2024年度全县优秀共产党员的决定", "全县优秀共产党员"),
        ("关于2025年全国五一劳动奖章拟推荐对象的公示", "全国五一劳动奖章"),
        ("关于授予张三同志“人民满意公务员”称号的决定", "人民满意公务员"),
        ("关于拟推荐2025年度全国优秀教师的公示", "全国优秀教师"),
        ("关于公布2024年度县级文明单位名单的通知", "县级文明单位"),
        ("关于命名第三批民族团结进步示范单位的决定", "第三批民族团结进步示范单位"),
        ("关于对2024年度安全生产工作先进单位和先进个人予以通报表扬的通报",
         "安全生产工作先进单位和先进个人"),
    ],
)
def test_find_award(title, award):
    assert find_award(title, "") == award


def test_issuer_expanded_to_the_full_form_the_body_uses():
    body = "根据通知精神，中共海西州委统一战线工作领导小组办公室在各地区推荐的基础上"
    assert expand_issuer("州委统一战线工作领导小组办公室", body) == "中共海西州委统一战线工作领导小组办公室"
    # a verb before the name is not part of it
    assert expand_issuer("县委组织部", "经县委组织部研究决定") == "县委组织部"


@pytest.mark.parametrize(
    "issuer, context, region",
    [
        ("中共海西州委统一战线工作领导小组办公室", "", "青海省海西蒙古族藏族自治州"),
        ("州委统战部", "海西州德令哈市", "青海省海西蒙古族藏族自治州"),
        ("中共天峻县委组织部", "", "青海省海西蒙古族藏族自治州天峻县"),
        ("格尔木市委政法委", "", "青海省海西蒙古族藏族自治州格尔木市"),
        ("西宁市城东区人民政府", "", "青海省西宁市城东区"),
        ("北京市海淀区教育委员会", "", "北京市海淀区"),
        ("广西壮族自治区人民政府", "", "广西壮族自治区"),
        ("恩施州总工会", "", "湖北省恩施土家族苗族自治州"),
        ("中共吉林省委", "", "吉林省"),
        ("吉林市总工会", "", "吉林省吉林市"),
        ("县委组织部", "天峻县人民医院 天峻县第一完全小学", "青海省海西蒙古族藏族自治州天峻县"),
        ("某某县教育局", "", None),
        # 重庆 hides in 隆重庆祝: running text is read with suffixed names only
        ("某协会", "为隆重庆祝建党节", None),
    ],
)
def test_region(issuer, context, region):
    assert region_from_places(issuer, context) == region


PAGE = """<html><head><meta charset="utf-8">
<title>关于2024年度全市劳动模范拟表彰对象的公示_西宁市人民政府</title>
<meta name="PubDate" content="2024-04-18 09:00"></head><body>
<div><a href="/">首页</a><a href="/tzgg/">通知公告</a></div>
<h1>关于2024年度全市劳动模范拟表彰对象的公示</h1>
<p>发布时间：2024-04-19　来源：西宁市总工会</p>
<p>经各单位推荐、评审委员会评审，拟表彰张某等2名同志为全市劳动模范，现予公示。公示期为2024年4月19日至4月25日。</p>
<table border="1"><tr><td>序号</td><td>姓名</td><td>性别</td><td>工作单位及职务</td></tr>
<tr><td>1</td><td>张某</td><td>男</td><td>西宁特殊钢股份有限公司炼钢工</td></tr>
<tr><td>2</td><td>李某某</td><td>女</td><td>城东区某社区党委书记</td></tr></table>
<p>西宁市总工会</p><p>2024年4月18日</p>
<p><a href="/att/2024/mingdan.xlsx">附件：拟表彰对象名单.xlsx</a> <a href="/about.html">关于我们</a></p>
</body></html>"""


def test_page_metadata_from_html():
    parsed = parse_notice(SourceDocument(PAGE.encode(), url="https://www.xining.gov.cn/tzgg/1.html"))
    m = parsed.meta
    assert m.title == "关于2024年度全市劳动模范拟表彰对象的公示"
    assert m.published == "2024-04-19"  # the page's 发布时间, not the signing date
    assert m.year == 2024
    assert m.issuer == "西宁市总工会"
    assert m.award == "全市劳动模范"
    assert (m.stage, m.level) == ("proposed", "prefecture")
    assert (m.period_start, m.period_end) == ("2024-04-19", "2024-04-25")
    assert m.region == "青海省西宁市"
    assert parsed.attachments == [("https://www.xining.gov.cn/att/2024/mingdan.xlsx", "附件：拟表彰对象名单.xlsx")]
    assert [r.name for r in parsed.records] == ["张某", "李某某"]


def test_published_from_closing_date_in_chinese_numerals():
    text = ("关于表彰2023年度先进集体的决定\n各乡镇：\n经研究，决定对以下单位予以表彰。\n"
            "序号\t单位名称\t单位性质\n1\t城关镇人民政府\t行政单位\n2\t县人民医院\t事业单位\n"
            "中共某某县委\n某某县人民政府\n二〇二四年一月十五日\n")
    parsed = parse_notice(SourceDocument(text.encode(), filename="a.txt"))
    m = parsed.meta
    assert m.published == "2024-01-15"
    assert m.issuer == "中共某某县委 某某县人民政府"
    assert (m.stage, m.level) == ("awarded", "county")
    assert [r.name for r in parsed.records] == ["城关镇人民政府", "县人民医院"]


def test_published_from_the_address_as_a_last_resort():
    from archive.extract.dates import date_in_url

    assert date_in_url("http://www.x.gov.cn/zwgk/tzgg/202509/t20250908_123.html") == "2025-09-08"
    assert date_in_url("http://x.cn/news/2025-09-08/1.html") == "2025-09-08"
    assert date_in_url("http://x.cn/a/1.html") is None


def test_period_with_a_start_only():
    assert find_period("自2025年9月8日起公示5个工作日", 2025, None) == ("2025-09-08", None)
