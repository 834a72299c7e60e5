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
import signal
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from whoosh import columns as wcolumns
from whoosh import index as windex
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import COLUMN, ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.reading import TermNotFound
from whoosh.system import pack_uint

from archive.errors import GongshiError
from index.analysis import (
    TEXT_FIELDS,
    UNIT_SUBSTRING,
    Alternative,
    QueryPlan,
    index_record,
    plan_query,
)
from index.base import (
    FACET_FIELDS,
    MAX_RESULT_WINDOW,
    Hit,
    SearchQuery,
    SearchResults,
    swap_in_rebuilt,
)
from index.columns import FacetColumns

WRITE_LOCK_TIMEOUT = 120.0
# Sorting pool of an incremental writer (new documents plus the segments a
# commit merges), in whoosh's estimate; past it the pool spills to sorted runs
# on disk.  whoosh's default (128) let a crawl's merges grow the process by
# hundreds of MB as the index grew.
UPDATE_LIMIT_MB = 32
# Segments of about the same size (same power of MERGE_FACTOR documents)
# are merged once MERGE_FACTOR of them exist, see `merge_by_size`.
MERGE_FACTOR = 10
# A merge of at least this many documents runs in a child process (see
# `WhooshIndex._commit`): the first such merge in a crawl is ~10,000.
CHILD_MERGE_TIMEOUT = 600.0  # seconds a merge child may take before it is given up
CHILD_MERGE_DOCS = 5_000
TERM_CACHE_SIZE = 64  # posting sets kept per index generation (common bigrams recur)
BUILD_MARKER = "BUILD"
_STRING_FACETS = ("ethnicity", "kind", "stage", "level", "region")


_ONE_FREQUENCY = pack_uint(1)  # the posting value of a term seen once (Frequency format)


class TermsField(TEXT):
    """A text field fed the terms `index.analysis` made (deduplicated), not text:
    whoosh's own tokenizer would only split them again, at a cost per term."""

    def index(self, value, **kwargs):
        if isinstance(value, str):
            value = value.split()
        one = _ONE_FREQUENCY
        return ((t.encode("utf-8"), 1, 1.0, one) for t in value)


def _schema() -> Schema:
    ws = SpaceSeparatedTokenizer()
    text = {name: TermsField(analyzer=ws, phrase=False) for name in TEXT_FIELDS}
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
        "name_exact": list(r.name_exact),
        "name": list(r.name),
        "pinyin": list(r.pinyin),
        "text": list(r.text),
        "unit": (r.unit or "").encode("utf-8"),
        "year": r.year or 0,
        "published": r.published,
    }
    for name in _STRING_FACETS:
        value = getattr(r, name)
        doc[name] = value.encode("utf-8") if value else b""
    return doc


def _posting_ids(matcher) -> list[int]:
    """All docnums of a segment's posting list, read a block at a time.

    whoosh's matchers step posting by posting in Python; its W3 leaf matcher
    holds each block's ids as an array, read here whole.  Other matchers
    (another whoosh variant, a filtered list) fall back to `all_ids()`."""
    if not all(hasattr(matcher, a) for a in ("_ids", "_i", "_read_ids", "_next_block")):
        return list(matcher.all_ids())
    out: list[int] = []
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        out.extend(matcher._ids[matcher._i :])
        matcher._next_block()
    return out


def _size_class(seg) -> int:
    n, c = seg.doc_count_all(), 0
    while n >= MERGE_FACTOR:
        n //= MERGE_FACTOR
        c += 1
    return c


def segments_to_merge(segments: list) -> list:
    """The segments `merge_by_size` would merge, in their order."""
    by_class: dict[int, int] = {}
    for seg in segments:
        c = _size_class(seg)
        by_class[c] = by_class.get(c, 0) + 1
    full = [c for c, count in by_class.items() if count >= MERGE_FACTOR]
    limit = min(full) if full else -1
    return [
        seg for seg in segments
        if _size_class(seg) <= limit or seg.deleted_count() * 2 > seg.doc_count_all()
    ]


def merge_by_size(writer, segments: list) -> list:
    """whoosh merge policy: merge a size class once it has MERGE_FACTOR segments.

    Segments fall in size classes by powers of MERGE_FACTOR documents; the
    smallest class holding MERGE_FACTOR segments is merged (with every smaller
    one) into the segment being written, as are segments mostly deleted
    (notices recrawled).  So a commit of ~1,000 records merges nothing most of
    the time, each document is rewritten once per class (log-many times), and
    an index holds at most ~MERGE_FACTOR segments per class.  whoosh's own
    MERGE_SMALL never merges a run of equal segments of a thousand documents
    (segments then pile up, and every commit reads them all) and merges
    often when commits are small.  The writer's `limitmb` bounds a merge's
    memory: past it the postings are sorted on disk.
    """
    return _merge(writer, segments, segments_to_merge(segments))


def _merge(writer, segments: list, to_merge: list) -> list:
    """Add `to_merge` (in that order) to the segment being written; the rest stay."""
    from whoosh.reading import SegmentReader

    if not to_merge:
        return segments
    for seg in to_merge:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        try:
            writer.add_reader(reader)
        finally:
            reader.close()
    merged = {id(seg) for seg in to_merge}
    return [seg for seg in segments if id(seg) not in merged]


def _no_merge(writer, segments: list) -> list:
    return segments


def _merge_named(segment_ids: list[str]):
    """A merge policy merging exactly these segments, in this order (those still there)."""

    def policy(writer, segments: list) -> list:
        by_id = {seg.segment_id(): seg for seg in segments}
        return _merge(writer, segments, [by_id[i] for i in segment_ids if i in by_id])

    return policy


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
        self._write_ix: windex.Index | None = None
        self._searcher = None
        self._build_id: str | None = None
        self._columns: FacetColumns | None = None
        self._term_cache: dict[tuple[str, str], set[int]] = {}
        # Only look for the files: reading them is left to searches, so that an
        # index written by another whoosh version can still be rebuilt.
        if not any(self.path.glob("_MAIN_*.toc")):
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
            try:
                self._ix = _retry(lambda: windex.open_dir(str(self.path)))
            except (ImportError, AttributeError, ValueError, EOFError) as exc:  # unpickling another version's schema
                raise GongshiError(
                    f"the search index in {self.path} cannot be read ({exc}); run `gongshi reindex`"
                ) from exc
        return self._ix

    def _open_for_writing(self) -> windex.Index:
        """The index as writers see it: files read, not memory-mapped.

        A writer reads every segment (to delete the replaced documents, and to
        merge small segments); whoosh maps each segment file whole, and a
        mapping lives until the garbage collector frees the reader's buffers,
        so during a crawl the mappings of segments merged away (deleted
        files) piled up in the process's resident memory.  Searches keep the
        mapped files (`_open`): their readers live for a generation.
        """
        if self._write_ix is None:
            self._open()  # the same checks (unreadable index → GongshiError)
            self._write_ix = windex.FileIndex(FileStorage(str(self.path), supports_mmap=False), indexname="MAIN")
        return self._write_ix

    def _writer(self, **kwargs):
        kwargs.setdefault("limitmb", UPDATE_LIMIT_MB)
        try:
            return self._open_for_writing().writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.1, **kwargs)
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
            self._ix = self._write_ix = None  # the directory was rebuilt: reopen it
        self._searcher = _retry(lambda: self._open().searcher())
        self._build_id = build_id
        self._columns = self._load_columns(self._searcher.reader())
        self._term_cache = {}
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

    def _term_docs(self, reader, field: str, term: str) -> set[int]:
        """Docnums whose `field` has `term` (deleted ones included: filtered later)."""
        key = (field, term)
        cached = self._term_cache.get(key)
        if cached is not None:
            return cached
        docs: set[int] = set()
        for segment, offset in reader.leaf_readers():
            try:
                matcher = segment.postings(field, term)
            except TermNotFound:
                continue
            ids = _posting_ids(matcher)
            docs.update(ids if not offset else (d + offset for d in ids))
        if len(self._term_cache) >= TERM_CACHE_SIZE:
            self._term_cache.pop(next(iter(self._term_cache)))
        self._term_cache[key] = docs
        return docs

    def _alternative_docs(self, reader, cols: FacetColumns, alt: Alternative) -> set[int] | list[int]:
        if alt.field == UNIT_SUBSTRING:
            return cols.unit_docs(alt.terms[0])
        sets = sorted((self._term_docs(reader, alt.field, t) for t in alt.terms), key=len)
        if len(sets) == 1:
            return sets[0]
        docs = sets[0] & sets[1]
        for other in sets[2:]:
            if not docs:
                break
            docs &= other
        return docs

    def _match(self, reader, cols: FacetColumns, plan: QueryPlan) -> dict[int, float]:
        """Every document the text matches, with its score.

        Posting lists are read whole, a block at a time, into sets (walking
        them posting by posting through whoosh's matchers costs ~1 µs each);
        an alternative's terms are intersected, and its boost is added to
        the score of each document it matches.  The score is thus which
        ways a document matched (exact name 20, name 4, pinyin 4, unit 2,
        other text 1), the same in both engines; ties go by date.
        """
        matched: dict[int, float] | None = None
        for clause in plan.clauses:
            scores: dict[int, float] = {}
            for alt in clause:
                boost = alt.boost
                get = scores.get
                for d in self._alternative_docs(reader, cols, alt):
                    scores[d] = get(d, 0.0) + boost
            if matched is None:
                matched = scores
            else:
                matched = {d: matched[d] + s for d, s in scores.items() if d in matched}
            if not matched:
                return {}
        return matched or {}

    def _ranked(self, query: SearchQuery) -> tuple[list[int], dict[int, float] | None, FacetColumns, object]:
        plan = plan_query(query.text)
        searcher, cols = self._current()
        if not plan:
            return cols.filter(query), None, cols, searcher
        scores = self._match(searcher.reader(), cols, plan)
        docs = cols.filter(query, list(scores))
        # Group by score (few distinct values), newest first within a score.
        by_score: dict[float, list[int]] = {}
        for d in docs:
            by_score.setdefault(scores[d], []).append(d)
        rank = cols.rank.__getitem__
        order = [d for score in sorted(by_score, reverse=True) for d in sorted(by_score[score], key=rank)]
        return order, scores, cols, searcher

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
            self._commit(writer)

    def _commit(self, writer) -> None:
        """Commit, merging segments by `merge_by_size`; a large merge runs in a child.

        Merging some 10,000 documents grew the process by ~30 MB that it kept
        (whoosh's merge buffers, freed to Python's allocator, not to the OS),
        so a crawl's peak memory stepped up as the site grew.  Such a merge
        runs in a forked child instead, whose memory is returned when it
        exits; the new documents are committed first, unmerged.  Where fork
        is missing or the child fails, the merge runs here.
        """
        to_merge = segments_to_merge(writer.segments)
        if sum(seg.doc_count_all() for seg in to_merge) < CHILD_MERGE_DOCS or not hasattr(os, "fork"):
            writer.commit(mergetype=merge_by_size)
            return
        # The new documents first, then the merged segments: the documents'
        # order (which orders equal hits) is then as if merged in one commit.
        merge = _merge_named([writer.newsegment.segment_id()] + [seg.segment_id() for seg in to_merge])
        writer.commit(mergetype=_no_merge)
        if not self._merge_in_child(merge):
            self._writer().commit(mergetype=merge)

    def _merge_in_child(self, merge) -> bool:
        """Commit a writer merging by `merge` in a forked child; True if it succeeded."""
        try:
            pid = os.fork()
        except OSError:
            return False
        if pid == 0:  # the child: only whoosh on its own files, then exit at once
            status = 1
            try:
                ix = windex.FileIndex(FileStorage(str(self.path), supports_mmap=False), indexname="MAIN")
                ix.writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.1, limitmb=UPDATE_LIMIT_MB).commit(mergetype=merge)
                status = 0
            finally:
                os._exit(status)
        # Bounded wait: a child that hangs (fork from a threaded process can
        # inherit a held lock) is killed, and the merge is done here instead.
        deadline = time.monotonic() + CHILD_MERGE_TIMEOUT
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status) == 0
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return False
            time.sleep(0.05)

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
            self._commit(writer)

    def rebuild(self, records: Iterable[dict], procs: int = 2, limitmb: int = 768) -> int:
        """Build a fresh index beside the old one, then swap the directories.

        Two writer processes build separate segments, not merged afterwards.
        `limitmb` is per process and whoosh undercounts it about 2x: 768 keeps
        the sorting pools in memory up to ~100,000 records (at 256 the pools
        spill and merge on disk and the build costs ~1.5x the CPU).
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
            swap_in_rebuilt(tmp, self.path)
        return n

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._columns = None
            self._build_id = None
            for ix in (self._ix, self._write_ix):
                if ix is not None:
                    ix.close()
            self._ix = self._write_ix = None
