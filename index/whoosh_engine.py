"""The default engine: whoosh (pure Python), files under DATA/index/whoosh.

Text matching uses whoosh posting lists over pre-analysed terms
(`index.analysis`); filters, facets and date order use in-memory columns
(`index.columns`), read once per index generation.

Concurrency: whoosh readers never take the write lock, so searching while a
crawl (another process) writes is safe; a reader reopens when the index
changed, retrying briefly if a commit or a rebuild swaps files under it.
Writers wait for the lock (up to WRITE_LOCK_TIMEOUT) rather than fail.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from whoosh import columns as wcolumns
from whoosh import index as windex
from whoosh import query as wq
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import COLUMN, ID, TEXT, Schema
from whoosh.index import LockError

from archive.errors import GongshiError
from index.analysis import (
    TEXT_FIELDS,
    UNIT_SUBSTRING,
    Alternative,
    QueryPlan,
    index_record,
    plan_query,
)
from index.base import FACET_FIELDS, MAX_RESULT_WINDOW, Hit, SearchQuery, SearchResults
from index.columns import FacetColumns

WRITE_LOCK_TIMEOUT = 120.0
BUILD_MARKER = "BUILD"
_STRING_FACETS = ("ethnicity", "kind", "stage", "level", "region")


def _schema() -> Schema:
    ws = SpaceSeparatedTokenizer()
    text = {name: TEXT(analyzer=ws, phrase=False) for name in TEXT_FIELDS}
    cols = {name: COLUMN(wcolumns.RefBytesColumn()) for name in _STRING_FACETS}
    return Schema(
        record_id=ID(stored=True, unique=True),
        year=COLUMN(wcolumns.NumericColumn("i", default=0)),
        published=COLUMN(wcolumns.NumericColumn("i", default=0)),
        unit=COLUMN(wcolumns.VarBytesColumn()),
        **text,
        **cols,
    )


def _document(record: dict) -> dict:
    r = index_record(record)
    doc = {
        "record_id": r.record_id,
        "name_exact": " ".join(r.name_exact),
        "name": " ".join(r.name),
        "pinyin": " ".join(r.pinyin),
        "text": " ".join(r.text),
        "unit": (r.unit or "").encode("utf-8"),
        "year": r.year or 0,
        "published": r.published,
    }
    for name in _STRING_FACETS:
        value = getattr(r, name)
        doc[name] = value.encode("utf-8") if value else b""
    return doc


def _whoosh_query(alternatives: list[Alternative]) -> wq.Query:
    alts = []
    for alt in alternatives:
        terms = [wq.Term(alt.field, t) for t in alt.terms]
        alts.append(wq.And(terms, boost=alt.boost) if len(terms) > 1 else wq.Term(alt.field, alt.terms[0], boost=alt.boost))
    return alts[0] if len(alts) == 1 else wq.Or(alts)


def _retry(fn, attempts: int = 20, delay: float = 0.05):
    """Run `fn`, retrying while files move under it (a commit or a rebuild swap)."""
    for i in range(attempts):
        try:
            return fn()
        except (FileNotFoundError, windex.EmptyIndexError, OSError):
            if i == attempts - 1:
                raise
            time.sleep(delay)
    raise AssertionError("unreachable")


class WhooshIndex:
    engine = "whoosh"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._ix: windex.Index | None = None
        self._searcher = None
        self._build_id: str | None = None
        self._columns: FacetColumns | None = None
        if not windex.exists_in(self.path):
            self._create(self.path)

    # -- files ----------------------------------------------------------------

    @staticmethod
    def _create(path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        windex.create_in(str(path), _schema())
        (path / BUILD_MARKER).write_text(uuid.uuid4().hex)

    def _read_build_id(self) -> str | None:
        try:
            return (self.path / BUILD_MARKER).read_text()
        except OSError:
            return None

    def _open(self) -> windex.Index:
        if self._ix is None:
            self._ix = _retry(lambda: windex.open_dir(str(self.path)))
        return self._ix

    def _writer(self, **kwargs):
        try:
            return self._open().writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.1, **kwargs)
        except LockError as exc:
            raise GongshiError(
                f"the search index is locked by another writer for over {WRITE_LOCK_TIMEOUT:.0f}s; try again later"
            ) from exc

    # -- reading ----------------------------------------------------------------

    def _current(self):
        """A searcher and columns for the latest committed index generation."""
        build_id = self._read_build_id()
        s = self._searcher
        if s is not None and build_id == self._build_id and _retry(s.up_to_date):
            return s, self._columns
        if s is not None:
            s.close()
        if build_id != self._build_id:
            self._ix = None  # the directory was rebuilt: reopen it
        self._searcher = _retry(lambda: self._open().searcher())
        self._build_id = build_id
        self._columns = self._load_columns(self._searcher.reader())
        return self._searcher, self._columns

    @staticmethod
    def _load_columns(reader) -> FacetColumns:
        values: dict[str, list] = {}
        for name in _STRING_FACETS:
            decoded: dict[bytes, str | None] = {b"": None}
            col = reader.column_reader(name, translate=False)
            values[name] = [decoded.get(b) or decoded.setdefault(b, b.decode("utf-8")) for b in col]
        years = list(reader.column_reader("year", translate=False))
        values["year"] = [y or None for y in years]
        published = list(reader.column_reader("published", translate=False))
        units = [b.decode("utf-8") if b else None for b in reader.column_reader("unit", translate=False)]
        return FacetColumns.build(values, published, reader.all_doc_ids(), units)

    def _match(self, searcher, cols: FacetColumns, plan: QueryPlan) -> dict[int, float]:
        """Every document the text matches, with its score: each clause walks
        its postings once (units come from the in-memory unit list)."""
        matched: dict[int, float] | None = None
        for clause in plan.clauses:
            scores: dict[int, float] = {}
            in_postings = [a for a in clause if a.field != UNIT_SUBSTRING]
            if in_postings:
                matcher = _whoosh_query(in_postings).matcher(searcher, searcher.context())
                while matcher.is_active():
                    scores[matcher.id()] = matcher.score()
                    matcher.next()
            for alt in clause:
                if alt.field == UNIT_SUBSTRING:
                    for d in cols.unit_docs(alt.terms[0]):
                        scores[d] = scores.get(d, 0.0) + alt.boost
            if matched is None:
                matched = scores
            else:
                matched = {d: matched[d] + s for d, s in scores.items() if d in matched}
        return matched or {}

    def _ranked(self, query: SearchQuery) -> tuple[list[int], dict[int, float] | None, FacetColumns, object]:
        plan = plan_query(query.text)
        searcher, cols = self._current()
        if not plan:
            return cols.filter(query), None, cols, searcher
        scores = self._match(searcher, cols, plan)
        pub = cols.published
        order = sorted(scores, key=lambda d: (-round(scores[d], 6), -pub[d], d))
        return cols.filter(query, order), scores, cols, searcher

    def search(self, query: SearchQuery) -> SearchResults:
        with self._lock:
            docs, scores, cols, searcher = self._ranked(query)
            start = min(query.offset, MAX_RESULT_WINDOW)
            page = docs[start : start + query.size]
            hits = [
                Hit(searcher.stored_fields(d)["record_id"], float(scores[d]) if scores else 0.0) for d in page
            ]
            facets = cols.facets(docs) if query.with_facets else {name: {} for name in FACET_FIELDS}
            return SearchResults(len(docs), query.page, query.size, hits, facets)

    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        with self._lock:
            docs, _, _, searcher = self._ranked(query)
            ids = [searcher.stored_fields(d)["record_id"] for d in docs]
        yield from ids

    def count(self) -> int:
        with self._lock:
            return len(self._current()[1])

    # -- writing ----------------------------------------------------------------

    def add(self, records: Iterable[dict]) -> None:
        docs = [_document(r) for r in records]
        if not docs:
            return
        with self._lock:
            writer = self._writer()
            try:
                for doc in docs:
                    writer.update_document(**doc)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()

    def remove(self, record_ids: Iterable[str]) -> None:
        ids = list(record_ids)
        if not ids:
            return
        with self._lock:
            writer = self._writer()
            try:
                for rid in ids:
                    writer.delete_by_term("record_id", rid)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()

    def rebuild(self, records: Iterable[dict], procs: int = 2, limitmb: int = 256) -> int:
        """Build a fresh index beside the old one, then swap the directories.

        Two writer processes build separate segments (about twice the rate of
        one); the segments are not merged, which keeps the build fast.
        """
        tmp = self.path.with_name(f"{self.path.name}.building-{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        self._create(tmp)
        ix = windex.open_dir(str(tmp))
        kwargs = {"procs": procs, "multisegment": True} if procs > 1 else {}
        writer = ix.writer(limitmb=limitmb, **kwargs)
        n = 0
        try:
            for record in records:
                writer.add_document(**_document(record))
                n += 1
        except BaseException:
            writer.cancel()
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        writer.commit()
        ix.close()
        with self._lock:
            self.close()
            old = self.path.with_name(f"{self.path.name}.old-{os.getpid()}")
            if self.path.exists():
                os.replace(self.path, old)
            os.replace(tmp, self.path)
            shutil.rmtree(old, ignore_errors=True)
        return n

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._columns = None
            self._build_id = None
            if self._ix is not None:
                self._ix.close()
            self._ix = None
