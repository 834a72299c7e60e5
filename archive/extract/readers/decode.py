"""Bytes → str for text and HTML documents.

Chinese government sites serve GBK pages as bare ``text/html``, declare
``gb2312`` for text that uses GBK/GB18030 characters (人名 such as 堃, 喆, 昇
are outside GB2312), and now and then declare a charset the bytes are not
in.  So a declared charset is believed only when the bytes decode cleanly with
it, the whole GB family is read as GB18030 (a superset of GB2312 and GBK), and
without a usable declaration strict UTF-8 is tried before GB18030.
"""

from __future__ import annotations

import codecs
import re

# Labels of the GB family: all decoded as GB18030, the superset.
_GB_LABELS = {
    "gb2312", "gbk", "gb18030", "cp936", "ms936", "x-gbk", "x-gb2312", "gb_2312",
    "gb_2312-80", "csgb2312", "euc-cn", "x-euc-cn", "chinese", "iso-ir-58", "windows-936",
    "csgbk", "936",
}
# Single-byte charsets decode *any* bytes without error, so "decodes cleanly"
# proves nothing; pages that declare them with high bytes are almost always
# mislabelled Chinese pages.
_WEAK_LABELS = {"iso-8859-1", "latin-1", "latin1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii"}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,400}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _GB_LABELS:
        return "gb18030"
    if name in ("utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8"):
        return "utf-8"
    if name in ("big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"):
        return "big5hkscs"
    if name in ("unicode", "utf-16", "ucs-2"):
        return "utf-16"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _CT_CHARSET.search(content_type)
    return m.group(1) if m else None


def charset_from_markup(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first few KB."""
    head = data[:8192]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def decode_bytes(
    data: bytes, content_type: str | None = None, markup: bool = False
) -> tuple[str, str]:
    """Decode document bytes, returning (text, encoding used).

    Order: byte-order mark, HTTP charset, in-document declaration (HTML only),
    then detection.  A declaration is used only if the bytes decode strictly
    with it; a GB-family declaration on bytes that are valid, non-trivial UTF-8
    loses to UTF-8 (UTF-8 Chinese also "decodes" as GB18030, into mojibake).
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec.removesuffix("-sig"), errors="replace"), label

    declared = [charset_from_content_type(content_type)]
    if markup:
        declared.append(charset_from_markup(data))
    for label in declared:
        codec = normalise_charset(label)
        if codec is None:
            continue
        if label and label.strip().lower() in _WEAK_LABELS and not data.isascii():
            continue
        if codec == "gb18030" and _is_utf8_with_multibyte(data):
            return data.decode("utf-8"), "utf-8"
        if codec == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            continue  # "utf-16" with no BOM is a guess at endianness; detect instead
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    return detect_and_decode(data)


def detect_and_decode(data: bytes) -> tuple[str, str]:
    """Decode undeclared bytes: strict UTF-8, strict GB18030, then detection."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    bom_less = _guess_utf16(data)
    if bom_less:
        return data.decode(bom_less, errors="replace"), bom_less
    try:
        text = data.decode("gb18030")
        if _CJK.search(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    guess = _charset_normalizer_guess(data)
    if guess and guess != "gb18030":
        try:
            return data.decode(guess), guess
        except (UnicodeDecodeError, LookupError):
            pass
    # Mostly-GB bytes with a few broken sequences (a truncated page, a stray
    # byte): keep what decodes rather than refusing the page.
    gb = data.decode("gb18030", errors="replace")
    u8 = data.decode("utf-8", errors="replace")
    if u8.count("\ufffd") < gb.count("\ufffd"):
        return u8, "utf-8"
    return gb, "gb18030"


def _is_utf8_with_multibyte(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    # Short GBK strings can be valid UTF-8 by accident (the "联通" case);
    # a handful of CJK characters decoded as UTF-8 cannot.
    return len(_CJK.findall(text[:20000])) >= 4


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII markup leaves every other byte NUL."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > half * 0.3 and even_nul < half * 0.05:
        return "utf-16-le"
    if even_nul > half * 0.3 and odd_nul < half * 0.05:
        return "utf-16-be"
    return None


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    enc = normalise_charset(best.encoding)
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"
    return enc
