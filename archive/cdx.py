"""CDXJ indexes beside the WARC files, the pair Wayback-style tools replay.

Each `gongshi-….warc.gz` gets a sorted `gongshi-….warc.gz.cdxj` made by
cdxj-indexer.  Indexing is incremental: only the bytes appended since the
last run are read, and their lines are merged into the sorted file, so the
cost follows what is new, not the size of the archive.  A pywb collection
replays the archive with `index_paths` and `archive_paths` both set to the
WARC directory.
"""

from __future__ import annotations

import heapq
import io
import json
import os
from pathlib import Path

import surt
from cdxj_indexer.main import CDXJIndexer

from archive.warc import WARC_GLOB

STATE_FILE = "cdxj-state.json"  # {warc file name: bytes of it already indexed}


def cdxj_path(warc: Path) -> Path:
    return warc.with_name(warc.name + ".cdxj")


def _index_lines(warc: Path, start: int) -> list[str]:
    """CDXJ lines (sorted) for the records of `warc` from byte `start` on.

    warcio counts offsets from the file's position when it starts, so lines
    made from a seeked file carry offsets from the start of the file.
    """
    out = io.StringIO()
    with open(warc, "rb") as fh:
        fh.seek(start)
        CDXJIndexer(out, [fh], filename=warc.name).process_all()
    lines = [line + "\n" for line in out.getvalue().splitlines()]
    lines.sort()
    return lines


def update_cdxj(warc_dir: Path) -> list[Path]:
    """Bring the CDXJ file of every WARC file in `warc_dir` up to date; returns them."""
    warc_dir = Path(warc_dir)
    state_path = warc_dir / STATE_FILE
    try:
        state: dict[str, int] = json.loads(state_path.read_text("utf-8"))
    except (OSError, ValueError):
        state = {}
    paths = []
    for warc in sorted(warc_dir.glob(WARC_GLOB)):
        index = cdxj_path(warc)
        size = warc.stat().st_size
        done = state.get(warc.name, 0) if index.exists() else 0
        if done > size:  # the file was cut back (crash recovery): start over
            done = 0
        if done < size:
            new = _index_lines(warc, done)
            old: list[str] = []
            if done and index.exists():
                with open(index, encoding="utf-8") as fh:
                    old = fh.readlines()
            tmp = index.with_name(index.name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.writelines(heapq.merge(old, new))
            os.replace(tmp, index)
            state[warc.name] = size
        paths.append(index)
    tmp_state = state_path.with_name(STATE_FILE + ".tmp")
    tmp_state.write_text(json.dumps(state, indent=0, sort_keys=True), "utf-8")
    os.replace(tmp_state, state_path)
    return paths


def url_key(url: str) -> str:
    """The SURT key CDXJ lines are sorted by."""
    return surt.surt(url)


def lookup(warc_dir: Path, url: str) -> list[dict[str, str]]:
    """Every CDXJ entry for `url` in `warc_dir`, oldest first (with `timestamp`)."""
    key = url_key(url)
    found = []
    for index in sorted(Path(warc_dir).glob("*.cdxj")):
        with open(index, encoding="utf-8") as fh:
            for line in fh:
                k, ts, data = line.split(" ", 2)
                if k == key:
                    found.append({**json.loads(data), "timestamp": ts})
    found.sort(key=lambda e: e["timestamp"])
    return found
