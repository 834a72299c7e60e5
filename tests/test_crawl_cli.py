"""`gongshi crawl` as a user meets it: sources, bad arguments, unreachable hosts, --max-pages, a terminal."""

from __future__ import annotations

import contextlib
import io
import os
import pty
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

from sitegen import FixtureServer, build_standard_site

from archive.store import open_store
from gongshi.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(["crawl", *args])
    return rc, err.getvalue()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once closed


def test_no_address_crawls_every_source_and_fails_per_host_gracefully(tmp_path):
    """Hosts that cannot be reached (as the shipped sources are from here): reported, exit 0, no hang."""
    ports = [_closed_port(), _closed_port()]
    sources = tmp_path / "sources.toml"
    sources.write_text(
        "[crawler]\nbackoff = 0.1\n"
        + "".join(f'[[source]]\nname = "s{p}"\nurl = "http://127.0.0.1:{p}/gsgg/index.html"\nregion = "青海省"\n'
                  for p in ports), "utf-8")
    started = time.monotonic()
    rc, stderr = _run("--data", str(tmp_path / "data"), "--sources", str(sources))
    assert rc == 0
    assert time.monotonic() - started < 20
    assert "2 errors" in stderr
    for port in ports:
        assert f"127.0.0.1:{port}/gsgg/index.html: robots.txt unreachable" in stderr
    store = open_store(tmp_path / "data")
    assert {e["url"] for e in store.frontier_errors()} == {f"http://127.0.0.1:{p}/gsgg/index.html" for p in ports}
    store.close()


def test_bad_arguments_are_one_line_errors(tmp_path):
    for args, message in (
        (["ftp://x.gov.cn/"], "not an http(s) address"),
        (["http://x.gov.cn/", "--delay", "-1"], "--delay must be 0 or more"),
        (["http://x.gov.cn/", "--max-pages", "0"], "--max-pages must be at least 1"),
        (["--sources", str(tmp_path / "none.toml")], "cannot read the sources file"),
    ):
        rc, stderr = _run(*args, "--data", str(tmp_path / "d"))
        assert rc == 1
        assert stderr.count("\n") == 1 and message in stderr and "Traceback" not in stderr


def test_max_pages_stops_the_crawl_and_the_next_run_goes_on(tmp_path):
    site = FixtureServer().start()
    try:
        s = build_standard_site(site)
        data = str(tmp_path / "data")
        rc, _ = _run(site.url(s.trs_seed), "--data", data, "--delay", "0", "--max-pages", "3")
        assert rc == 0
        assert len([r for r in site.log if r.path != "/robots.txt" and not r.path.startswith("/gsgg/2025")]) <= 3
        store = open_store(data)
        assert store.pending_count() > 0  # kept for the next run
        store.close()
        site.clear_log()
        rc, stderr = _run(site.url(s.trs_seed), "--data", data, "--delay", "0")
        store = open_store(data)
        assert store.pending_count() == 0
        assert len(store.notices()) == 4  # the four commendations of that column
        store.close()
    finally:
        site.stop()


def test_a_progress_bar_only_on_a_terminal(tmp_path):
    site = FixtureServer().start()
    try:
        s = build_standard_site(site)
        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "gongshi.cli", "crawl", site.url(s.plain_seed), "--data", str(tmp_path / "d"),
             "--delay", "0.3"],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
        )
        os.close(slave)
        screen = b""
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        proc.wait(timeout=30)
        os.close(master)
        text = screen.decode("utf-8", "replace")
        assert "page" in text and "\r" in text  # tqdm redraws its line
        assert "gongshi crawl: " in text
        # Not a terminal: the summary alone.
        rc, stderr = _run(site.url(s.plain_seed), "--data", str(tmp_path / "e"), "--delay", "0")
        assert "\r" not in stderr and stderr.startswith("gongshi crawl: ")
    finally:
        site.stop()
