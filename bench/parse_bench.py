"""Parse speed and peak memory of the document readers, per format.

    .venv/bin/python bench/parse_bench.py            # full run (builds ~60 MB of documents)
    .venv/bin/python bench/parse_bench.py --quick    # small sizes, no big files

Builds realistic documents of every format in a temporary directory: HTML
and txt notices of 20–60 KB (CMS template, navigation, Word-exported tables),
docx/xlsx/xls/pdf with 50–500 rows, the .doc fixture, plus one ~50 MB xlsx
and one large docx.  Each format is then parsed in its own subprocess, so
that its peak RSS (``ru_maxrss``) is its own; the figures printed are
documents per CPU second for `read_document` alone and, if
`archive.extract.parse_notice` is importable, for the whole pipeline.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国海忠发清露措东主才让玛卓嘎央金德吉"
ETHNIC = ["汉族", "汉族", "汉族", "回族", "藏族", "蒙古族", "土族", "撒拉族", "满族"]
POLITICAL = ["中共党员", "中共党员", "群众", "无党派人士", "民盟盟员"]
EDU = ["大学", "本科", "研究生", "大专", "中专", "高中"]
UNITS = ["海西州人民医院", "都兰县香加乡科尔村", "格尔木市委政法委", "海西州教育局", "天峻县新源镇城西社区",
         "德令哈市火车站街道办事处", "青海柴达木职业技术学院", "国家税务总局海西州税务局"]
POSITIONS = ["党支部书记", "副局长", "主任医师", "教师", "社区主任", "科员", "副院长", "村委会主任"]
PROSE = ("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，深入开展民族团结进步创建工作，"
         "扎实推进各项工作任务落实，积极促进各民族交往交流交融，取得了显著成效，得到了群众的一致好评。")
HEADER = ["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "学历", "工作单位及职务"]


def person(rng: random.Random, i: int) -> list[str]:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 3))))
    return [str(i), name, rng.choice("男女"), rng.choice(ETHNIC),
            f"{rng.randint(1960, 2000)}.{rng.randint(1, 12):02d}", rng.choice(POLITICAL),
            rng.choice(EDU), rng.choice(UNITS) + rng.choice(POSITIONS)]


def prose(rng: random.Random, n: int) -> str:
    return "".join(PROSE[rng.randint(0, 20):] for _ in range(n))


# --- html and txt notices ---------------------------------------------------

def html_notice(rng: random.Random, n_rows: int) -> bytes:
    nav = "".join(f'<li><a href="/col{i}/index.html">栏目{i}</a></li>' for i in range(40))
    side = "".join(f'<tr><td><a href="/xxgk/{i}.html">信息公开目录{i}</a></td></tr>' for i in range(25))
    paras = "".join(f'<p style="text-indent:2em"><span style="font-family:仿宋_GB2312">{prose(rng, 2)}</span></p>'
                    for _ in range(rng.randint(4, 9)))
    cell = ('<td width="{w}" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt">'
            '<p class="MsoNormal" align="center" style="text-align:center">'
            '<span style="font-size:12.0pt;font-family:仿宋_GB2312">{t}</span></p></td>')
    rows = ["<tr>" + "".join(cell.format(w=60, t=h) for h in HEADER) + "</tr>"]
    for i in range(1, n_rows + 1):
        rows.append("<tr>" + "".join(cell.format(w=60, t=escape(c)) for c in person(rng, i)) + "</tr>")
    footer = "".join(f'<a href="http://www.gov{i}.cn/">相关链接{i}</a> ' for i in range(20))
    page = f"""<!DOCTYPE html><html><head><meta charset="gbk">
<title>关于拟推荐对象的公示_海西州人民政府</title>
<meta name="ArticleTitle" content="关于拟推荐对象的公示"><meta name="PubDate" content="2025-09-08 10:00">
<meta name="ContentSource" content="州委统战部"><meta name="description" content="公示">
<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head><body><div class="header"><ul class="nav">{nav}</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<table width="1000" align="center"><tr><td width="200" valign="top"><table>{side}</table></td>
<td valign="top"><div class="article"><h1>关于拟推荐对象的公示</h1>
<div class="info">发布时间：2025-09-08 来源：州委统战部 浏览次数：<span id="hits">0</span></div>
{paras}
<p align="center"><b>拟推荐对象名单</b></p>
<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">{"".join(rows)}</table>
<p>附件：<a href="/attach/名单.xlsx">拟推荐对象名单.xlsx</a></p>
<p align="right">州委统一战线工作领导小组办公室</p><p align="right">2025年9月8日</p>
</div></td></tr></table>
<div class="footer">{footer}<p>版权所有：海西州人民政府 备案号：青ICP备00000000号</p></div>
</body></html>"""
    return page.encode("gb18030")


def txt_notice(rng: random.Random, n_rows: int) -> bytes:
    lines = ["关于拟推荐对象的公示", ""]
    lines += [prose(rng, 2) for _ in range(rng.randint(3, 6))]
    lines += ["", "附件1 拟推荐对象名单", "\t".join(HEADER)]
    lines += ["\t".join(person(rng, i)) for i in range(1, n_rows + 1)]
    lines += ["", "附件2 主要事迹"] + [prose(rng, 6) for _ in range(rng.randint(10, 30))]
    return "\n".join(lines).encode("utf-8")


# --- office and pdf attachments ---------------------------------------------

def docx_doc(rng: random.Random, n_rows: int) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("拟推荐对象名单")
    rows = [HEADER] + [person(rng, i) for i in range(1, n_rows + 1)]
    table = d.add_table(rows=len(rows), cols=len(HEADER))
    for tr, row in zip(table.rows, rows, strict=True):
        for tc, text in zip(tr.cells, row, strict=True):
            tc.text = text
    for _ in range(5):
        d.add_paragraph(prose(rng, 3))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def xlsx_doc(rng: random.Random, n_rows: int) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "附件1"
    ws.append(["拟推荐对象名单"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(HEADER)
    for i in range(1, n_rows + 1):
        row: list[object] = person(rng, i)
        row[0] = i
        row[4] = float(row[4])
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xls_doc(rng: random.Random, n_rows: int) -> bytes:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("附件1")
    ws.write_merge(0, 0, 0, len(HEADER) - 1, "拟推荐对象名单")
    for j, h in enumerate(HEADER):
        ws.write(1, j, h)
    two = xlwt.easyxf(num_format_str="0.00")
    for i in range(1, n_rows + 1):
        for j, v in enumerate(person(rng, i)):
            if j == 4:
                ws.write(i + 1, j, float(v), two)
            else:
                ws.write(i + 1, j, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_doc(rng: random.Random, n_rows: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=9, leading=11, wordWrap="CJK")
    rows = [[Paragraph(c, style) for c in HEADER]]
    rows += [[Paragraph(c, style) for c in person(rng, i)] for i in range(1, n_rows + 1)]
    table = Table(rows, colWidths=[28, 40, 28, 40, 45, 50, 40, 200], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    buf = io.BytesIO()
    story = [Paragraph("关于拟推荐对象的公示", style), Paragraph(prose(rng, 2), style), table]
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def big_xlsx(rng: random.Random, path: Path, target_mb: int) -> None:
    """A sheet with a long 主要事迹 column, written as XML directly (openpyxl
    would take minutes); shared strings, like Excel writes them."""
    n_rows = max(1000, target_mb * 2000)
    pool = [ch for ch in PROSE + SURNAMES + GIVEN]
    strings: list[str] = HEADER + ["主要事迹"]
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
                'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    sheet.write('<row r="1">' + "".join(f'<c t="s"><v>{j}</v></c>' for j in range(len(HEADER) + 1)) + "</row>")
    for i in range(1, n_rows + 1):
        row = person(rng, i)
        cells = [f'<c><v>{i}</v></c>']
        for value in row[1:]:
            strings.append(value)
            cells.append(f'<c t="s"><v>{len(strings) - 1}</v></c>')
        strings.append("".join(rng.choice(pool) for _ in range(300)))
        cells.append(f'<c t="s"><v>{len(strings) - 1}</v></c>')
        sheet.write(f'<row r="{i + 1}">' + "".join(cells) + "</row>")
    sheet.write("</sheetData></worksheet>")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst '
           'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    _write_xlsx(path, sheet.getvalue(), sst)


def _write_xlsx(path: Path, sheet_xml: str, sst_xml: str) -> None:
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", f'<?xml version="1.0"?><Types xmlns="{ns}/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/>'
                    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    "</Types>")
        zf.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                    "</Relationships>")
        zf.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{ns}/spreadsheetml/2006/main" '
                    f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>'
                    '<sheet name="附件1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                    f'<Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    "</Relationships>")
        zf.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        zf.writestr("xl/sharedStrings.xml", sst_xml)


def big_docx(rng: random.Random, path: Path, n_rows: int) -> None:
    """A docx whose body is a table of `n_rows` nominees, spliced into a
    python-docx document as XML (python-docx itself is too slow for this)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    template = docx_doc(rng, 1)

    def tr(cells: list[str]) -> str:
        return "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{escape(c)}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"

    body = ["<w:tbl>", tr(HEADER)]
    body += [tr(person(rng, i)) for i in range(1, n_rows + 1)]
    body.append("</w:tbl>")
    body += [f"<w:p><w:r><w:t>{prose(rng, 4)}</w:t></w:r></w:p>" for _ in range(200)]
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                end = text.index("<w:sectPr")
                text = text[:start] + "".join(body) + text[end:]
                assert w in text
                data = text.encode("utf-8")
            dst.writestr(item, data)


# --- generation and measurement ---------------------------------------------

def generate(root: Path, quick: bool) -> dict[str, list[Path]]:
    rng = random.Random(20250908)
    groups: dict[str, list[Path]] = {}

    def put(group: str, name: str, data: bytes) -> None:
        path = root / group / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        groups.setdefault(group, []).append(path)

    n_notices = 40 if quick else 200
    for i in range(n_notices):
        put("html", f"n{i}.html", html_notice(rng, rng.randint(8, 40)))
        put("txt", f"n{i}.txt", txt_notice(rng, rng.randint(8, 40)))
    sizes = [50, 120, 500] if quick else [50, 80, 120, 200, 300, 500]
    for i, n in enumerate(sizes):
        put("docx", f"d{i}.docx", docx_doc(rng, n))
        put("xlsx", f"x{i}.xlsx", xlsx_doc(rng, n))
        put("xls", f"s{i}.xls", xls_doc(rng, n))
        put("pdf", f"p{i}.pdf", pdf_doc(rng, n))
    fixture = ROOT / "tests" / "fixtures" / "notice_table.doc"
    if fixture.exists():
        for i in range(10):
            put("doc", f"w{i}.doc", fixture.read_bytes())
    if not quick:
        (root / "big-xlsx").mkdir(exist_ok=True)
        big_xlsx(rng, root / "big-xlsx" / "big.xlsx", 50)
        groups["big-xlsx"] = [root / "big-xlsx" / "big.xlsx"]
        (root / "big-docx").mkdir(exist_ok=True)
        big_docx(rng, root / "big-docx" / "big.docx", 60000)
        groups["big-docx"] = [root / "big-docx" / "big.docx"]
    return groups


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (antiword).  The
    figures are per CPU second, so that a busy shared machine skews them
    less than wall time would."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_mb() -> float:
    """This process's peak RSS.  VmHWM is per address space, so unlike
    ru_maxrss it does not inherit the peak of the parent that forked us."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(group_dir: Path) -> None:
    """Parse every file of one group; print one JSON line of figures."""
    from archive.extract.readers import read_document
    from archive.model import SourceDocument

    try:
        from archive.extract import parse_notice  # type: ignore[attr-defined]
    except ImportError:
        try:
            from archive.extract.pipeline import parse_notice
        except ImportError:
            parse_notice = None
    paths = sorted(p for p in group_dir.iterdir() if p.is_file())
    baseline_mb = peak_rss_mb()
    sources = [SourceDocument(p.read_bytes(), filename=p.name, url=f"http://bench.example.cn/{p.name}")
               for p in paths]
    total_bytes = sum(len(s.data) for s in sources)
    blocks = rows = 0
    start, cpu0 = time.perf_counter(), cpu_seconds()
    for src in sources:
        content = read_document(src)
        blocks += len(content.blocks)
        rows += sum(len(getattr(b, "rows", ())) for b in content.blocks)
    read_wall = time.perf_counter() - start
    read_s = cpu_seconds() - cpu0
    read_peak_mb = peak_rss_mb()
    result = {
        "docs": len(sources), "mb": total_bytes / 1e6, "blocks": blocks, "rows": rows,
        "read_s": read_s, "read_wall_s": read_wall,
        "read_docs_per_s": len(sources) / read_s if read_s else 0.0,
        "baseline_rss_mb": baseline_mb, "read_peak_rss_mb": read_peak_mb,
    }
    if parse_notice is not None and len(sources) > 1:
        cpu0 = cpu_seconds()
        records = 0
        for src in sources:
            try:
                records += len(parse_notice(src).records)
            except Exception as exc:  # noqa: BLE001 - the bench reports, it does not stop
                result.setdefault("pipeline_errors", []).append(f"{src.filename}: {exc}"[:200])
        pipe_s = cpu_seconds() - cpu0
        result.update(pipeline_s=pipe_s, pipeline_docs_per_s=len(sources) / pipe_s,
                      records=records,
                      pipeline_peak_rss_mb=peak_rss_mb())
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, no big files")
    ap.add_argument("--keep", type=Path, help="build the documents in this directory and keep them")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.generate:
        groups = generate(args.generate, args.quick)
        print(json.dumps({g: [str(p) for p in paths] for g, paths in groups.items()}))
        return
    with tempfile.TemporaryDirectory(prefix="gongshi-bench-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        # Built in a child process: generating the big files takes ~500 MB,
        # which must not count as any format's peak.
        gen = [sys.executable, __file__, "--generate", str(root)] + (["--quick"] if args.quick else [])
        groups = json.loads(subprocess.run(gen, capture_output=True, text=True, check=True).stdout)
        print(f"built {sum(len(v) for v in groups.values())} documents in {time.perf_counter() - t0:.1f} s")
        print("docs per CPU second (read_document alone, then the whole parse_notice pipeline);")
        print("peak = the worker process's peak RSS, base = after imports, before reading")
        print(f"{'format':<9} {'docs':>5} {'MB':>7} {'rows':>7} {'read/s':>9} {'pipeline/s':>11} "
              f"{'base MB':>8} {'peak MB':>8}")
        slowest = None
        for group in groups:
            proc = subprocess.run([sys.executable, __file__, "--worker", str(root / group)],
                                  capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                print(f"{group:<9} FAILED: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            pipe = f"{r['pipeline_docs_per_s']:.1f}" if "pipeline_docs_per_s" in r else "-"
            peak = max(r["read_peak_rss_mb"], r.get("pipeline_peak_rss_mb", 0))
            print(f"{group:<9} {r['docs']:>5} {r['mb']:>7.1f} {r['rows']:>7} "
                  f"{r['read_docs_per_s']:>9.1f} {pipe:>11} {r['baseline_rss_mb']:>8.0f} {peak:>8.0f}")
            for err in r.get("pipeline_errors", [])[:3]:
                print(f"          pipeline error: {err}")
            mb_per_s = r["mb"] / r["read_s"] if r["read_s"] else float("inf")
            if slowest is None or mb_per_s < slowest[1]:
                slowest = (group, mb_per_s)
        if slowest:
            print(f"slowest per byte read: {slowest[0]} ({slowest[1]:.2f} MB/s)")


if __name__ == "__main__":
    main()
