"""The engine for large archives: tantivy (Rust), files under DATA/index/tantivy.

Same terms as the whoosh engine (`index.analysis` analyses in Python, the
fields use tantivy's whitespace tokenizer), so both find the same records;
filters are term and range queries, facets one terms aggregation over fast
fields, and date order a fast-field sort — all in Rust.

Concurrency: tantivy allows one writer per index (a lock file); a writer
here waits for it (up to WRITE_LOCK_TIMEOUT).  Readers in any process are
never blocked; they reload when `meta.json` changes (a commit or a rebuild).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from archive.errors import GongshiError
from index.analysis import TEXT_FIELDS, UNIT_SUBSTRING, QueryPlan, index_record, plan_query
from index.base import (
    FACET_FIELDS,
    MAX_RESULT_WINDOW,
    Hit,
    SearchQuery,
    SearchResults,
    swap_in_rebuilt,
)
from index.columns import MAX_FACET_VALUES, facet_dict
from index.units import UnitList

WRITE_LOCK_TIMEOUT = 120.0
WRITER_HEAP = 128_000_000
_STRING_FACETS = ("ethnicity", "kind", "stage", "level", "region")
# Extra candidates fetched past the page so that equal scores can be ordered by
# date across segments (within a segment, documents are already newest first).
_TIE_SLACK = 200


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("record_id", stored=True, tokenizer_name="raw", index_option="basic")
    # Terms arrive deduplicated (index.analysis), so frequencies would all be 1.
    for name in TEXT_FIELDS:
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="basic")
    for name in _STRING_FACETS:
        sb.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    sb.add_text_field("region_prefix", tokenizer_name="whitespace", index_option="basic")
    sb.add_text_field(UNIT_SUBSTRING, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_integer_field("published", fast=True)
    return sb.build()


SCHEMA = _schema()


def _new_index(path: Path) -> tantivy.Index:
    # Documents kept newest first: among equal scores tantivy keeps the lower
    # doc id, so the top hits of a tie are the newest (relevance, then date).
    return tantivy.Index(SCHEMA, path=str(path), reuse=False, sort_by_field="published", sort_order=tantivy.Order.Desc)


def _document(record: dict) -> tantivy.Document:
    r = index_record(record)
    doc = tantivy.Document()
    doc.add_text("record_id", r.record_id)
    for name in TEXT_FIELDS:
        terms = getattr(r, name)
        if terms:
            doc.add_text(name, " ".join(terms))
    for name in _STRING_FACETS:
        value = getattr(r, name)
        if value:
            doc.add_text(name, value)
    if r.unit:
        doc.add_text(UNIT_SUBSTRING, r.unit)
    if r.region:
        doc.add_text("region_prefix", " ".join(r.region_prefixes()))
    if r.year is not None:
        doc.add_integer("year", r.year)
    doc.add_integer("published", r.published)
    return doc


def _text_query(plan: QueryPlan, units: UnitList) -> Query:
    clauses = []
    for clause in plan.clauses:
        alts = []
        for alt in clause:
            if alt.field == UNIT_SUBSTRING:
                fragment = alt.terms[0]
                found = units.containing(fragment)
                if found:
                    q = Query.term_set_query(SCHEMA, UNIT_SUBSTRING, found)
                    alts.append((Occur.Should, Query.const_score_query(q, alt.boost)))
                continue
            terms = [Query.term_query(SCHEMA, alt.field, t, index_option="basic") for t in alt.terms]
            q = terms[0] if len(terms) == 1 else Query.boolean_query([(Occur.Must, t) for t in terms])
            # A constant per way of matching, as in the whoosh engine (see WhooshIndex._match).
            alts.append((Occur.Should, Query.const_score_query(q, alt.boost)))
        clauses.append((Occur.Must, Query.boolean_query(alts)))
    return clauses[0][1] if len(clauses) == 1 else Query.boolean_query(clauses)


def _filter_queries(query: SearchQuery) -> list[Query]:
    filters = []
    for name in ("ethnicity", "kind", "stage", "level"):
        value = getattr(query, name)
        if value is not None:
            filters.append(Query.term_query(SCHEMA, name, value, index_option="basic"))
    if query.region is not None:
        filters.append(Query.term_query(SCHEMA, "region_prefix", query.region, index_option="basic"))
    if query.year_from is not None or query.year_to is not None:
        filters.append(
            Query.range_query(SCHEMA, "year", tantivy.FieldType.Integer, query.year_from, query.year_to)
        )
    return filters


def _full_query(query: SearchQuery, units: UnitList) -> tuple[Query, bool]:
    """The query, and whether it is scored (has text)."""
    plan = plan_query(query.text)
    filters = _filter_queries(query)
    parts = [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filters]
    if plan:
        parts.insert(0, (Occur.Must, _text_query(plan, units)))
    if not parts:
        return Query.all_query(), False
    if len(parts) == 1 and plan:
        return parts[0][1], True
    return Query.boolean_query(parts), bool(plan)


_FACET_AGGS = {name: {"terms": {"field": name, "size": MAX_FACET_VALUES * 2}} for name in FACET_FIELDS}


class TantivyIndex:
    engine = "tantivy"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._ix: tantivy.Index | None = None
        self._meta_stamp: tuple | None = None
        self._units: UnitList | None = None
        if not (self.path / "meta.json").exists():
            self.path.mkdir(parents=True, exist_ok=True)
            _new_index(self.path)

    # -- reading -------------------------------------------------------------

    def _stamp(self) -> tuple | None:
        try:
            st = os.stat(self.path / "meta.json")
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _searcher(self) -> tantivy.Searcher:
        stamp = self._stamp()
        if self._ix is None or stamp != self._meta_stamp:
            for attempt in range(20):  # a rebuild may be swapping the directory
                try:
                    if self._ix is None or stamp is None or self._meta_stamp is None or stamp[0] != self._meta_stamp[0]:
                        self._ix = tantivy.Index.open(str(self.path))
                    else:
                        self._ix.reload()
                    break
                except (ValueError, OSError):
                    if attempt == 19:
                        raise
                    time.sleep(0.05)
                    stamp = self._stamp()
            self._meta_stamp = stamp
            self._units = None
        return self._ix.searcher()  # type: ignore[union-attr]

    def _unit_list(self, searcher: tantivy.Searcher) -> UnitList:
        """The distinct units, read from the term dictionary once per generation."""
        if self._units is None:
            self._units = UnitList(term for term, _ in searcher.terms_with_prefix(UNIT_SUBSTRING, ""))
        return self._units

    def _ids(self, searcher: tantivy.Searcher, addresses) -> list[str]:
        return [searcher.doc(a).get_first("record_id") for a in addresses]

    def search(self, query: SearchQuery) -> SearchResults:
        offset = min(query.offset, MAX_RESULT_WINDOW)
        with self._lock:
            searcher = self._searcher()
            q, scored = _full_query(query, self._unit_list(searcher))
            if scored:
                result = searcher.search(q, offset + query.size + _TIE_SLACK, count=True)
                addresses = [a for _, a in result.hits]
                published = searcher.fast_field_values("published", addresses) if addresses else []
                ranked = sorted(
                    zip(result.hits, published, strict=True), key=lambda hp: (-round(hp[0][0], 6), -(hp[1] or 0))
                )
                page = [(score, a) for (score, a), _ in ranked[offset : offset + query.size]]
            else:
                result = searcher.search(
                    q, query.size, count=True, order_by_field="published", offset=offset, order=tantivy.Order.Desc
                )
                page = [(0.0, a) for _, a in result.hits]
            ids = self._ids(searcher, [a for _, a in page])
            hits = [Hit(rid, float(score)) for rid, (score, _) in zip(ids, page, strict=True)]
            facets = self._facets(searcher, q) if query.with_facets else {n: {} for n in FACET_FIELDS}
        return SearchResults(result.count, query.page, query.size, hits, facets)

    @staticmethod
    def _facets(searcher: tantivy.Searcher, q: Query) -> dict[str, dict[str, int]]:
        aggs = searcher.aggregate(q, _FACET_AGGS)
        return {
            name: facet_dict(name, ((b["key"], b["doc_count"]) for b in aggs.get(name, {}).get("buckets", [])))
            for name in FACET_FIELDS
        }

    def iter_ids(self, query: SearchQuery, batch: int = 1000) -> Iterator[str]:
        with self._lock:
            searcher = self._searcher()
            q, scored = _full_query(query, self._unit_list(searcher))
            total = searcher.search(q, 1, count=True).count
            if total == 0:
                return
            if scored:
                hits = searcher.search(q, total, count=False).hits
                published = searcher.fast_field_values("published", [a for _, a in hits])
                order = [a for (_, a), _ in sorted(zip(hits, published, strict=True), key=lambda hp: (-round(hp[0][0], 6), -(hp[1] or 0)))]
            else:
                hits = searcher.search(q, total, count=False, order_by_field="published", order=tantivy.Order.Desc).hits
                order = [a for _, a in hits]
        for start in range(0, len(order), batch):
            yield from self._ids(searcher, order[start : start + batch])

    def count(self) -> int:
        with self._lock:
            return self._searcher().num_docs

    # -- writing ---------------------------------------------------------------

    def _writer(self, index: tantivy.Index, heap: int = 50_000_000, threads: int = 1):
        deadline = time.monotonic() + WRITE_LOCK_TIMEOUT
        while True:
            try:
                return index.writer(heap, threads)
            except ValueError as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise GongshiError(f"cannot write the search index: {exc}") from exc
                time.sleep(0.1)

    def _write_index(self) -> tantivy.Index:
        self._searcher()  # opens (or reopens after a rebuild) self._ix
        return self._ix  # type: ignore[return-value]

    def add(self, records: Iterable[dict]) -> None:
        docs = [(r["record_id"], _document(r)) for r in records]
        if not docs:
            return
        with self._lock:
            writer = self._writer(self._write_index())
            try:
                for rid, doc in docs:
                    writer.delete_documents_by_term("record_id", rid)
                    writer.add_document(doc)
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()

    def remove(self, record_ids: Iterable[str]) -> None:
        ids = list(record_ids)
        if not ids:
            return
        with self._lock:
            writer = self._writer(self._write_index())
            try:
                for rid in ids:
                    writer.delete_documents_by_term("record_id", rid)
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()

    def rebuild(self, records: Iterable[dict], threads: int = 2, heap: int = WRITER_HEAP) -> int:
        """Build a fresh index beside the old one, then swap the directories."""
        tmp = self.path.with_name(f"{self.path.name}.building-{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        index = _new_index(tmp)
        writer = self._writer(index, heap, threads)
        n = 0
        try:
            for record in records:
                writer.add_document(_document(record))
                n += 1
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        del writer, index
        with self._lock:
            self.close()
            swap_in_rebuilt(tmp, self.path)
        return n

    def close(self) -> None:
        with self._lock:
            self._ix = None
            self._meta_stamp = None
            self._units = None
