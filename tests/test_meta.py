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


@pytest.mark.parametrize(
    "title, body, award",
    [
        # news headlines
        ("我市10人荣获“西宁好人”称号", "", "西宁好人"),
        ("2024年度“感动乐都”十大人物揭晓", "", "感动乐都十大人物"),
        ("我县表彰一批“最美家庭”", "", "最美家庭"),
        ("青海省推荐3人为全国道德模范候选人", "", "全国道德模范"),
        # the place of the publishing body before a wider honour
        ("西宁市2025年全国五一劳动奖章正式候选人公示", "", "全国五一劳动奖章"),
        # the nominees before the honour (参评…), a spreadsheet's title row
        ("关于推荐王某某等3名同志参评海东市优秀教师的公示", "", "海东市优秀教师"),
        ("湟中区推荐西宁市“最美家庭”的公示", "", "西宁市最美家庭"),
        ("某某县2024年度“十佳教师”评选结果", "", "某某县十佳教师"),
        ("附件2：某某县优秀教师拟推荐人选名单", "", "某某县优秀教师"),
        ("某某县2024年度优秀教师表彰名单（按姓氏笔画排序）", "", "某某县优秀教师"),
        # no honour in the headline: the lead's 推荐…为, never a biography's 曾获…称号
        ("青海3人入围", "张三，男，汉族，曾获“青海好人”称号。\n省文明委推荐张三等3人为第九届全国道德模范候选人。",
         "第九届全国道德模范"),
        ("青海3人入围", "张三，男，汉族，1968年出生，曾获“青海好人”称号。", None),
    ],
)  # fmt: skip
def test_find_award_in_headlines_and_leads(title, body, award):
    assert find_award(title, body) == award


def _parse_text(text: str, name: str = "notice.txt", url: str | None = None):
    return parse_notice(SourceDocument(text.encode(), filename=name, url=url))


NEWS = "我县表彰一批优秀共产党员\n{chrome}\n近日，县委决定，授予王海军、李秀英、张建国等3名同志“全县优秀共产党员”称号。" \
       "王海军同志扎根基层二十年，带领群众发展特色产业，带动村民增收。\n{foot}\n"


@pytest.mark.parametrize(
    "chrome, foot, published",
    [
        ("", "《大通日报》2025年1月13日 第2版", "2025-01-13"),
        ("", "来源：西宁晚报 2025-01-13", "2025-01-13"),
        ("2025年1月13日 09:30", "", "2025-01-13"),
        ("发布日期：2025/01/13  浏览次数：120", "", "2025-01-13"),
        ("[2025-01-13]", "", "2025-01-13"),
        ("时间：2025-01-13 来源：大通县融媒体中心", "", "2025-01-13"),
        ("", "", None),
    ],
)  # fmt: skip
def test_published_from_page_chrome_and_newspaper_lines(chrome, foot, published):
    meta = _parse_text(NEWS.format(chrome=chrome, foot=foot)).meta
    assert meta.published == published
    assert (meta.title, meta.stage, meta.level) == ("我县表彰一批优秀共产党员", "awarded", "county")


DECISION = "关于表彰2024年度优秀共产党员的决定\n{under}\n各乡镇党委，县直各单位：\n" \
           "为表彰先进、树立典型，县委决定，授予王海军等3名同志“全县优秀共产党员”称号。\n" \
           "希望受表彰的同志珍惜荣誉，再接再厉。\n{foot}\n"


@pytest.mark.parametrize(
    "under, foot, published",
    [
        ("（2025年1月10日）", "", "2025-01-10"),
        ("（2025年1月10日中共某某县委常委会第12次会议审议通过）", "", "2025-01-10"),
        ("", "中共某某县委办公室                    2025年1月12日印发", "2025-01-12"),
        ("", "中共某某县委\n2 0 2 5 年 1 月 1 0 日", "2025-01-10"),
        ("", "中共某某县委\n二0二五年一月十日", "2025-01-10"),
        ("", "中共某某县委 2025年1月10日", "2025-01-10"),
    ],
)  # fmt: skip
def test_published_of_formal_decisions(under, foot, published):
    meta = _parse_text(DECISION.format(under=under, foot=foot)).meta
    assert meta.published == published
    assert meta.stage == "awarded"


def test_traditional_news_report_of_a_national_recommendation():
    page = """<html><head><meta charset="utf-8"><title>青海省推薦3人為全國道德模範候選人_青海新聞網</title></head><body>
<h1>青海省推薦3人為全國道德模範候選人</h1><p>2025-08-12 10:20 來源：青海日報</p>
<p>本報訊 近日，經層層推薦、嚴格評審，省文明委決定推薦張某某、李某某、王某某3人為第九屆全國道德模範候選人。</p>
<p>張某某，男，漢族，1968年6月出生，西寧市城東區某社區黨委書記，曾獲“青海好人”稱號。</p>
</body></html>"""
    meta = parse_notice(SourceDocument(page.encode(), url="http://www.qh.example.cn/a/1.html")).meta
    assert (meta.stage, meta.level, meta.published) == ("recommended", "national", "2025-08-12")
    assert meta.award == "全國道德模範"


def test_stage_and_level_of_recommendations_by_sub_bodies_and_counties():
    body = ("{title}\n\n根据通知要求，{who}在各单位推荐的基础上，经研究，拟推荐以下2名同志{what}，现予以公示。\n"
            "公示时间：2025年3月10日至3月14日。\n\n序号\t姓名\t性别\t工作单位及职务\n1\t韩晓梅\t女\t某单位处长\n"
            "2\t马福林\t男\t某单位科员\n\n{issuer}\n2025年3月10日\n")
    meta = _parse_text(body.format(title="关于2025年青海省五一劳动奖章推荐对象的公示", who="省直机关工会",
                                   what="为青海省五一劳动奖章推荐对象", issuer="青海省直机关工会工作委员会")).meta
    assert (meta.stage, meta.level) == ("recommended", "province")
    meta = _parse_text(body.format(title="互助县推荐海东市“最美家庭”的公示", who="县妇联",
                                   what="参评海东市“最美家庭”", issuer="互助县妇女联合会")).meta
    assert (meta.stage, meta.level) == ("recommended", "prefecture")
    # an honour without a level word: the issuer's own (proposed) or one level up (recommended)
    meta = _parse_text(body.format(title="关于2025年“新时代好少年”拟推选对象的公示", who="市文明办",
                                   what="为新时代好少年", issuer="西宁市精神文明建设指导委员会办公室")).meta
    assert (meta.stage, meta.level) == ("proposed", "prefecture")


def test_title_row_of_a_spreadsheet_notice(tmp_path):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    ws.write_merge(0, 0, 0, 3, "某某县2024年度“十佳教师”评选结果")
    for j, h in enumerate(["单位", "姓名", "性别", "职务"]):
        ws.write(1, j, h)
    for i, row in enumerate([["某某县第一中学", "张海军", "男", "教师"], ["某某县实验小学", "李梅", "女", "校长"]]):
        for j, v in enumerate(row):
            ws.write(i + 2, j, v)
    path = tmp_path / "附件1.xls"
    wb.save(str(path))
    parsed = parse_notice(SourceDocument(path.read_bytes(), filename=path.name))
    m = parsed.meta
    assert (m.title, m.award, m.stage, m.level) == ("某某县2024年度“十佳教师”评选结果", "某某县十佳教师", "proposed", "county")
    assert [(r.name, r.unit) for r in parsed.records] == [("张海军", "某某县第一中学"), ("李梅", "某某县实验小学")]


def test_a_sentence_of_the_body_is_not_the_title():
    text = ("西宁市2025年全国五一劳动奖章正式候选人公示\n\n按照全国总工会关于评选表彰工作的安排，经基层推荐、市总工会审核，"
            "现将我市全国五一劳动奖章正式候选人予以公示，公示期为2025年3月5日至3月11日。\n\n序号\t姓名\t性别\t工作单位及职务\n"
            "1\t李建华\t男\t某公司炼钢工\n\n西宁市总工会\n2025年3月5日\n")
    m = _parse_text(text).meta
    assert (m.title, m.award, m.stage, m.level) == (
        "西宁市2025年全国五一劳动奖章正式候选人公示", "全国五一劳动奖章", "recommended", "national")


NOTICE = "{title}\n\n{body}\n\n序号\t姓名\t性别\t工作单位及职务\n1\t韩晓梅\t女\t某单位处长\n2\t马福林\t男\t某单位科员\n\n" \
         "{issuer}\n2025年3月10日\n"


@pytest.mark.parametrize(
    "title, body, issuer, stage, level",
    [
        ("关于推荐2025年度全国五一劳动奖章和全国工人先锋号候选对象的公示", "经研究，拟推荐以下同志，现予公示。",
         "青海省总工会", "recommended", "national"),
        ("海东市总工会关于全省五一劳动奖章推荐对象的公示", "经研究，拟推荐以下同志为全省五一劳动奖章推荐对象。",
         "海东市总工会", "recommended", "province"),
        ("省直机关工委关于全省优秀共产党员推荐人选的公示", "经研究，拟推荐以下同志，现予公示。",
         "中共青海省直属机关工作委员会", "recommended", "province"),
        ("关于2024年度青海省优秀教师候选人的公示", "经研究，现将候选人予以公示。", "青海省教育厅", "proposed", "province"),
        ("全国三八红旗手候选人公示", "现将我省全国三八红旗手候选人予以公示。", "青海省妇女联合会", "recommended", "national"),
        ("西宁市2025年“最美家庭”候选家庭公示", "现将候选家庭予以公示。", "西宁市妇女联合会", "proposed", "prefecture"),
        ("关于拟推荐张三等2名同志参加全国优秀教师评选的公示", "经研究，现予公示。", "海东市教育局",
         "recommended", "national"),
        ("关于2025年度互助县“最美教师”拟推荐人选的公示", "经研究，拟推荐以下同志参评海东市最美教师，现予公示。",
         "互助县教育局", "recommended", "prefecture"),
        ("關於推薦2025年全國五一勞動獎章人選的公示", "經研究，擬推薦以下同志，現予公示。", "廣州市總工會",
         "recommended", "national"),
        # news reports
        ("喜报！我市3人获评全国优秀教师", "近日，教育部公布2024年全国优秀教师名单，我市3名教师榜上有名。", "",
         "awarded", "national"),
        ("我区2人入选“中国好人榜”", "近日，中央文明办发布2024年第三季度“中国好人榜”，我区2人入选。", "",
         "awarded", "national"),
        ("青海3人入选全国道德模范候选人", "近日，第九届全国道德模范候选人名单公布，我省3人入选。", "",
         "recommended", "national"),
    ],
)  # fmt: skip
def test_stage_and_level_variants(title, body, issuer, stage, level):
    meta = _parse_text(NOTICE.format(title=title, body=body, issuer=issuer)).meta
    assert (meta.stage, meta.level) == (stage, level)


def test_a_red_header_banner_is_not_a_headline():
    text = "某某县人民政府文件\n某政发〔2025〕3号\n各乡镇人民政府，县政府各部门：\n" \
           "为表彰先进，县政府决定，授予王海军等3名同志“全县劳动模范”称号，希望受表彰的同志珍惜荣誉。\n"
    assert _parse_text(text).meta.title != "某某县人民政府文件"


def test_unsigned_recommendation_named_after_the_honours_place():
    text = ("青海省五一劳动奖章推荐对象公示\n\n经各单位推荐，拟推荐以下同志为青海省五一劳动奖章推荐对象，现予公示，"
            "公示期为2025年3月10日至3月14日。\n\n序号\t姓名\t性别\t工作单位及职务\n1\t韩晓梅\t女\t某单位处长\n")
    meta = _parse_text(text).meta
    assert (meta.issuer, meta.stage, meta.level) == (None, "recommended", "province")


def test_issuer_printed_above_the_title_of_an_unsigned_decision():
    meta = _parse_text("中共某某县委 某某县人民政府\n" + DECISION.format(under="（2025年1月10日）", foot="")).meta
    assert meta.issuer == "中共某某县委 某某县人民政府"
    assert meta.published == "2025-01-10"


# --- the honour's name: no verbs, years, issuers or list words around it ------------------


@pytest.mark.parametrize(
    "title, body, award",
    [
        ("关于拟推荐二〇二五年度全国三八红旗手的公示", "", "全国三八红旗手"),
        ("关于2024—2025学年度优秀教师拟表彰对象的公示", "", "优秀教师"),
        ("关于第三届“全国文明家庭”拟推荐名单的公示", "", "第三届全国文明家庭"),
        ("关于拟推荐2025年“全国优秀共青团员”“全国优秀共青团干部”的公示", "",
         "全国优秀共青团员、全国优秀共青团干部"),
        ("关于2025年度“全国五四红旗团委”等推荐对象的公示", "", "全国五四红旗团委"),
        # the issuer's place and verb before a wider honour
        ("麻江县2025年全省五一劳动奖章拟推荐候选人公示", "", "全省五一劳动奖章"),
        ("宁夏回族自治区2024年度全区优秀教师拟表彰名单公示", "", "全区优秀教师"),
        ("关于拟推荐韩晓梅为省劳动模范候选人的公示", "", "省劳动模范"),
        ("我县2名同志被推荐为全国三八红旗手候选人", "", "全国三八红旗手"),
        # news headlines: …人获…, a list's place after the honour
        ("肃州区2人获评全国三八红旗手", "", "全国三八红旗手"),
        ("祝贺！甘肃这些人获全国五一劳动奖章", "", "全国五一劳动奖章"),
        ("2025年全国五一劳动奖章和全国工人先锋号甘肃获奖名单", "", "全国五一劳动奖章和全国工人先锋号"),
        # a title that names the honour without its level: the body's level word
        ("关于2025年度优秀共青团员推荐人选的公示",
         "根据团中央《关于评选表彰2025年度全国优秀共青团员的通知》，经团省委研究，拟推荐以下同志为全国优秀共青团员推荐人选。",
         "全国优秀共青团员"),
        # …unless the body names it at two levels
        ("关于2025年度优秀共青团员拟表彰对象的公示",
         "根据团中央《关于评选表彰全国优秀共青团员的通知》精神，团市委拟表彰全市优秀共青团员。", "优秀共青团员"),
        # an attachment's file name; never a sentence's 公示期为…
        ("麻江县2025年拟推荐候选人公示",
         "经研究，现将拟推荐人选予以公示，公示期为2025年3月10日至3月14日。\n附件：麻江县2025年贵州省五一劳动奖章拟推荐候选人名单.docx",
         "贵州省五一劳动奖章"),
        ("关于五四表彰推荐人选的公示", "", None),
    ],
)  # fmt: skip
def test_find_award_cleans_the_name(title, body, award):
    assert find_award(title, body) == award


# --- level and stage of whole notices -----------------------------------------------------


@pytest.mark.parametrize(
    "title, body, issuer, stage, level",
    [
        # the Youth League puts forward for the national honours
        ("关于2025年度优秀共青团员推荐人选的公示",
         "根据团中央《关于评选表彰2025年度全国优秀共青团员的通知》，经团市委研究，拟推荐以下同志，现予公示。",
         "共青团西宁市委员会", "recommended", "national"),
        ("团市委关于2025年度“全国优秀共青团员”“全国优秀共青团干部”拟推荐对象的公示", "经研究，现予公示。",
         "共青团西宁市委", "recommended", "national"),
        # a county puts forward for a provincial honour
        ("麻江县2025年全省五一劳动奖章拟推荐候选人公示", "根据州总工会通知要求，经研究，现予公示。", "麻江县总工会",
         "recommended", "province"),
        ("关于拟推荐民族团结进步模范集体和模范个人候选对象的公示",
         "根据省民宗委《关于开展第七次贵州省民族团结进步表彰活动的通知》要求，经县委研究，拟推荐以下对象。",
         "麻江县民族宗教事务局", "recommended", "province"),
        ("麻江县拟推荐2025年“最美科技工作者”候选人公示",
         "根据州科协通知要求，经研究，拟推荐以下同志参加全省“最美科技工作者”评选。", "麻江县科学技术协会",
         "recommended", "province"),
        # 全区: an autonomous region's, a district's
        ("关于全区民族团结进步模范集体和模范个人拟表彰对象的公示", "经研究，现将拟表彰对象予以公示。",
         "内蒙古自治区民族事务委员会", "proposed", "province"),
        ("关于全区优秀共产党员拟表彰对象的公示", "经区委研究，现将拟表彰对象予以公示。", "中共西宁市城东区委组织部",
         "proposed", "county"),
        ("关于拟推荐全区民族团结进步模范个人候选人的公示", "经研究，现将拟推荐候选人予以公示。",
         "中共准格尔旗委统战部", "recommended", "province"),
        # news: a conferring national body, a headline that names nothing
        ("我市两人获三八红旗手称号", "3月6日，全国妇联授予我市韩晓梅、马福林“三八红旗手”称号。", "",
         "awarded", "national"),
        ("点赞！我县这两人上榜", "近日，全国妇联发布2025年全国三八红旗手名单，我县韩晓梅、马福林2人上榜。", "",
         "awarded", "national"),
        ("我省10名个人和5个集体获全国五一劳动奖章和全国工人先锋号", "4月28日，全国总工会发布决定，我省10名个人获奖。",
         "", "awarded", "national"),
    ],
)  # fmt: skip
def test_level_is_the_honours(title, body, issuer, stage, level):
    meta = _parse_text(NOTICE.format(title=title, body=body, issuer=issuer)).meta
    assert (meta.stage, meta.level) == (stage, level)


SITE_NEWS = """<html><head><meta charset="utf-8"><title>{tag}</title></head><body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a>新闻中心</a></div>
{side}<div class="article"><h3>肃州区2人获评全国三八红旗手</h3>
<p>发布日期：2025-03-08　来源：酒泉日报</p>
<p>近日，全国妇联发布表彰决定，我区韩晓梅、马福林2名同志被授予“全国三八红旗手”称号，是我区妇女工作取得的又一成果。</p>
<p>酒泉市肃州区某某街道某某社区党委书记 韩晓梅</p></div>{side2}
</body></html>"""
SIDEBAR = ("<div class='side'><ul><li><a href='/a.html'>关于表彰全区优秀共产党员的决定</a></li>"
           "<li><a href='/c.html'>关于召开全区妇女工作会议的通知</a></li></ul></div>")


@pytest.mark.parametrize("tag", ["肃州区人民政府", ""])
@pytest.mark.parametrize("before", [True, False])
def test_news_headline_over_its_byline_beats_the_sidebars_notice_titles(tag, before):
    page = SITE_NEWS.format(tag=tag, side=SIDEBAR if before else "", side2="" if before else SIDEBAR)
    meta = parse_notice(SourceDocument(page.encode(), url="http://www.example.gov.cn/xw/1.html")).meta
    assert meta.title == "肃州区2人获评全国三八红旗手"
    assert (meta.award, meta.stage, meta.level, meta.published) == ("全国三八红旗手", "awarded", "national", "2025-03-08")


# --- published: a WeChat article's time, 发布日期 before 成文日期 ----------------------------

WECHAT = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="关于2024年全省五一劳动奖章拟推荐对象的公示" />
<meta property="og:site_name" content="微信公众平台" />{meta}
<title>关于2024年全省五一劳动奖章拟推荐对象的公示</title>
<script>var svr_time = "1760000000";</script></head>
<body id="activity-detail"><div id="img-content" class="rich_media_wrp">
<h1 class="rich_media_title" id="activity-name">关于2024年全省五一劳动奖章拟推荐对象的公示</h1>
<div id="meta_content"><span class="rich_media_meta_text">原创</span> <span class="rich_media_meta_text">麻江县总工会</span>
<a id="js_name">麻江工会</a> <em id="publish_time" class="rich_media_meta_text">{em}</em></div>
<div class="rich_media_content" id="js_content">
<p>经基层推荐、县总工会研究，拟推荐以下2名同志为2024年全省五一劳动奖章推荐对象，现予以公示。</p>
<p>公示时间：2024年9月9日至9月13日。</p>
<table><tr><td>序号</td><td>姓名</td><td>性别</td><td>工作单位及职务</td></tr>
<tr><td>1</td><td>韩晓梅</td><td>女</td><td>麻江县某某公司技术员</td></tr></table>
{sig}</div></div>
<script type="text/javascript">{script}</script></body></html>"""


@pytest.mark.parametrize(
    "em, sig, script, meta_tag, published",
    [
        ("", "", 'var ct = "1725753000";\nvar publish_time = "2024-09-08" || "";', "", "2024-09-08"),
        # unix time is read in China's time zone (1725753000 is 7 September in UTC)
        ("", "", 'var ct = "1725753000";', "", "2024-09-08"),
        ("", "", "var createTime = '2024-09-08 10:30';", "", "2024-09-08"),
        ("2024年9月8日 10:30", "", "", "", "2024-09-08"),
        # the page's time beats the date the notice was signed
        ("2024-09-08 10:30", "<p>麻江县总工会</p><p>2024年9月6日</p>", "", "", "2024-09-08"),
        ("", "<p>麻江县总工会</p><p>2024年9月6日</p>", 'var ct = "1725753000";', "", "2024-09-08"),
        ("", "", "", '<meta property="og:release_date" content="2024-09-08T10:30:00+08:00" />', "2024-09-08"),
        # nothing but the server's clock: not a publication date
        ("", "", "", "", None),
        ("", "<p>麻江县总工会</p><p>2024年9月6日</p>", "", "", "2024-09-06"),
    ],
)  # fmt: skip
def test_published_of_a_wechat_article(em, sig, script, meta_tag, published):
    page = WECHAT.format(em=em, sig=sig, script=script, meta=meta_tag)
    meta = parse_notice(SourceDocument(page.encode(), url="https://mp.weixin.qq.com/s/AbCdEf")).meta
    assert meta.published == published
    assert (meta.stage, meta.level) == ("recommended", "province")


DISCLOSURE = """<html><head><meta charset="utf-8"><title>关于表彰全县优秀共产党员的决定_麻江县人民政府</title></head><body>
{info}<h1>关于表彰全县优秀共产党员的决定</h1>
<p>各乡镇党委，县直各单位：</p>
<p>为表彰先进，县委决定，授予韩晓梅等2名同志“全县优秀共产党员”称号。希望受表彰的同志珍惜荣誉，再接再厉。</p>
<p>中共麻江县委</p><p>2025年6月28日</p></body></html>"""


@pytest.mark.parametrize(
    "info, published",
    [
        ("<p>成文日期：2025-06-28　发布日期：2025-07-01　来源：麻江县委组织部</p>", "2025-07-01"),
        ("<div>成文日期：2025年06月26日</div><div>发布日期：2025年07月01日</div>", "2025-07-01"),
        ("<ul><li><b>发布日期：</b>2025-07-01</li><li><b>成文日期：</b>2025-06-26</li></ul>", "2025-07-01"),
        ("<table><tr><th>索 引 号</th><td>11522635/2025-00012</td><th>信息分类</th><td>通知公告</td></tr>"
         "<tr><th>发文机关</th><td>中共麻江县委</td><th>成文日期</th><td>2025-06-26</td></tr>"
         "<tr><th>发文字号</th><td>麻党发〔2025〕12号</td><th>发布日期</th><td>2025-07-01</td></tr></table>", "2025-07-01"),
        # 成文日期 alone is the fallback: still before the signature's date
        ("<p>成文日期：2025-06-26</p>", "2025-06-26"),
        # 公示日期, 截止时间 are no labels of the page
        ("<p>公示日期：2025-07-05</p>", "2025-06-28"),
    ],
)  # fmt: skip
def test_published_prefers_the_pages_date_to_the_documents(info, published):
    page = DISCLOSURE.format(info=info)
    meta = parse_notice(SourceDocument(page.encode(), url="http://www.example.gov.cn/zwgk/1.html")).meta
    assert meta.published == published


def test_date_in_page_script_ignores_other_numbers():
    from archive.extract.dates import date_in_page_script

    assert date_in_page_script(b'<script>var svr_time = "1725753000"; var t = "1725753000";</script>') is None
    assert date_in_page_script(b'<script>var ct = "123";</script>') is None
    assert date_in_page_script(b'{"publish_time":"2025-09-08 10:30"}') == "2025-09-08"
    assert date_in_page_script(None) is None


# --- several signing bodies, each in full ----------------------------------------------------

DECIDED = "关于表彰全县民族团结进步模范集体和模范个人的决定\n\n各乡镇，县直各单位：\n为表彰先进，县委、县政府决定，对以下" \
          "集体和个人予以表彰。\n\n序号\t姓名\t性别\t工作单位及职务\n1\t韩晓梅\t女\t某单位处长\n\n{sig}\n2025年1月10日\n"


@pytest.mark.parametrize(
    "sig, issuer",
    [
        ("中共麻江县委 麻江县人民政府", "中共麻江县委 麻江县人民政府"),
        ("共青团麻江县委 麻江县教育和科技局 麻江县妇女联合会", "共青团麻江县委 麻江县教育和科技局 麻江县妇女联合会"),
        ("中共麻江县委统一战线\n工作部", "中共麻江县委统一战线工作部"),
        ("麻江县精神文明建设\n指导委员会办公室", "麻江县精神文明建设指导委员会办公室"),
        # a list's last collective above a bare signature is not part of it
        ("麻江县第一中学\n县委组织部", "县委组织部"),
    ],
)  # fmt: skip
def test_signing_bodies_are_full_names(sig, issuer):
    assert _parse_text(DECIDED.format(sig=sig)).meta.issuer == issuer
