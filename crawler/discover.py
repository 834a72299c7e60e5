"""Reading list pages and notice pages for links: notices, further pages, attachments.

Government sites page their notice lists in a few ways, all handled here:
plain numbered links, 下一页 / 尾页 links, and script calls such as
`createPageHTML(5, 0, "index", "html")` (TRS WCM and its imitators: pages
index.html, index_1.html … index_4.html) that leave no link in the HTML.
Pages come in UTF-8 or GBK, often served as bare `text/html`.
"""

from __future__ import annotations

import codecs
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree
from requests.utils import requote_uri

MAX_SCRIPT_PAGES = 2000  # a createPageHTML count beyond this is a trap or a typo

_PAGER_WORDS = ("下一页", "下页", "后一页", "后页", "尾页", "末页", "最后一页", "最末页", "上一页", "上页", "前一页",
                "next", "last", "prev", "previous", "›", "»", ">>", ">", "‹", "«", "<<", "<")
_DIGITS = re.compile(r"^\[?\s*(\d{1,4})\s*\]?$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^()]*)\)")
_VAR = r"(?:var|let|const)?\s*{name}\s*=\s*([\"']?)([\w.]+)\1"
_UNDERSCORE_PAGE = re.compile(r"^(?P<stem>.*?)(?:_(?P<n>\d+))?(?P<ext>\.[A-Za-z0-9]+)$")

ATTACHMENT_EXTENSIONS = (
    ".doc", ".docx", ".xls", ".xlsx", ".et", ".wps", ".pdf", ".txt", ".rtf", ".csv", ".ofd",
    ".zip", ".rar", ".7z", ".odt", ".ods", ".pptx", ".ppt",
)
_DOWNLOAD_HINT = re.compile(r"download|attach|fujian|getfile|file[_-]?id|fileid|\.jsp\?.*file", re.I)


@dataclass(frozen=True)
class Link:
    url: str
    text: str


@dataclass
class ListPage:
    """What a list page offers: links that may be notices, and the other pages of the list."""

    candidates: list[Link] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)


def canonical_url(url: str) -> str:
    """One spelling per address: no fragment, lower-case scheme and host, default port dropped."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    netloc = parts.netloc.lower()
    if (scheme == "http" and netloc.endswith(":80")) or (scheme == "https" and netloc.endswith(":443")):
        netloc = netloc.rsplit(":", 1)[0]
    path = parts.path or "/"
    return requote_uri(urlunsplit((scheme, netloc, path, parts.query, "")))


def site_of(host: str) -> str:
    """The site a host belongs to: www.haixi.gov.cn and zwgk.haixi.gov.cn are one site."""
    host = host.split(":", 1)[0].lower()
    labels = host.split(".")
    if host.replace(".", "").isdigit() or len(labels) <= 2:
        return host
    second_level = ("gov", "org", "com", "edu", "net", "ac")
    keep = 3 if labels[-1] == "cn" and labels[-2] in second_level else 2
    return ".".join(labels[-keep:])


def same_site(a: str, b: str) -> bool:
    return site_of(urlsplit(a).netloc) == site_of(urlsplit(b).netloc)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Text of an HTML page: BOM, then HTTP charset, then <meta>, then UTF-8, then GB18030."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(enc, "replace")
    declared = []
    if content_type and "charset=" in content_type.lower():
        declared.append(content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'"))
    m = _META_CHARSET.search(body[:4096])
    if m:
        declared.append(m.group(1).decode("ascii", "ignore").lower())
    for name in declared:
        enc = _codec(name)
        if enc:
            try:
                return body.decode(enc)
            except UnicodeDecodeError:
                continue  # a wrong declaration is common: try the next guess
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(body) - 3:  # a character cut at the end (a truncated read): still UTF-8
            return body[: exc.start].decode("utf-8", "replace")
        return body.decode("gb18030", "replace")


def _codec(name: str) -> str | None:
    if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"):
        return "gb18030"  # the superset: pages labelled gb2312 use GBK characters freely
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def parse_html(body: bytes, url: str, content_type: str | None = None) -> tuple[lxml.html.HtmlElement, str] | None:
    """The page's tree and the base its links resolve against; None if it is no HTML."""
    text = decode_html(body, content_type)
    if not text.strip():
        return None
    try:
        root = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    base = url
    for el in root.iter("base"):
        href = el.get("href")
        if href:
            base = urljoin(url, href.strip())
            break
    return root, base


def _links(root: lxml.html.HtmlElement, base: str) -> list[Link]:
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        absolute = urljoin(base, href)
        if urlsplit(absolute).scheme not in ("http", "https"):
            continue
        text = " ".join(a.text_content().split())
        title = " ".join((a.get("title") or "").split())
        if title and (len(title) > len(text) or title.startswith(text.rstrip(".…").strip())):
            text = title  # lists cut long titles short ("关于拟推荐…") and keep the whole in title=
        out.append(Link(canonical_url(absolute), text))
    return out


def _is_pager_text(text: str) -> bool:
    t = text.strip().lower().strip("[]【】 ")
    return t in _PAGER_WORDS or bool(_DIGITS.match(t))


_CALENDAR = re.compile(r"(?:^|[&;])(?:date|day|month|year|calendar|cal|riqi|rq)=|\d{4}-\d{1,2}(?:-\d{1,2})?", re.I)


def looks_like_calendar(url: str) -> bool:
    """A calendar or date filter: links to every day, without end (a crawler trap)."""
    return bool(_CALENDAR.search(urlsplit(url).query))


def _sibling(url: str, page_url: str) -> bool:
    """A page of the same list: same host, same directory (or same path, other query)."""
    a, b = urlsplit(url), urlsplit(page_url)
    if a.netloc != b.netloc:
        return False
    return posixpath.dirname(a.path) == posixpath.dirname(b.path) or a.path == b.path


def script_pages(root: lxml.html.HtmlElement, base: str) -> list[str]:
    """Pages named by `createPageHTML(count, current, "index", "html")` calls."""
    scripts = "\n".join(s.text or "" for s in root.iter("script"))
    pages: list[str] = []
    for call in _CREATE_PAGE.finditer(scripts):
        ints: list[int] = []
        strs: list[str] = []
        for raw in (a.strip() for a in call.group(1).split(",")):
            value = _literal(raw, scripts)
            if isinstance(value, int):
                ints.append(value)
            elif isinstance(value, str):
                strs.append(value)
        if not ints or len(strs) < 2:
            continue  # the function's own definition, or a call we cannot read
        count = min(ints[0], MAX_SCRIPT_PAGES)
        stem, ext = strs[-2], strs[-1].lstrip(".")
        for n in range(count):
            name = f"{stem}.{ext}" if n == 0 else f"{stem}_{n}.{ext}"
            pages.append(canonical_url(urljoin(base, name)))
    return pages


def _literal(raw: str, scripts: str) -> int | str | None:
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return raw[1:-1]
    if re.fullmatch(r"[A-Za-z_$][\w$]*", raw):  # a variable: find its value in the page's scripts
        m = re.search(_VAR.format(name=re.escape(raw)), scripts)
        if m:
            quote, value = m.group(1), m.group(2)
            if quote:
                return value
            return int(value) if value.isdigit() else None
    return None


_NUMBERED = re.compile(r"^(?P<stem>.*?)(?P<n>\d+)(?P<ext>\.[A-Za-z0-9]+)?$")


def fill_page_range(page_url: str, last_url: str, limit: int) -> list[str]:
    """Every page up to a 尾页 link: index_49.html → index_1 … index_49; column-index-12.shtml → 1 … 12.

    Only for the same directory and a file name that differs from the
    current page's in its final number (or lacks one, as index.html does).
    """
    a, b = urlsplit(page_url), urlsplit(last_url)
    if a.netloc != b.netloc or posixpath.dirname(a.path) != posixpath.dirname(b.path) or a.query or b.query:
        return []
    last = _NUMBERED.match(posixpath.basename(b.path))
    if not last:
        return []
    stem, ext = last.group("stem"), last.group("ext") or ""
    here = posixpath.basename(a.path) or "index.html"
    this = _NUMBERED.match(here)
    bare = _UNDERSCORE_PAGE.match(here)
    same_family = (this and this.group("stem") == stem and (this.group("ext") or "") == ext) or (
        bare and not bare.group("n") and stem == bare.group("stem") + "_" and bare.group("ext") == ext
    )
    if not same_family:
        return []
    directory = posixpath.dirname(b.path) + "/"
    return [
        urlunsplit((b.scheme, b.netloc, f"{directory}{stem}{n}{ext}", "", ""))
        for n in range(1, min(int(last.group("n")), limit) + 1)
    ]


def read_list_page(body: bytes, url: str, content_type: str | None = None) -> ListPage:
    """Candidate notice links and further pages of the list (in page order, no repeats)."""
    parsed = parse_html(body, url, content_type)
    if parsed is None:
        return ListPage()
    root, base = parsed
    here = canonical_url(url)
    pages: dict[str, None] = {}
    candidates: dict[str, Link] = {}
    for link in _links(root, base):
        if link.url == here:
            continue
        if _is_pager_text(link.text) and (_sibling(link.url, here) or not link.text.isdigit()):
            if urlsplit(link.url).netloc == urlsplit(here).netloc and not looks_like_calendar(link.url):
                pages.setdefault(link.url)
                if link.text.strip() in ("尾页", "末页", "最后一页", "最末页", "last"):
                    for filled in fill_page_range(here, link.url, MAX_SCRIPT_PAGES):
                        pages.setdefault(canonical_url(filled))
            continue
        # A link to a file (pdf, doc, xls) with a notice's title is a notice in file form.
        if not same_site(link.url, here) or len(_CJK.findall(link.text)) < 6:
            continue
        if link.url not in candidates or len(link.text) > len(candidates[link.url].text):
            candidates[link.url] = link
    for page in script_pages(root, base):
        pages.setdefault(page)
    pages.pop(here, None)
    return ListPage(candidates=list(candidates.values()), pages=list(pages))


def is_attachment(link: Link) -> bool:
    """A document to download rather than a page to read: by extension, or a download link named 附件."""
    path = urlsplit(link.url).path.lower()
    if path.endswith(ATTACHMENT_EXTENSIONS):
        return True
    text = link.text.lower()
    if text.endswith(ATTACHMENT_EXTENSIONS):
        return True
    return ("附件" in text or "下载" in text) and bool(_DOWNLOAD_HINT.search(link.url))


def attachment_links(body: bytes, url: str, content_type: str | None = None) -> list[Link]:
    """Attachments offered by a notice page, in page order, each once."""
    parsed = parse_html(body, url, content_type)
    if parsed is None:
        return []
    root, base = parsed
    found: dict[str, Link] = {}
    for link in _links(root, base):
        if is_attachment(link) and link.url not in found:
            found[link.url] = link
    return list(found.values())
