"""pdf reader on PDFs built with reportlab (CJK CID font, ruled tables)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from archive.errors import BadInput
from archive.extract.readers import read_document
from archive.model import Paragraph as Para
from archive.model import SourceDocument
from archive.model import Table as Tbl

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
STYLE = ParagraphStyle("cjk", fontName=FONT, fontSize=10, leading=12, wordWrap="CJK")


def _p(text: str) -> Paragraph:
    return Paragraph(text, STYLE)


def _ruled_pdf(n_rows: int, repeat_header: bool) -> bytes:
    rows = [[_p("序号"), _p("姓名"), _p("民族"), _p("工作单位")]]
    rows.append([_p("1"), _p("完玛东主"), _p("藏族"), _p("海西州人民医院")])
    rows.append([_p("2"), _p("李四"), _p("汉族"), _p("海西州教育局")])
    rows.append([_p("3"), _p("王五"), _p(""), _p("海西州税务局")])
    for i in range(4, n_rows + 1):
        rows.append([_p(str(i)), _p(f"张{i}"), _p("汉族"), _p(f"某某县第{i}中学")])
    table = Table(rows, colWidths=[40, 34, 50, 200], repeatRows=1 if repeat_header else 0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("SPAN", (2, 2), (2, 3))]))  # 汉族 merged over rows 2–3
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title="拟推荐对象名单").build(
        [_p("关于拟推荐对象的公示"), _p("经研究，拟推荐以下同志。"), table, _p("特此公示。")])
    return buf.getvalue()


def test_ruled_table_with_wrapped_name_and_merged_cell() -> None:
    content = read_document(SourceDocument(_ruled_pdf(5, False), filename="a.pdf"))
    assert content.title == "拟推荐对象名单"
    out = [(type(b).__name__, b.location, b.text if isinstance(b, Para) else b.rows)
           for b in content.blocks]
    assert out == [
        ("Paragraph", "page 1 paragraph 1", "关于拟推荐对象的公示"),
        ("Paragraph", "page 1 paragraph 2", "经研究，拟推荐以下同志。"),
        ("Table", "page 1 table 1", [
            ["序号", "姓名", "民族", "工作单位"],
            ["1", "完玛东主", "藏族", "海西州人民医院"],  # 完玛 / 东主 in the cell
            ["2", "李四", "汉族", "海西州教育局"],
            ["3", "王五", "汉族", "海西州税务局"],
            ["4", "张4", "汉族", "某某县第4中学"],
            ["5", "张5", "汉族", "某某县第5中学"],
        ]),
        ("Paragraph", "page 1 paragraph 3", "特此公示。"),
    ]


@pytest.mark.parametrize("repeat_header", [False, True])
def test_table_continued_over_pages_is_one_table(repeat_header: bool) -> None:
    content = read_document(SourceDocument(_ruled_pdf(70, repeat_header), filename="a.pdf"))
    tables = [b for b in content.blocks if isinstance(b, Tbl)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert tables[0].location == "page 1 table 1"
    assert rows[0] == ["序号", "姓名", "民族", "工作单位"]
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 71)]  # header not repeated
    assert rows[-1] == ["70", "张70", "汉族", "某某县第70中学"]
    assert isinstance(content.blocks[-1], Para) and content.blocks[-1].text == "特此公示。"
    assert not content.blocks[-1].location.startswith("page 1 ")


def test_unruled_column_aligned_table_falls_back_to_text_lines() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(FONT, 12)
    c.drawString(72, 780, "拟表彰对象名单")
    y = 750
    for row in (["序号", "姓名", "单位"], ["1", "陈海忠", "都兰县香加乡科尔村"], ["2", "花木措", "海西州文体旅游广电局"]):
        for x, text in zip((72, 150, 260), row, strict=True):
            c.drawString(x, y, text)
        y -= 20
    c.drawString(72, y - 10, "联系电话：0977-8201935")
    c.save()
    content = read_document(SourceDocument(buf.getvalue(), filename="b.pdf"))
    out = [(type(b).__name__, b.text if isinstance(b, Para) else b.rows) for b in content.blocks]
    assert out == [
        ("Paragraph", "拟表彰对象名单"),
        ("Table", [["序号", "姓名", "单位"], ["1", "陈海忠", "都兰县香加乡科尔村"],
                   ["2", "花木措", "海西州文体旅游广电局"]]),
        ("Paragraph", "联系电话：0977-8201935"),
    ]


def test_encrypted_pdf_is_bad_input() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="pw")
    c.setFont(FONT, 12)
    c.drawString(72, 700, "机密")
    c.save()
    with pytest.raises(BadInput, match=r"^encrypted pdf") as err:
        read_document(SourceDocument(buf.getvalue(), filename="secret.pdf"))
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage \x00\x01\x02",
    b"not a pdf at all, just bytes \x00\x01",
])
def test_corrupt_pdf_is_bad_input(data: bytes) -> None:
    with pytest.raises(BadInput, match=r"pdf") as err:
        read_document(SourceDocument(data, filename="broken.pdf"))
    assert "\n" not in str(err.value)


def test_truncated_pdf_is_bad_input_or_partial() -> None:
    data = _ruled_pdf(5, False)
    with pytest.raises(BadInput, match=r"pdf"):
        read_document(SourceDocument(data[: len(data) // 3], filename="cut.pdf"))


def test_wrapped_prose_lines_are_joined_into_paragraphs() -> None:
    indented = ParagraphStyle("body", parent=STYLE, firstLineIndent=20)
    first = "陈海忠，男，汉族，1968年6月出生，中共党员，大专学历，现任都兰县香加乡科尔村党支部书记兼村委会主任。" * 3
    second = "花木措，女，蒙古族，1988年6月出生，群众，本科学历，现任海西州文体旅游广电局职员。" * 3
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(
        [_p("关于拟推荐对象的公示"), Paragraph(first, indented), Paragraph(second, indented)])
    content = read_document(SourceDocument(buf.getvalue(), filename="c.pdf"))
    assert [b.text for b in content.blocks] == ["关于拟推荐对象的公示", first, second]


# --- a list of names and units as plain paragraphs (no ruled table) ----------------------

DECISION_LINES = [
    "某某县人民政府关于表彰2024年度优秀教师的决定",
    "各乡镇人民政府，县直各单位：",
    "2024年，全县广大教师爱岗敬业、无私奉献，在教育教学改革和立德树人工作中涌现出一批先进典型。"
    "为表彰先进、树立榜样，县政府决定，授予吴涛等5名同志“全县优秀教师”称号。",
    "全县优秀教师名单",
    "吴 涛 县第一中学教师",
    "李建国 某某县第二中学副校长兼教务处主任、县级骨干教师",
    "张 丽 城关镇中心小学教师",
    "马秀兰 县实验小学教导主任",
    "欧阳明 县职业中学教师",
]


def _decision_pdf(gap_signature: bool) -> bytes:
    right = ParagraphStyle("right", parent=STYLE, alignment=2)
    story = [_p(line) for line in DECISION_LINES]
    if gap_signature:  # names set apart from their units, signer and date on one line
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=A4)
        c.setFont(FONT, 11)
        y = 800
        for line in DECISION_LINES:
            if line in DECISION_LINES[4:]:
                name, unit = line.rsplit(" ", 1)
                c.drawString(50, y, name)
                c.drawString(130, y, unit)
            elif len(line) < 45:
                c.drawString(50, y, line)
            y -= 18
        c.drawString(50, y, "某某县人民政府")
        c.drawString(400, y, "2025年1月20日")
        c.save()
        return buf.getvalue()
    story += [Paragraph("某某县人民政府", right), Paragraph("2025年1月20日", right)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


@pytest.mark.parametrize("gap_signature", [False, True])
def test_paragraph_list_in_a_pdf_reads_like_the_same_text_file(gap_signature: bool) -> None:
    from archive.extract.pipeline import parse_notice

    pdf = parse_notice(SourceDocument(_decision_pdf(gap_signature), url="https://x.gov.cn/a.pdf",
                                      filename="a.pdf"))
    txt_text = "\n".join([*DECISION_LINES, "某某县人民政府", "2025年1月20日"])
    txt = parse_notice(SourceDocument(txt_text.encode(), url="https://x.gov.cn/a.txt", filename="a.txt"))
    got = [(r.kind, r.name, r.unit) for r in pdf.records]
    assert got == [
        ("person", "吴涛", "县第一中学教师"),
        ("person", "李建国", "某某县第二中学副校长兼教务处主任、县级骨干教师"),
        ("person", "张丽", "城关镇中心小学教师"),
        ("person", "马秀兰", "县实验小学教导主任"),
        ("person", "欧阳明", "县职业中学教师"),
    ]
    assert got == [(r.kind, r.name, r.unit) for r in txt.records]
    assert pdf.records[0].name_raw == "吴 涛"
    assert pdf.meta.published == "2025-01-20"


def test_name_and_unit_far_apart_are_text_but_a_two_column_table_with_header_is_a_table() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(FONT, 12)
    y = 780
    for name, unit in (("吴 涛", "县第一中学教师"), ("李建国", "县第二中学副校长")):
        c.drawString(72, y, name)
        c.drawString(200, y, unit)
        y -= 20
    c.drawString(72, y - 20, "说明")
    y -= 60
    for name, unit in (("姓名", "工作单位"), ("马秀兰", "县实验小学"), ("王志强", "河口乡中心校")):
        c.drawString(72, y, name)
        c.drawString(200, y, unit)
        y -= 20
    c.save()
    content = read_document(SourceDocument(buf.getvalue(), filename="g.pdf"))
    out = [(type(b).__name__, b.text if isinstance(b, Para) else b.rows) for b in content.blocks]
    assert out == [
        ("Paragraph", "吴 涛  县第一中学教师"),
        ("Paragraph", "李建国  县第二中学副校长"),
        ("Paragraph", "说明"),
        ("Table", [["姓名", "工作单位"], ["马秀兰", "县实验小学"], ["王志强", "河口乡中心校"]]),
    ]


def test_a_numbered_line_is_never_joined_to_a_full_line_above() -> None:
    full = "关于对全县教育系统先进集体和先进个人进行表彰的决定，经研究决定对以下同志予以表彰，名单如下所列各位"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(FONT, 10)
    c.drawString(50, 800, full)
    width = pdfmetrics.stringWidth(full, FONT, 10)
    c.drawString(50, 786, "1.王强 县第一中学教师" + "某" * 20)
    c.drawString(50, 772, "2.李四 县人民医院医生")
    c.drawString(50 + width - 20, 758, "完")
    c.save()
    content = read_document(SourceDocument(buf.getvalue(), filename="n.pdf"))
    texts = [b.text for b in content.blocks if isinstance(b, Para)]
    assert texts[1].startswith("1.王强") and texts[2].startswith("2.李四")
