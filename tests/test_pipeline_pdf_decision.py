"""An award decision as a PDF whose nominee list is plain paragraphs (no
table): its date is found however the signature block is laid out, and the
signers are never nominees."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from archive.extract import parse_notice
from archive.model import SourceDocument

FONT = "STSong-Light"
if FONT not in pdfmetrics.getRegisteredFontNames():
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY_STYLE = ParagraphStyle("cjk", fontName=FONT, fontSize=11, leading=16, wordWrap="CJK")
RIGHT = ParagraphStyle("right", parent=BODY_STYLE, alignment=2)
TITLE = ParagraphStyle("title", parent=BODY_STYLE, alignment=1, fontSize=16, leading=22)
INDENT = ParagraphStyle("indent", parent=BODY_STYLE, firstLineIndent=22)

TITLE_TEXT = "关于表彰2025年度全县民族团结进步先进集体和先进个人的决定"  # wraps: …的决 / 定
BODY = (
    "2025年，全县各级各部门深入贯彻落实党的民族政策，扎实推进民族团结进步创建工作，涌现出一批先进集体和"
    "先进个人。为表彰先进、树立典型，县委、县政府决定，授予某某县城关镇人民政府等3个单位“全县民族团结进步"
    "先进集体”称号，授予张建国等5名同志“全县民族团结进步先进个人”称号。希望受到表彰的先进集体和个人珍惜"
    "荣誉，再接再厉。"
)
LIST = [
    "一、先进集体（3个）",
    "某某县城关镇人民政府",
    "某某县第一中学",
    "某某县人民医院",
    "二、先进个人（5名）",
    "张建国 某某县城关镇党委书记",
    "李秀英（女，回族） 某某县第一中学教师",
    "马海忠（回族） 某某县人民医院医生",
    "王 强 某某县公安局民警",
    "欧阳明 某某县教育局干部",
]
NOMINEES = [
    ("organization", "某某县城关镇人民政府"),
    ("organization", "某某县第一中学"),
    ("organization", "某某县人民医院"),
    ("person", "张建国"),
    ("person", "李秀英"),
    ("person", "马海忠"),
    ("person", "王强"),
    ("person", "欧阳明"),
]
ISSUED = "中共某某县委办公室　　　　　　　2025年9月22日印发"

# The signature block, as formal documents lay it out (right-aligned), and
# the date each layout must give.
SIGNATURES = {
    "date line": (["中共某某县委", "某某县人民政府", "2025年9月20日"], "2025-09-20"),
    "chinese numerals": (["中共某某县委", "某某县人民政府", "二〇二五年九月二十日"], "2025-09-20"),
    "day wrapped": (["中共某某县委", "某某县人民政府", "2025年9月", "20日"], "2025-09-20"),
    "numerals wrapped": (["中共某某县委", "某某县人民政府", "二〇二五年九月", "二十日"], "2025-09-20"),
    "signer and date on one line": (["中共某某县委", "某某县人民政府　　　　2025年9月20日"], "2025-09-20"),
}


def decision_pdf(signature: list[str], *, issued_at_top: bool = False, issued_at_foot: bool = True) -> bytes:
    story = [Paragraph(ISSUED, BODY_STYLE)] if issued_at_top else []
    story += [
        Paragraph("中共某某县委 某某县人民政府", TITLE),
        Paragraph(TITLE_TEXT, TITLE),
        Paragraph("某发〔2025〕12号", ParagraphStyle("number", parent=BODY_STYLE, alignment=1)),
        Paragraph("各乡镇党委和人民政府，县直各单位：", BODY_STYLE),
        Paragraph(BODY, INDENT),
        Paragraph("附件：全县民族团结进步先进集体和先进个人名单", INDENT),
        Spacer(1, 20),
    ]
    story += [Paragraph(line, RIGHT) for line in signature]
    story += [
        Paragraph("（此件公开发布）", BODY_STYLE),
        Spacer(1, 20),
        Paragraph("附件", BODY_STYLE),
        Paragraph("全县民族团结进步先进集体和先进个人名单", TITLE),
    ]
    story += [Paragraph(line, BODY_STYLE) for line in LIST]
    if issued_at_foot:
        story.append(Paragraph(ISSUED, BODY_STYLE))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def parse(data: bytes):
    return parse_notice(SourceDocument(data, filename="jd.pdf", url="http://www.example.gov.cn/attach/jd.pdf"))


@pytest.mark.parametrize("layout", list(SIGNATURES))
def test_the_signing_date_is_published_and_signers_are_not_nominees(layout: str) -> None:
    signature, date = SIGNATURES[layout]
    parsed = parse(decision_pdf(signature))
    assert parsed.meta.published == date
    assert parsed.meta.title == TITLE_TEXT  # the wrapped title made whole
    assert (parsed.meta.stage, parsed.meta.level) == ("awarded", "county")
    assert [(r.kind, r.name) for r in parsed.records] == NOMINEES


def test_the_issued_line_at_the_top_when_the_signature_has_no_date() -> None:
    parsed = parse(decision_pdf(["中共某某县委", "某某县人民政府"], issued_at_top=True, issued_at_foot=False))
    assert parsed.meta.published == "2025-09-22"
    assert [(r.kind, r.name) for r in parsed.records] == NOMINEES


def test_the_signing_date_wins_over_the_issued_line_at_the_top() -> None:
    parsed = parse(decision_pdf(SIGNATURES["date line"][0], issued_at_top=True, issued_at_foot=False))
    assert parsed.meta.published == "2025-09-20"
    assert parsed.meta.issuer == "中共某某县委 某某县人民政府"
