"""`gongshi parse`, `gongshi import`, `gongshi export`."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext

from archive.errors import GongshiError
from archive.export import write_records
from archive.ingest import Fetched, ingest_notice, parse_fetched, read_local
from archive.model import ParsedNotice
from gongshi.wiring import Services


def run_parse(args: argparse.Namespace) -> int:
    fetched = read_local(args.path, args.url)
    parsed = _parse_or_explain(args.path, fetched)
    json.dump(parsed.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _parse_or_explain(path: str, fetched: Fetched) -> ParsedNotice:
    try:
        return parse_fetched(fetched)
    except GongshiError as exc:
        raise GongshiError(f"{path}: {exc}") from exc


def run_import(args: argparse.Namespace) -> int:
    if args.url and len(args.paths) > 1:
        raise GongshiError("--url names one document: give one PATH with it")
    # Read and parse everything before archiving anything: a bad file changes nothing.
    documents = [read_local(p, args.url) for p in args.paths]
    parsed_all = [_parse_or_explain(path, f) for path, f in zip(args.paths, documents, strict=True)]
    services = Services(args.data)
    try:
        results = []
        for path, fetched, parsed in zip(args.paths, documents, parsed_all, strict=True):
            result, _ = ingest_notice(services.store, fetched.url, fetched, parsed=parsed)
            results.append(result)
            kind = "notice" if parsed.is_commendation else "not a commendation notice"
            print(f"{path}: {result.status} {kind}, {len(result.added)} records", file=sys.stderr)
        services.after_save(results)
    finally:
        services.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    services = Services(args.data)
    try:
        target = open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout)
        with target as out:
            n = write_records(services.store.iter_records(), args.format, out)
        if args.output:
            print(f"{n} records written to {args.output}", file=sys.stderr)
    except OSError as exc:
        raise GongshiError(f"cannot write {args.output}: {exc.strerror}") from exc
    finally:
        services.close()
    return 0
