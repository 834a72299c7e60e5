"""The links of an HTML page, resolved against its address.

A page has hundreds of navigation links; `urljoin` parses base and link anew
for each, so the two forms that make up most of them are resolved here
without parsing (see `_Resolver`), with `urljoin` as the reference for the rest.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from .blocks import collapse_space

__all__ = ["page_links", "text_of"]


def text_of(el: Any) -> str:
    return "".join(el.itertext())


def page_links(root: Any, url: str | None) -> list[tuple[str, str]]:
    """Every link target with its text, resolved against the page address
    (and <base href>).  Embedded documents (iframe/embed/object, e.g. a PDF
    viewer) are included: they are how many pages attach their PDF."""
    base = url or ""
    base_el = root.find(".//base[@href]")
    if base_el is not None:
        base = _resolve(base, base_el.get("href", "")) or base
    resolve = _Resolver(base)
    links: list[tuple[str, str]] = []
    for el in root.iter("a", "area", "iframe", "embed", "object", "frame"):
        tag = el.tag
        href = el.get("href") if tag in ("a", "area") else (el.get("src") or el.get("data"))
        if not href:
            continue
        href = href.strip()
        if not href or href[0] == "#" or href[:11].lower().startswith(_NOT_LINKS):
            continue
        resolved = resolve(href)
        if resolved is None:
            continue
        text = ""
        if tag in ("a", "area"):
            text = (el.text or "") if not len(el) else text_of(el)
            text = collapse_space(text).strip() if text else ""
        if not text:
            text = (el.get("title") or el.get("alt") or "").strip()
        links.append((resolved, text))
    return links


_NOT_LINKS = ("javascript:", "mailto:", "tel:", "data:")


def _resolve(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href) if base else href
    except ValueError:
        return None


class _Resolver:
    """`urljoin` against one base, with fast paths for the two forms that make
    up most links of a page (an absolute http(s) address, a path from the
    site root) where the result is known without parsing: a page has
    hundreds of navigation links and `urljoin` parses base and link anew each
    time.  Anything unusual (dot segments, empty query or fragment, params,
    brackets, whitespace) goes to `urljoin`, whose answer is the reference."""

    def __init__(self, base: str) -> None:
        self.base = base
        m = _ORIGIN_RE.match(base)
        self.origin = m.group(0) if m is not None else None

    def __call__(self, href: str) -> str | None:
        if not self.base:
            return href
        if _PLAIN_URL_RE.match(href) and not href.endswith(("?", "#")) and "?#" not in href:
            if href[0] != "/":
                # an absolute http(s) address: urljoin gives it back as it is
                # (another scheme than the base's) or re-assembled, unchanged
                return href
            path = href.split("#", 1)[0].split("?", 1)[0]
            if self.origin is not None and not _DOT_SEGMENT_RE.search(path):
                return self.origin + href
        return _resolve(self.base, href)


# scheme://host of an http(s) base (the host as written, nothing odd in it).
_ORIGIN_RE = re.compile(r"https?://[A-Za-z0-9.\-]+(?::\d+)?(?=[/?#]|$)")
# A link with nothing urljoin would change: http(s)://host… or /path (not //),
# no whitespace, params (;), brackets or backslashes.
_PLAIN_URL_RE = re.compile(r"(?:https?://[A-Za-z0-9.\-]+(?::\d+)?(?:[/?#][^\s;\\\[\]]*)?|/(?!/)[^\s;\\\[\]]*)\Z")
_DOT_SEGMENT_RE = re.compile(r"/\.\.?(?:/|$)")
