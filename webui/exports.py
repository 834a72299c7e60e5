"""Streamed exports of a whole result set, through the archive's one record writer.

The archive owns the CSV and JSON Lines formats (`archive.export.write_records`,
also behind `gongshi export`); the web export reuses it a batch at a time, so a
download of every match starts at once and never holds the result set in memory.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TextIO

RecordWriter = Callable[[Iterable[dict[str, Any]], str, TextIO], int]

BATCH = 500

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json; charset=utf-8", "json"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
}


def default_writer() -> RecordWriter:
    from archive.export import write_records

    return write_records


def _render(writer: RecordWriter, records: list[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    writer(records, fmt, buf)
    return buf.getvalue()


def _batches(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(records)
    while batch := list(islice(it, BATCH)):
        yield batch


def stream_records(records: Iterable[dict[str, Any]], fmt: str, writer: RecordWriter) -> Iterator[str]:
    """Text chunks of the export: csv (BOM + header once), jsonl, or one JSON array."""
    if fmt == "csv":
        head = _render(writer, [], "csv")  # the BOM and the header row
        yield head
        for batch in _batches(records):
            yield _render(writer, batch, "csv")[len(head):]
    elif fmt == "jsonl":
        for batch in _batches(records):
            yield _render(writer, batch, "jsonl")
    elif fmt == "json":
        # JSON Lines hold one record per line with no raw newline inside: join them as an array.
        yield "["
        first = True
        for batch in _batches(records):
            lines = _render(writer, batch, "jsonl").rstrip("\n")
            if lines:
                yield ("\n" if first else ",\n") + lines.replace("\n", ",\n")
                first = False
        yield "\n]\n"
    else:  # pragma: no cover - routes only pass known formats
        raise ValueError(fmt)
