"""Shapes seen on other sites: run-on unit+position+name lists in prose, counted
award clauses, place-first families, names-only lists wrapped over lines,
grouped lines padded with full-width spaces, page furniture and metadata tables."""

from __future__ import annotations

import pytest

from archive.extract.pipeline import parse_notice
from archive.model import Record, SourceDocument


def parse_txt(text: str) -> list[Record]:
    doc = SourceDocument(text.strip().encode("utf-8"), url="https://example.gov.cn/a.txt", filename="a.txt")
    return parse_notice(doc).records


def parse_html(body: str, title: str = "关于表彰2025年度先进集体和先进个人的决定") -> list[Record]:
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    doc = SourceDocument(page.encode("utf-8"), url="https://example.gov.cn/a.html", filename="a.html")
    return parse_notice(doc).records


def kinds_names(records: list[Record]) -> list[tuple[str, str]]:
    return [(r.kind, r.name) for r in records]


# --- 1. run-on lists: unit+position then the name, no separator --------------------


@pytest.mark.parametrize("title", ["为全市劳动模范", "为“全市劳动模范”", "为全市劳动模范人选"])
def test_unit_position_name_run_on_with_collectives_in_one_sentence(title: str) -> None:
    recs = parse_txt(
        "关于2026年度全市劳动模范和先进集体拟推荐对象的公示\n"
        "经基层推荐、资格审查，拟推荐某县人民医院院长张建国、某镇中心小学教师李红梅、"
        f"某村党支部书记王大山{title}，某县供电公司营销部、某镇卫生院为全市先进集体。现予以公示。\n"
        "某市总工会\n2026年4月30日"
    )
    assert kinds_names(recs) == [
        ("person", "张建国"),
        ("person", "李红梅"),
        ("person", "王大山"),
        ("organization", "某县供电公司营销部"),
        ("organization", "某镇卫生院"),
    ]
    assert {r.name: r.unit for r in recs}["李红梅"] == "某镇中心小学教师"


def test_items_before_the_verb_in_a_news_sentence() -> None:
    recs = parse_html(
        "<p>据悉，某县人民医院院长张建国、某村党支部书记王大山拟推荐为全省劳动模范，"
        "某县供电公司营销部拟推荐为全省先进集体。</p>",
        title="我县2人1集体拟获推荐全省劳动模范",
    )
    assert kinds_names(recs) == [
        ("person", "张建国"),
        ("person", "王大山"),
        ("organization", "某县供电公司营销部"),
    ]


def test_becoming_a_model_in_narrative_names_nobody() -> None:
    recs = parse_txt(
        "关于2026年度全市劳动模范拟推荐对象的公示\n"
        "多年来，他扎根基层，先后成为全市劳动模范、全省先进工作者。\n"
        "某市总工会\n2026年4月30日"
    )
    assert recs == []


def test_two_counted_award_clauses_and_a_counted_collective_clause() -> None:
    recs = parse_txt(
        "关于表彰2025年度优秀教师和先进单位的决定\n各乡镇：\n"
        "经研究，决定授予某县第一中学教师刘志强、某镇卫生院医生陈晓燕等2名同志“最美教师”称号；"
        "授予赵小勇、孙丽等两名同志“优秀志愿者”称号；"
        "授予某县城关镇某村、某镇中心学校等2个单位“文明单位”称号。\n"
        "某县人民政府\n2026年3月1日"
    )
    assert kinds_names(recs) == [
        ("person", "刘志强"),
        ("person", "陈晓燕"),
        ("person", "赵小勇"),
        ("person", "孙丽"),
        ("organization", "某县城关镇某村"),
        ("organization", "某镇中心学校"),
    ]
    assert all(r.unit is None or "名" not in r.unit for r in recs)


def test_a_count_larger_than_the_items_is_a_summary() -> None:
    recs = parse_txt(
        "关于表彰2025年度先进集体和先进个人的决定\n"
        "县委、县政府决定，授予某县人民医院急诊科等3个单位“先进集体”称号，授予张建国等15名同志“先进个人”称号。\n"
        "某县人民政府\n2026年3月1日"
    )
    assert recs == []


# --- 3. families written place first -----------------------------------------------


@pytest.mark.parametrize("gap", ["&nbsp;", " ", "\u3000"])
def test_place_then_family_lines(gap: str) -> None:
    recs = parse_html(
        "<p>经研究，决定授予以下家庭2025年度某市“最美家庭”称号。</p>"
        f"<p>1.龙华区{gap}王建国家庭</p><p>2.美兰区海甸街道{gap}李秀英家庭</p>"
        f"<p>3.某某电力有限公司{gap}陈志明家庭</p><p>4.琼山区{gap}符海燕家庭</p>",
        title="关于表彰2025年度某市“最美家庭”的决定",
    )
    assert [(r.kind, r.name, r.unit) for r in recs] == [
        ("organization", "王建国家庭", "龙华区"),
        ("organization", "李秀英家庭", "美兰区海甸街道"),
        ("organization", "陈志明家庭", "某某电力有限公司"),
        ("organization", "符海燕家庭", "琼山区"),
    ]


def test_place_then_family_in_one_list_line() -> None:
    recs = parse_html(
        "<p>经研究，决定授予以下家庭2025年度某市“最美家庭”称号。</p>"
        "<p>龙华区&nbsp;王建国家庭、某某电力有限公司&nbsp;陈志明家庭、琼山区 符海燕家庭</p>",
        title="关于表彰2025年度某市“最美家庭”的决定",
    )
    assert [(r.name, r.unit) for r in recs] == [
        ("王建国家庭", "龙华区"),
        ("陈志明家庭", "某某电力有限公司"),
        ("符海燕家庭", "琼山区"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "决定授予龙华区王建国家庭、某某电力有限公司陈志明家庭、琼山区符海燕家庭“最美家庭”称号。",
        "经研究，决定授予以下家庭“最美家庭”称号：\n龙华区王建国家庭、某某电力有限公司陈志明家庭、琼山区符海燕家庭",
        "经研究，决定授予以下家庭“最美家庭”称号：\n龙华区 王建国家庭    某某电力有限公司 陈志明家庭\n琼山区 符海燕家庭",
    ],
)
def test_place_glued_or_gridded_before_the_family(line: str) -> None:
    recs = parse_txt(f"关于表彰2025年度某市“最美家庭”的决定\n{line}\n某市妇女联合会\n2026年3月8日")
    assert [(r.kind, r.name, r.unit) for r in recs] == [
        ("organization", "王建国家庭", "龙华区"),
        ("organization", "陈志明家庭", "某某电力有限公司"),
        ("organization", "符海燕家庭", "琼山区"),
    ]


# --- 2. names-only lists whose bracket wraps onto the next line --------------------


@pytest.mark.parametrize(
    "intro",
    ["经研究，决定对下列同志予以表彰：", "经院党组研究，决定授予以下同志“优秀检察官”称号：", ""],
)
def test_names_with_notes_wrapped_inside_a_bracket(intro: str) -> None:
    recs = parse_txt(
        "关于表彰2025年度优秀检察官的决定\n"
        f"{intro}\n"
        "张三（男，汉族）、李四（女，回族）、王五（男，藏\n"
        "族）、赵六（女，汉族）、孙七（男，黎族）、周八（女，\n"
        "汉族）、吴九（男，苗族）\n"
        "某市人民检察院\n2026年1月5日"
    )
    assert [(r.name, r.gender, r.ethnicity) for r in recs] == [
        ("张三", "男", "汉族"),
        ("李四", "女", "回族"),
        ("王五", "男", "藏族"),
        ("赵六", "女", "汉族"),
        ("孙七", "男", "黎族"),
        ("周八", "女", "汉族"),
        ("吴九", "男", "苗族"),
    ]


# --- 6. page furniture --------------------------------------------------------------


def test_wechat_bylines_and_credits_give_nothing() -> None:
    recs = parse_html(
        "<p>原创 某某 某某融媒</p><p>某某发布</p><p>作者：李明</p>"
        "<p>经研究，拟推荐以下同志为全省优秀志愿者：</p><p>张建国、李红梅</p>"
        "<p>来源：某某发布</p><p>编辑：王芳</p><p>审核：刘强</p><p>责任编辑：陈晨</p>",
        title="我市2人拟推荐为全省优秀志愿者",
    )
    assert kinds_names(recs) == [("person", "张建国"), ("person", "李红梅")]


@pytest.mark.parametrize("byline", ["长春发布", "原创 张小明 某某融媒", "某某县微信公众号", "长春融媒 张小明"])
def test_an_account_byline_ends_the_list_before_the_authors_name(byline: str) -> None:
    recs = parse_html(
        "<p>经研究，拟推荐以下同志为全省优秀志愿者：</p><p>张建国</p><p>李红梅</p>"
        f"<p>{byline}</p><p>张小明</p>",
        title="我市2人拟推荐为全省优秀志愿者",
    )
    assert kinds_names(recs) == [("person", "张建国"), ("person", "李红梅")]


def test_units_named_like_accounts_stay_collectives() -> None:
    recs = parse_txt(
        "关于2025年度全市宣传系统先进集体拟表彰对象的公示\n经研究，拟表彰以下先进集体：\n"
        "某县融媒体中心\n某县融媒体中心新闻部\n某市信息发布中心\n某市总工会\n2026年4月30日"
    )
    assert kinds_names(recs) == [
        ("organization", "某县融媒体中心"),
        ("organization", "某县融媒体中心新闻部"),
        ("organization", "某市信息发布中心"),
    ]


# --- metadata tables of 政务公开 pages ------------------------------------------------

_INFO_TABLES = {
    "label-value pairs": (
        "<table><tr><td>索引号</td><td>11220000013544357T/2026-00123</td><td>主题分类</td><td>综合政务</td></tr>"
        "<tr><td>发布机构</td><td>某市民政局</td><td>成文日期</td><td>2026-04-01</td></tr>"
        "<tr><td>发文字号</td><td></td><td>发布日期</td><td>2026-04-02</td></tr></table>"
    ),
    "header row": (
        "<table><tr><th>索引号</th><th>主题分类</th><th>发布机构</th><th>成文日期</th><th>发布日期</th></tr>"
        "<tr><td>000014349/2026-00123</td><td>民政</td><td>某市民政局</td><td>2026年04月01日</td>"
        "<td>2026年04月02日</td></tr></table>"
    ),
    "labels with colons": (
        "<table><tr><td>索引号：</td><td>000014349/2026-00123</td></tr>"
        "<tr><td>成文日期：</td><td>2026年04月01日</td></tr><tr><td>主题分类：</td><td>民政</td></tr></table>"
    ),
}


@pytest.mark.parametrize("layout", sorted(_INFO_TABLES))
def test_information_tables_of_open_government_pages_give_nothing(layout: str) -> None:
    recs = parse_html(
        _INFO_TABLES[layout]
        + "<p>经研究，拟推荐以下同志为全省优秀志愿者：</p>"
        "<table><tr><th>姓名</th><th>性别</th><th>工作单位</th></tr>"
        "<tr><td>张建国</td><td>男</td><td>某市第一中学</td></tr></table>",
        title="关于2025年度优秀志愿者拟推荐对象的公示",
    )
    assert [(r.name, r.unit) for r in recs] == [("张建国", "某市第一中学")]


# --- 4. UNIT：NAME　NAME groups, names padded with full-width spaces ----------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("张\u3000伟\u3000李建国\u3000王\u3000强", "刘\u3000洋\u3000陈志明"),
        ("张 伟 李建国 王 强", "刘 洋 陈志明"),
        ("张伟\u3000李建国\u3000王强", "刘洋\u3000陈志明"),
    ],
)
def test_unit_groups_of_padded_names_inside_an_open_list(first: str, second: str) -> None:
    recs = parse_txt(
        "关于表彰2025年度优秀人民警察的决定\n经研究，决定对以下同志予以通报表彰：\n"
        f"市公安局刑侦支队：{first}\n市公安局交警支队：{second}\n某市公安局\n2026年1月5日"
    )
    assert [(r.name, r.unit) for r in recs] == [
        ("张伟", "市公安局刑侦支队"),
        ("李建国", "市公安局刑侦支队"),
        ("王强", "市公安局刑侦支队"),
        ("刘洋", "市公安局交警支队"),
        ("陈志明", "市公安局交警支队"),
    ]


# --- 5. lone collectives ------------------------------------------------------------


def test_mixed_list_with_school_abbreviations_and_a_quoted_collective_name() -> None:
    recs = parse_txt(
        "关于2025年度全市民族团结进步模范集体和模范个人拟表彰对象的公示\n经研究，拟表彰以下集体和个人：\n"
        "张建国　某县人民医院院长\n李红梅　某县一中教师\n某社区“红石榴”志愿服务队\n某师范大学附中\n"
        "某县实小\n某县职中\n王大山　某村党支部书记\n现予以公示。\n某市民宗委\n2026年4月30日"
    )
    assert kinds_names(recs) == [
        ("person", "张建国"),
        ("person", "李红梅"),
        ("organization", "某社区“红石榴”志愿服务队"),
        ("organization", "某师范大学附中"),
        ("organization", "某县实小"),
        ("organization", "某县职中"),
        ("person", "王大山"),
    ]


@pytest.mark.parametrize("title", ["关于授予某县人民医院“全市卫生健康系统先进集体”称号的决定", "关于表彰全市卫生健康系统先进集体的决定"])
def test_a_lone_collective_awarded_the_notices_own_honour_in_a_sentence(title: str) -> None:
    recs = parse_txt(
        f"{title}\n各有关单位：\n为表彰先进，经研究，决定授予某县人民医院“全市卫生健康系统先进集体”称号。\n"
        "某市卫生健康委员会\n2026年4月30日"
    )
    assert kinds_names(recs) == [("organization", "某县人民医院")]


@pytest.mark.parametrize(
    "wrapped",
    [
        "张三（男，汉族）、李四（女，回族）、王五（男，藏族）、\n赵六（女，汉族）、孙七（男，黎族）",
        "张三（男，汉族）、李四（女，回族）、王\n五（男，藏族）、赵六（女，汉族）、孙七（男，黎族）",
        "张三（男，汉族）、李四（女，回族）、王五（男，\n藏族）、赵六（女，汉族）、孙七（男，黎族）。",
    ],
)
def test_names_with_notes_wrapped_between_or_inside_items(wrapped: str) -> None:
    recs = parse_txt(
        f"关于表彰2025年度优秀检察官的决定\n经研究，决定授予以下同志“优秀检察官”称号：\n{wrapped}\n"
        "某市人民检察院\n2026年1月5日"
    )
    assert [(r.name, r.ethnicity) for r in recs] == [
        ("张三", "汉族"), ("李四", "回族"), ("王五", "藏族"), ("赵六", "汉族"), ("孙七", "黎族"),
    ]


def test_a_sheet_row_with_only_its_unit_and_kind_filled_is_a_collective() -> None:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (
        ["2025年度全市法院系统先进集体和先进个人推荐名单"],
        ["序号", "姓名", "性别", "民族", "工作单位及职务", "类别"],
        [1, "张建国", "男", "汉族", "某县人民法院立案庭庭长", "先进个人"],
        [2, None, None, None, "某县人民法院执行局", "先进集体"],
        [3, "李红梅", "女", "回族", "某区人民法院法官", "先进个人"],
    ):
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    doc = SourceDocument(buf.getvalue(), url="https://example.gov.cn/a.xlsx", filename="推荐名单.xlsx")
    recs = parse_notice(doc).records
    assert kinds_names(recs) == [
        ("person", "张建国"),
        ("organization", "某县人民法院执行局"),
        ("person", "李红梅"),
    ]
