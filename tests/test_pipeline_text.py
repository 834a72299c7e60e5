"""The pipeline on plain-text notices (and the text antiword makes of .doc)."""

from archive.extract import parse_notice
from archive.model import SourceDocument


def parse_text(text: str, encoding: str = "utf-8"):
    return parse_notice(SourceDocument(text.encode(encoding), filename="notice.txt"))


def test_numbered_entries_under_an_untargeted_deeds_heading_are_read():
    parsed = parse_text(
        "关于2025年度全县优秀共产党员拟表彰对象的公示\n"
        "经研究，拟表彰以下同志为全县优秀共产党员，现予公示。公示时间：2025年6月20日至6月26日。\n"
        "中共某某县委组织部\n2025年6月20日\n"
        "附件2：先进事迹材料\n"
        "1.张建国，男，汉族，1975年5月出生，中共党员，县人民医院院长。该同志扎根基层二十年。\n"
        "2.李秀英，女，回族，1982年3月出生，中共党员，城关镇东街社区党支部书记。\n"
    )
    assert [(r.name, r.birth) for r in parsed.records] == [("张建国", "1975-05"), ("李秀英", "1982-03")]


def test_space_aligned_table_in_gbk_text():
    text = (
        "关于推荐2025年全省五一劳动奖章人选的公示\n\n"
        "公示期为2025年4月1日至4月7日。\n\n"
        "序号    姓名      性别    民族    出生年月    工作单位及职务\n"
        "1       王  刚    男      汉族    1979.12     某县供电公司班长\n"
        "2       马海燕    女      回族    1988.04     某县人民医院护士\n\n"
        "某某县总工会\n2025年4月1日\n"
    )
    parsed = parse_text(text, "gbk")
    assert [(r.name, r.name_raw, r.birth, r.unit) for r in parsed.records] == [
        ("王刚", "王  刚", "1979-12", "某县供电公司班长"),
        ("马海燕", "马海燕", "1988-04", "某县人民医院护士"),
    ]
    m = parsed.meta
    assert (m.stage, m.level, m.published, m.issuer) == ("recommended", "province", "2025-04-01", "某某县总工会")


def test_text_decoy_gives_nothing():
    parsed = parse_text(
        "关于王某某等同志任前公示\n根据干部选拔任用工作条例，现将拟任职人员公示如下：\n"
        "姓名\t性别\t出生年月\t现任职务\t拟任职务\n王某某\t男\t1980.01\t副局长\t局长\n"
    )
    assert not parsed.is_commendation
    assert parsed.records == []


def test_short_last_row_of_a_space_aligned_doubled_table_is_a_record():
    parsed = parse_text(
        "关于2025年度全县优秀公务员拟表彰对象的公示\n\n"
        "经县委研究，拟表彰以下同志为2025年度全县优秀公务员，现予以公示。\n\n"
        "序号  姓名      工作单位及职务          序号  姓名      工作单位及职务\n"
        "1     张  三    县委办公室主任          2     李建国    县教育局局长\n"
        "3     王  五    县卫生健康局局长        4     赵  六    县公安局副局长\n"
        "5     刘  洋    县财政局局长\n\n"
        "公示时间：2025年9月8日至9月12日\n中共某某县委组织部\n2025年9月8日\n",
        "gbk",
    )
    assert [(r.name, r.name_raw, r.unit) for r in parsed.records] == [
        ("张三", "张  三", "县委办公室主任"),
        ("李建国", "李建国", "县教育局局长"),
        ("王五", "王  五", "县卫生健康局局长"),
        ("赵六", "赵  六", "县公安局副局长"),
        ("刘洋", "刘  洋", "县财政局局长"),
    ]
    assert parsed.records[-1].location == "table 1 row 4"
