"""Two recall gaps of prose lists: a lone tab-separated line inside an open
nominee list (a txt notice whose reader left it as a paragraph), and nominees
written one after another with their (男，汉族) notes after a 如下： lead,
with no heading of their own."""

from __future__ import annotations

from archive.extract.pipeline import parse_notice
from archive.model import Record, SourceDocument


def parse_txt(text: str) -> list[Record]:
    doc = SourceDocument(text.strip().encode("utf-8"), url="https://example.gov.cn/a.txt", filename="a.txt")
    return parse_notice(doc).records


def kinds_names(records: list[Record]) -> list[tuple[str, str]]:
    return [(r.kind, r.name) for r in records]


# --- a. a tabbed line inside an open list -----------------------------------------


def test_tabbed_family_line_under_a_families_heading() -> None:
    recs = parse_txt(
        "关于2025年度“最美家庭”拟表彰对象的公示\n"
        "经各乡镇推荐、审核，现将拟表彰对象公示如下：\n"
        "最美家庭名单\n"
        "马福林家庭\t石门镇光明社区\n"
        "公示时间：2025年5月6日至5月12日。\n"
        "联系电话：0971-1234567\n"
        "某县妇女联合会\n2025年5月6日"
    )
    assert kinds_names(recs) == [("organization", "马福林家庭")]
    assert recs[0].unit == "石门镇光明社区"


def test_tabbed_person_line_name_unit_position() -> None:
    recs = parse_txt(
        "关于拟表彰优秀医务工作者的公示\n"
        "拟表彰对象名单\n"
        "张三\t某县人民医院\t主治医师\n"
        "公示期为5个工作日。\n"
        "某县卫生健康局\n2025年8月1日"
    )
    assert kinds_names(recs) == [("person", "张三")]
    assert recs[0].unit is not None and "某县人民医院" in recs[0].unit
    assert "主治医师" in ((recs[0].position or "") + (recs[0].unit or ""))


def test_tabbed_line_outside_a_list_is_still_skipped() -> None:
    recs = parse_txt(
        "关于召开全县工作会议的通知\n"
        "各乡镇：\n"
        "参会人员如下，请准时参加。\n"
        "联系人\t王五\t办公室\n"
        "某县人民政府办公室\n2025年3月1日"
    )
    assert recs == []


# --- b. nominees run on after a 如下： lead ----------------------------------------


def test_semicolon_nominees_with_notes_after_a_lead() -> None:
    recs = parse_txt(
        "关于2025年度优秀教师拟推荐人选的公示\n"
        "经学校推荐、教育局审核，现将拟推荐人选公示如下："
        "张三（男，汉族），某县第一中学教师；李四（女，回族），某县人民医院护士。\n"
        "公示时间：2025年9月1日至9月5日。\n"
        "某县教育局\n2025年9月1日"
    )
    assert kinds_names(recs) == [("person", "张三"), ("person", "李四")]
    by = {r.name: r for r in recs}
    assert (by["张三"].gender, by["张三"].ethnicity) == ("男", "汉族")
    assert (by["李四"].gender, by["李四"].ethnicity) == ("女", "回族")
    assert "某县第一中学" in (by["张三"].unit or "")


def test_enumeration_comma_inside_a_note_does_not_split_items() -> None:
    recs = parse_txt(
        "关于推荐全市民族团结进步模范个人的公示\n"
        "现将拟推荐对象公示如下：张三（男、汉族）、李四（女、回族）、王小五（男、藏族）。\n"
        "公示期5天。\n"
        "某县民族宗教事务局\n2025年6月2日"
    )
    assert kinds_names(recs) == [("person", "张三"), ("person", "李四"), ("person", "王小五")]
    assert [r.ethnicity for r in recs] == ["汉族", "回族", "藏族"]


def test_comma_separated_nominees_after_a_lead() -> None:
    recs = parse_txt(
        "关于拟推荐优秀共产党员的公示\n"
        "经研究，拟推荐以下同志，现公示如下：张三（男，汉族），李四（女，回族），王小五（男，藏族）。\n"
        "公示时间为5个工作日。\n"
        "中共某县委组织部\n2025年6月20日"
    )
    assert kinds_names(recs) == [("person", "张三"), ("person", "李四"), ("person", "王小五")]


def test_narrative_after_a_lead_gives_nothing() -> None:
    recs = parse_txt(
        "关于开展2025年度评先评优工作的通知\n"
        "现将有关事项通知如下：各单位要高度重视，认真组织，严格标准，确保质量。\n"
        "某县人力资源和社会保障局\n2025年2月1日"
    )
    assert recs == []


def test_comma_separated_unit_then_name_items_with_notes() -> None:
    recs = parse_txt(
        "关于2025年度优秀教师拟推荐人选的公示\n"
        "现将拟推荐人选公示如下：某县第一中学张三（男，汉族），某县人民医院李四（女，回族），"
        "某镇中心小学王小五（男，藏族）。\n"
        "公示时间：2025年9月1日至9月5日。\n"
        "某县教育局\n2025年9月1日"
    )
    assert kinds_names(recs) == [("person", "张三"), ("person", "李四"), ("person", "王小五")]
    assert [r.unit for r in recs] == ["某县第一中学", "某县人民医院", "某镇中心小学"]
    assert [r.ethnicity for r in recs] == ["汉族", "回族", "藏族"]
