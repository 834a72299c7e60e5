"""Build the binary sample notices of `gongshi demo` (docx, xlsx, pdf).

Run it after editing the content below; its output is committed so that the
package ships ready-made samples:

    .venv/bin/python gongshi/samples/make_samples.py

The people and notices are invented for the demo (only the seed notice,
000_*.txt, is a real one).  Dates inside the files are fixed, so running the
script again gives the same content.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2025, 3, 1, 9, 0, 0)

# -- 040: a decision (表彰决定) as a Word document -----------------------------

DOCX_TITLE = "中共海西州委 海西州人民政府关于表彰海西州民族团结进步模范集体和模范个人的决定"
DOCX_PARAGRAPHS = [
    "各市、县（行委）党委和人民政府，州委各部委，州直各单位：",
    "近年来，全州各族干部群众深入学习贯彻习近平总书记关于加强和改进民族工作的重要思想，"
    "以铸牢中华民族共同体意识为主线，扎实推进民族团结进步创建工作，涌现出一批先进典型。"
    "为表彰先进、树立典型，州委、州政府决定，授予海西州蒙古族中学等3个集体“海西州民族团结进步模范集体”称号，"
    "授予东主才让等4名同志“海西州民族团结进步模范个人”称号。",
    "希望受表彰的集体和个人珍惜荣誉、再接再厉，为谱写全面建设社会主义现代化国家的海西篇章作出新的更大贡献。",
    "附件：海西州民族团结进步模范集体和模范个人名单",
]
DOCX_ORGS = ["海西州蒙古族中学", "格尔木市昆仑路街道盐桥社区居民委员会", "都兰县宗加镇诺木洪村"]
DOCX_PEOPLE = [
    ("序号", "姓名", "性别", "民族", "出生年月", "工作单位及职务"),
    ("1", "东主才让", "男", "藏族", "1971年8月", "海西州融媒体中心副总编辑"),
    ("2", "马福林", "男", "回族", "1966年4月", "格尔木市郭勒木德镇中村村党支部书记"),
    ("3", "娜仁格日勒", "女", "蒙古族", "1982年9月", "德令哈市尕海镇中心卫生院院长"),
    ("4", "何玉兰", "女", "汉族", "1975年12月", "乌兰县茶卡镇中心学校教师"),
]
DOCX_SIGNATURE = ["中共海西州委", "海西州人民政府", "2021年12月10日"]


def make_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    doc.core_properties.created = FIXED
    doc.core_properties.modified = FIXED
    doc.core_properties.title = DOCX_TITLE
    doc.core_properties.author = "海西州委办公室"
    heading = doc.add_paragraph(DOCX_TITLE)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("西发〔2021〕28号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in DOCX_PARAGRAPHS:
        doc.add_paragraph(text)
    for text in DOCX_SIGNATURE:
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("附件")
    doc.add_paragraph("海西州民族团结进步模范集体和模范个人名单")
    doc.add_paragraph("一、海西州民族团结进步模范集体（3个）")
    for name in DOCX_ORGS:
        doc.add_paragraph(name)
    doc.add_paragraph("二、海西州民族团结进步模范个人（4名）")
    table = doc.add_table(rows=0, cols=len(DOCX_PEOPLE[0]))
    table.style = "Table Grid"
    for row in DOCX_PEOPLE:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    doc.save(str(path))


# -- 020: the attachment of an HTML notice, as an Excel workbook -------------

XLSX_PEOPLE = [
    ("序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "学历", "工作单位及职务"),
    (1, "花木措", "女", "蒙古族", "1988.06", "群众", "本科", "海西州文体旅游广电局职员"),
    (2, "才让卓玛", "女", "藏族", "1985.12", "中共党员", "本科", "天峻县人民医院护士长"),
    (3, "赵红梅", "女", "汉族", "1978.06", "中共党员", "研究生", "都兰县人民法院审判员"),
    (4, "罗桑拉毛", "女", "藏族", "1987.02", "中共党员", "大专", "格尔木市唐古拉山镇长江源村党支部书记"),
]
XLSX_ORGS = [
    ("序号", "单位名称", "单位性质", "备注"),
    (1, "海西州妇幼保健计划生育服务中心妇产科", "事业单位", ""),
    (2, "德令哈市河西街道昆仑社区居民委员会", "基层群众性自治组织", ""),
]


def make_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.properties.creator = "海西州妇联"
    sheet = book.active
    sheet.title = "三八红旗手"
    sheet.append(["2025年度青海省三八红旗手候选人推荐名单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(XLSX_PEOPLE[0]))
    for row in XLSX_PEOPLE:
        sheet.append(list(row))
    orgs = book.create_sheet("三八红旗集体")
    orgs.append(["2025年度青海省三八红旗集体候选集体推荐名单"])
    orgs.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(XLSX_ORGS[0]))
    for row in XLSX_ORGS:
        orgs.append(list(row))
    book.save(str(path))


# -- 050: a county notice as a PDF ---------------------------------------------

PDF_TITLE = "关于都兰县2022年度优秀教师拟表彰人选的公示"
PDF_PARAGRAPHS = [
    "为大力弘扬尊师重教的良好风尚，激励广大教师爱岗敬业、教书育人，根据《都兰县优秀教师评选表彰办法》，"
    "经学校推荐、县教育局评审，拟表彰马晓燕等3名同志为都兰县2022年度优秀教师。现将拟表彰人选予以公示。",
    "公示时间：2022年8月30日至2022年9月5日。",
    "公示期间，如对公示人选有异议，请以书面形式实名向县教育局人事股反映。联系电话：0977-8312345。",
]
PDF_PEOPLE = [
    ["序号", "姓名", "性别", "民族", "工作单位", "职务/任教学科"],
    ["1", "马晓燕", "女", "回族", "都兰县第一中学", "语文教师"],
    ["2", "公保才旦", "男", "藏族", "都兰县香日德镇中心学校", "数学教师"],
    ["3", "刘芳", "女", "汉族", "都兰县民族寄宿制小学", "班主任"],
]
PDF_SIGNATURE = ["都兰县教育局", "2022年8月30日"]


def make_pdf(path: Path) -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date or random id in the file: same input, same bytes
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, firstLineIndent=22)
    title = ParagraphStyle("title", parent=body, fontSize=15, leading=24, alignment=TA_CENTER, firstLineIndent=0)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    story = [Paragraph(PDF_TITLE, title), Spacer(1, 8)]
    story += [Paragraph(text, body) for text in PDF_PARAGRAPHS]
    story.append(Spacer(1, 8))
    table = Table(PDF_PEOPLE)
    table.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        )
    )
    story += [table, Spacer(1, 16)]
    story += [Paragraph(text, right) for text in PDF_SIGNATURE]
    SimpleDocTemplate(str(path), pagesize=A4, title=PDF_TITLE, author="都兰县教育局").build(story)


OUTPUTS = {
    "040_minzu_tuanjie_mofan.docx": make_docx,
    "020_sanba_hongqishou_mingdan.xlsx": make_xlsx,
    "050_youxiu_jiaoshi.pdf": make_pdf,
}


def main() -> None:
    for name, make in OUTPUTS.items():
        make(HERE / name)
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
