"""Score `archive.extract.parse_notice` against the evaluation corpus.

    .venv/bin/python bench/extract_eval.py [--cases DIR] [--case NAME ...] [--verbose] [--json FILE] [--cli]

Plays the outside checks: held-out notices in every format, scored on record
F1, field accuracy over matched records and records emitted from decoys.

Each case directory holds the source documents and `gold.json`
(`main`, `attachments`, optional `url`, `content_type`, `attachment_urls`,
`decoy`, `notice`, `records`; see tests/eval/build_cases.py).

Rules (what "right" means here):
- records match on (kind, name) exactly — the contract's `name` is already
  normalised (NFKC, no whitespace, '·'), so a padded `夏 露` does not match;
  such near misses are reported as a failure pattern of their own.
- gender, ethnicity, birth, political, education compare exactly; unit and
  position compare after NFKC and removing whitespace (the contract keeps
  them as written, so full/half-width brackets are not a meaningful error).
- where gold has `position: null` and a `unit` holding unit and position in
  one text, a non-null `position` that is a part of that text is accepted
  (the contract: "unit holds the whole text and position may be null").
- notice fields published, stage, level, period_start, period_end compare
  exactly; award and issuer are reported (loosely compared) but not scored.
- a case whose parse raises counts as all gold records missed; for a decoy,
  an exception is reported as an error (zero records, but not a clean pass).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES = ROOT / "tests" / "eval" / "cases"

RECORD_FIELDS = ("gender", "ethnicity", "birth", "political", "education", "unit", "position")
LOOSE_FIELDS = frozenset({"unit", "position"})
NOTICE_FIELDS = ("published", "stage", "level", "period_start", "period_end")
INFO_FIELDS = ("award", "issuer")


# --- comparing values ----------------------------------------------------------------


def _squeeze(value: Any) -> str | None:
    """NFKC, whitespace removed; empty → None."""
    if value is None:
        return None
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    return text or None


def _loose_info(value: Any) -> str | None:
    """For award/issuer: squeezed and without quotes."""
    text = _squeeze(value)
    if text is None:
        return None
    return text.translate({ord(c): None for c in "“”\"'‘’「」《》"}) or None


def field_ok(fname: str, want: Any, got: Any, gold_rec: dict[str, Any], got_rec: dict[str, Any]) -> bool:
    if fname in LOOSE_FIELDS:
        w, g = _squeeze(want), _squeeze(got)
        if w == g:
            return True
        if fname == "position" and w is None and g is not None:
            whole = _squeeze(gold_rec.get("unit"))
            return bool(whole) and g in whole
        return False
    w = None if want in (None, "") else str(want).strip()
    g = None if got in (None, "") else str(got).strip()
    return w == g


def mismatch_reason(fname: str, want: Any, got: Any, gold_rec: dict[str, Any],
                    got_rec: dict[str, Any]) -> str:
    """A short label for the failure pattern list."""
    if got in (None, ""):
        return "missing"
    if want in (None, ""):
        return "invented (source does not state it)"
    if fname == "unit":
        w, g, gp = _squeeze(want), _squeeze(got), _squeeze(got_rec.get("position"))
        if g and gp and w == g + gp:
            return "combined unit+position split (unit must hold the whole text)"
        if g and w and (g in w or w in g):
            return "partial text"
    if fname == "name":
        return "name"
    return "wrong value"


# --- running one case -------------------------------------------------------------------


@dataclass
class CaseResult:
    name: str
    formats: str
    decoy: bool
    gold_n: int
    got_n: int = 0
    matched: int = 0
    error: str | None = None
    seconds: float = 0.0
    field_total: Counter = field(default_factory=Counter)
    field_right: Counter = field(default_factory=Counter)
    notice_total: Counter = field(default_factory=Counter)
    notice_right: Counter = field(default_factory=Counter)
    missing: list[tuple[str, str]] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    near_names: list[tuple[str, str]] = field(default_factory=list)  # (gold, got)
    field_errors: list[tuple[str, str, Any, Any, str]] = field(default_factory=list)
    notice_errors: list[tuple[str, Any, Any]] = field(default_factory=list)
    info: list[tuple[str, Any, Any, bool]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.got_n if self.got_n else (1.0 if not self.gold_n else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold_n if self.gold_n else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_sources(case_dir: Path, gold: dict[str, Any]) -> tuple[Any, tuple[Any, ...]]:
    from archive.model import SourceDocument

    url = gold.get("url")
    main = SourceDocument((case_dir / gold["main"]).read_bytes(), url=url,
                          content_type=gold.get("content_type"), filename=gold["main"])
    att_urls = gold.get("attachment_urls", {})
    attachments = []
    for name in gold.get("attachments", []):
        aurl = att_urls.get(name) or (urljoin(url, name) if url else None)
        attachments.append(SourceDocument((case_dir / name).read_bytes(), url=aurl, filename=name))
    return main, tuple(attachments)


def _record_dict(rec: Any) -> dict[str, Any]:
    if isinstance(rec, dict):
        return rec
    if hasattr(rec, "to_dict"):
        return rec.to_dict()
    return dict(vars(rec))


def _notice_dict(parsed: Any) -> dict[str, Any]:
    meta = getattr(parsed, "meta", None)
    if meta is None:
        return dict(parsed.get("notice", {})) if isinstance(parsed, dict) else {}
    return meta.to_dict() if hasattr(meta, "to_dict") else dict(vars(meta))


_FORMAT_ALIASES = {"htm": "html", "shtml": "html", "xhtml": "html"}


def _formats(gold: dict[str, Any]) -> str:
    names = [gold["main"], *gold.get("attachments", [])]
    exts = [Path(n).suffix.lstrip(".").lower() for n in names]
    return "+".join(_FORMAT_ALIASES.get(e, e) for e in exts)


class CaseTimeout(Exception):
    """A parse that took longer than the per-case limit."""


def _call_with_timeout(fn: Callable[[], Any], seconds: float) -> Any:
    """Run `fn`, raising CaseTimeout after `seconds` (SIGALRM; main thread only)."""
    import signal
    import threading

    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        return fn()

    def on_alarm(signum: int, frame: Any) -> None:
        raise CaseTimeout(f"parse took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def score_case(case_dir: Path, parse: Callable[..., Any], timeout: float = 60.0) -> CaseResult:
    gold = json.loads((case_dir / "gold.json").read_text(encoding="utf-8"))
    decoy = bool(gold.get("decoy"))
    gold_recs = [] if decoy else list(gold.get("records", []))
    res = CaseResult(case_dir.name, _formats(gold), decoy, len(gold_recs))
    start = time.perf_counter()
    try:
        main, attachments = load_sources(case_dir, gold)
        parsed = _call_with_timeout(lambda: parse(main, attachments), timeout)
        got_recs = [_record_dict(r) for r in getattr(parsed, "records", None) or
                    (parsed.get("records", []) if isinstance(parsed, dict) else [])]
        got_notice = _notice_dict(parsed)
    except Exception as exc:  # noqa: BLE001 - any failure is a result to report
        res.seconds = time.perf_counter() - start
        line = (str(exc).strip().splitlines() or [""])[0][:300]
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
        res.error = f"{type(exc).__name__}: {line}{where}"
        res.missing = [(g["kind"], g["name"]) for g in gold_recs]
        return res
    res.seconds = time.perf_counter() - start
    res.got_n = len(got_recs)
    if decoy:
        res.extra = [(r.get("kind"), r.get("name")) for r in got_recs]
        return res
    _match_records(res, gold_recs, got_recs)
    _score_notice(res, gold.get("notice", {}), got_notice)
    return res


def _match_records(res: CaseResult, gold_recs: list[dict[str, Any]], got_recs: list[dict[str, Any]]) -> None:
    pool: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in got_recs:
        pool[(r.get("kind"), r.get("name"))].append(r)
    unmatched_gold = []
    for g in gold_recs:
        bucket = pool.get((g["kind"], g["name"]))
        if not bucket:
            unmatched_gold.append(g)
            continue
        r = bucket.pop(0)
        res.matched += 1
        for f in RECORD_FIELDS:
            res.field_total[f] += 1
            if field_ok(f, g.get(f), r.get(f), g, r):
                res.field_right[f] += 1
            else:
                res.field_errors.append((g["name"], f, g.get(f), r.get(f),
                                         mismatch_reason(f, g.get(f), r.get(f), g, r)))
    leftovers = [r for rs in pool.values() for r in rs]
    # near misses: same person, name not normalised or kind wrong
    for g in unmatched_gold:
        near = next((r for r in leftovers if _squeeze(r.get("name")) == _squeeze(g["name"])
                     and (r.get("name") != g["name"] or r.get("kind") != g["kind"])), None)
        if near is not None:
            leftovers.remove(near)
            res.near_names.append((f"{g['kind']}:{g['name']}", f"{near.get('kind')}:{near.get('name')}"))
            res.extra.append((near.get("kind"), near.get("name")))
        res.missing.append((g["kind"], g["name"]))
    res.extra += [(r.get("kind"), r.get("name")) for r in leftovers]


def _score_notice(res: CaseResult, want: dict[str, Any], got: dict[str, Any]) -> None:
    for f in NOTICE_FIELDS:
        res.notice_total[f] += 1
        if (want.get(f) or None) == (got.get(f) or None):
            res.notice_right[f] += 1
        else:
            res.notice_errors.append((f, want.get(f), got.get(f)))
    for f in INFO_FIELDS:
        if f in want:
            ok = _loose_info(want.get(f)) == _loose_info(got.get(f))
            res.info.append((f, want.get(f), got.get(f), ok))


# --- the whole corpus -----------------------------------------------------------------------------


@dataclass
class Summary:
    results: list[CaseResult]

    def _sum(self, attr: str, decoy: bool = False) -> int:
        return sum(getattr(r, attr) for r in self.results if r.decoy == decoy)

    @property
    def gold_n(self) -> int:
        return self._sum("gold_n")

    @property
    def got_n(self) -> int:
        return self._sum("got_n")

    @property
    def matched(self) -> int:
        return self._sum("matched")

    @property
    def precision(self) -> float:
        return self.matched / self.got_n if self.got_n else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_n if self.gold_n else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def counter(self, attr: str) -> Counter:
        total: Counter = Counter()
        for r in self.results:
            total.update(getattr(r, attr))
        return total

    @property
    def field_accuracy(self) -> float:
        t = sum(self.counter("field_total").values())
        return sum(self.counter("field_right").values()) / t if t else 0.0

    @property
    def notice_accuracy(self) -> float:
        t = sum(self.counter("notice_total").values())
        return sum(self.counter("notice_right").values()) / t if t else 0.0

    @property
    def decoy_records(self) -> int:
        return sum(r.got_n for r in self.results if r.decoy)

    @property
    def errors(self) -> list[CaseResult]:
        return [r for r in self.results if r.error]

    def to_dict(self) -> dict[str, Any]:
        ft, fr = self.counter("field_total"), self.counter("field_right")
        nt, nr = self.counter("notice_total"), self.counter("notice_right")
        return {
            "cases": len(self.results),
            "decoys": sum(r.decoy for r in self.results),
            "gold_records": self.gold_n, "got_records": self.got_n, "matched": self.matched,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "field_accuracy": round(self.field_accuracy, 4),
            "notice_accuracy": round(self.notice_accuracy, 4),
            "decoy_records": self.decoy_records,
            "errors": {r.name: r.error for r in self.errors},
            "per_field": {f: round(fr[f] / ft[f], 4) for f in RECORD_FIELDS if ft[f]},
            "per_notice_field": {f: round(nr[f] / nt[f], 4) for f in NOTICE_FIELDS if nt[f]},
            "per_case": {r.name: {"formats": r.formats, "decoy": r.decoy, "gold": r.gold_n, "got": r.got_n,
                                  "matched": r.matched, "f1": round(r.f1, 4), "error": r.error}
                         for r in self.results},
        }


def default_parse() -> Callable[..., Any]:
    from archive.extract import parse_notice

    def parse(main: Any, attachments: tuple[Any, ...]) -> Any:
        return parse_notice(main, attachments=attachments)

    return parse


def cli_parse(case_dir: Path, gongshi: str) -> Callable[..., Any]:
    """Parse through the public command line (`gongshi parse PATH [--url URL]`), as
    outside checks do; returns its JSON ({"notice": ..., "records": [...]})."""
    import subprocess

    def parse(main: Any, attachments: tuple[Any, ...]) -> Any:
        cmd = [gongshi, "parse", str(case_dir / main.filename)]
        if main.url:
            cmd += ["--url", main.url]
        proc = subprocess.run(cmd, capture_output=True, timeout=120)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["(no message)"]
            raise RuntimeError(f"gongshi parse exited {proc.returncode}: {err[-1][:300]}")
        return json.loads(proc.stdout.decode("utf-8"))

    return parse


def find_cases(cases_dir: Path, only: list[str] | None = None) -> list[Path]:
    dirs = sorted(p for p in cases_dir.iterdir() if (p / "gold.json").is_file())
    if only:
        dirs = [d for d in dirs if any(d.name.startswith(o) for o in only)]
    return dirs


def run(cases_dir: Path = DEFAULT_CASES, parse: Callable[..., Any] | None = None,
        only: list[str] | None = None, cli: str | None = None, timeout: float = 60.0) -> Summary:
    """Score every case; `parse` defaults to archive.extract.parse_notice.

    With `cli` (the path of the `gongshi` executable) each case's main document
    goes through `gongshi parse` instead; cases with attachments are left out
    (the command takes one file).  If the extractor cannot even be imported,
    every case is an error.
    """
    if cli:
        dirs = [d for d in find_cases(cases_dir, only)
                if not json.loads((d / "gold.json").read_text(encoding="utf-8")).get("attachments")]
        return Summary([score_case(d, cli_parse(d, cli), timeout) for d in dirs])
    if parse is None:
        try:
            parse = default_parse()
        except Exception as exc:  # noqa: BLE001
            msg = f"cannot import parse_notice: {type(exc).__name__}: {exc}"

            def parse(main: Any, attachments: tuple[Any, ...]) -> Any:
                raise RuntimeError(msg)
    return Summary([score_case(d, parse, timeout) for d in find_cases(cases_dir, only)])


# --- printing --------------------------------------------------------------------------------------------


def _acc(right: Counter, total: Counter) -> str:
    t = sum(total.values())
    return f"{sum(right.values()) / t:.3f}" if t else "  -  "


def print_report(summary: Summary, verbose: bool = False, out: Any = sys.stdout) -> None:
    w = out.write
    w(f"{'case':34} {'format':10} {'gold':>4} {'got':>4} {'hit':>4} {'P':>6} {'R':>6} {'F1':>6} "
      f"{'fields':>6} {'notice':>6} {'sec':>5}\n")
    for r in summary.results:
        if r.decoy:
            flag = "OK" if r.got_n == 0 and not r.error else ("ERROR" if r.error else f"{r.got_n} RECORDS")
            w(f"{r.name:34} {r.formats:10} {'decoy':>4} {r.got_n:>4} {'':>4} {'':>6} {'':>6} {flag:>6} "
              f"{'':>6} {'':>6} {r.seconds:5.2f}\n")
        else:
            w(f"{r.name:34} {r.formats:10} {r.gold_n:>4} {r.got_n:>4} {r.matched:>4} {r.precision:6.3f} "
              f"{r.recall:6.3f} {r.f1:6.3f} {_acc(r.field_right, r.field_total):>6} "
              f"{_acc(r.notice_right, r.notice_total):>6} {r.seconds:5.2f}\n")
        if r.error:
            w(f"    ERROR {r.error}\n")
        if verbose:
            _print_details(r, w)
    d = summary.to_dict()
    w("\nTOTAL (non-decoy cases, micro-averaged)\n")
    w(f"  records: gold {d['gold_records']}  got {d['got_records']}  matched {d['matched']}  "
      f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}\n")
    w(f"  field accuracy (matched records): {d['field_accuracy']:.3f}  "
      + "  ".join(f"{k} {v:.3f}" for k, v in d["per_field"].items()) + "\n")
    w(f"  notice field accuracy: {d['notice_accuracy']:.3f}  "
      + "  ".join(f"{k} {v:.3f}" for k, v in d["per_notice_field"].items()) + "\n")
    w(f"  decoys: {d['decoys']}  records from decoys: {d['decoy_records']}\n")
    w(f"  errors: {len(d['errors'])}\n")
    _print_failure_summary(summary, w)
    by_fmt: dict[str, list[CaseResult]] = defaultdict(list)
    for r in summary.results:
        if not r.decoy:
            by_fmt[r.formats].append(r)
    w("  by format: " + "  ".join(
        f"{fmt} F1 {Summary(rs).f1:.3f}" for fmt, rs in sorted(by_fmt.items())) + "\n")


def _print_failure_summary(summary: Summary, w: Callable[[str], Any]) -> None:
    """Where the errors are, grouped: the list to act on."""
    missed = {r.name: len(r.missing) for r in summary.results if r.missing and not r.decoy}
    extra = {r.name: len(r.extra) for r in summary.results if r.extra and not r.decoy}
    near = {r.name: len(r.near_names) for r in summary.results if r.near_names}
    fields: Counter = Counter()
    field_cases: dict[tuple[str, str], set[str]] = defaultdict(set)
    notices: dict[str, set[str]] = defaultdict(set)
    for r in summary.results:
        for _, f, _, _, why in r.field_errors:
            fields[(f, why)] += 1
            field_cases[(f, why)].add(r.name)
        for f, _, _ in r.notice_errors:
            notices[f].add(r.name)
    if missed:
        w("  missed records: " + ", ".join(f"{k} {v}" for k, v in sorted(missed.items())) + "\n")
    if extra:
        w("  extra records: " + ", ".join(f"{k} {v}" for k, v in sorted(extra.items())) + "\n")
    if near:
        w("  names not normalised / wrong kind: " + ", ".join(f"{k} {v}" for k, v in sorted(near.items())) + "\n")
    for (f, why), n in fields.most_common():
        w(f"  field {f} {why}: {n} in {', '.join(sorted(field_cases[(f, why)]))}\n")
    for f, names in sorted(notices.items()):
        w(f"  notice {f} wrong: {', '.join(sorted(names))}\n")


def _print_details(r: CaseResult, w: Callable[[str], Any]) -> None:
    for gold_name, got_name in r.near_names:
        w(f"    NEAR    gold {gold_name}  got {got_name}\n")
    near_gold = {g.split(":", 1)[1] for g, _ in r.near_names}
    for kind, name in r.missing:
        if name not in near_gold:
            w(f"    MISSING {kind}:{name}\n")
    near_got = {g.split(":", 1)[1] for _, g in r.near_names}
    for kind, name in r.extra:
        if name not in near_got:
            w(f"    EXTRA   {kind}:{name}\n")
    for name, f, want, got, why in r.field_errors:
        w(f"    FIELD   {name}.{f}: expected {want!r} got {got!r} ({why})\n")
    for f, want, got in r.notice_errors:
        w(f"    NOTICE  {f}: expected {want!r} got {got!r}\n")
    for f, want, got, ok in r.info:
        if not ok:
            w(f"    INFO    {f}: expected {want!r} got {got!r}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score parse_notice against the evaluation corpus.")
    ap.add_argument("--cases", type=Path, default=DEFAULT_CASES, help="directory of case directories")
    ap.add_argument("--case", action="append", help="only cases whose name starts with this (repeatable)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every mismatch")
    ap.add_argument("--json", type=Path, help="also write the summary as JSON to this file")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per case before it counts as an error")
    ap.add_argument("--cli", nargs="?", const=str(ROOT / ".venv" / "bin" / "gongshi"), metavar="GONGSHI",
                    help="go through `gongshi parse PATH` (cases without attachments only)")
    args = ap.parse_args(argv)
    if not args.cases.is_dir():
        print(f"no such cases directory: {args.cases}", file=sys.stderr)
        return 2
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    summary = run(args.cases, only=args.case, cli=args.cli, timeout=args.timeout)
    print_report(summary, verbose=args.verbose)
    if args.json:
        args.json.write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
