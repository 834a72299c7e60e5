"""The shapes every part of gongshi agrees on.

Extraction produces `Block`s (what a document says, format-free) and turns
them into a `ParsedNotice` (the notice's metadata and its `Record`s).  The
store adds identity (ids, versions, archive addresses); the index and the web
UI read records as plain dicts shaped as in the public contract
(`Record.to_dict`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# --- what a document says, independent of its format ---------------------


@dataclass
class Table:
    """A grid of cell texts as the source laid it out.

    `rows` holds every row including header and title rows; merged cells are
    repeated into each cell they span, so a row always reads left to right.
    `location` says where the table sits in its document (``"table 2"``,
    ``"sheet 附件1"``, ``"page 3"``) so that a record can point back to it.
    """

    rows: list[list[str]]
    location: str


@dataclass
class Paragraph:
    """One line or paragraph of running text, in document order."""

    text: str
    location: str


Block = Table | Paragraph


@dataclass
class DocumentContent:
    """Everything read from one document, in reading order."""

    blocks: list[Block]
    title: str | None = None  # <title> or document property, if any
    meta: dict[str, str] = field(default_factory=dict)  # e.g. html <meta> tags
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)
    encoding: str | None = None


# --- what gongshi makes of it ---------------------------------------------

RecordKind = Literal["person", "organization"]
Level = Literal["national", "province", "prefecture", "county", "other"]
Stage = Literal["recommended", "proposed", "awarded"]

# The person/organization fields of a record, in contract order.
RECORD_FIELDS: tuple[str, ...] = (
    "kind",
    "name",
    "name_raw",
    "gender",
    "ethnicity",
    "birth",
    "political",
    "education",
    "unit",
    "position",
    "title",
    "industry",
    "org_type",
    "category",
    "remarks",
    "deeds",
)

NOTICE_FIELDS: tuple[str, ...] = (
    "title",
    "published",
    "year",
    "issuer",
    "award",
    "level",
    "stage",
    "period_start",
    "period_end",
    "region",
)


@dataclass
class Record:
    """One nominee as extracted, with where it came from.

    Provenance is part of the record from the moment it is made:
    `document_url` (the page or attachment), `location` (sheet, table, row or
    paragraph) and `raw` (the row or sentence exactly as the source wrote it).
    """

    kind: RecordKind
    name: str
    name_raw: str
    gender: str | None = None
    ethnicity: str | None = None
    birth: str | None = None
    political: str | None = None
    education: str | None = None
    unit: str | None = None
    position: str | None = None
    title: str | None = None
    industry: str | None = None
    org_type: str | None = None
    category: str | None = None
    remarks: str | None = None
    deeds: str | None = None
    document_url: str | None = None
    location: str | None = None
    raw: str | None = None

    def fields(self) -> dict[str, Any]:
        """The contract fields of the record (no provenance)."""
        return {k: getattr(self, k) for k in RECORD_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class NoticeMeta:
    """What a notice says about itself. Unstated fields stay None."""

    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    year: int | None = None
    issuer: str | None = None
    award: str | None = None
    level: Level | None = None
    stage: Stage | None = None
    period_start: str | None = None
    period_end: str | None = None
    region: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ParsedNotice:
    """The result of extraction for one notice (page plus attachments).

    `is_commendation` is False for decoys (appointments, hiring lists,
    procurement, ordinary notices); such a notice carries no records.
    """

    meta: NoticeMeta
    records: list[Record]
    is_commendation: bool
    url: str | None = None
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (href, text)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The `gongshi parse` shape: {"notice": {...}, "records": [...]}."""
        notice = self.meta.to_dict()
        notice["url"] = self.url
        notice["is_commendation"] = self.is_commendation
        return {"notice": notice, "records": [r.to_dict() for r in self.records]}


@dataclass
class SourceDocument:
    """Bytes to be parsed, with what is known of where they came from."""

    data: bytes
    url: str | None = None
    content_type: str | None = None  # the HTTP Content-Type header, verbatim
    filename: str | None = None
