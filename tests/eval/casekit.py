"""Shared pieces for building the extraction evaluation corpus.

A case is one notice as a site published it: a main document, maybe
attachments, and `gold.json` — what a careful person reads out of it, in the
public contract's shape (CONTRACT.md).  Gold is written by hand per case; the
helpers here only render sources in the many ways real sites write them
(government page chrome, padded names, births as 1968.6, …).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RECORD_KEYS = ("gender", "ethnicity", "birth", "political", "education", "unit", "position")


def person(name: str, gender: str | None = None, ethnicity: str | None = None,
           birth: str | None = None, political: str | None = None,
           education: str | None = None, unit: str | None = None,
           position: str | None = None, **extra: Any) -> dict[str, Any]:
    """A gold person record; every contract field the scorer reads is present."""
    rec = {"kind": "person", "name": name, "gender": gender, "ethnicity": ethnicity,
           "birth": birth, "political": political, "education": education,
           "unit": unit, "position": position}
    rec.update(extra)
    return rec


def org(name: str, **extra: Any) -> dict[str, Any]:
    """A gold organization record (a collective: person fields all null)."""
    rec = {"kind": "organization", "name": name}
    rec.update({k: None for k in RECORD_KEYS})
    rec.update(extra)
    return rec


def notice(published: str | None, stage: str | None, level: str | None,
           period_start: str | None = None, period_end: str | None = None,
           **extra: Any) -> dict[str, Any]:
    out = {"published": published, "stage": stage, "level": level,
           "period_start": period_start, "period_end": period_end}
    out.update(extra)
    return out


@dataclass
class Case:
    """One evaluation case: files to write and the gold answer."""

    name: str
    main: str
    files: dict[str, bytes]
    gold_notice: dict[str, Any]
    gold_records: list[dict[str, Any]]
    url: str | None = None
    content_type: str | None = None
    attachments: list[str] = field(default_factory=list)
    attachment_urls: dict[str, str] = field(default_factory=dict)  # when not beside the page
    decoy: bool = False
    source: str = ""  # where the material came from (real excerpt or modelled)
    note: str = ""  # what the case exercises

    def gold(self) -> dict[str, Any]:
        g: dict[str, Any] = {"main": self.main, "attachments": self.attachments}
        if self.attachment_urls:
            g["attachment_urls"] = self.attachment_urls
        if self.url:
            g["url"] = self.url
        if self.content_type:
            g["content_type"] = self.content_type
        g["decoy"] = self.decoy
        g["source"] = self.source
        g["note"] = self.note
        g["notice"] = self.gold_notice
        g["records"] = [] if self.decoy else self.gold_records
        return g

    def write(self, root: Path) -> None:
        d = root / self.name
        d.mkdir(parents=True, exist_ok=True)
        for old in d.iterdir():
            if old.is_file():
                old.unlink()
        for fname, data in self.files.items():
            (d / fname).write_bytes(data)
        text = json.dumps(self.gold(), ensure_ascii=False, indent=2) + "\n"
        (d / "gold.json").write_text(text, encoding="utf-8")


# --- rendering helpers -----------------------------------------------------------


def dotted_birth(birth: str, pad: bool = False) -> str:
    """'1968-06' → '1968.6' (or '1968.06' with pad), as most tables write it."""
    y, m = birth.split("-")
    return f"{y}.{m}" if pad else f"{y}.{int(m)}"


def cn_birth(birth: str) -> str:
    """'1968-06' → '1968年6月'."""
    y, m = birth.split("-")
    return f"{y}年{int(m)}月"


def pad_name(name: str, width: int = 3, fill: str = "\u3000") -> str:
    """Two-character names padded to the width of three (夏 露), as typesetters do."""
    if len(name) == 2 and width == 3:
        return name[0] + fill + name[1]
    return name


def html_table(rows: list[list[str]], header_rows: int = 1, attrs: str = 'border="1"',
               cell_attrs: dict[tuple[int, int], str] | None = None,
               skip: set[tuple[int, int]] | None = None) -> str:
    """A <table>; `cell_attrs` adds colspan/rowspan to (row, col); `skip` omits
    cells covered by a span."""
    cell_attrs = cell_attrs or {}
    skip = skip or set()
    out = [f"<table {attrs}>"]
    for r, row in enumerate(rows):
        out.append("<tr>")
        tag = "td"
        for c, cell in enumerate(row):
            if (r, c) in skip:
                continue
            extra = cell_attrs.get((r, c), "")
            extra = f" {extra}" if extra else ""
            style = ' style="font-weight:bold;text-align:center"' if r < header_rows else ""
            out.append(f"<{tag}{extra}{style}><p>{cell}</p></{tag}>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def gov_page(*, site: str, title: str, body: str, published_line: str,
             breadcrumbs: list[str], footer_year: str = "2025",
             charset_meta: str | None = '<meta charset="utf-8">',
             related: list[tuple[str, str]] | None = None,
             extra_head: str = "", source_line: str = "") -> str:
    """A government site page: nav, breadcrumbs, title, 发布时间 line, article,
    related links (with their own dates), footer with its own dates."""
    related = related or [
        ("关于做好2024年度安全生产工作的通知", "2024-03-12"),
        ("2023年度政府信息公开工作年度报告", "2024-01-31"),
        ("关于开展“双拥”模范城创建工作的通知", "2023-11-20"),
    ]
    crumbs = " &gt; ".join(f'<a href="#">{b}</a>' for b in breadcrumbs)
    rel = "\n".join(f'<li><a href="./t{i}.html">{t}</a><span class="date">{d}</span></li>'
                    for i, (t, d) in enumerate(related))
    meta = charset_meta or ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
{meta}
<title>{title}_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="ColumnName" content="通知公告">
{extra_head}
<link rel="stylesheet" href="/images/style.css">
<script type="text/javascript" src="/js/jquery.min.js"></script>
</head>
<body>
<div class="top"><div class="wrap"><span>今天是:<script>document.write(new Date().toLocaleDateString())</script></span>
<a href="#">无障碍浏览</a> | <a href="#">长者模式</a> | <a href="#">English</a></div></div>
<div class="header"><img src="/images/logo.png" alt="{site}"><form action="/search"><input name="q" placeholder="请输入关键字"></form></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/tzgg/">通知公告</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li>
</ul></div>
<div class="location">当前位置:{crumbs}</div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">{published_line}{source_line}
<span>字号:[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</span>
<span><a href="javascript:window.print()">打印本页</a></span> <span><a href="javascript:window.close()">关闭窗口</a></span></div>
<div class="content" id="zoom">
{body}
</div>
<div class="share">分享到:<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="related"><h3>相关链接</h3><ul>
{rel}
</ul></div>
<div class="footer">
<p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">隐私声明</a></p>
<p>主办单位:{site}  版权所有 © 2012-{footer_year}</p>
<p>网站标识码:6300000012  <a href="#">青ICP备05000123号-1</a>  公安机关备案号 63010002000123</p>
<p>网站更新时间:{footer_year}-12-31 23:59  您是第 <span>1286433</span> 位访客</p>
</div>
</body>
</html>
"""


def paras(text: str, tag: str = "p", indent: bool = True) -> str:
    """Blank-line-free text → one <p> per line (with the usual text-indent style)."""
    style = ' style="text-indent:2em"' if indent else ""
    return "\n".join(f"<{tag}{style}>{line}</{tag}>" for line in text.strip().splitlines())
