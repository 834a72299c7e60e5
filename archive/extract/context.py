"""What an extraction step knows about the document it is reading.

Passed to table and prose extractors so that every record is stamped with
its provenance from the moment it is made (zavod's `Context.emit` idea).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ExtractContext:
    """The document being read and what the notice around it says.

    `document_url` goes into each record; `location_prefix` (e.g. ``"附件2 "``)
    is put before a block's own location (``"table 1 row 3"``); `kind_hint`
    is "person" or "organization" when a heading above says which (先进集体 /
    先进个人), else None; `award` is the notice's honour, if known.
    """

    document_url: str | None = None
    location_prefix: str = ""
    kind_hint: str | None = None
    award: str | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)  # warnings for ParsedNotice

    def location(self, block_location: str, detail: str | None = None) -> str:
        """``"附件2 table 1 row 3"`` from a block's location and a row/sentence detail."""
        loc = f"{self.location_prefix}{block_location}"
        return f"{loc} {detail}" if detail else loc
