"""The extraction pipeline: documents → `ParsedNotice`.

    parse_notice(main, attachments) -> ParsedNotice

1. read every document into format-free blocks (`readers`);
2. read the notice's metadata from the main document (`notice_meta`);
3. decide whether it is a commendation at all (`classify`); decoys stop here;
4. take records from tables (`tables`) and prose (`prose`, when present),
   de-duplicate them, and link 事迹材料 sections to them (`deeds`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.errors import GongshiError
from archive.model import DocumentContent, Paragraph, ParsedNotice, Record, SourceDocument, Table

from .classify import classify_notice
from .context import ExtractContext
from .deeds import deeds_paragraphs, deeds_sections, link_deeds
from .notice_meta import NoticeText, notice_text, read_notice_meta, simplified_view
from .readers import read_document
from .sections import category_from_section, is_section_heading, kind_from_text
from .table_rows import TableState
from .tables import records_from_table

try:  # the prose reader is built beside this module; run without it if absent
    from .prose import records_from_paragraphs
except ImportError:  # pragma: no cover - depends on the tree's state
    records_from_paragraphs = None

_ATTACHMENT_EXT_RE = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|7z|txt|rtf|ofd)(?:$|[?#])", re.I)
_ATTACHMENT_LABEL_RE = re.compile(r"^\s*附\s*件\s*([0-9０-９一二三四五六七八九十]*)")
_NUMBERED_LINK_RE = re.compile(r"^\s*([0-9]{1,2})\s*[.、．]")


def attachment_links(content: DocumentContent) -> list[tuple[str, str]]:
    """Links on the main page that point at attached files (for the crawler)."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for href, text in content.links:
        path = href.split("#", 1)[0]
        label = (text or "").strip()
        if _ATTACHMENT_EXT_RE.search(path) or _ATTACHMENT_LABEL_RE.match(label) or (
            _ATTACHMENT_EXT_RE.search(label) and not label.lower().endswith((".html", ".htm"))
        ):
            if path not in seen:
                seen.add(path)
                out.append((href, text))
    return out


def parse_notice(main: SourceDocument, attachments: Sequence[SourceDocument] = ()) -> ParsedNotice:
    """Metadata and records of one notice (its page or file, and its attachments).

    A main document that cannot be read raises `BadInput`; an attachment that
    cannot be read is skipped with a warning.
    """
    content = read_document(main)
    warnings: list[str] = []
    docs: list[tuple[SourceDocument, DocumentContent, str]] = [(main, content, "")]
    for n, src in enumerate(attachments, 1):
        try:
            att = read_document(src)
        except GongshiError as exc:
            name = src.filename or src.url or f"attachment {n}"
            warnings.append(f"{name}: {exc}")
            continue
        docs.append((src, att, _attachment_prefix(src, att, content, n)))

    text = notice_text(content, main)
    extra = _classification_extra(docs)
    meta = read_notice_meta(text, content, extra_titles=[d[0].filename or "" for d in docs[1:]], url=main.url)
    view = simplified_view(text)
    is_commendation = classify_notice(view.title, view.body, extra)
    if not is_commendation:
        # an honour's name, stage and level mean nothing for a decoy
        meta.award = meta.stage = meta.level = None
    records: list[Record] = []
    if is_commendation:
        for src, doc, prefix in docs:
            records.extend(records_from_tables(doc, src, prefix, meta.award))
        # Paragraphs of deeds sections describe nominees; they name others
        # (colleagues, villagers) who are not nominees, so prose skips them.
        sections = deeds_sections(records, docs)
        table_names = {r.name for r in records}
        in_deeds = {id(p) for p in deeds_paragraphs(sections, records)}
        for src, doc, prefix in docs:
            # tables go along as boundaries: a list in prose never runs across one
            blocks = [b for b in doc.blocks if id(b) not in in_deeds]
            records.extend(records_from_prose(blocks, src, prefix, meta.award, warnings))
        records = deduplicate(records)
        if {r.name for r in records} != table_names:
            sections = deeds_sections(records, docs)  # prose named new nominees
        link_deeds(records, sections)
    return ParsedNotice(
        meta=meta,
        records=records,
        is_commendation=is_commendation,
        url=main.url,
        attachments=attachment_links(content),
        warnings=warnings,
    )


def _attachment_prefix(src: SourceDocument, doc: DocumentContent, main: DocumentContent, n: int) -> str:
    """``"附件2 "`` from the link text naming the file, its name or its first
    line (附件2); else its file name."""
    for href, text in main.links:
        if src.url and href == src.url:
            m = _ATTACHMENT_LABEL_RE.match(text or "") or _NUMBERED_LINK_RE.match(text or "")
            if m and m.group(1):
                return f"附件{m.group(1)} "
    first_lines = [b.text for b in doc.blocks[:3] if isinstance(b, Paragraph)]
    for name in (src.filename or "", (src.url or "").rsplit("/", 1)[-1], *first_lines):
        m = _ATTACHMENT_LABEL_RE.match(name)
        if m and m.group(1):
            return f"附件{m.group(1)} "
    if src.filename:
        return f"{src.filename} "
    return f"附件{n} "


def _classification_extra(docs: list[tuple[SourceDocument, DocumentContent, str]]) -> str:
    """Attachment names, titles and table header rows: evidence for classify."""
    parts: list[str] = []
    for src, doc, _ in docs:
        parts.append(src.filename or "")
        parts.append(doc.title or "")
        for block in doc.blocks[:200]:
            if isinstance(block, Table):
                parts.extend(" ".join(r) for r in block.rows[:3])
    return "\n".join(p for p in parts if p)


_SECTION_PARA_RE = re.compile(r"^\s*附\s*件\s*([0-9０-９]+)")


def records_from_tables(
    doc: DocumentContent, src: SourceDocument, prefix: str, award: str | None
) -> list[Record]:
    """Records from the tables of one document, in reading order.

    A short paragraph before a table says what it lists: its kind
    (先进集体 / 先进个人) and, for a numbered or counted heading such as
    ``二、全县优秀党务工作者（2名）``, the category of its rows.
    """
    out: list[Record] = []
    state = TableState()
    hint: str | None = None
    category: str | None = None
    current_prefix = prefix
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text = block.text.strip()
            m = _SECTION_PARA_RE.match(text)
            if m and not prefix:
                current_prefix = f"附件{m.group(1)} "
            if len(text) <= 80:
                kind = kind_from_text(text)
                if kind is not None:
                    hint = kind
                if is_section_heading(text):
                    category = category_from_section(text)
                    state.category = None
            else:
                # running text: the next table is a new one
                state.columns = state.category = None
            continue
        ctx = ExtractContext(document_url=src.url, location_prefix=current_prefix, kind_hint=hint,
                             award=award)
        if hint is not None:
            state.kind = hint
        if category is not None:
            state.category = category
        out.extend(records_from_table(block, ctx, state))
        hint = category = None
    return out


def records_from_prose(
    blocks: list[Paragraph | Table], src: SourceDocument, prefix: str, award: str | None,
    warnings: list[str],
) -> list[Record]:
    """Records from prose-form lists (numbered entries, name grids), if the
    prose reader is present."""
    if records_from_paragraphs is None or not any(isinstance(b, Paragraph) for b in blocks):
        return []
    ctx = ExtractContext(document_url=src.url, location_prefix=prefix, award=award)
    try:
        return list(records_from_paragraphs(blocks, ctx))
    except GongshiError as exc:
        warnings.append(str(exc))
        return []


def _richness(rec: Record) -> int:
    return sum(1 for v in rec.fields().values() if v)


def deduplicate(records: list[Record]) -> list[Record]:
    """One record per (kind, name, unit): tables win over prose, richer wins.

    Two people with the same name but different stated units are kept apart.
    """
    kept: list[Record] = []
    by_name: dict[tuple[str, str], list[int]] = {}  # (kind, name) → indices in kept
    for rec in records:
        dup = None
        for i in by_name.get((rec.kind, rec.name), ()):
            other = kept[i]
            if other.unit and rec.unit and other.unit != rec.unit and not (
                other.unit in rec.unit or rec.unit in other.unit
            ):
                continue
            dup = i
            break
        if dup is None:
            by_name.setdefault((rec.kind, rec.name), []).append(len(kept))
            kept.append(rec)
            continue
        other = kept[dup]
        other_is_table = _from_table(other)
        rec_is_table = _from_table(rec)
        if rec_is_table and not other_is_table:
            kept[dup] = rec
        elif rec_is_table == other_is_table and _richness(rec) > _richness(other):
            kept[dup] = rec
    return kept


def _from_table(rec: Record) -> bool:
    loc = rec.location or ""
    return " row " in f" {loc} " or "table" in loc or "sheet" in loc


__all__ = ["NoticeText", "attachment_links", "parse_notice", "records_from_prose", "records_from_tables"]
