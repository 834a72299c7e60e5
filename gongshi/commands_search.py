"""`gongshi search` and `gongshi reindex`."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time

from gongshi.wiring import Services
from index import ENGINE_SETTING, make_index, search_api

_FILTER_OPTIONS = ("ethnicity", "year", "year_from", "year_to", "kind", "stage", "level", "region")
STAGE_LABELS = {"recommended": "拟推荐", "proposed": "拟表彰", "awarded": "已表彰"}


def search_params(args: argparse.Namespace) -> dict[str, str]:
    """The command line's options as the API's query parameters."""
    params = {"q": args.query or "", "page": str(args.page), "size": str(args.size)}
    for name in _FILTER_OPTIONS:
        value = getattr(args, name, None)
        if value is not None:
            params[name] = str(value)
    return params


def format_result(n: int, record: dict) -> str:
    notice = record.get("notice") or {}
    parts = [
        record.get("name") or "",
        record.get("unit") or "—",
        str(notice.get("year") or "—"),
        notice.get("award") or "—",
        STAGE_LABELS.get(notice.get("stage") or "", notice.get("stage") or "—"),
    ]
    return f"{n:>4}. " + "  ".join(parts)


def run_search(args: argparse.Namespace) -> int:
    services = Services(args.data)
    try:
        answer = search_api(services.store, services.index, search_params(args))
    finally:
        services.close()
    if args.json:
        json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    first = (answer["page"] - 1) * answer["size"]
    shown = len(answer["results"])
    print(f"{answer['total']} records" + (f", {first + 1}–{first + shown} shown" if shown else ""))
    for i, record in enumerate(answer["results"], start=first + 1):
        print(format_result(i, record))
    return 0


def _relink(store) -> bool:
    """Full entity relink, when the linker exists (it is built separately)."""
    if importlib.util.find_spec("archive.linking") is None:
        return False
    from archive.linking import link_records

    link_records(store, None)
    return True


def run_reindex(args: argparse.Namespace) -> int:
    services = Services(args.data)
    store = services.store
    try:
        engine = args.engine or store.get_setting(ENGINE_SETTING, "whoosh") or "whoosh"
        started = time.perf_counter()
        if _relink(store):
            print(f"entities relinked in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        started = time.perf_counter()
        idx = make_index(engine, store.index_dir / engine)
        try:
            n = idx.rebuild(store.iter_records())
        finally:
            idx.close()
        # Switch only after a successful build: a failed one leaves the archive as it was.
        store.set_setting(ENGINE_SETTING, engine)
        elapsed = time.perf_counter() - started
        print(f"{n} records indexed with {engine} in {elapsed:.1f}s", file=sys.stderr)
    finally:
        services.close()
    return 0
