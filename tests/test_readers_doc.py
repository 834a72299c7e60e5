"""Legacy Word (.doc via antiword) and RTF readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import BadInput
from archive.extract.readers import doc as doc_reader
from archive.extract.readers import read_document, read_path, sniff_format
from archive.extract.readers.doc import fold_continuation_rows
from archive.model import Paragraph, SourceDocument, Table

FIXTURE = Path(__file__).parent / "fixtures" / "notice_table.doc"
needs_antiword = pytest.mark.skipif(doc_reader.antiword_path() is None, reason="antiword missing")


@needs_antiword
def test_real_doc_paragraphs_and_table() -> None:
    content = read_path(FIXTURE)
    out = [(type(b).__name__, b.location, b.text if isinstance(b, Paragraph) else b.rows)
           for b in content.blocks]
    assert out == [
        ("Paragraph", "paragraph 1", "关于拟推荐全国民族团结进步模范个人的公示"),
        ("Paragraph", "paragraph 2", "经研究，拟推荐以下同志，现予公示。公示期间如有异议，请与县委统战部联系。"),
        ("Table", "table 1", [
            ["序号", "姓名", "民族", "工作单位"],
            ["1", "陈海忠", "汉族", "都兰县香加乡科尔村"],
            # 完玛东 / 主: two paragraphs in one cell, folded back into one row;
            # the merged unit cell holds both units (python-docx's merge joined them)
            ["2", "完玛东主", "藏族", "海西州人民医院海西州人民检察院"],
            ["3", "郭海芳", "土族", ""],
        ]),
        ("Paragraph", "paragraph 3", "公示时间：2025年9月8日至9月12日。"),
        ("Paragraph", "paragraph 4", "联系电话：0977-8201935"),
    ]


def test_doc_sniffed_from_ole_streams_whatever_its_name() -> None:
    data = FIXTURE.read_bytes()
    assert sniff_format(data, filename="附件.xls") == "doc"
    assert sniff_format(data) == "doc"


def test_missing_antiword_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_reader, "antiword_path", lambda: None)
    with pytest.raises(BadInput, match=r"install antiword \(apt-get install antiword\)"):
        read_document(SourceDocument(FIXTURE.read_bytes(), filename="a.doc"))


@needs_antiword
def test_corrupt_doc_is_bad_input() -> None:
    data = FIXTURE.read_bytes()
    broken = data[:512] + b"\x00" * 2048  # the OLE header survives, the rest is gone
    with pytest.raises(BadInput) as err:
        read_document(SourceDocument(broken, filename="broken.doc"))
    assert "\n" not in str(err.value)


def test_fold_continuation_rows_keeps_rows_under_merged_first_cell() -> None:
    rows = [["序号", "姓名", "民族", "单位"],
            ["1", "完玛东", "藏族", "县医院"],
            ["", "主", "", ""],  # continuation line of row 1
            ["", "李四", "汉族", "县教育局"]]  # a real row under a merged 序号
    assert fold_continuation_rows(rows) == [
        ["序号", "姓名", "民族", "单位"],
        ["1", "完玛东主", "藏族", "县医院"],
        ["", "李四", "汉族", "县教育局"],
    ]


def test_rtf_with_gbk_hex_escapes_and_table() -> None:
    def gbk(text: str) -> str:
        return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))

    rtf = (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 " + gbk("宋体") + ";}}"
        "{\\info{\\title x}}"
        "\\pard " + gbk("关于拟表彰对象的公示") + "\\par\n"
        "\\trowd\\cellx1000\\cellx2000\\intbl " + gbk("姓名") + "\\cell " + gbk("民族") + "\\cell\\row\n"
        "\\trowd\\cellx1000\\cellx2000\\intbl " + gbk("完玛东") + "\\par " + gbk("主")
        + "\\cell \\u34255?" + gbk("族") + "\\cell\\row\n"
        "\\pard " + gbk("特此公示") + "\\par}"
    )
    content = read_document(SourceDocument(rtf.encode("ascii"), filename="名单.doc"))
    out = [(type(b).__name__, b.text if isinstance(b, Paragraph) else b.rows) for b in content.blocks]
    assert out == [
        ("Paragraph", "关于拟表彰对象的公示"),
        ("Table", [["姓名", "民族"], ["完玛东主", "藏族"]]),
        ("Paragraph", "特此公示"),
    ]
    assert isinstance(content.blocks[1], Table)
