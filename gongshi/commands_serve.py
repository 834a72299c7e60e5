"""`gongshi serve` and `gongshi demo`: the web UI and JSON API, served by waitress.

`demo` first builds an archive from the sample notices shipped with the
package (once; later runs reuse it), then serves it like `serve`.
"""

from __future__ import annotations

import argparse
import hashlib
import mimetypes
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from archive.errors import GongshiError
from gongshi.wiring import Services

DEMO_DATA = "gongshi-demo"
DEMO_SETTING = "demo_samples"
THREADS = 8

_CONTENT_TYPES = {
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
}


def make_app(services: Services):
    from archive.export import write_records
    from webui import create_app

    return create_app({"STORE": services.store, "INDEX": services.index, "EXPORT_WRITER": write_records})


def serve_app(app, host: str, port: int) -> None:
    from waitress import create_server

    try:
        server = create_server(app, host=host, port=port, threads=THREADS)
    except OSError as exc:
        raise GongshiError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    shown = f"[{host}]" if ":" in host else host
    print(f"gongshi: serving http://{shown}:{port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    server.run()


def run_serve(args: argparse.Namespace) -> int:
    services = Services(args.data)
    try:
        serve_app(make_app(services), args.host, args.port)
    finally:
        services.close()
    return 0


# -- the demo ------------------------------------------------------------------


@dataclass
class SampleFile:
    path: Traversable
    url: str
    fetched: datetime | None = None
    label: str | None = None


@dataclass
class SampleNotice:
    url: str
    versions: list[SampleFile]
    attachments: list[SampleFile] = field(default_factory=list)


def samples_dir() -> Traversable:
    return resources.files("gongshi.samples")


def load_samples(root: Traversable | None = None) -> list[SampleNotice]:
    """The notices listed in samples.toml, with their files."""
    root = root or samples_dir()
    try:
        spec = tomllib.loads(root.joinpath("samples.toml").read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GongshiError(f"cannot read the demo's samples.toml: {exc}") from exc
    notices = []
    for entry in spec.get("notice", []):
        url = entry["url"]
        versions = [
            SampleFile(root.joinpath(v["file"]), url, v.get("fetched"))
            for v in entry.get("version") or [{"file": entry["file"], "fetched": entry.get("fetched")}]
        ]
        attachments = [
            SampleFile(root.joinpath(a["file"]), a["url"], entry.get("fetched"), a.get("label"))
            for a in entry.get("attachment", [])
        ]
        notices.append(SampleNotice(url, versions, attachments))
    return notices


def _fingerprint(notices: list[SampleNotice]) -> str:
    digest = hashlib.sha256()
    for notice in notices:
        digest.update(notice.url.encode())
        for f in (*notice.versions, *notice.attachments):
            digest.update(f.path.read_bytes())
    return digest.hexdigest()


def _fetched(sample: SampleFile, fetched_at: datetime | None = None):
    from archive.ingest import Fetched

    name = sample.path.name
    ctype = _CONTENT_TYPES.get(Path(name).suffix.lower()) or mimetypes.guess_type(name)[0]
    return Fetched(
        url=sample.url,
        data=sample.path.read_bytes(),
        content_type=ctype,
        fetched_at=fetched_at or sample.fetched,
        status=200,
        response_headers=[("Content-Type", ctype or "application/octet-stream")],
        label=sample.label,
    )


def _ingest_all(services: Services, notices: list[SampleNotice]) -> Iterator[Any]:
    from archive.ingest import ingest_notice

    for notice in notices:
        if services.store.notice_by_url(notice.url) is not None:
            continue  # already in this archive: versions are not replayed
        for version in notice.versions:
            attachments = [_fetched(a, version.fetched) for a in notice.attachments]
            result, _ = ingest_notice(services.store, notice.url, _fetched(version), attachments)
            yield result


def build_demo_archive(services: Services, root: Traversable | None = None) -> int:
    """Archive, link and index the sample notices unless this archive already has them.

    Returns the number of notice versions archived (0 when already built).
    """
    notices = load_samples(root)
    fingerprint = _fingerprint(notices)
    store = services.store
    if store.get_setting(DEMO_SETTING) == fingerprint:
        return 0
    results = list(_ingest_all(services, notices))
    # A full relink and reindex: small for a demo, and every entity id is then final.
    try:
        from archive.linking import link_records

        link_records(store, None)
    except ImportError:
        pass
    services.index.rebuild(store.iter_records())
    store.set_setting(DEMO_SETTING, fingerprint)
    return len(results)


def run_demo(args: argparse.Namespace) -> int:
    # Not $GONGSHI_DATA: a demo must never mix its invented notices into a real archive.
    data = args.data or DEMO_DATA
    services = Services(data)
    try:
        built = build_demo_archive(services)
        what = f"built from {built} sample notice versions" if built else "already built"
        print(f"gongshi demo: archive in {Path(data).resolve()} ({what})", file=sys.stderr)
        serve_app(make_app(services), args.host, args.port)
    finally:
        services.close()
    return 0
