"""Writers for the binary formats of the corpus: docx, xlsx, xls, pdf.

Each takes plain Python data (paragraphs, rows, merges) and returns bytes,
so that cases stay declarative.
"""

from __future__ import annotations

import io
from typing import Any

# --- docx ----------------------------------------------------------------------


def docx_bytes(items: list[Any]) -> bytes:
    """`items`: str (a paragraph) or dict(rows=..., merges=[(r1, c1, r2, c2), ...]).

    Merged cells are written once (the text of the top-left cell), as Word does.
    """
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(11)
    for item in items:
        if isinstance(item, str):
            doc.add_paragraph(item)
            continue
        rows = item["rows"]
        ncols = max(len(r) for r in rows)
        table = doc.add_table(rows=len(rows), cols=ncols)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    cell = table.cell(r, c)
                    lines = text.split("\n")
                    cell.paragraphs[0].text = lines[0]
                    for extra in lines[1:]:
                        cell.add_paragraph(extra)
        for r1, c1, r2, c2 in item.get("merges", []):
            a, b = table.cell(r1, c1), table.cell(r2, c2)
            keep = a.text
            merged = a.merge(b)
            # python-docx concatenates the texts of merged cells; keep the first.
            for p in merged.paragraphs[1:]:
                p._element.getparent().remove(p._element)
            merged.paragraphs[0].text = keep
    buf = io.BytesIO()
    doc.core_properties.author = "admin"
    doc.save(buf)
    return buf.getvalue()


# --- xlsx ------------------------------------------------------------------------


def xlsx_bytes(sheets: list[dict[str, Any]]) -> bytes:
    """`sheets`: dict(title=..., rows=[[value, ...]], merges=["A1:H1"], formats={(r, c): "0.00"})."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh["title"])
        for row in sh["rows"]:
            ws.append(row)
        for rng in sh.get("merges", []):
            ws.merge_cells(rng)
        for (r, c), fmt in sh.get("formats", {}).items():
            ws.cell(row=r, column=c).number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- xls ---------------------------------------------------------------------------


def xls_bytes(title: str, rows: list[list[Any]], merges: list[tuple[int, int, int, int, str]]) -> bytes:
    """`merges`: (r1, r2, c1, c2, text) written with write_merge; `rows` start below
    the merged rows (row index = position in the list + number of leading merged rows)."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(title)
    top = 0
    for r1, r2, c1, c2, text in merges:
        ws.write_merge(r1, r2, c1, c2, text)
        top = max(top, r2 + 1)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(top + r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- pdf -------------------------------------------------------------------------------


def pdf_bytes(flow: list[Any], col_widths: list[float] | None = None, repeat_header: int = 1) -> bytes:
    """`flow`: str (paragraph; '##' prefix = centred title) or dict(rows=...) (a ruled
    table). Cells may hold '<br/>' to force a wrap inside the cell."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=1)
    right = ParagraphStyle("right", parent=body, alignment=2)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12, wordWrap="CJK")
    story: list[Any] = []
    for item in flow:
        if isinstance(item, str):
            if item.startswith("##"):
                story += [Paragraph(item[2:], title), Spacer(1, 8)]
            elif item.startswith(">>"):
                story.append(Paragraph(item[2:], right))
            else:
                story.append(Paragraph(item, body))
            continue
        data = [[Paragraph(str(v), cell) for v in row] for row in item["rows"]]
        t = Table(data, colWidths=item.get("widths", col_widths), repeatRows=repeat_header)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story += [Spacer(1, 6), t, Spacer(1, 6)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=40, rightMargin=40, topMargin=50,
                      bottomMargin=50).build(story)
    return buf.getvalue()
