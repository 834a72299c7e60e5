"""List layouts of prose nominees as real sites write them: unit-then-names
lines, padded two-character names, 第一/第二 inside units, families,
collectives named after their honour, run-together unit and name, brackets
inside a unit, and the signature under the last item."""

from __future__ import annotations

import pytest

from archive.extract.pipeline import parse_notice
from archive.extract.prose import records_from_paragraphs
from archive.model import Paragraph, Record, SourceDocument


def parse(*lines: str) -> list[Record]:
    return records_from_paragraphs([Paragraph(t, f"paragraph {i + 1}") for i, t in enumerate(lines)])


def rows(records: list[Record], *fields: str) -> list[tuple]:
    return [tuple(getattr(r, f) for f in ("kind", "name", *fields)) for r in records]


def parse_txt(text: str) -> list[Record]:
    doc = SourceDocument(text.strip().encode("utf-8"), url="https://example.gov.cn/a.txt", filename="a.txt")
    return parse_notice(doc).records


# --- 3. UNIT：NAME、NAME lines -------------------------------------------------------


@pytest.mark.parametrize("pad", ["  ", "\u00a0\u00a0", "\u3000", "\u3000\u3000", " "])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_unit_colon_name_lines_without_a_heading(pad: str, colon: str) -> None:
    recs = parse_txt(
        f"""
关于2025年度全县优秀教师拟表彰对象的公示
县第一中学{colon}王{pad}强、李建国、张{pad}丽
县实验小学{colon}刘{pad}伟、陈晓明
城关镇中心校{colon}赵敏、亓小红、孙立新
公示时间：2025年9月1日至9月5日
县教育局
2025年9月1日
"""
    )
    assert rows(recs, "unit") == [
        ("person", "王强", "县第一中学"),
        ("person", "李建国", "县第一中学"),
        ("person", "张丽", "县第一中学"),
        ("person", "刘伟", "县实验小学"),
        ("person", "陈晓明", "县实验小学"),
        ("person", "赵敏", "城关镇中心校"),
        ("person", "亓小红", "城关镇中心校"),
        ("person", "孙立新", "城关镇中心校"),
    ]
    assert recs[0].name_raw == f"王{pad}强"


def test_unit_colon_lines_under_a_heading_and_labels_that_are_no_units() -> None:
    recs = parse(
        "二、先进个人（4名）",
        "县公安局交警大队：王  强、马文学",
        "县第二人民医院：李 娜、韩福德",
    )
    assert rows(recs, "unit") == [
        ("person", "王强", "县公安局交警大队"),
        ("person", "马文学", "县公安局交警大队"),
        ("person", "李娜", "县第二人民医院"),
        ("person", "韩福德", "县第二人民医院"),
    ]
    assert parse("出席：张三、李四、王五") == []
    assert parse("县委常委会：研究部署、安排工作") == []


# --- 4. 第一 / 第二 inside a unit ------------------------------------------------------


def test_numbered_lines_whose_unit_holds_an_ordinal_are_kept() -> None:
    recs = parse(
        "经推荐评审，拟表彰以下同志：",
        "1.张晓明 县第一人民医院内科主任",
        "2.李红 县第二人民医院护士长",
        "3.王刚 县第三中学教师",
        "4.赵丽 县第一人民医院",
        "5.县第十一中学马福林",
    )
    assert rows(recs, "unit") == [
        ("person", "张晓明", "县第一人民医院内科主任"),
        ("person", "李红", "县第二人民医院护士长"),
        ("person", "王刚", "县第三中学教师"),
        ("person", "赵丽", "县第一人民医院"),
        ("person", "马福林", "县第十一中学"),
    ]
    # a real count still opens a group
    assert rows(parse("先进个人（2名）", "王强、李四"), "unit") == [
        ("person", "王强", None),
        ("person", "李四", None),
    ]


# --- 5. families -----------------------------------------------------------------------


def test_family_nominees_are_collectives_named_after_the_person() -> None:
    recs = parse(
        "2024年度“最美家庭”名单（4户）",
        "1.王建国家庭（城关镇东街村）",
        "2.扎西多杰家庭（玉树市结古街道）",
        "3.河口乡李秀英家庭",
        "4.马福林家庭  石门镇光明社区",
    )
    assert rows(recs, "unit", "name_raw") == [
        ("organization", "王建国家庭", "城关镇东街村", "王建国家庭"),
        ("organization", "扎西多杰家庭", "玉树市结古街道", "扎西多杰家庭"),
        ("organization", "李秀英家庭", "河口乡", "李秀英家庭"),
        ("organization", "马福林家庭", "石门镇光明社区", "马福林家庭"),
    ]
    assert all("（" not in r.name and "(" not in r.name for r in recs)


def test_family_lines_without_a_heading_and_in_a_sentence() -> None:
    recs = parse(
        "经各乡镇推荐，拟表彰王建国家庭等3户家庭为2024年度“最美家庭”。",
        "1.王建国家庭（城关镇东街村）",
        "2.陳建國家庭（城關鎮）",
    )
    assert rows(recs, "unit", "name_raw") == [
        ("organization", "王建国家庭", "城关镇东街村", "王建国家庭"),
        ("organization", "陳建國家庭", "城關鎮", "陳建國家庭"),
    ]
    recs = parse("拟表彰王建国家庭（城关镇东街村）、李秀英家庭（河口乡河口村）为“最美家庭”。")
    assert [r.name for r in recs] == ["王建国家庭", "李秀英家庭"]
    assert parse("王建国家庭") == []  # alone, with no place and no company


# --- 6. collectives named after their honour; the signature --------------------------


@pytest.mark.parametrize(
    "signature",
    [
        ["市妇联", "2025年3月1日"],
        ["市妇联", "2025年3月"],
        ["市妇联", "（2025年3月1日）"],
        ["市妇联", "2025年03月01日印发"],
        ["中共某某市委组织部", "某某市妇女联合会", "二〇二五年三月一日"],
        ["市妇联 2025年3月1日"],
    ],
)
def test_collectives_named_after_the_honour_are_kept_and_the_signer_is_not(
    signature: list[str],
) -> None:
    recs = parse(
        "市巾帼文明岗名单",
        "市人民医院儿科护理组巾帼文明岗",
        "县税务局第一税务分局办税服务厅",
        "市公安局交警支队车管所巾帼文明岗",
        *signature,
    )
    assert [r.name for r in recs] == [
        "市人民医院儿科护理组巾帼文明岗",
        "县税务局第一税务分局办税服务厅",
        "市公安局交警支队车管所巾帼文明岗",
    ]
    assert all(r.kind == "organization" for r in recs)


def test_youth_and_league_collectives_under_numbered_headings() -> None:
    recs = parse(
        "二、青年文明号（3个）",
        "1.县人民医院急诊科青年文明号",
        "2.县供电公司营业厅青年文明号",
        "三、五四红旗团支部（1个）",
        "1.县一中五四红旗团支部",
        "四、优秀共青团员（1名）",
        "1.王强（县一中教师）",
    )
    assert rows(recs) == [
        ("organization", "县人民医院急诊科青年文明号"),
        ("organization", "县供电公司营业厅青年文明号"),
        ("organization", "县一中五四红旗团支部"),
        ("person", "王强"),
    ]


def test_last_people_before_the_signature_are_kept() -> None:
    recs = parse(
        "全县优秀教师名单",
        "王志强 河口乡中心校校长",
        "欧阳明 县职业中学教师",
        "某某县人民政府",
        "2025年1月20日",
    )
    assert [r.name for r in recs] == ["王志强", "欧阳明"]


# --- 7. padding and run-together text ---------------------------------------------------


def test_padded_names_on_lines_with_gapped_fields() -> None:
    recs = parse(
        "拟表彰对象名单",
        "1.王\u00a0强\u00a0\u00a0\u00a0男\u00a0\u00a0汉族\u00a0\u00a0县第一中学教师",
        "2. 马  芳（女，回族）   县人民医院护士",
        "3.李\u00a0娜\u3000\u3000县实验小学教师",
        "4. 刘  洋   县第二中学   教师",
        "5 赵 敏 女 回族 县人民医院医生",
        "6．娜 佳（女，蒙古族）  县人民医院医生",
    )
    assert rows(recs, "gender", "ethnicity", "unit", "position") == [
        ("person", "王强", "男", "汉族", "县第一中学教师", None),
        ("person", "马芳", "女", "回族", "县人民医院护士", None),
        ("person", "李娜", None, None, "县实验小学教师", None),
        ("person", "刘洋", None, None, "县第二中学", "教师"),
        ("person", "赵敏", "女", "回族", "县人民医院医生", None),
        ("person", "娜佳", "女", "蒙古族", "县人民医院医生", None),
    ]
    assert recs[1].name_raw == "马  芳"


@pytest.mark.parametrize(
    "line, name, unit",
    [
        ("某某县第一中学校区种晓明", "种晓明", "某某县第一中学校区"),
        ("某县实验小学分校仉建国", "仉建国", "某县实验小学分校"),
        ("城关镇中心校亓小红", "亓小红", "城关镇中心校"),
        ("县第二幼儿园笪丽", "笪丽", "县第二幼儿园"),
        ("河口乡卫生院厍文", "厍文", "河口乡卫生院"),
        ("城关派出所迮强", "迮强", "城关派出所"),
        ("县消防救援大队覃海", "覃海", "县消防救援大队"),
        ("县供销合作社佘明", "佘明", "县供销合作社"),
        ("县农商银行城关支行佴红", "佴红", "县农商银行城关支行"),
        ("某村村委会隗亮", "隗亮", "某村村委会"),
        ("县人民医院门诊部赵丽", "赵丽", "县人民医院门诊部"),
    ],
)
def test_unit_and_name_run_together_with_rare_surnames(line: str, name: str, unit: str) -> None:
    assert rows(parse("先进个人名单", line), "unit") == [("person", name, unit)]


def test_rare_surname_needs_a_clear_unit_ending() -> None:
    # 校区 is a unit ending; 种 after a place word alone is not a name's start
    assert parse("先进个人名单", "县城关镇种植大户") == []


# --- 8. brackets inside a unit ----------------------------------------------------------


def test_brackets_inside_a_unit_are_kept() -> None:
    recs = parse(
        "优秀少先队员名单",
        "1.张三（女）某小学八（3）班学生",
        "2.某小学八（2）班学生李四",
        "3.王五，女，汉族，某小学七（1）班学生",
        "4.某县人民医院（县中医院）院长吴九",
        "5.某小学八（3）班学生郑十（女，回族）",
    )
    assert rows(recs, "unit", "gender", "ethnicity") == [
        ("person", "张三", "某小学八（3）班学生", "女", None),
        ("person", "李四", "某小学八（2）班学生", None, None),
        ("person", "王五", "某小学七（1）班学生", "女", "汉族"),
        ("person", "吴九", "某县人民医院（县中医院）院长", None, None),
        ("person", "郑十", "某小学八（3）班学生", "女", "回族"),
    ]


# --- 9. education as written ----------------------------------------------------------------


@pytest.mark.parametrize(
    "written, education",
    [
        ("在职研究生学历", "在职研究生"),
        ("全日制本科", "全日制本科"),
        ("函授大专学历", "函授大专"),
        ("大学本科学历", "大学本科"),
        ("研究生学历、硕士学位", "研究生"),
    ],
)
def test_education_is_kept_as_written_without_its_trailing_word(written: str, education: str) -> None:
    recs = parse("拟推荐对象：", f"张三，男，汉族，1970年5月出生，中共党员，{written}，某县某镇党委书记")
    assert recs[0].education == education


# --- lists from the in-repo corpus ---------------------------------------------------------


def test_long_unit_with_enumeration_commas_after_a_name() -> None:
    recs = parse(
        "全县优秀教师名单",
        "吴 涛 县第一中学教师",
        "李建国 某某县第二中学副校长兼教务处主任、县级骨干教师、县人大代表",
        "张 丽 城关镇中心小学教师",
    )
    assert rows(recs, "unit") == [
        ("person", "吴涛", "县第一中学教师"),
        ("person", "李建国", "某某县第二中学副校长兼教务处主任、县级骨干教师、县人大代表"),
        ("person", "张丽", "城关镇中心小学教师"),
    ]


def test_name_grid_with_padded_names_first_or_in_the_middle_and_collectives() -> None:
    recs = parse(
        "先进个人（5名）",
        "孙丛民  李 艳  茹振刚",
        "娜 佳  魏杰彪",
        "先进集体（2个）",
        "城关镇人民政府",
        "县公安局交警大队民警集体",
    )
    assert rows(recs) == [
        ("person", "孙丛民"),
        ("person", "李艳"),
        ("person", "茹振刚"),
        ("person", "娜佳"),
        ("person", "魏杰彪"),
        ("organization", "城关镇人民政府"),
        ("organization", "县公安局交警大队民警集体"),
    ]


def test_wrapped_position_joins_the_unit_of_the_line_above() -> None:
    recs = parse("先进个人", "1.王强 某某建筑工程有限公司", "总经理", "2.李四 县人民医院", "副院长")
    assert rows(recs, "unit") == [
        ("person", "王强", "某某建筑工程有限公司总经理"),
        ("person", "李四", "县人民医院副院长"),
    ]
