"""`gongshi parse`, `import`, `export` as a user runs them: real files, a real data directory.

Bad input must give one line on stderr, a non-zero exit, and leave the archive as it was.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from gongshi.cli import main

SEED = Path(__file__).resolve().parents[1] / "gongshi" / "samples" / "000_c760ebe8a9762f7a.txt"


def snapshot(data: Path) -> dict[str, str]:
    """Every file in the data directory with its content hash (SQLite's WAL folded in)."""
    from archive.store import open_store

    if not data.exists():
        return {}
    store = open_store(data)
    counts = {
        table: store.query_one(f"SELECT COUNT(*) AS n FROM {table}")["n"]
        for table in ("documents", "notices", "notice_versions", "records")
    }
    store.close()
    files = {
        str(p.relative_to(data)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data.rglob("*"))
        if p.is_file() and "warc" in p.parts and p.suffix == ".gz"
    }
    return {"counts": json.dumps(counts), **files}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_notice_and_records(capsys):
    code, out, err = run(capsys, "parse", str(SEED), "--url", "http://example.gov.cn/gs.html")
    assert code == 0, err
    result = json.loads(out)
    assert result["notice"]["url"] == "http://example.gov.cn/gs.html"
    assert result["notice"]["published"] == "2025-09-08"
    kinds = [r["kind"] for r in result["records"]]
    assert kinds.count("person") == 6 and kinds.count("organization") == 6


def test_import_then_export_jsonl_and_csv(tmp_path, capsys):
    data = tmp_path / "data"
    code, _, err = run(capsys, "import", str(SEED), "--url", "http://example.gov.cn/gs.html", "--data", str(data))
    assert code == 0, err
    assert "12 records" in err

    code, out, _ = run(capsys, "export", "--data", str(data))
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 12
    chen = next(r for r in lines if r["name"] == "陈海忠")
    assert chen["notice"]["url"] == "http://example.gov.cn/gs.html"
    assert chen["archive_url"].startswith("/archive/") and chen["entity_id"]

    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(target), "--data", str(data))
    assert code == 0 and "12 records" in err
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())  # BOM: spreadsheet programs read Chinese
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["name"] for r in rows} >= {"陈海忠", "郭海芳", "夏露", "乌兰县柯柯镇人民政府"}
    assert next(r for r in rows if r["name"] == "郭海芳")["ethnicity"] == "土族"


def test_import_is_idempotent(tmp_path, capsys):
    data = tmp_path / "data"
    run(capsys, "import", str(SEED), "--data", str(data))
    before = snapshot(data)
    code, _, err = run(capsys, "import", str(SEED), "--data", str(data))
    assert code == 0 and "unchanged" in err
    assert snapshot(data) == before


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(1100):
                member.write(block)


BAD_INPUTS = {
    "empty.docx": lambda p: p.write_bytes(b""),
    "truncated.docx": lambda p: p.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20),
    "corrupt.pdf": lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage"),
    "unknown.bin": lambda p: p.write_bytes(bytes(range(256)) * 4),
    "bomb.xlsx": _zip_bomb,
    "huge.txt": lambda p: p.open("wb").truncate(200 * 1024 * 1024),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_changes_nothing(tmp_path, capsys, name):
    data = tmp_path / "data"
    run(capsys, "import", str(SEED), "--data", str(data))
    before = snapshot(data)

    bad = tmp_path / name
    BAD_INPUTS[name](bad)
    for command in (["import", str(SEED), str(bad)], ["parse", str(bad)]):
        code, out, err = run(capsys, *command, "--data", str(data))
        assert code != 0
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("gongshi ") and "Traceback" not in err
        assert name in lines[0]
    # The good file listed first was not archived either: all or nothing.
    assert snapshot(data) == before


def test_missing_file_and_bad_ids(tmp_path, capsys):
    code, _, err = run(capsys, "import", str(tmp_path / "nope.html"), "--data", str(tmp_path / "d"))
    assert code == 1 and err.count("\n") == 1 and "no such file" in err
    code, _, err = run(capsys, "link", "--split", "r0000", "--data", str(tmp_path / "d"))
    assert code != 0 and err.count("\n") == 1
