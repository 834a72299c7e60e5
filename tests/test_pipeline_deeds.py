"""Deeds (事迹) linked to records: only from a deeds section, never from the
lines that follow a nominee list."""

import io

import docx

from archive.extract import parse_notice
from archive.model import SourceDocument

CLOSING = (
    "公示时间：2025年9月8日至9月12日\n"
    "联系电话：0971-1234567\n"
    "中共某某县委组织部\n"
    "2025年9月8日\n"
)
STORY = (
    "该同志扎根基层二十年，带领群众发展特色产业，积极推进乡村振兴，"
    "累计帮扶困难群众300余户，群众满意度不断提升。"
)


def parse_text(text: str):
    return parse_notice(SourceDocument(text.encode("utf-8"), filename="notice.txt"))


def parse_html(text: str):
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines() if line) + "</body></html>"
    return parse_notice(SourceDocument(page.encode("utf-8"), url="http://www.example.gov.cn/a/1.html"))


LIST_NOTICE = (
    "关于2025年度全县先进集体拟表彰对象的公示\n\n"
    "经县委研究，拟表彰以下单位为2025年度全县先进集体，现予以公示。\n\n"
    "先进集体（3个）\n"
    "1.某某县城关镇人民政府\n"
    "2.某某县第一中学\n"
    "3.某某县人民医院\n\n"
) + CLOSING


def test_the_last_item_of_a_list_gets_no_deeds_from_the_closing_lines():
    for parsed in (parse_text(LIST_NOTICE), parse_html(LIST_NOTICE)):
        assert [r.name for r in parsed.records] == ["某某县城关镇人民政府", "某某县第一中学", "某某县人民医院"]
        assert [r.deeds for r in parsed.records] == [None, None, None]


def test_people_listed_one_per_line_get_no_deeds_either():
    parsed = parse_text(
        "关于2025年度全县优秀共产党员拟表彰对象的公示\n"
        "经研究，拟表彰以下同志为全县优秀共产党员，现予公示。\n"
        "拟表彰对象名单如下：\n"
        "张建国\n李秀英\n王海忠\n" + CLOSING
    )
    assert [(r.name, r.deeds) for r in parsed.records] == [("张建国", None), ("李秀英", None), ("王海忠", None)]


def test_names_as_headings_inside_a_deeds_attachment_get_their_story():
    parsed = parse_text(
        "关于2025年度全县优秀共产党员拟表彰对象的公示\n"
        "经研究，拟表彰以下同志为全县优秀共产党员，现予公示。\n"
        "拟表彰对象名单如下：\n"
        "张建国\n李秀英\n王海忠\n" + CLOSING
        + "附件：先进事迹材料\n"
        "一、张建国\n" + STORY + "\n"
        "二、李秀英\n" + STORY.replace("二十年", "十五年") + "\n"
        "中共某某县委组织部\n2025年9月8日\n"
    )
    deeds = {r.name: r.deeds for r in parsed.records}
    assert deeds["张建国"] == STORY
    # the signature and the date at the end of the attachment are not her story
    assert deeds["李秀英"] == STORY.replace("二十年", "十五年")
    assert deeds["王海忠"] is None


def test_a_deeds_section_ends_at_the_closing_lines():
    parsed = parse_text(
        "关于推荐2025年全省五一劳动奖章人选的公示\n"
        "经研究，拟推荐以下同志为全省五一劳动奖章人选，现予公示。\n"
        "序号\t姓名\t性别\t民族\t工作单位及职务\n"
        "1\t张建国\t男\t汉族\t某县供电公司班长\n"
        "张建国同志先进事迹\n" + STORY + "\n" + CLOSING
    )
    assert [(r.name, r.deeds) for r in parsed.records] == [("张建国", STORY)]


def deeds_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("张建国")
    d.add_paragraph(STORY)
    d.add_paragraph("李秀英")
    d.add_paragraph(STORY.replace("二十年", "十五年"))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_document_named_as_deeds_needs_no_heading():
    page = (
        "<html><body><h2>关于2025年度全县优秀共产党员拟表彰对象的公示</h2>"
        "<p>经研究，拟表彰以下同志为全县优秀共产党员，现予公示。拟表彰对象名单如下：</p>"
        "<p>张建国、李秀英、王海忠</p><p>公示时间：2025年9月8日至9月12日</p>"
        "<p>中共某某县委组织部</p><p>2025年9月8日</p>"
        '<p><a href="/u/2.docx">附件：先进事迹材料</a></p></body></html>'
    )
    base = "http://www.example.gov.cn"
    parsed = parse_notice(
        SourceDocument(page.encode("utf-8"), url=f"{base}/a/1.html"),
        [SourceDocument(deeds_docx(), url=f"{base}/u/2.docx", filename="先进事迹材料.docx")],
    )
    deeds = {r.name: r.deeds for r in parsed.records}
    assert deeds == {"张建国": STORY, "李秀英": STORY.replace("二十年", "十五年"), "王海忠": None}


def test_a_bare_deeds_heading_opens_the_deeds_part():
    parsed = parse_text(
        "关于2025年度全县优秀共产党员拟表彰对象的公示\n"
        "经研究，拟表彰以下同志为全县优秀共产党员，现予公示。\n"
        "拟表彰对象名单如下：\n"
        "张建国\n李秀英\n王海忠\n" + CLOSING
        + "事迹材料\n"
        "张建国\n" + STORY + "\n"
    )
    assert {r.name: r.deeds for r in parsed.records} == {"张建国": STORY, "李秀英": None, "王海忠": None}
