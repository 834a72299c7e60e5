"""Jinja filters and globals: labels, safe links, highlight snippets.

Jinja escapes every value; the two places that could still let a source's
text act are links (`javascript:` addresses) and the index's highlight
snippets, and both go through a filter here.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from markupsafe import Markup, escape

from webui import labels

_MARK = re.compile(r"(</?mark>)")


def safe_href(url: Any) -> str | None:
    """An address fit for `href`: http(s) or a path of ours; None otherwise.

    Sources can hold any text where an address should be (`javascript:...`,
    `file:///` paths of imported files); those are shown as text, not linked.
    """
    if not isinstance(url, str) or not url:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return url
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def clean_snippet(snippet: Any) -> Markup:
    """A highlight snippet with only `<mark>` kept as markup.

    The index promises HTML-safe snippets; this does not rely on it: text
    between the marks is unescaped once and escaped again, which leaves a
    properly escaped snippet as it was and makes any other one inert.
    """
    if not isinstance(snippet, str):
        return Markup("")
    out = []
    depth = 0
    for part in _MARK.split(snippet):
        if part == "<mark>":
            if depth == 0:
                out.append("<mark>")
            depth += 1
        elif part == "</mark>":
            if depth == 1:
                out.append("</mark>")
            depth = max(0, depth - 1)
        else:
            out.append(str(escape(html.unescape(part))))
    if depth:
        out.append("</mark>")
    return Markup("".join(out))


def period(notice: dict[str, Any] | None) -> str | None:
    if not notice:
        return None
    start, end = notice.get("period_start"), notice.get("period_end")
    if start and end:
        return f"{start} 至 {end}"
    return start or end


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(
        safe_href=safe_href,
        snippet=clean_snippet,
        stage_label=lambda v: labels.label_for("stage", v),
        level_label=lambda v: labels.label_for("level", v),
        kind_label=lambda v: labels.label_for("kind", v),
        period=period,
    )
    app.jinja_env.globals.update(
        RECORD_FIELD_LABELS=labels.RECORD_FIELD_LABELS,
        NOTICE_FIELD_LABELS=labels.NOTICE_FIELD_LABELS,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
