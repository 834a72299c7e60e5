"""The pipeline on whole HTML pages: commendations give records, decoys none."""

import pytest

from archive.extract import parse_notice
from archive.model import SourceDocument


def page(title: str, body: str, source: str = "某某县委组织部") -> bytes:
    """A notice page the way county sites lay them out: navigation, heading,
    发布时间 line, the article, footer."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title}_某某县人民政府</title><meta name="PubDate" content="2025-03-02 10:00"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/tzgg/">通知公告</a></div>
<div class="pos">当前位置：首页 &gt; 通知公告</div>
<h2>{title}</h2><div class="info">发布时间：2025-03-02　来源：{source}　浏览次数：</div>
<div class="content">{body}</div>
<div class="foot">主办单位：某某县人民政府办公室 版权所有 网站标识码：1234567890</div>
</body></html>""".encode()


def parse(data: bytes, url: str = "http://www.example.gov.cn/tzgg/1.html"):
    return parse_notice(SourceDocument(data, url=url))


SECTIONED = page(
    "关于2024年度全县优秀共产党员、优秀党务工作者和先进基层党组织拟表彰对象的公示",
    """<p>　　经各基层党组织推荐、县委组织部审核，拟表彰李明等3名同志为全县优秀共产党员……现予以公示。</p>
<p>　　公示时间：2025年3月2日至3月6日（5个工作日）。联系电话：0977-1234567</p>
<p style="text-align:center">一、全县优秀共产党员（2名）</p>
<table border="1"><tr><th>序号</th><th>姓  名</th><th>性别</th><th>民族</th><th>出生年月</th><th>工作单位及职务</th></tr>
<tr><td>1</td><td>李  明</td><td>男</td><td>藏族</td><td>1975.10</td><td>天峻县织合玛乡政府干部</td></tr>
<tr><td>2</td><td>阿依古丽•买买提</td><td>女</td><td>维吾尔族</td><td>1988-07</td><td>天峻县新源镇党委组织委员</td></tr></table>
<p>二、全县先进基层党组织（2个）</p>
<table border="1"><tr><td>序号</td><td>党组织名称</td></tr>
<tr><td>1</td><td>天峻县人民医院党支部</td></tr><tr><td>2</td><td>天峻县新源镇城西社区党支部</td></tr></table>
<p style="text-align:right">中共天峻县委组织部</p><p style="text-align:right">2025年3月1日</p>""",
)


def test_sectioned_commendation_page():
    parsed = parse(SECTIONED)
    assert parsed.is_commendation
    got = [(r.kind, r.name, r.category) for r in parsed.records]
    assert got == [
        ("person", "李明", "全县优秀共产党员"),
        ("person", "阿依古丽·买买提", "全县优秀共产党员"),
        ("organization", "天峻县人民医院党支部", "全县先进基层党组织"),
        ("organization", "天峻县新源镇城西社区党支部", "全县先进基层党组织"),
    ]
    li = parsed.records[0]
    assert (li.name_raw, li.gender, li.ethnicity, li.birth, li.unit, li.position) == (
        "李 明", "男", "藏族", "1975-10", "天峻县织合玛乡政府干部", None)
    assert li.document_url == "http://www.example.gov.cn/tzgg/1.html"
    assert li.location == "table 1 row 2"
    m = parsed.meta
    assert (m.published, m.stage, m.level) == ("2025-03-02", "proposed", "county")
    assert (m.period_start, m.period_end) == ("2025-03-02", "2025-03-06")
    assert m.issuer == "中共天峻县委组织部"
    assert m.region == "青海省海西蒙古族藏族自治州天峻县"


DECOYS = {
    "appointment": page(
        "某某县2025年拟提拔任用县管干部任前公示",
        """<p>根据《党政领导干部选拔任用工作条例》，经县委常委会研究，现将拟提拔任用干部予以公示。</p>
<table border=1><tr><td>姓名</td><td>性别</td><td>民族</td><td>出生年月</td><td>学历</td><td>现任职务</td><td>拟任职务</td></tr>
<tr><td>张明</td><td>男</td><td>汉族</td><td>1983.05</td><td>大学</td><td>县发改局副局长</td><td>县发改局局长</td></tr>
<tr><td>李华</td><td>女</td><td>回族</td><td>1986.02</td><td>研究生</td><td>县财政局科员</td><td>县财政局副局长</td></tr></table>
<p>公示时间：2025年3月2日至3月8日。</p><p>中共某某县委组织部</p><p>2025年3月2日</p>""",
    ),
    "appointment_bare_title": page(
        "任前公示",
        """<p>经县委研究，拟任命以下同志担任领导职务，现予任前公示：</p>
<table border=1><tr><td>姓名</td><td>性别</td><td>出生年月</td><td>现任职务</td><td>拟任职务</td></tr>
<tr><td>王刚</td><td>男</td><td>1980.01</td><td>副局长</td><td>局长</td></tr></table>""",
    ),
    "hiring": page(
        "关于2025年某某县公开招聘教师拟聘用人员名单的公示",
        """<p>根据招聘公告，经笔试、面试、考察、体检，拟聘用以下人员：</p>
<table border=1><tr><td>序号</td><td>姓名</td><td>性别</td><td>出生年月</td><td>学历</td><td>报考岗位</td><td>总成绩</td></tr>
<tr><td>1</td><td>王丽</td><td>女</td><td>1998.07</td><td>本科</td><td>小学语文</td><td>82.5</td></tr></table>
<p>某某县人力资源和社会保障局</p><p>2025年3月2日</p>""",
        source="某某县人社局",
    ),
    "procurement": page(
        "某某县第一中学多媒体设备采购项目中标结果公告",
        """<p>一、项目编号：ABC-2025-01</p><p>二、中标信息</p>
<table border=1><tr><td>序号</td><td>供应商名称</td><td>中标金额（元）</td><td>联系人</td></tr>
<tr><td>1</td><td>某某科技有限公司</td><td>980000</td><td>赵六</td></tr></table>""",
    ),
    "ordinary_notice": page(
        "关于开展2025年度“最美家庭”评选活动的通知",
        """<p>各乡镇、县直各单位：为弘扬家庭美德，决定开展最美家庭评选活动，请于3月20日前报送推荐表。</p>
<table border=1><tr><td>姓名</td><td></td><td>性别</td><td></td></tr>
<tr><td>工作单位</td><td></td><td>职务</td><td></td></tr></table><p>某某县妇联</p><p>2025年3月2日</p>""",
    ),
    "grant": page(
        "2025年国家助学金拟资助学生名单公示",
        """<table border=1><tr><td>序号</td><td>姓名</td><td>性别</td><td>民族</td><td>班级</td><td>资助等级</td></tr>
<tr><td>1</td><td>马强</td><td>男</td><td>回族</td><td>高一(3)班</td><td>一等</td></tr></table>""",
    ),
    "party_recruitment": page(
        "关于2025年第一批拟发展党员的公示",
        """<table border=1><tr><td>姓名</td><td>性别</td><td>出生年月</td><td>学历</td><td>工作单位</td></tr>
<tr><td>刘一</td><td>男</td><td>1995.03</td><td>本科</td><td>某某县第一中学</td></tr></table>""",
    ),
    "meeting": page(
        "关于召开全县表彰大会筹备工作会议的通知",
        """<p>定于3月5日召开会议，参会人员如下：</p>
<table border=1><tr><td>姓名</td><td>单位</td><td>职务</td></tr><tr><td>陈五</td><td>县委办</td><td>主任</td></tr></table>""",
    ),
}


@pytest.mark.parametrize("name", sorted(DECOYS))
def test_decoys_give_no_records(name):
    parsed = parse(DECOYS[name])
    assert not parsed.is_commendation
    assert parsed.records == []
    assert parsed.meta.title  # metadata is still read


def test_traditional_character_notice():
    html = """<html><head><meta charset="big5"><title>關於2024年度優秀教師擬表彰對象的公示</title></head><body>
<h1>關於2024年度優秀教師擬表彰對象的公示</h1><p>發布日期：2024-08-30</p>
<p>經學校推薦、評審委員會審議，擬表彰以下教師為2024年度優秀教師，現予公示。公示期為2024年8月30日至9月5日。</p>
<table border=1><tr><td>序號</td><td>姓名</td><td>性別</td><td>民族</td><td>出生年月</td><td>工作單位</td><td>職稱</td></tr>
<tr><td>1</td><td>陳美玲</td><td>女</td><td>漢族</td><td>1979.11</td><td>某縣第一中學</td><td>高級教師</td></tr>
<tr><td>2</td><td>林志明</td><td>男</td><td>漢</td><td>1985.04</td><td>某縣實驗小學</td><td>一級教師</td></tr></table>
<p>某某縣教育局</p><p>2024年8月30日</p></body></html>"""
    parsed = parse(html.encode("big5"))
    assert parsed.is_commendation
    assert [(r.name, r.gender, r.ethnicity, r.birth, r.unit, r.title) for r in parsed.records] == [
        ("陳美玲", "女", "汉族", "1979-11", "某縣第一中學", "高級教師"),
        ("林志明", "男", "汉族", "1985-04", "某縣實驗小學", "一級教師"),
    ]
    m = parsed.meta
    assert (m.published, m.stage, m.award, m.issuer) == ("2024-08-30", "proposed", "優秀教師", "某某縣教育局")
    assert (m.period_start, m.period_end) == ("2024-08-30", "2024-09-05")


def test_news_report_reprinting_a_notice_counts():
    html = page(
        "我县3名同志拟被推荐为全省优秀共产党员",
        """<p>近日，经县委研究，拟推荐以下3名同志为全省优秀共产党员，公示期为2025年3月2日至3月8日。</p>
<table border=1><tr><td>姓名</td><td>性别</td><td>工作单位及职务</td></tr>
<tr><td>周明</td><td>男</td><td>城关镇党委书记</td></tr><tr><td>吴芳</td><td>女</td><td>县医院护士长</td></tr>
<tr><td>郑强</td><td>男</td><td>某村党支部书记</td></tr></table>""",
        source="县融媒体中心",
    )
    parsed = parse(html)
    assert parsed.is_commendation
    assert [r.name for r in parsed.records] == ["周明", "吴芳", "郑强"]
    assert (parsed.meta.stage, parsed.meta.level) == ("recommended", "province")


def test_attachment_links_found_for_the_crawler():
    html = page(
        "关于2025年度全县劳动模范拟表彰对象的公示",
        """<p>拟表彰对象名单详见附件。</p>
<p><a href="/files/a.docx">附件1：拟表彰个人名单.docx</a></p>
<p><a href="/files/b.XLS?id=3">拟表彰集体名单</a></p><p><a href="/files/c.pdf#page=1">c.pdf</a></p>
<p><a href="/tzgg/2.html">上一篇：关于…的通知</a></p><p><a href="download.jsp?id=9">附件2 事迹材料</a></p>
<p><a href="/down?fid=77">拟表彰对象名单.xlsx</a></p>""",
    )
    parsed = parse(html)
    hrefs = [h for h, _ in parsed.attachments]
    assert hrefs == [
        "http://www.example.gov.cn/files/a.docx",
        "http://www.example.gov.cn/files/b.XLS?id=3",
        "http://www.example.gov.cn/files/c.pdf#page=1",
        "http://www.example.gov.cn/tzgg/download.jsp?id=9",
        "http://www.example.gov.cn/down?fid=77",
    ]


def test_decision_with_category_column_and_collectives_in_the_unit_column():
    html = """<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="中共某某市委 某某市人民政府关于表彰2024年度全市脱贫攻坚先进集体和先进个人的决定">
<meta name="PubDate" content="2025-01-06 16:30"></head><body>
<h1>中共某某市委 某某市人民政府关于表彰2024年度全市脱贫攻坚先进集体和先进个人的决定</h1>
<p>　　为表彰先进，市委、市政府决定，授予市农业农村局等2个单位“全市脱贫攻坚先进集体”称号，授予王大力等3名同志“全市脱贫攻坚先进个人”称号。</p>
<p style="text-align:right">中共某某市委　　　某某市人民政府</p><p style="text-align:right">2024年12月30日</p>
<table border="1"><thead><tr><th>类别</th><th>单位</th><th>姓名</th><th>职务</th></tr></thead><tbody>
<tr><td rowspan="2">先进集体</td><td>市农业农村局</td><td></td><td></td></tr>
<tr><td>某某区大河镇人民政府</td><td></td><td></td></tr>
<tr><td rowspan="3">先进个人</td><td rowspan="2">某某县</td><td>王大力</td><td>县委办副主任</td></tr>
<tr><td>李　红</td><td>驻村第一书记</td></tr>
<tr><td>某某区</td><td>马　成（回族）</td><td>大河镇党委书记</td></tr>
</tbody></table></body></html>"""
    parsed = parse(html.encode())
    got = [(r.kind, r.name, r.unit, r.position, r.category) for r in parsed.records]
    assert got == [
        ("organization", "市农业农村局", None, None, "先进集体"),
        ("organization", "某某区大河镇人民政府", None, None, "先进集体"),
        ("person", "王大力", "某某县", "县委办副主任", "先进个人"),
        ("person", "李红", "某某县", "驻村第一书记", "先进个人"),
        ("person", "马成", "某某区", "大河镇党委书记", "先进个人"),
    ]
    assert parsed.records[4].ethnicity == "回族"
    m = parsed.meta
    assert (m.stage, m.level, m.published) == ("awarded", "prefecture", "2025-01-06")
    assert m.issuer == "中共某某市委 某某市人民政府"
    assert m.award == "全市脱贫攻坚先进集体和先进个人"
