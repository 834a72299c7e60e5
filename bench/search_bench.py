"""Search benchmark: build rate, index size, peak memory and query latency.

    .venv/bin/python bench/search_bench.py --records 100000 --data /tmp/bench-100k
    .venv/bin/python bench/search_bench.py --records 1000000 --data /tmp/bench-1m --engines tantivy

Builds a synthetic archive through the real store (once per data directory),
then for each engine: rebuilds the index from the archive in a child process
(`store.iter_records()` → `rebuild`, as `gongshi reindex` does) while
sampling the child's memory (its whole process tree), measures the index's
size on disk, and times a mixed query set through `search_api` (the JSON
API's own function, records loaded from SQLite): full names, given names,
unit fragments, pinyin, and filter-only queries with facets.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

try:
    from bench.synthetic import build_archive
except ImportError:  # run as a script: bench/ is not on the path as a package
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import build_archive  # type: ignore[no-redef]

from archive.store import open_store
from index import make_index, search_api
from index.pinyin import name_pinyin_keys, split_surname

KINDS = ("full_name", "given_name", "unit_fragment", "pinyin", "filter_only")


# --- memory of a process tree -------------------------------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _tree_rss(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
        todo += _children(p)
    return total


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# --- phases ---------------------------------------------------------------------------


def ensure_archive(data: Path, n: int) -> None:
    store = open_store(data)
    have = store.count_records()
    if have == n:
        store.close()
        return
    if have:
        raise SystemExit(f"{data} holds {have} records, not {n}: use another --data directory")
    started = time.perf_counter()
    build_archive(store, n, progress=lambda k: print(f"  {k} notices…", file=sys.stderr, end="\r"))
    print(f"archive: {n} records stored in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    store.close()


def build_child(data: Path, engine: str) -> None:
    """In the child: rebuild one engine's index from the archive, print JSON."""
    store = open_store(data)
    idx = make_index(engine, store.index_dir / engine)
    started = time.perf_counter()
    n = idx.rebuild(store.iter_records())
    seconds = time.perf_counter() - started
    idx.close()
    print(json.dumps({"records": n, "seconds": seconds}))


def measure_build(data: Path, engine: str) -> dict:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--data", str(data), "--build-child", engine], stdout=subprocess.PIPE, text=True
    )
    peak = 0
    load_before = os.getloadavg()[0]
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.1)
    out = proc.stdout.read() if proc.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"building the {engine} index failed")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss"] = peak
    result["rate"] = result["records"] / result["seconds"]
    # The machine may be shared: CPU seconds (the child, its threads and its own
    # children) tell what the build costs apart from waiting for a core.
    # (Linux's wait4 counts the child's own waited-for children too.)
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    result["load_avg"] = max(load_before, os.getloadavg()[0])
    result["index_bytes"] = _dir_size(data / "index" / engine)
    return result


def query_set(store, n_per_kind: int, seed: int = 7) -> list[tuple[str, dict]]:
    """A mixed, deterministic query set drawn from the archive's own records."""
    rnd = random.Random(seed)
    total = store.count_records()
    step = max(1, total // (n_per_kind * 20))
    ids = [r["record_id"] for r in store.query(
        "SELECT record_id FROM records WHERE current = 1 AND id % ? = 0 LIMIT ?", (step, n_per_kind * 20)
    )]  # fmt: skip
    records = store.records_by_ids(ids)
    people = [r for r in records if r["kind"] == "person"]
    han = [r for r in people if "·" not in r["name"] and 2 <= len(r["name"]) <= 4]
    queries: list[tuple[str, dict]] = []
    for r in rnd.sample(people, n_per_kind):
        queries.append(("full_name", {"q": r["name"]}))
    for r in rnd.sample(people, n_per_kind):
        name = r["name"]
        given = name.split("·")[0] if "·" in name else split_surname(name)[1] or name
        queries.append(("given_name", {"q": given}))
    for r in rnd.sample(records, n_per_kind):
        unit = r["unit"] or r["name"]
        length = rnd.randint(3, min(6, len(unit)))
        start = rnd.randint(0, len(unit) - length)
        queries.append(("unit_fragment", {"q": unit[start : start + length]}))
    for i, r in enumerate(rnd.sample(han, n_per_kind)):
        keys = name_pinyin_keys(r["name"])  # surname, given, full, initials
        full = keys[2] if len(keys) > 3 else keys[0]
        q = [f"{keys[0]} {keys[1]}" if len(keys) > 3 else full, full, keys[-1]][i % 3]
        queries.append(("pinyin", {"q": q}))
    filters = []
    for r in rnd.sample(records, n_per_kind):
        notice = r["notice"]
        province = (notice["region"] or "")[:3]
        choice = len(filters) % 6
        filters.append(
            [
                {"ethnicity": r["ethnicity"] or "汉族"},
                {"ethnicity": "汉族", "year": str(notice["year"])},
                {"region": province},
                {"year_from": str(notice["year"] - 2), "year_to": str(notice["year"]), "stage": notice["stage"]},
                {"level": notice["level"], "kind": r["kind"]},
                {"ethnicity": r["ethnicity"] or "回族", "region": province, "year_from": "2018"},
            ][choice]
        )
    queries += [("filter_only", f) for f in filters]
    rnd.shuffle(queries)
    return queries


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure_queries(data: Path, engine: str, n_per_kind: int) -> dict:
    store = open_store(data)
    idx = make_index(engine, store.index_dir / engine)
    queries = query_set(store, n_per_kind)
    started = time.perf_counter()
    search_api(store, idx, {})  # open the index (and load whoosh's columns)
    open_seconds = time.perf_counter() - started
    for _, params in queries[:30]:  # warm caches
        search_api(store, idx, params)
    times: dict[str, list[float]] = {k: [] for k in KINDS}
    cpu_times: list[float] = []
    empty = 0
    load_before = os.getloadavg()[0]
    for kind, params in queries:
        c0, t0 = time.process_time(), time.perf_counter()
        answer = search_api(store, idx, params)
        times[kind].append((time.perf_counter() - t0) * 1000)
        cpu_times.append((time.process_time() - c0) * 1000)
        empty += answer["total"] == 0
    idx.close()
    store.close()
    every = [t for ts in times.values() for t in ts]
    out = {
        "open_seconds": open_seconds,
        "p50": statistics.median(every),
        "p95": percentile(every, 95),
        "max": max(every),
        "empty_results": empty,
        "queries": len(every),
        # CPU time per query: what a query costs apart from waiting for a core.
        "cpu_p50": statistics.median(cpu_times),
        "cpu_p95": percentile(cpu_times, 95),
        "query_load_avg": max(load_before, os.getloadavg()[0]),
    }
    for kind, ts in times.items():
        out[f"{kind}_p50"] = statistics.median(ts)
        out[f"{kind}_p95"] = percentile(ts, 95)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--data", required=True, type=Path, help="the benchmark archive's directory (kept for reruns)")
    ap.add_argument("--engines", default="whoosh,tantivy")
    ap.add_argument("--per-kind", type=int, default=60, help="queries of each kind (5 kinds)")
    ap.add_argument("--skip-build", action="store_true", help="reuse the indexes already built")
    ap.add_argument("--build-child", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="append the results as a JSON line to this file")
    ap.add_argument("--label", default="", help="a note kept with the results (e.g. the whoosh variant)")
    args = ap.parse_args()
    if args.build_child:
        build_child(args.data, args.build_child)
        return
    ensure_archive(args.data, args.records)
    for engine in args.engines.split(","):
        row: dict = {"engine": engine, "records": args.records, "label": args.label}
        if engine == "whoosh":
            import whoosh

            row["whoosh"] = f"{whoosh.__name__} {whoosh.versionstring()} ({Path(whoosh.__file__).parent})"
        if not args.skip_build:
            print(f"{engine}: building…", file=sys.stderr)
            row.update(measure_build(args.data, engine))
        print(f"{engine}: querying…", file=sys.stderr)
        row.update(measure_queries(args.data, engine, args.per_kind))
        print(format_row(row))
        sys.stdout.flush()
        if args.json:
            with args.json.open("a") as f:
                f.write(json.dumps(row) + "\n")


def format_row(row: dict) -> str:
    parts = [f"{row['engine']:8} {row['records']:>9,} records {row.get('label', '')} {row.get('whoosh', '')}"]
    if "rate" in row:
        parts.append(
            f"build {row['rate']:,.0f} rec/s ({row['seconds']:.0f}s; {row['records'] / row['cpu_seconds']:,.0f} rec per CPU-s, "
            f"load {row['load_avg']:.1f}), index {row['index_bytes'] / 2**20:,.0f} MB, "
            f"peak {row['peak_rss'] / 2**20:,.0f} MB"
        )
    parts.append(
        f"open {row['open_seconds']:.2f}s, API p50 {row['p50']:.1f} ms, p95 {row['p95']:.1f} ms, max {row['max']:.0f} ms"
        f" (CPU p50 {row['cpu_p50']:.1f}, p95 {row['cpu_p95']:.1f} ms; load {row['query_load_avg']:.1f})"
    )
    parts.append(
        "p95 by kind: " + ", ".join(f"{k} {row[f'{k}_p95']:.1f}" for k in KINDS) + f"; empty {row['empty_results']}"
    )
    return "\n  ".join(parts)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
