"""The search interface every engine implements, and the shapes it speaks.

Engines are narrow on purpose (add, remove, search, rebuild, close): the
embedded whoosh engine, the tantivy engine and a later distributed engine
answer the same `SearchQuery` with the same `SearchResults`.  Parameter
validation, loading records and highlighting live outside the engines
(`index.api`), so each engine only matches, filters, ranks and counts.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from archive.errors import GongshiError

# Facets in the order the API lists them; every engine counts all six.
FACET_FIELDS: tuple[str, ...] = ("ethnicity", "year", "kind", "stage", "level", "region")
MAX_PAGE_SIZE = 100
# Deep pages cost every engine more than they are worth; exports stream ids instead.
MAX_RESULT_WINDOW = 10_000


class BadQuery(GongshiError):
    """A search parameter that cannot be understood (the web layer answers 400)."""


@dataclass(frozen=True)
class SearchQuery:
    """What to find: free text plus exact filters, and which page of it.

    `text` is the user's query as typed; engines analyse it with
    `index.analysis.plan_query`, so every engine reads it the same way.
    `ethnicity` is already the official name (土族, never a short form).
    `region` matches that region and every region whose name starts with it.
    """

    text: str = ""
    ethnicity: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    kind: str | None = None
    stage: str | None = None
    level: str | None = None
    region: str | None = None
    page: int = 1
    size: int = 20
    with_facets: bool = True

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def has_filters(self) -> bool:
        return any(
            v is not None
            for v in (self.ethnicity, self.year_from, self.year_to, self.kind, self.stage, self.level, self.region)
        )


@dataclass
class Hit:
    record_id: str
    score: float
    # field → HTML-safe text with <mark> around matches; engines may leave it
    # empty, `index.api` fills it from the record.
    highlights: dict[str, str] = field(default_factory=dict)


@dataclass
class SearchResults:
    total: int
    page: int
    size: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]


class SearchIndex(Protocol):
    """One search engine over the archive's current records (contract dicts)."""

    engine: str

    def add(self, records: Iterable[dict]) -> None:
        """Index these records, replacing any with the same record_id."""

    def remove(self, record_ids: Iterable[str]) -> None:
        """Forget these records (ids not in the index are ignored)."""

    def search(self, query: SearchQuery) -> SearchResults:
        """One page of matches, ranked by relevance then date, with facet counts."""

    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        """Every matching record_id in result order (pagination ignored), streamed."""

    def rebuild(self, records: Iterable[dict]) -> int:
        """Replace the whole index with these records; returns how many."""

    def count(self) -> int:
        """How many records the index holds."""

    def close(self) -> None: ...


def swap_in_rebuilt(built: Path, live: Path) -> None:
    """Put a freshly built index directory where the live one is.

    The old directory is renamed aside first and removed only after the new
    one is in place, so a failure leaves one complete index, never none.
    """
    old = live.with_name(f"{live.name}.old-{os.getpid()}")
    if live.exists():
        os.replace(live, old)
    os.replace(built, live)
    shutil.rmtree(old, ignore_errors=True)
