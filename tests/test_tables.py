"""Records from tables: header vocabulary and layouts of real nominee tables."""

import pytest

from archive.extract.context import ExtractContext
from archive.extract.headers import IGNORE, NAME, ORG_NAME, SEQ, UNIT_POSITION, map_header
from archive.extract.table_rows import TableState
from archive.extract.tables import records_from_table
from archive.model import Table

CTX = ExtractContext(document_url="http://example.gov.cn/a.html")


def extract(rows, state=None):
    return records_from_table(Table(rows, "table 1"), CTX, state)


@pytest.mark.parametrize(
    "cell, field",
    [
        ("序 号", SEQ), ("姓  名", NAME), ("姓\u3000名", NAME), ("名字", NAME),
        ("候选人姓名", NAME), ("推荐对象姓名", NAME), ("拟表彰对象", NAME), ("推荐人选", NAME),
        ("性 别", "gender"), ("民族", "ethnicity"), ("出生年月", "birth"), ("出生日期", "birth"),
        ("出生年月（年.月）", "birth"), ("政治面貌", "political"), ("党派", "political"),
        ("学历", "education"), ("文化程度", "education"), ("最高学历", "education"),
        ("工作单位", "unit"), ("所在单位", "unit"), ("单位", "unit"),
        ("工作单位及职务", UNIT_POSITION), ("单位及职务", UNIT_POSITION),
        ("工作单位和职务", UNIT_POSITION), ("工作单位及职务（职称）", UNIT_POSITION),
        ("职务", "position"), ("现任职务", "position"), ("职务（职称）", "position"),
        ("职称", "title"), ("所属行业", "industry"), ("单位性质", "org_type"),
        ("推荐类别", "category"), ("备注", "remarks"), ("主要事迹", "deeds"),
        ("单位名称", ORG_NAME), ("集体名称", ORG_NAME), ("先进集体名称", ORG_NAME),
        ("身份证号码", IGNORE), ("籍贯", IGNORE), ("年龄", IGNORE), ("技术等级", IGNORE),
        # traditional characters
        ("性別", "gender"), ("工作單位", "unit"), ("職務", "position"), ("職稱", "title"),
        ("政治面貌", "political"), ("學歷", "education"),
        ("男", None), ("陈海忠", None), ("2025年9月8日", None),
    ],
)  # fmt: skip
def test_map_header(cell, field):
    assert map_header(cell) == field


def test_spaced_header_and_unit_position_column():
    recs = extract([
        ["序  号", "姓  名", "性  别", "民  族", "出生年月", "工作单位及职务"],
        ["1", "张  伟", "男", "汉", "1975.10", "某县人民医院院长"],
    ])  # fmt: skip
    assert len(recs) == 1
    r = recs[0]
    assert (r.kind, r.name, r.name_raw, r.gender, r.ethnicity, r.birth) == (
        "person", "张伟", "张  伟", "男", "汉族", "1975-10")
    assert (r.unit, r.position) == ("某县人民医院院长", None)
    assert r.location == "table 1 row 2"
    assert r.raw == "1 | 张  伟 | 男 | 汉 | 1975.10 | 某县人民医院院长"


def test_header_below_merged_title_rows():
    title = "2025年度全市劳动模范推荐对象名单"
    recs = extract([
        [title] * 5,
        ["", "", "", "", "填报时间：2025年3月1日"],
        ["序号", "名字", "性别", "所在单位", "职务"],
        ["1", "李娜", "女", "市第一中学", "教师"],
        ["2", "赵强", "男", "市供电公司", "班长"],
    ])  # fmt: skip
    assert [(r.name, r.unit, r.position) for r in recs] == [
        ("李娜", "市第一中学", "教师"), ("赵强", "市供电公司", "班长")]


def test_two_row_header_with_group_labels_and_sub_headers():
    recs = extract([
        ["序号", "姓名", "基本情况", "基本情况", "工作单位及职务", "工作单位及职务"],
        ["序号", "姓名", "性别", "出生年月", "单位", "职务"],
        ["1", "王五", "男", "1980-02", "县教育局", "局长"],
    ])  # fmt: skip
    assert len(recs) == 1
    r = recs[0]
    assert (r.name, r.gender, r.birth, r.unit, r.position) == ("王五", "男", "1980-02", "县教育局", "局长")


def test_section_rows_switch_kind_within_one_table():
    recs = extract([
        ["序号", "名称/姓名", "单位性质", "工作单位及职务"],
        ["一、先进集体（2个）"] * 4,
        ["1", "县人民医院", "事业单位", ""],
        ["2", "城关镇东街社区居民委员会", "基层群众性自治组织", ""],
        ["二、先进个人（2名）"] * 4,
        ["1", "刘洋", "", "县财政局科员"],
        ["2", "陈静", "", "城关镇干部"],
    ])  # fmt: skip
    assert [(r.kind, r.name) for r in recs] == [
        ("organization", "县人民医院"),
        ("organization", "城关镇东街社区居民委员会"),
        ("person", "刘洋"),
        ("person", "陈静"),
    ]
    assert recs[0].org_type == "事业单位"
    assert recs[2].unit == "县财政局科员"


def test_collective_table_without_person_column():
    recs = extract([
        ["序号", "单位名称", "单位性质", "所属行业", "备注"],
        ["1", "乌兰县柯柯镇人民政府", "行政单位", "政府机构", ""],
        ["2", "某某有限公司", "企业", "制造业", "民营"],
    ])  # fmt: skip
    assert [(r.kind, r.name, r.org_type, r.industry, r.remarks) for r in recs] == [
        ("organization", "乌兰县柯柯镇人民政府", "行政单位", "政府机构", None),
        ("organization", "某某有限公司", "企业", "制造业", "民营"),
    ]


def test_skips_repeated_headers_totals_notes_and_empty_rows():
    header = ["序号", "姓名", "性别", "工作单位"]
    recs = extract([
        header,
        ["1", "周杰", "男", "县公安局"],
        ["", "", "", ""],
        header,
        ["2", "吴敏", "女", "县法院"],
        ["合计", "2人", "", ""],
        ["注：排名不分先后", "注：排名不分先后", "注：排名不分先后", "注：排名不分先后"],
    ])  # fmt: skip
    assert [r.name for r in recs] == ["周杰", "吴敏"]


def test_table_of_contacts_or_budget_gives_nothing():
    assert extract([["姓名", "联系电话", "邮箱"], ["张三", "13800000000", "a@b.cn"]]) == []
    assert extract([["项目", "金额（万元）", "备注"], ["办公经费", "12.5", ""]]) == []
    assert extract([["时间", "地点", "内容"], ["9月8日", "会议室", "培训"]]) == []


def test_traditional_character_headers():
    recs = extract([
        ["序號", "姓名", "性別", "民族", "出生年月", "工作單位", "職務"],
        ["1", "陳美玲", "女", "漢族", "1979.11", "台中市某國小", "校長"],
    ])  # fmt: skip
    r = recs[0]
    assert (r.name, r.gender, r.ethnicity, r.birth, r.unit, r.position) == (
        "陳美玲", "女", "汉族", "1979-11", "台中市某國小", "校長")


def test_name_annotations_and_several_names_in_one_cell():
    recs = extract([
        ["序号", "姓名", "工作单位"],
        ["1", "金哲（女，朝鲜族）", "延吉市某小学"],
        ["2", "张三、李四", "某县消防救援大队"],
    ])  # fmt: skip
    assert [(r.name, r.gender, r.ethnicity) for r in recs] == [
        ("金哲", "女", "朝鲜族"), ("张三", None, None), ("李四", None, None)]
    assert recs[0].name_raw == "金哲（女，朝鲜族）"


def test_title_and_position_columns_kept_apart():
    recs = extract([
        ["姓名", "工作单位", "职务（职称）", "职称"],
        ["郑某", "某市委统战部", "副部长", "一级主任科员"],
    ])  # fmt: skip
    assert (recs[0].position, recs[0].title) == ("副部长", "一级主任科员")


def test_continuation_table_reuses_header_of_previous_table():
    state = TableState()
    first = extract([["序号", "姓名", "性别", "工作单位"], ["1", "甲乙", "男", "某局"]], state)
    second = records_from_table(Table([["2", "丙丁", "女", "某院"]], "table 2"), CTX, state)
    assert [r.name for r in first + second] == ["甲乙", "丙丁"]
    assert second[0].unit == "某院"


def test_registration_form_layout():
    recs = extract([
        ["姓名", "韩梅", "性别", "女", "民族", "汉族"],
        ["出生年月", "1983.05", "政治面貌", "中共党员", "学历", "本科"],
        ["工作单位及职务", "某县第二中学副校长", "工作单位及职务", "某县第二中学副校长", "", ""],
        ["主要事迹", "扎根乡村教育二十年……", "", "", "", ""],
    ])  # fmt: skip
    assert len(recs) == 1
    r = recs[0]
    assert (r.name, r.gender, r.ethnicity, r.birth, r.political, r.education, r.unit) == (
        "韩梅", "女", "汉族", "1983-05", "中共党员", "本科", "某县第二中学副校长")
    assert r.deeds.startswith("扎根乡村教育")


def test_id_numbers_are_never_stored():
    recs = extract([
        ["姓名", "性别", "身份证号", "工作单位"],
        ["钱七", "男", "632800198001010011", "某乡政府"],
    ])  # fmt: skip
    assert "632800198001010011" not in str(recs[0].to_dict())


def test_unit_and_position_header_merged_over_two_columns():
    recs = extract([
        ["序号", "姓名", "单位和职务", "单位和职务"],
        ["1", "李娜（女）", "某市人民医院", "急诊科护士长"],
    ])  # fmt: skip
    r = recs[0]
    assert (r.name, r.gender, r.unit, r.position) == ("李娜", "女", "某市人民医院", "急诊科护士长")


def test_village_column_is_the_unit():
    recs = extract([["序号", "姓名", "性别", "所在村"], ["1", "张建平", "男", "互助县威远镇新庄村"]])
    assert recs[0].unit == "互助县威远镇新庄村"


def test_unit_column_names_the_collective_when_there_is_no_name_column():
    recs = extract([["序号", "单位", "单位性质"], ["1", "县人民医院", "事业单位"]])
    assert [(r.kind, r.name, r.org_type) for r in recs] == [("organization", "县人民医院", "事业单位")]


def test_headerless_table_typed_by_its_cells():
    recs = extract([
        ["1", "张三", "男", "汉族", "1980.05", "县教育局局长"],
        ["2", "李四", "女", "回族", "1985.11", "县医院护士"],
    ])  # fmt: skip
    assert [(r.name, r.gender, r.ethnicity, r.birth, r.unit) for r in recs] == [
        ("张三", "男", "汉族", "1980-05", "县教育局局长"),
        ("李四", "女", "回族", "1985-11", "县医院护士"),
    ]


def test_headerless_name_and_unit_pairs():
    recs = extract([["张三", "县教育局"], ["李四", "县医院"], ["王五", "城关镇政府"]])
    assert [(r.name, r.unit) for r in recs] == [("张三", "县教育局"), ("李四", "县医院"), ("王五", "城关镇政府")]


def test_grid_of_names():
    recs = extract([["张三", "李四", "王五", "赵六"], ["孙七", "周八", "吴九", ""]])
    assert [r.name for r in recs] == ["张三", "李四", "王五", "赵六", "孙七", "周八", "吴九"]
    assert recs[1].location == "table 1 row 1 column 2"


def test_grid_of_collectives_only_under_a_collective_heading():
    rows = [["县人民医院", "城关镇东街社区居民委员会"], ["县第一中学", "县公安局交警大队"]]
    assert extract(rows) == []
    recs = extract(rows, TableState(kind="organization"))
    assert [r.kind for r in recs] == ["organization"] * 4


def test_headerless_tables_of_other_things_give_nothing():
    assert extract([["某某县委组织部", "2025年3月1日"]]) == []
    assert extract([["联系人", "张三", "联系电话", "123456"]]) == []
    assert extract([["张三", "13800001111"], ["李四", "13900002222"]]) == []


def test_contact_table_with_names_and_positions_gives_nothing():
    assert extract([["姓名", "职务", "联系电话"], ["赵六", "办公室主任", "0971-1234567"]]) == []
    # a nominee table may still carry a phone column
    recs = extract([["姓名", "性别", "出生年月", "工作单位", "联系电话"], ["钱七", "男", "1980.01", "某局", "138"]])
    assert [r.name for r in recs] == ["钱七"]


def test_category_column_declares_the_kind():
    recs = extract([
        ["序号", "推荐对象", "类别", "工作单位及职务"],
        ["1", "某县人民医院", "集体", ""],
        ["2", "李花", "个人", "某县人民医院护士"],
        ["3", "康乐社区", "集体", ""],
    ])  # fmt: skip
    assert [(r.kind, r.name, r.category) for r in recs] == [
        ("organization", "某县人民医院", "集体"), ("person", "李花", "个人"), ("organization", "康乐社区", "集体")]


# --- side-by-side tables: two or more nominees a row ---------------------------------
# Records are read row by row, left group first, then the right one(s); a
# record from a group right of the first carries its first column in the
# location (``row 2 column 4``).


def test_side_by_side_header_gives_a_record_per_group_in_row_order():
    recs = extract([
        ["序号", "姓名", "单位及职务", "序号", "姓名", "单位及职务"],
        ["1", "王刚", "某县人民医院院长", "2", "李娜", "某县第一中学教师"],
        ["3", "张伟", "某县公安局民警", "", "", ""],
    ])  # fmt: skip
    assert [(r.name, r.unit, r.location) for r in recs] == [
        ("王刚", "某县人民医院院长", "table 1 row 2"),
        ("李娜", "某县第一中学教师", "table 1 row 2 column 4"),
        ("张伟", "某县公安局民警", "table 1 row 3"),
    ]
    assert recs[1].raw == "2 | 李娜 | 某县第一中学教师"


@pytest.mark.parametrize(
    "header, row",
    [
        (["姓名", "性别", "工作单位", "姓名", "性别", "工作单位"], ["王刚", "男", "某县医院", "李娜", "女", "某县一中"]),
        # a blank separator column, and no 序号 on the right
        (["序号", "姓名", "性别", "工作单位", "", "姓名", "性别", "工作单位"],
         ["1", "王刚", "男", "某县医院", "", "李娜", "女", "某县一中"]),
        # the halves name the unit column differently
        (["序号", "姓名", "性别", "工作单位及职务", "序号", "姓名", "性别", "工作单位"],
         ["1", "王刚", "男", "某县医院", "2", "李娜", "女", "某县一中"]),
    ],
)  # fmt: skip
def test_side_by_side_header_variants(header, row):
    recs = extract([header, row])
    assert [(r.name, r.gender, r.unit) for r in recs] == [("王刚", "男", "某县医院"), ("李娜", "女", "某县一中")]


def test_side_by_side_three_groups_and_two_row_header():
    recs = extract([
        ["姓名", "单位", "姓名", "单位", "姓名", "单位"],
        ["王刚", "某县医院", "李娜", "某县一中", "张伟", "某县公安局"],
        ["赵敏", "某县税务局", "", "", "", ""],
    ])  # fmt: skip
    assert [r.name for r in recs] == ["王刚", "李娜", "张伟", "赵敏"]
    recs = extract([
        ["序号", "姓名", "基本情况", "基本情况", "序号", "姓名", "基本情况", "基本情况"],
        ["序号", "姓名", "性别", "单位", "序号", "姓名", "性别", "单位"],
        ["1", "王刚", "男", "某县医院", "2", "李娜", "女", "某县一中"],
    ])  # fmt: skip
    assert [(r.name, r.gender, r.unit) for r in recs] == [("王刚", "男", "某县医院"), ("李娜", "女", "某县一中")]


def test_side_by_side_collectives_and_bare_names():
    recs = extract([["序号", "单位名称", "序号", "单位名称"], ["1", "某县人民医院", "2", "某县第一中学"],
                    ["3", "城关镇人民政府", "", ""]])
    assert [(r.kind, r.name) for r in recs] == [
        ("organization", "某县人民医院"), ("organization", "某县第一中学"), ("organization", "城关镇人民政府")]
    # 单位 names the collectives only under a 先进集体 heading
    rows = [["序号", "单位", "序号", "单位"], ["1", "某县人民医院", "2", "某县第一中学"]]
    assert extract(rows) == []
    assert [r.name for r in extract(rows, TableState(kind="organization"))] == ["某县人民医院", "某县第一中学"]
    recs = extract([["序号", "姓名", "序号", "姓名", "序号", "姓名"], ["1", "王刚", "2", "李娜", "3", "张伟"]])
    assert [r.name for r in recs] == ["王刚", "李娜", "张伟"]


def test_side_by_side_with_names_split_by_space_alignment():
    # 王  刚 read from a space-aligned text as two cells: every later cell shifts
    recs = extract([
        ["序号", "姓名", "单位及职务", "序号", "姓名", "单位及职务", ""],
        ["1", "王", "刚", "某县医院院长", "2", "李娜", "某县一中教师"],
        ["3", "张伟", "某县公安局民警", "4", "赵", "敏", "某县税务局科员"],
    ])  # fmt: skip
    assert [(r.name, r.unit) for r in recs] == [
        ("王刚", "某县医院院长"), ("李娜", "某县一中教师"), ("张伟", "某县公安局民警"), ("赵敏", "某县税务局科员")]


def test_headerless_side_by_side_table():
    recs = extract([
        ["1", "王刚", "男", "某县医院院长", "2", "李娜", "女", "某县一中教师"],
        ["3", "张伟", "男", "某县公安局民警", "4", "赵敏", "女", "某县税务局科员"],
        ["5", "刘洋", "男", "某县财政局局长", "", "", "", ""],
    ])  # fmt: skip
    assert [(r.name, r.gender, r.unit) for r in recs] == [
        ("王刚", "男", "某县医院院长"), ("李娜", "女", "某县一中教师"), ("张伟", "男", "某县公安局民警"),
        ("赵敏", "女", "某县税务局科员"), ("刘洋", "男", "某县财政局局长")]


def test_a_single_table_is_not_split_into_groups():
    recs = extract([
        ["序号", "姓名", "性别", "工作单位", "推荐单位", "备注"],
        ["1", "王刚", "男", "某县医院", "某县卫健局", ""],
    ])  # fmt: skip
    assert [(r.name, r.unit, r.location) for r in recs] == [("王刚", "某县医院", "table 1 row 2")]
