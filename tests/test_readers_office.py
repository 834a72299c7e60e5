"""docx, xlsx and xls readers, built by the test and checked cell by cell."""

from __future__ import annotations

import copy
import datetime as dt
import io

import docx
import openpyxl
import xlwt
from docx.oxml import parse_xml

from archive.extract.readers import read_document
from archive.model import Paragraph, SourceDocument, Table

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXTBOX_XML = (
    f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:txbx><w:txbxContent/></wps:txbx></wps:wsp>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict>'
    '</mc:Fallback></mc:AlternateContent></w:r>'
)


def _fill(table, rows: list[list[str]]) -> None:
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.core_properties.title = "拟表彰对象公示"
    d.add_paragraph("关于拟表彰对象的公示")
    main = d.add_table(rows=4, cols=4)
    _fill(main, [["序号", "姓名", "民族", "工作单位"],
                 ["1", "完玛东", "藏族", "县医院"],
                 ["2", "李四", "汉族", ""],
                 ["3", "王五", "回族", "县教育局"]])
    main.cell(1, 1).add_paragraph("主")  # a name wrapped over two paragraphs
    main.cell(1, 3).merge(main.cell(2, 3))  # vMerge: 县医院 over two rows
    title = main.cell(0, 0)
    del title  # header row stays as typed
    inner = main.cell(3, 3).add_table(rows=2, cols=2)  # nested table
    _fill(inner, [["职务", "任期"], ["局长", "2020—2025"]])
    merged = d.add_table(rows=2, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 2)).text = "先进集体名单"  # gridSpan title row
    _fill_row = ["1", "海西州教育局", "行政单位"]
    for j, text in enumerate(_fill_row):
        merged.cell(1, j).text = text
    # A table inside a text box (wps:txbx, with the usual VML fallback copy).
    boxed = d.add_table(rows=2, cols=2)
    _fill(boxed, [["姓名", "性别"], ["张三", "男"]])
    tbl = boxed._tbl
    tbl.getparent().remove(tbl)
    anchor_para = d.add_paragraph("见文本框")
    run = parse_xml(TEXTBOX_XML)
    boxes = run.findall(f".//{{{W_NS}}}txbxContent")
    boxes[0].append(tbl)
    boxes[1].append(copy.deepcopy(tbl))
    anchor_para._p.append(run)
    d.add_paragraph("特此公示。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_tables_textbox_nested_and_merged() -> None:
    content = read_document(SourceDocument(_docx_bytes(), filename="公示.docx"))
    assert content.title == "拟表彰对象公示"
    out = [(type(b).__name__, b.location, b.text if isinstance(b, Paragraph) else b.rows)
           for b in content.blocks]
    assert out == [
        ("Paragraph", "paragraph 1", "关于拟表彰对象的公示"),
        ("Table", "table 1", [["序号", "姓名", "民族", "工作单位"],
                              ["1", "完玛东主", "藏族", "县医院"],
                              ["2", "李四", "汉族", "县医院"],
                              ["3", "王五", "回族", "县教育局"]]),
        ("Table", "table 2", [["职务", "任期"], ["局长", "2020—2025"]]),
        ("Table", "table 3", [["先进集体名单", "先进集体名单", "先进集体名单"],
                              ["1", "海西州教育局", "行政单位"]]),
        ("Paragraph", "paragraph 2", "见文本框"),
        ("Table", "table 4", [["姓名", "性别"], ["张三", "男"]]),
        ("Paragraph", "paragraph 3", "特此公示。"),
    ]


def _xlsx_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "附件1"
    ws.append(["青海省先进个人拟推荐对象名单"])
    ws.merge_cells("A1:E1")
    ws.append([])  # an empty row: skipped
    ws.append(["序号", "姓名", "出生年月", "入党时间", None, "备注"])
    ws.append([1, "陈海忠", 1968.06, dt.datetime(1995, 7, 1), None, None])
    ws.append([2, "郭海芳", 1990.1, dt.datetime(2012, 6, 15), None, "TRUE"])
    ws.append([3, "夏　露", 1986, 44000.0, None, 12.5])
    ws["C5"].number_format = "0.00"  # 1990.10 typed as a number
    ws["D4"].number_format = 'yyyy"年"m"月"'
    ws["D5"].number_format = "yyyy-mm-dd"
    ws["D6"].number_format = "yyyy-mm-dd"  # a serial number in a date cell
    ws2 = wb.create_sheet("集体")
    ws2.append(["单位名称", "单位性质"])
    ws2.append(["海西州教育局", "行政单位"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_two_sheets_merged_title_formats() -> None:
    content = read_document(SourceDocument(_xlsx_bytes(), url="http://x.cn/files/名单.xlsx"))
    tables = content.blocks
    assert all(isinstance(t, Table) for t in tables)
    assert [t.location for t in tables] == ["sheet 附件1", "sheet 集体"]
    title = "青海省先进个人拟推荐对象名单"
    assert tables[0].rows == [
        [title, title, title, title, title, ""],  # merged A1:E1 repeated
        ["序号", "姓名", "出生年月", "入党时间", "", "备注"],
        ["1", "陈海忠", "1968.06", "1995-07", "", ""],
        ["2", "郭海芳", "1990.10", "2012-06-15", "", "TRUE"],
        ["3", "夏　露", "1986", "2020-06-18", "", "12.5"],
    ]
    assert tables[1].rows == [["单位名称", "单位性质"], ["海西州教育局", "行政单位"]]


def test_xls_merged_title_and_number_formats(tmp_path) -> None:
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("附件2")
    ws.write_merge(0, 0, 0, 3, "先进个人名单")
    for j, h in enumerate(["序号", "姓名", "出生年月", "入党时间"]):
        ws.write(1, j, h)
    two = xlwt.easyxf(num_format_str="0.00")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    month = xlwt.easyxf(num_format_str='yyyy"年"m"月"')
    ws.write(2, 0, 1)
    ws.write(2, 1, "陈海忠")
    ws.write(2, 2, 1968.06)
    ws.write(2, 3, dt.date(1995, 7, 1), day)
    ws.write(3, 0, 2)
    ws.write(3, 1, "郭海芳")
    ws.write(3, 2, 1990.1, two)
    ws.write(3, 3, dt.date(2012, 6, 1), month)
    ws.write_merge(4, 5, 0, 0, "3")  # a vertically merged cell
    ws.write(4, 1, "甲")
    ws.write(5, 1, "乙")
    wb.add_sheet("空表")
    path = tmp_path / "a.xls"
    wb.save(str(path))
    content = read_document(SourceDocument(path.read_bytes(), filename="a.xls"))
    assert [t.location for t in content.blocks] == ["sheet 附件2"]  # empty sheet: no table
    assert content.blocks[0].rows == [
        ["先进个人名单"] * 4,
        ["序号", "姓名", "出生年月", "入党时间"],
        ["1", "陈海忠", "1968.06", "1995-07-01"],
        ["2", "郭海芳", "1990.10", "2012-06"],
        ["3", "甲", "", ""],
        ["3", "乙", "", ""],
    ]


def test_xlsx_named_xls_is_read_by_its_bytes() -> None:
    content = read_document(SourceDocument(_xlsx_bytes(), filename="名单.xls",
                                           content_type="application/vnd.ms-excel"))
    assert content.blocks[0].location == "sheet 附件1"


def test_docx_tracked_changes_keep_current_text_only() -> None:
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    _fill(t, [["姓名", "单位"], ["张三", ""]])
    cell_p = t.cell(1, 1).paragraphs[0]._p
    cell_p.append(parse_xml(
        f'<w:ins xmlns:w="{W_NS}" w:id="1" w:author="a"><w:r><w:t>县医院</w:t></w:r></w:ins>'))
    cell_p.append(parse_xml(
        f'<w:del xmlns:w="{W_NS}" w:id="2" w:author="a"><w:r><w:delText>县卫生院</w:delText></w:r></w:del>'))
    body_p = d.add_paragraph("特此")._p
    body_p.append(parse_xml(
        f'<w:moveFrom xmlns:w="{W_NS}" w:id="3" w:author="a"><w:r><w:t>旧文字</w:t></w:r></w:moveFrom>'))
    body_p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>公示</w:t><w:br/><w:t>二〇二五年</w:t></w:r>'))
    buf = io.BytesIO()
    d.save(buf)
    content = read_document(SourceDocument(buf.getvalue(), filename="a.docx"))
    assert content.blocks[0].rows == [["姓名", "单位"], ["张三", "县医院"]]
    assert [b.text for b in content.blocks[1:]] == ["特此公示", "二〇二五年"]
