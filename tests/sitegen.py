"""A fixture web site of government notice columns, served on 127.0.0.1.

Tests (and the crawl benchmark) build realistic sites here instead of
reaching the internet: list pages paged the two common ways (plain links
with 下一页/尾页, and TRS-style `createPageHTML` scripts), notices as GBK or
UTF-8 pages served as bare `text/html`, nominee tables, attachments built
with python-docx, openpyxl, xlwt and reportlab, decoys, a robots.txt — and
servers that misbehave on purpose.  Every request is logged with its
server-side timestamps so that tests can check politeness from the
server's side.

    site = FixtureServer()
    site.put("/robots.txt", text("User-agent: *\\nDisallow: /private/\\n", "text/plain"))
    with site:
        crawl(site.url("/col/index.html"))
    site.log  # [Request(path, headers, status, started, ended), ...]
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FIXED_DATE = datetime(2025, 9, 8, 8, 0, tzinfo=UTC)

# -- resources ----------------------------------------------------------------


@dataclass
class Resource:
    """What the server answers for one path.

    `fault` makes it misbehave: "timeout" (answers too late), "error500"
    (always 500), "retry-after" (429 with Retry-After the first time, then
    the page), "endless" (a body without end), "garbage" (random bytes as
    text/html).  A redirect is `status=302, location=...`.
    """

    body: bytes = b""
    content_type: str = "text/html"
    status: int = 200
    validators: bool = True  # ETag and Last-Modified, and 304 for conditional requests
    modified: datetime = FIXED_DATE
    fault: str | None = None
    location: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


def text(body: str, content_type: str = "text/html", encoding: str = "utf-8") -> Resource:
    return Resource(body.encode(encoding), content_type)


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    status: int
    started: float  # time.monotonic() when the request line arrived
    ended: float  # when the response was written (or abandoned)
    bytes_sent: int = 0


class FixtureServer:
    """A threaded HTTP/1.1 server over a dict of resources, with a request log."""

    def __init__(self, resources: dict[str, Resource] | None = None,
                 dynamic: Callable[[str], Resource | None] | None = None, timeout_fault_seconds: float = 3.0,
                 log_requests: bool = True) -> None:
        self.resources: dict[str, Resource] = dict(resources or {})
        self.dynamic = dynamic
        self.timeout_fault_seconds = timeout_fault_seconds
        self.log: list[Request] = []
        self.log_requests = log_requests
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.stopping = threading.Event()

    # -- content ------------------------------------------------------------

    def put(self, path: str, resource: Resource) -> None:
        with self._lock:
            self.resources[path] = resource

    def remove(self, path: str) -> None:
        with self._lock:
            self.resources.pop(path, None)

    def get(self, path: str) -> Resource | None:
        with self._lock:
            found = self.resources.get(path)
        if found is None and self.dynamic is not None:
            found = self.dynamic(path)
        return found

    def url(self, path: str) -> str:
        assert self._server is not None, "start the server first"
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    @property
    def netloc(self) -> str:
        assert self._server is not None
        return f"127.0.0.1:{self._server.server_address[1]}"

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()
            self.hits.clear()

    # -- running --------------------------------------------------------------

    def start(self) -> FixtureServer:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _record(self, req: Request) -> None:
        if self.log_requests:
            with self._lock:
                self.log.append(req)


def _handler_class(site: FixtureServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "FixtureGov/1.0"
        disable_nagle_algorithm = True  # headers and body leave in two writes: no 40 ms stalls

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            started = time.monotonic()
            path = self.path
            with site._lock:
                site.hits[path] = site.hits.get(path, 0) + 1
                hit = site.hits[path]
            res = site.get(urlsplit(path).path if "?" not in path else path) or site.get(urlsplit(path).path)
            status, sent = self._answer(res, hit)
            site._record(Request("GET", path, dict(self.headers.items()), status, started, time.monotonic(), sent))

        def _send(self, status: int, headers: list[tuple[str, str]], body: bytes = b"") -> int:
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return len(body)

        def _answer(self, res: Resource | None, hit: int) -> tuple[int, int]:
            if res is None:
                return 404, self._send(404, [("Content-Type", "text/html")], b"<html><body>404 Not Found</body></html>")
            fault = res.fault
            if fault == "timeout":
                site.stopping.wait(site.timeout_fault_seconds)
                try:
                    return 200, self._send(200, [("Content-Type", res.content_type)], res.body)
                except OSError:
                    return 0, 0
            if fault == "error500":
                return 500, self._send(500, [("Content-Type", "text/html")], b"<html>Internal Server Error</html>")
            if fault == "retry-after" and hit == 1:
                return 429, self._send(429, [("Retry-After", "1"), ("Content-Type", "text/plain")], b"slow down")
            if fault == "endless":
                return self._endless()
            if fault == "garbage":
                body = random.Random(7).randbytes(5000)
                return 200, self._send(200, [("Content-Type", "text/html")], body)
            if res.status in (301, 302, 303, 307, 308):
                return res.status, self._send(res.status, [("Location", res.location or "/")])
            headers = [("Content-Type", res.content_type), *res.headers]
            if res.validators and res.status == 200:
                etag = res.etag
                last_modified = email.utils.format_datetime(res.modified, usegmt=True)
                headers += [("ETag", etag), ("Last-Modified", last_modified)]
                inm = self.headers.get("If-None-Match")
                ims = self.headers.get("If-Modified-Since")
                if (inm and inm == etag) or (not inm and ims and _not_after(res.modified, ims)):
                    return 304, self._send_no_body(304, [("ETag", etag), ("Last-Modified", last_modified)])
            return res.status, self._send(res.status, headers, res.body)

        def _send_no_body(self, status: int, headers: list[tuple[str, str]]) -> int:
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            return 0

        def _endless(self) -> tuple[int, int]:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            sent = 0
            chunk = b"<p>" + "无穷无尽".encode() * 2000 + b"</p>\n"
            try:
                while not site.stopping.is_set() and sent < 500 * 1024 * 1024:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass
            return 200, sent

    return Handler


def _not_after(modified: datetime, since: str) -> bool:
    try:
        when = email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    return modified.replace(microsecond=0) <= when


# -- nominees and documents ------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏"
GIVEN = "海忠建国秀英玉兰志强丽娟文华明亮春梅晓燕国庆红霞德胜桂芳永红金花世杰学军"
ETHNICITIES = ("汉族", "藏族", "回族", "蒙古族", "土族", "撒拉族")
UNITS = ("都兰县香加乡科尔村", "格尔木市委政法委", "德令哈市火车站街道办事处", "海西州教育局", "乌兰县柯柯镇人民政府",
         "天峻县新源镇城西社区", "大柴旦行委人民医院")
POSITIONS = ("党支部书记", "主任", "科员", "副局长", "教师", "医生", "社区工作者")
HEADER = ("序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "工作单位及职务")


def nominees(seed: int, count: int) -> list[tuple[str, ...]]:
    """Deterministic nominee rows: (序号, 姓名, 性别, 民族, 出生年月, 政治面貌, 工作单位及职务)."""
    rng = random.Random(seed)
    rows = []
    for i in range(1, count + 1):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        rows.append((
            str(i), name, rng.choice("男女"), rng.choice(ETHNICITIES),
            f"{rng.randint(1960, 1998)}.{rng.randint(1, 12):02d}", rng.choice(("中共党员", "群众", "民盟盟员")),
            rng.choice(UNITS) + rng.choice(POSITIONS),
        ))
    return rows


def _table_html(rows: list[tuple[str, ...]]) -> str:
    head = "".join(f"<td><p><span>{h}</span></p></td>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in r) + "</tr>" for r in rows)
    return f'<table border="1" cellspacing="0">\n<tr>{head}</tr>\n{body}\n</table>'


def notice_page(
    title: str,
    paragraphs: list[str],
    rows: list[tuple[str, ...]] | None = None,
    attachments: list[tuple[str, str]] = (),  # type: ignore[assignment]
    issuer: str = "中共海西州委统一战线工作领导小组办公室",
    date: str = "2025年9月8日",
    charset: str | None = "utf-8",
    filler: int = 0,
) -> str:
    """A notice page in the shape of a county CMS: header, nav, article, footer."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    paras = "\n".join(f"<p style=\"text-indent:2em\">{p}</p>" for p in paragraphs)
    links = "\n".join(f'<p><a href="{href}">{label}</a></p>' for href, label in attachments)
    table = _table_html(rows) if rows else ""
    padding = "\n".join(f"<p class=\"filler\">{'政务公开 信息公开 ' * 8}</p>" for _ in range(filler))
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>{title}</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2025-09-08 10:00">
</head><body>
<div class="header"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/hdjl/">互动交流</a></div>
<div class="article"><h1>{title}</h1>
<div class="info">发布时间：2025-09-08 来源：{issuer}</div>
<div class="content">
{paras}
{table}
{links}
<p style="text-align:right">{issuer}</p><p style="text-align:right">{date}</p>
</div></div>
{padding}
<div class="footer">主办单位：海西州人民政府办公室 备案号：青ICP备00000000号</div>
</body></html>"""


def commendation_paragraphs(award: str, n: int) -> list[str]:
    return [
        f"根据有关文件精神，经各地区、各部门推荐，综合评定，拟推荐以下{n}名同志为{award}拟推荐对象，现予以公示。",
        "公示时间为2025年9月8日—2025年9月12日（共5天）。公示期间，如有异议，请以书面形式反映。",
        "联系电话：0977—8201935",
    ]


def decoy_page(title: str, rows: list[tuple[str, ...]], charset: str = "utf-8") -> str:
    paragraphs = [
        "根据干部选拔任用工作有关规定，经研究，拟任用以下同志，现予以公示。",
        "公示期间，如有异议，请向组织部反映。联系电话：0977—8222222",
    ]
    return notice_page(title, paragraphs, rows, issuer="中共海西州委组织部", charset=charset)


def docx_bytes(title: str, rows: list[tuple[str, ...]]) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph(title)
    table = doc.add_table(rows=1 + len(rows), cols=len(HEADER))
    for j, h in enumerate(HEADER):
        table.cell(0, j).text = h
    for i, row in enumerate(rows, 1):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def xlsx_bytes(title: str, rows: list[tuple[str, ...]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "推荐对象"
    ws.append([title])
    ws.append(list(HEADER))
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xls_bytes(title: str, rows: list[tuple[str, ...]]) -> bytes:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("推荐对象")
    ws.write(0, 0, title)
    for j, h in enumerate(HEADER):
        ws.write(1, j, h)
    for i, row in enumerate(rows, 2):
        for j, value in enumerate(row):
            ws.write(i, j, value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def pdf_bytes(title: str, rows: list[tuple[str, ...]]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    c.setFont("STSong-Light", 14)
    c.drawString(60, 790, title)
    c.setFont("STSong-Light", 9)
    xs = (40, 70, 130, 160, 210, 270, 330)
    y = 760
    for row in (HEADER, *rows):
        for x, value in zip(xs, row, strict=True):
            c.drawString(x, y, value)
        y -= 18
    c.save()
    return out.getvalue()


def txt_bytes(title: str, rows: list[tuple[str, ...]]) -> bytes:
    lines = [title, "\t".join(HEADER), *("\t".join(r) for r in rows)]
    return "\n".join(lines).encode("gb18030")


ATTACHMENT_BUILDERS: dict[str, tuple[Callable[[str, list[tuple[str, ...]]], bytes], str]] = {
    "docx": (docx_bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (xlsx_bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "xls": (xls_bytes, "application/vnd.ms-excel"),
    "pdf": (pdf_bytes, "application/pdf"),
    "txt": (txt_bytes, "text/plain"),
}


# -- list pages ------------------------------------------------------------------


def list_page_trs(links: list[tuple[str, str]], count: int, current: int, charset: str = "gb2312") -> str:
    """A TRS WCM list page: no page links in the HTML, only a createPageHTML call."""
    items = "\n".join(
        f'<li><a href="{href}" target="_blank" title="{title}">{title[:18]}…</a><span>2025-09-08</span></li>'
        for href, title in links
    )
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>公示公告</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="../">政务公开</a> <a href="/jgsz/">机构设置</a></div>
<ul class="list">
{items}
</ul>
<div class="page"><script language="JavaScript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){{
  // writes the page links with document.write
}}
createPageHTML({count}, {current}, "index", "html");
</script></div>
</body></html>"""


def list_page_plain(links: list[tuple[str, str]], page: int, pages: int, base: str) -> str:
    """A list page with numbered links and 上一页/下一页/尾页 (`base?page=N`)."""
    items = "\n".join(f'<li><a href="{href}">{title}</a> [2025-09-08]</li>' for href, title in links)
    nav = [f'<a href="{base}?page=1">首页</a>']
    if page > 1:
        nav.append(f'<a href="{base}?page={page - 1}">上一页</a>')
    nav += [f'<a href="{base}?page={n}">{n}</a>' for n in range(max(1, page - 2), min(pages, page + 2) + 1)]
    if page < pages:
        nav.append(f'<a href="{base}?page={page + 1}">下一页</a>')
    nav.append(f'<a href="{base}?page={pages}">尾页</a>')
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<div class="menu"><a href="/">网站首页</a><a href="/zwgk/">政务公开</a></div>
<ul class="news-list">{items}</ul>
<div class="pagination">{' '.join(nav)}</div>
</body></html>"""


# -- the standard fixture site ------------------------------------------------------


@dataclass
class StandardSite:
    """Paths of the standard site, by role, for assertions."""

    trs_seed: str = "/gsgg/index.html"
    plain_seed: str = "/tzgg/list?page=1"
    trs_pages: list[str] = field(default_factory=list)
    plain_pages: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # commendation notices the crawler may fetch
    attachments: dict[str, str] = field(default_factory=dict)  # path -> format
    title_decoys: list[str] = field(default_factory=list)  # skipped by title: never fetched
    content_decoys: list[str] = field(default_factory=list)  # fetched; content says no
    disallowed: str = "/private/t20250908_3001.html"
    changing: str = "/tzgg/202509/t20250910_2003.html"
    vanishing: str = "/tzgg/202509/t20250910_2004.html"
    added_later: str = "/tzgg/202510/t20251008_2100.html"


def _commendation(title: str, seed: int, n: int, attachments: list[tuple[str, str]] = (),  # type: ignore[assignment]
                  charset: str | None = "utf-8", in_page: bool = True) -> str:
    award = "青海省民族团结进步先进个人"
    return notice_page(title, commendation_paragraphs(award, n), nominees(seed, n) if in_page else None,
                       attachments, charset=charset)


def build_standard_site(site: FixtureServer) -> StandardSite:
    """Two columns (TRS-paged GBK, link-paged UTF-8), notices with every attachment format,
    decoys, a robots-disallowed notice, one notice that will change and one that will vanish."""
    s = StandardSite()
    site.put("/robots.txt", Resource(b"User-agent: *\nDisallow: /private/\n", "text/plain"))

    # Column 1: TRS WCM, GBK, bare text/html, pages by createPageHTML(3, i, "index", "html").
    trs: list[list[tuple[str, str]]] = [[], [], []]

    def gbk_notice(path: str, title: str, seed: int, att: tuple[str, str] | None, meta: bool, page: int) -> None:
        links = []
        if att is not None:
            fmt, label = att
            href = path.rsplit("/", 1)[0] + f"/P0{seed}.{fmt}"
            build, ctype = ATTACHMENT_BUILDERS[fmt]
            site.put(href, Resource(build(title, nominees(seed + 1, 4)), ctype))
            s.attachments[href] = fmt
            links.append((href.rsplit("/", 1)[1], label))
        html = _commendation(title, seed, 3, links, charset="gb2312" if meta else None)
        site.put(path, Resource(html.encode("gbk"), "text/html"))
        s.notices.append(path)
        trs[page].append((path.replace("/gsgg/", "./", 1), title))

    gbk_notice("/gsgg/202509/t20250908_1001.html", "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示", 11, None, True, 0)
    gbk_notice("/gsgg/202509/t20250908_1002.html", "关于2025年度全州优秀共产党员拟表彰对象的公示", 12,
               ("docx", "附件：拟表彰对象名单.docx"), False, 0)
    gbk_notice("/gsgg/202508/t20250815_1003.html", "关于推荐全国民族团结进步模范个人的公示", 13,
               ("xlsx", "附件1.推荐对象基本情况表"), True, 1)
    gbk_notice("/gsgg/202507/t20250701_1004.html", "关于全州三八红旗手拟表彰名单的公示", 14,
               ("pdf", "附件：三八红旗手拟表彰名单.pdf"), False, 2)
    decoy = "/gsgg/202509/t20250909_1005.html"
    site.put(decoy, Resource(decoy_page("2025年9月干部任前公示", [("1", "李明", "男", "汉族", "1980.01", "中共党员", "拟任县委办公室主任")],
                                        charset="gb2312").encode("gbk"), "text/html"))
    s.title_decoys.append(decoy)
    trs[0].append(("./202509/t20250909_1005.html", "2025年9月干部任前公示"))
    trs[1].append(("/private/t20250908_3001.html", "关于拟表彰全州先进工作者的公示"))
    site.put(s.disallowed, Resource(_commendation("关于拟表彰全州先进工作者的公示", 30, 3).encode(), "text/html"))
    for i, links in enumerate(trs):
        path = "/gsgg/index.html" if i == 0 else f"/gsgg/index_{i}.html"
        site.put(path, Resource(list_page_trs(links, 3, i).encode("gbk"), "text/html"))
        s.trs_pages.append(path)

    # Column 2: links with 下一页/尾页, UTF-8, pages ?page=1..3.
    plain: list[list[tuple[str, str]]] = [[], [], []]

    def utf8_notice(path: str, title: str, seed: int, atts: list[tuple[str, str]], page: int) -> None:
        links = []
        for fmt, label in atts:
            href = path.rsplit(".", 1)[0] + f"_{fmt}.{fmt}"
            build, ctype = ATTACHMENT_BUILDERS[fmt]
            site.put(href, Resource(build(title, nominees(seed + len(links) + 1, 3)), ctype))
            s.attachments[href] = fmt
            links.append((href, label))
        site.put(path, Resource(_commendation(title, seed, 2, links).encode(), "text/html; charset=utf-8"))
        s.notices.append(path)
        plain[page].append((path, title))

    utf8_notice("/tzgg/202509/t20250910_2001.html", "关于拟推荐全国五一劳动奖章人选的公示", 21,
                [("xls", "附件：五一劳动奖章推荐人选.xls")], 0)
    utf8_notice("/tzgg/202509/t20250910_2002.html", "关于全县优秀党务工作者拟表彰对象的公示", 22,
                [("txt", "附件1 名单.txt"), ("docx", "附件2 事迹材料.docx")], 0)
    utf8_notice(s.changing, "关于第八届全州道德模范候选人的公示", 23, [], 1)
    utf8_notice(s.vanishing, "关于拟命名全州民族团结进步示范单位的公示", 24, [], 1)
    hiring = "/tzgg/202509/t20250911_2005.html"
    site.put(hiring, Resource(decoy_page("2025年公开招聘事业单位工作人员拟聘用人员公示", nominees(5, 3)).encode(), "text/html"))
    s.title_decoys.append(hiring)
    plain[2].append((hiring, "2025年公开招聘事业单位工作人员拟聘用人员公示"))
    content_decoy = "/tzgg/202509/t20250912_2006.html"
    site.put(content_decoy, Resource(decoy_page("关于有关人选的公示", nominees(6, 2)).encode(), "text/html"))
    s.content_decoys.append(content_decoy)
    plain[2].append((content_decoy, "关于有关人选的公示"))
    _put_plain_pages(site, s, plain)
    site.plain_links = plain  # type: ignore[attr-defined]
    return s


def _put_plain_pages(site: FixtureServer, s: StandardSite, plain: list[list[tuple[str, str]]]) -> None:
    s.plain_pages = []
    for i, links in enumerate(plain, 1):
        path = f"/tzgg/list?page={i}"
        site.put(path, Resource(list_page_plain(links, i, len(plain), "/tzgg/list").encode(), "text/html"))
        s.plain_pages.append(path)


def change_standard_site(site: FixtureServer, s: StandardSite) -> None:
    """Between two crawls: one notice changes, one vanishes, one is added to the first page."""
    changed = _commendation("关于第八届全州道德模范候选人的公示", 23, 3)  # a third nominee
    site.put(s.changing, Resource(changed.encode(), "text/html; charset=utf-8",
                                  modified=datetime(2025, 9, 20, tzinfo=UTC)))
    site.remove(s.vanishing)
    added = _commendation("关于拟表彰全州劳动模范和先进工作者的公示", 40, 2)
    site.put(s.added_later, Resource(added.encode(), "text/html; charset=utf-8"))
    plain = site.plain_links  # type: ignore[attr-defined]
    plain[0].insert(0, (s.added_later, "关于拟表彰全州劳动模范和先进工作者的公示"))
    _put_plain_pages(site, s, plain)
    s.notices.append(s.added_later)
