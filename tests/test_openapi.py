"""The described API: /api/openapi.json is OpenAPI 3.1, true to the contract and to the responses."""
# ruff: noqa: F811  (pytest fixtures are imported from webui_fixtures and named as arguments)

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonschema_rs
import pytest
from webui_fixtures import (  # noqa: F401  (pytest fixtures)
    app,
    client,
    fixture_archive,
    live_server,
    need_check,
    need_entities,
    need_index,
)

CONTRACT_ROUTES = {
    ("/api/search", "get"), ("/api/records/{record_id}", "get"), ("/api/entities/{entity_id}", "get"),
    ("/api/notices/{notice_id}", "get"), ("/archive/{doc_id}", "get"), ("/api/check", "post"),
    ("/api/openapi.json", "get"),
}
SEARCH_PARAMETERS = {"q", "ethnicity", "year", "year_from", "year_to", "kind", "stage", "level", "region", "page", "size"}


@pytest.fixture(scope="module")
def document(app):
    return app.test_client().get("/api/openapi.json").get_json()


def validator(document: dict, name: str):
    """A JSON Schema 2020-12 validator for one component, resolving refs inside the document."""
    return jsonschema_rs.Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": document["components"]})


def _refs(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_document_describes_every_contract_route(document):
    assert document["openapi"] == "3.1.0"
    routes = {(path, method) for path, ops in document["paths"].items() for method in ops}
    assert routes == CONTRACT_ROUTES
    search = document["paths"]["/api/search"]["get"]
    assert {p["name"] for p in search["parameters"]} == SEARCH_PARAMETERS
    size = next(p for p in search["parameters"] if p["name"] == "size")
    assert size["schema"]["maximum"] == 100
    for ref in _refs(document):
        assert ref.split("/")[-1] in document["components"]["schemas"], ref
    for path, ops in document["paths"].items():
        for op in ops.values():
            assert "200" in op["responses"], path
    assert document["servers"] == [{"url": "http://localhost"}]


def test_examples_name_ids_that_exist(document, client):
    examples = {p["name"]: p.get("example") for ops in document["paths"].values() for op in ops.values()
                for p in op.get("parameters", []) if p["in"] == "path"}
    assert client.get(f"/api/records/{examples['record_id']}").status_code == 200
    assert client.get(f"/api/notices/{examples['notice_id']}").status_code == 200
    assert client.get(f"/archive/{examples['doc_id']}").status_code == 200


def test_record_notice_and_error_responses_match_the_schemas(document, client, fixture_archive):
    fx = fixture_archive
    for rid in fx.records.values():
        validator(document, "Record").validate(client.get(f"/api/records/{rid}").get_json())
    for nid in fx.notices.values():
        validator(document, "Notice").validate(client.get(f"/api/notices/{nid}").get_json())
    validator(document, "Error").validate(client.get("/api/records/nope").get_json())
    # and the schema is not vacuous: a record without its notice, or with a bad stage, fails
    record = client.get(f"/api/records/{fx.records['chen']}").get_json()
    assert not validator(document, "Record").is_valid({k: v for k, v in record.items() if k != "notice"})
    assert not validator(document, "Record").is_valid({**record, "notice": {**record["notice"], "stage": "won"}})


def test_search_entity_and_check_responses_match_the_schemas(document, client, fixture_archive):
    need_index(fixture_archive)
    validator(document, "SearchResult").validate(client.get("/api/search?q=东主才让").get_json())
    validator(document, "SearchResult").validate(client.get("/api/search").get_json())
    validator(document, "Error").validate(client.get("/api/search?size=101").get_json())
    need_entities(fixture_archive)
    eid = fixture_archive.store.record(fixture_archive.records["dongzhu"])["entity_id"]
    validator(document, "Entity").validate(client.get(f"/api/entities/{eid}").get_json())
    need_check()
    body = {"candidates": [{"name": "东主才让", "unit": "海西州融媒体中心"}, {"name": "陈海忠"}, {"name": "王小明"}]}
    validator(document, "CheckResult").validate(client.post("/api/check", json=body).get_json())


def test_schemathesis_finds_no_server_error_and_no_schema_break(live_server, fixture_archive, tmp_path):
    """Fuzz the served API from its own description (bounded: ~50 cases per operation, seeded)."""
    need_index(fixture_archive)
    need_entities(fixture_archive)
    need_check()
    st = Path(sys.executable).parent / "st"
    checks = ",".join([
        "not_a_server_error", "status_code_conformance", "content_type_conformance",
        "response_schema_conformance", "response_headers_conformance", "negative_data_rejection",
    ])
    cmd = [str(st), "run", f"{live_server.url}/api/openapi.json", "--checks", checks, "--max-examples", "50",
           "--seed", "7", "--no-color", "--generation-database", "none", "--request-timeout", "10",
           "--suppress-health-check", "all"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=90)
    report = done.stdout[-6000:] + done.stderr[-2000:]
    assert done.returncode == 0, report
    assert "No issues found" in done.stdout, report
