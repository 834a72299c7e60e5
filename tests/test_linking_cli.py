"""`gongshi link`: judgements from the command line, kept across `gongshi reindex`."""

from __future__ import annotations

import importlib.util

import pytest
from test_linking import collective, person, save

from archive.linking import link_records
from archive.store import open_store
from gongshi.cli import main


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "data"
    store = open_store(path)
    ids = {}
    (ids["a"],) = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("陈海忠", "都兰县香加乡科尔村", "1968-06")])
    (ids["b"],) = save(store, "b", "2022-01-01", "proposed", "先进个人", [person("陈海中", "都兰县香加乡科尔村")])
    (ids["c"],) = save(store, "c", "2023-01-01", "proposed", "先进个人", [person("陈海忠", "都兰县香加乡科尔村", "1968-06")])
    (ids["org"],) = save(store, "d", "2023-01-01", "proposed", "先进集体", [collective("都兰县香加乡科尔村")])
    link_records(store, None)
    store.close()
    return path, ids


def entities(path, ids):
    store = open_store(path)
    try:
        return {k: store.record(rid)["entity_id"] for k, rid in ids.items()}
    finally:
        store.close()


def reindex(path):
    """`gongshi reindex` where it exists (it belongs to the search part), else the full relink it runs."""
    if importlib.util.find_spec("gongshi.commands_search") is not None:
        assert main(["reindex", "--data", str(path)]) == 0
    store = open_store(path)
    try:
        link_records(store, None)
    finally:
        store.close()


def test_merge_and_split_from_the_command_line_survive_reindex(data, capsys):
    path, ids = data
    before = entities(path, ids)
    assert before["a"] == before["c"] != before["b"]
    assert main(["link", "--merge", before["a"], before["b"], "--note", "笔误", "--data", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"merged {before['b']}" in out and f"{before['a']} now has 3 records" in out
    assert main(["link", "--split", ids["c"], "--data", str(path)]) == 0
    assert f"split record {ids['c']}" in capsys.readouterr().out
    after = entities(path, ids)
    assert after["a"] == after["b"] == before["a"] and after["c"] not in (before["a"], before["b"])
    reindex(path)
    assert entities(path, ids) == after
    store = open_store(path)
    try:
        reasons = [t["reason"] for t in store.entity(after["a"])["timeline"]]
        assert reasons[0] is None and reasons[1].startswith("人工合并（") and "笔误" in reasons[1]
    finally:
        store.close()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--merge", "enosuch", "A"], "no entity enosuch"),
        (["--merge", "A", "A"], "the same entity"),
        (["--merge", "A", "ORG"], "a person and a collective"),
        (["--split", "rnosuch"], "no current record rnosuch"),
        (["--split", "B"], "only record"),
    ],
)
def test_bad_ids_fail_in_one_line_and_change_nothing(data, capsys, argv, message):
    path, ids = data
    before = entities(path, ids)
    names = {"A": before["a"], "B": ids["b"], "ORG": before["org"]}
    argv = [names.get(a, a) for a in argv]
    assert main(["link", *argv, "--data", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.startswith("gongshi link: ") and err.count("\n") == 1
    assert entities(path, ids) == before
    store = open_store(path)
    try:
        assert store.link_judgements() == []
    finally:
        store.close()
