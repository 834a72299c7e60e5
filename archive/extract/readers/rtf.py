"""RTF → blocks.

Many ".doc" attachments are really RTF (saved by WPS or older editors).
This is a small tokenizer, not a renderer: it keeps the text (code-page
bytes and \\u escapes), turns ``\\cell``/``\\row`` into tab-separated lines so
tables come out as `Table`s, and skips destinations that are not body text
(font tables, styles, pictures, headers, field instructions).
"""

from __future__ import annotations

import re

from archive.model import DocumentContent

from .blocks import join_wrapped
from .text import read_text

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
_SKIP_DESTINATIONS = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl",
    "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "xmlnstbl", "listtable",
    "listoverridetable", "rsidtbl", "generator", "themedata", "colorschememapping", "datastore",
    "latentstyles", "pgdsctbl", "fldinst", "filetbl", "revtbl", "bkmkstart", "bkmkend",
    "footnote", "annotation", "atnid", "atnauthor", "shpinst", "nonshppict", "mmathpr",
    "userprops", "docvar", "wgrffmtfilter", "operator", "author", "title", "company",
})
_CELL_BREAK = "\x0b"  # a paragraph break inside a table cell


def read_rtf(data: bytes) -> DocumentContent:
    text = rtf_to_text(data)
    lines = []
    for line in text.split("\n"):
        if _CELL_BREAK in line:
            line = "\t".join(join_wrapped(c.split(_CELL_BREAK)) for c in line.split("\t"))
        lines.append(line)
    return DocumentContent(blocks=read_text("\n".join(lines)))


def _codec_for(cpg: int) -> str:
    return {936: "gb18030", 950: "big5hkscs", 65001: "utf-8", 54936: "gb18030"}.get(cpg, f"cp{cpg}")


def rtf_to_text(data: bytes) -> str:
    codec = "cp1252"
    m = re.search(rb"\\ansicpg(\d+)", data[:4096])
    if m:
        codec = _codec_for(int(m.group(1)))
    elif re.search(rb"\\fcharset134", data[:20000]):
        codec = "gb18030"
    out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together (double-byte code pages)
    stack: list[tuple[bool, int, bool]] = []
    skip, uc, in_table = False, 1, False
    skip_chars = 0
    star = False

    def flush_bytes() -> None:
        if pending:
            try:
                out.append(pending.decode(codec, errors="replace"))
            except LookupError:
                out.append(pending.decode("cp1252", errors="replace"))
            pending.clear()

    for tok in _TOKEN.finditer(data):
        word, arg, hexbyte, symbol, brace, literal = tok.groups()
        if hexbyte is not None:
            if skip_chars:
                skip_chars -= 1
            elif not skip:
                pending.append(int(hexbyte, 16))
            continue
        flush_bytes()
        if brace == b"{":
            stack.append((skip, uc, star))
            star = False
            continue
        if brace == b"}":
            if stack:
                skip, uc, star = stack.pop()
            star = False
            continue
        if literal is not None:
            if skip:
                continue
            chunk = literal.decode(codec, errors="replace")
            if skip_chars:
                n = min(skip_chars, len(chunk))
                chunk, skip_chars = chunk[n:], skip_chars - n
            out.append(chunk)
            continue
        if symbol is not None:
            if symbol == b"*":
                star = True
            elif not skip and symbol in (b"\\", b"{", b"}"):
                out.append(symbol.decode())
            elif not skip and symbol == b"~":
                out.append("\xa0")
            continue
        if word is None:
            continue  # bare line break in the source: not text
        name = word.decode("ascii")
        if star or name in _SKIP_DESTINATIONS:
            skip = True
            star = False
            continue
        if name == "uc" and arg is not None:
            uc = int(arg)
        elif skip:
            continue
        elif name == "u" and arg is not None:
            code = int(arg)
            out.append(chr(code + 65536 if code < 0 else code) if code not in (0,) else "")
            skip_chars = uc
        elif name == "intbl":
            in_table = True
        elif name in ("cell", "nestcell"):
            out.append("\t")
        elif name == "row":
            out.append("\n")
            in_table = False
        elif name in ("par", "line", "sect", "page"):
            out.append(_CELL_BREAK if in_table else "\n")
        elif name == "pard":
            in_table = False
        elif name == "tab":
            out.append("\t")
        elif name in ("emdash", "endash"):
            out.append("—" if name == "emdash" else "–")
        elif name in ("lquote", "rquote"):
            out.append("‘" if name == "lquote" else "’")
        elif name in ("ldblquote", "rdblquote"):
            out.append("“" if name == "ldblquote" else "”")
    flush_bytes()
    # A row's last \cell leaves a trailing tab; a cell's closing \par leaves a
    # break marker before the tab.
    text = "".join(out).replace(_CELL_BREAK + "\t", "\t")
    return re.sub(r"\t\n", "\n", text)
