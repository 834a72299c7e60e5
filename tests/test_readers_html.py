"""HTML and plain-text readers, cell by cell, plus encodings."""

from __future__ import annotations

import codecs

import pytest

from archive.extract.readers import read_document, sniff_format
from archive.extract.readers.decode import decode_bytes
from archive.model import Paragraph, SourceDocument, Table

NOTICE_HTML = """<!DOCTYPE html>
<html><head>
<meta charset="{charset}">
<title>关于拟表彰对象的公示_某某县人民政府</title>
<meta name="PubDate" content="2025-09-08 10:00">
<meta name="ArticleTitle" content="关于拟表彰对象的公示">
<meta name="ContentSource" content="县委组织部">
<script>var x = "<p>不是正文</p>";</script>
<style>p {{ color: red }}</style>
</head><body>
<nav><a href="/">首页</a> | <a href="/xwzx/">新闻中心</a></nav>
<div class="article">
<h1>关于拟表彰对象的公示</h1>
<p>根据有关规定，现将拟表彰对象<br>予以公示。</p>
<p>公示时间：2025年9月8日至9月12日。</p>
<table border="1">
<caption>拟表彰对象名单</caption>
<tr><th>序号</th><th>姓名</th><th>性别</th><th>民族</th><th>工作单位</th></tr>
<tr><td>1</td><td><p>完玛东</p><p>主</p></td><td rowspan="2">男</td><td>藏族</td><td>某某县<br>人民医院 Dept</td></tr>
<tr><td>2</td><td>张
三</td><td>汉族</td><td>某某县教育局</td></tr>
<tr><td colspan="2">合计</td><td>2人</td><td></td><td></td></tr>
</table>
<p>附件：<a href="files/名单.xlsx">拟表彰对象名单.xlsx</a></p>
<p>联系电话：0971-1234567</p>
</div>
<div class="footer"><a href="http://example.org/about">关于我们</a></div>
</body></html>
"""


def _html(charset: str = "utf-8") -> str:
    return NOTICE_HTML.format(charset=charset)


def test_html_blocks_tables_and_spans() -> None:
    src = SourceDocument(_html().encode("utf-8"), url="http://gov.example.cn/a/b/t1.html")
    content = read_document(src)
    assert content.title == "关于拟表彰对象的公示_某某县人民政府"
    assert content.meta["pubdate"] == "2025-09-08 10:00"
    assert content.meta["articletitle"] == "关于拟表彰对象的公示"
    assert content.meta["contentsource"] == "县委组织部"
    assert content.encoding == "utf-8"
    paras = [b.text for b in content.blocks if isinstance(b, Paragraph)]
    assert paras[:5] == [
        "关于拟表彰对象的公示",
        "根据有关规定，现将拟表彰对象",
        "予以公示。",
        "公示时间：2025年9月8日至9月12日。",
        "拟表彰对象名单",
    ]
    assert "不是正文" not in " ".join(paras)
    assert "首页" not in " ".join(paras)  # <nav> dropped
    assert "关于我们" in paras  # footers kept: relevance is decided later
    tables = [b for b in content.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].location == "table 1"
    assert tables[0].rows == [
        ["序号", "姓名", "性别", "民族", "工作单位"],
        ["1", "完玛东主", "男", "藏族", "某某县人民医院 Dept"],
        ["2", "张三", "男", "汉族", "某某县教育局"],
        ["合计", "合计", "2人", "", ""],
    ]
    # document order: the caption paragraph right before the table
    kinds = [type(b).__name__ for b in content.blocks]
    assert kinds.index("Table") == paras.index("拟表彰对象名单") + 1
    assert ("http://gov.example.cn/a/b/files/名单.xlsx", "拟表彰对象名单.xlsx") in content.links
    assert ("http://gov.example.cn/", "首页") in content.links  # links kept even from nav
    assert ("http://example.org/about", "关于我们") in content.links
    locs = [b.location for b in content.blocks if isinstance(b, Paragraph)]
    assert locs[:3] == ["paragraph 1", "paragraph 2", "paragraph 3"]


def test_html_gbk_without_any_charset_declaration() -> None:
    data = _html("").replace('<meta charset="">', "").encode("gbk")
    content = read_document(SourceDocument(data, content_type="text/html"))
    assert content.encoding == "gb18030"
    assert content.title.startswith("关于拟表彰对象的公示")
    assert [b for b in content.blocks if isinstance(b, Table)][0].rows[1][1] == "完玛东主"


def test_html_gbk_with_meta_charset_and_gbk_only_character() -> None:
    # 堃 is in GBK but not GB2312: a gb2312 label must still decode it.
    data = _html("gb2312").replace("张\n三", "王堃").encode("gbk")
    content = read_document(SourceDocument(data))
    assert content.encoding == "gb18030"
    assert [b for b in content.blocks if isinstance(b, Table)][0].rows[2][1] == "王堃"


def test_html_wrong_declared_charset_is_ignored() -> None:
    # Declared utf-8 in the header and the page, bytes are GBK.
    data = _html("utf-8").encode("gbk")
    content = read_document(SourceDocument(data, content_type="text/html; charset=UTF-8"))
    assert content.encoding == "gb18030"
    assert content.title.startswith("关于拟表彰对象的公示")
    # Declared gb2312, bytes are UTF-8: UTF-8 wins (GB18030 would make mojibake).
    data = _html("gb2312").encode("utf-8")
    content = read_document(SourceDocument(data, content_type="text/html; charset=gb2312"))
    assert content.encoding == "utf-8"
    assert content.title.startswith("关于拟表彰对象的公示")


def test_decode_prefers_http_charset_then_meta() -> None:
    text = "<html><head><meta charset='gbk'></head><body>中文内容测试</body></html>"
    assert decode_bytes(text.encode("gbk"), "text/html; charset=GBK", markup=True) == (
        text, "gb18030")
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), markup=True) == (
        text, "utf-16")
    # latin-1 declared for Chinese bytes: a single-byte label proves nothing
    assert decode_bytes(text.encode("gbk"), "text/html; charset=iso-8859-1", markup=True)[1] == "gb18030"


def test_layout_tables_become_paragraphs_and_nested_tables_stand_alone() -> None:
    html = """<html><body>
<table width="100%"><tr><td class="left"><a href="/x">栏目一</a><br><a href="/y">栏目二</a></td>
<td class="main">
  <h2>关于推荐对象的公示</h2>
  <p>经研究，拟推荐以下同志。</p>
  <table border="1">
    <tr><td>姓名</td><td>单位</td></tr>
    <tr><td>李四</td><td>县医院</td></tr>
  </table>
  <p>特此公示。</p>
</td></tr></table>
<table border="1">
  <tr><td>名称</td><td>明细</td></tr>
  <tr><td>甲单位</td><td>负责人<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></td></tr>
</table>
</body></html>"""
    content = read_document(SourceDocument(html.encode(), filename="x.html"))
    out = [(type(b).__name__, b.text if isinstance(b, Paragraph) else b.rows) for b in content.blocks]
    assert out == [
        ("Paragraph", "栏目一"),
        ("Paragraph", "栏目二"),
        ("Paragraph", "关于推荐对象的公示"),
        ("Paragraph", "经研究，拟推荐以下同志。"),
        ("Table", [["姓名", "单位"], ["李四", "县医院"]]),
        ("Paragraph", "特此公示。"),
        ("Table", [["名称", "明细"], ["甲单位", "负责人"]]),
        ("Table", [["a", "b"], ["c", "d"]]),
    ]
    assert [b.location for b in content.blocks if isinstance(b, Table)] == [
        "table 1", "table 2", "table 3"]


def test_one_cell_table_is_text() -> None:
    html = "<table><tr><td><p>第一段</p><p>第二段</p></td></tr></table>"
    content = read_document(SourceDocument(html.encode(), filename="a.htm"))
    assert [b.text for b in content.blocks] == ["第一段", "第二段"]


def test_base_href_and_embedded_pdf_links() -> None:
    html = ('<html><head><base href="http://a.cn/dir/"></head><body>'
            '<a href="f.pdf">附件</a><a href="javascript:void(0)">x</a>'
            '<iframe src="/viewer.html?file=/doc/a.pdf"></iframe></body></html>')
    content = read_document(SourceDocument(html.encode(), url="http://b.cn/p.html"))
    assert content.links == [("http://a.cn/dir/f.pdf", "附件"),
                             ("http://a.cn/viewer.html?file=/doc/a.pdf", "")]


SEED_TXT = (
    "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示\n\n"
    "地 址:海西州委统战部\n"
    "附 件 2\n\n"
    "序 号\t姓 名\t性 别\t民 族\t出生年月\n"
    "1\t陈海忠\t男\t汉\t1968.6\n"
    "2\t夏 露\t女\t汉\t1986.05\t\n"
    "\n"
    "州委统一战线工作领导小组办公室      2025年9月8日\n"
    "序号  姓名    单位\n"
    "1     李四    县医院\n"
)


def test_txt_utf8_bom_tabs_and_space_columns() -> None:
    data = codecs.BOM_UTF8 + SEED_TXT.replace("\n", "\r\n").encode("utf-8")
    content = read_document(SourceDocument(data, filename="notice.txt"))
    assert content.encoding == "utf-8"
    out = [(type(b).__name__, b.location, b.text if isinstance(b, Paragraph) else b.rows)
           for b in content.blocks]
    assert out == [
        ("Paragraph", "paragraph 1", "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示"),
        ("Paragraph", "paragraph 2", "地 址:海西州委统战部"),
        ("Paragraph", "paragraph 3", "附 件 2"),
        ("Table", "table 1", [
            ["序 号", "姓 名", "性 别", "民 族", "出生年月"],
            ["1", "陈海忠", "男", "汉", "1968.6"],
            ["2", "夏 露", "女", "汉", "1986.05"],
        ]),
        ("Paragraph", "paragraph 4", "州委统一战线工作领导小组办公室      2025年9月8日"),
        ("Table", "table 2", [["序号", "姓名", "单位"], ["1", "李四", "县医院"]]),
    ]


def test_txt_gbk() -> None:
    content = read_document(SourceDocument(SEED_TXT.encode("gbk"), filename="n.txt"))
    assert content.encoding == "gb18030"
    assert content.blocks[3].rows[1] == ["1", "陈海忠", "男", "汉", "1968.6"]


def test_seed_notice_tables() -> None:
    from pathlib import Path

    seed = Path("/work/shared/seeds/000_c760ebe8a9762f7a.txt")
    if not seed.exists():
        pytest.skip("seed notice not available")
    content = read_document(SourceDocument(seed.read_bytes(), filename=seed.name))
    tables = [b for b in content.blocks if isinstance(b, Table)]
    assert [len(t.rows) for t in tables] == [7, 7]
    assert tables[1].rows[0][:5] == ["序 号", "姓 名", "性 别", "民 族", "出生年月"]
    assert tables[1].rows[5][4] == "1990.10"


def test_sniff_by_bytes_before_names() -> None:
    assert sniff_format(b"<!DOCTYPE html><html>", filename="a.doc") == "html"
    assert sniff_format(b"%PDF-1.4\n...", content_type="text/html") == "pdf"
    assert sniff_format("纯文本内容".encode(), content_type="application/octet-stream") == "txt"
    assert sniff_format(b"\x89PNG\r\n\x1a\n\x00\x00", filename="a.png") is None


def test_mht_named_doc_reads_its_html_part() -> None:
    import base64

    html = "<html><body><p>拟表彰对象</p><table><tr><td>姓名</td><td>民族</td></tr>" \
           "<tr><td>张三</td><td>汉族</td></tr></table></body></html>"
    body = base64.encodebytes(html.encode("gb18030")).decode("ascii")
    mht = (
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
        "------=_NextPart_01\r\nContent-Location: file:///C:/a.htm\r\n"
        "Content-Transfer-Encoding: base64\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
        f"{body}\r\n------=_NextPart_01--\r\n"
    ).encode("ascii")
    content = read_document(SourceDocument(mht, filename="名单.doc"))
    assert [type(b).__name__ for b in content.blocks] == ["Paragraph", "Table"]
    assert content.blocks[1].rows == [["姓名", "民族"], ["张三", "汉族"]]


def test_csv_and_text_disguised_as_xls() -> None:
    csv_bytes = "序号,姓名,单位\r\n1,陈海忠,\"都兰县香加乡科尔村,党支部\"\r\n2,花木措,海西州文体旅游广电局\r\n".encode("gbk")
    for name in ("名单.csv", "名单.xls"):
        content = read_document(SourceDocument(csv_bytes, filename=name))
        assert [b.rows for b in content.blocks] == [[
            ["序号", "姓名", "单位"], ["1", "陈海忠", "都兰县香加乡科尔村,党支部"],
            ["2", "花木措", "海西州文体旅游广电局"]]]
    tsv = "序号\t姓名\n1\t陈海忠\n".encode()
    assert read_document(SourceDocument(tsv, filename="a.xls")).blocks[0].rows == [
        ["序号", "姓名"], ["1", "陈海忠"]]


def test_single_row_info_line_is_text_and_label_value_card_is_a_table() -> None:
    deeds = "该同志长期扎根基层，" * 60
    html = f"""<html><body>
<table><tr><td>发布时间：2025-09-08</td><td>来源：县委组织部</td></tr></table>
<table border="1">
<tr><td>姓名</td><td>张三</td></tr><tr><td>性别</td><td>男</td></tr>
<tr><td>民族</td><td>汉族</td></tr><tr><td>工作单位</td><td>县医院</td></tr>
<tr><td>主要事迹</td><td><p>{deeds}</p><p>{deeds}</p></td></tr>
</table></body></html>"""
    content = read_document(SourceDocument(html.encode(), filename="a.html"))
    assert [type(b).__name__ for b in content.blocks] == ["Paragraph", "Paragraph", "Table"]
    assert content.blocks[0].text == "发布时间：2025-09-08"
    assert content.blocks[2].rows[3] == ["工作单位", "县医院"]
    assert content.blocks[2].rows[4] == ["主要事迹", deeds + deeds]


def test_overlapping_spans_keep_the_earlier_cell() -> None:
    html = (
        "<table>"
        '<tr><td rowspan="3">A</td><td>B</td><td rowspan="2" colspan="2">C</td></tr>'
        '<tr><td colspan="3">D</td><td>E</td></tr>'
        '<tr><td>F</td><td rowspan="0">G</td></tr>'
        "<tr><td>H</td></tr>"
        "</table>"
    )
    content = read_document(SourceDocument(html.encode(), filename="t.html"))
    (table,) = [b for b in content.blocks if isinstance(b, Table)]
    assert table.rows == [
        ["A", "B", "C", "C", ""],
        ["A", "D", "C", "C", "E"],
        ["A", "F", "G", "", ""],
        ["H", "", "G", "", ""],
    ]


def test_links_resolve_as_urljoin_does() -> None:
    from urllib.parse import urljoin

    hrefs = [
        "/a/b.html", "/a/./b.html", "/a/../b.html", "b.html", "./b.pdf", "../up/c.doc", "//cdn.example.com/x.js",
        "https://other.example.org/x", "http://www.example.gov.cn/p?q=1#f", "/p?", "/p#", "/p?#f", "/p;v=1",
        "/附件/名单.xlsx", "?page=2", "HTTP://UPPER.example.com/", "/p%20q",
    ]
    for base in ("http://www.example.gov.cn/col/art/t1.html", "https://www.example.gov.cn:8443/a/", "http://a.cn"):
        html = "<html><body>" + "".join(f'<a href="{h}">x</a>' for h in hrefs) + "</body></html>"
        content = read_document(SourceDocument(html.encode(), url=base, filename="p.html"))
        assert [href for href, _ in content.links] == [urljoin(base, h) for h in hrefs]
