"""The OpenAPI 3.1 description of the JSON API, true to CONTRACT.md.

Written by hand, next to the routes it describes, so that clients can be
generated from it and the API can be fuzzed against it (tests run
schemathesis over it).  Objects allow additional properties: the contract
lets the API add fields, never remove them.
"""

from __future__ import annotations

from typing import Any

from webui.labels import LEVEL_LABELS, STAGE_LABELS

NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _id_param(name: str, description: str, example: str | None = None) -> dict[str, Any]:
    param = {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}
    if example:
        param["example"] = example
    return param


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "one sentence saying what was wrong"}},
    },
    "NoticeSummary": {
        "type": "object",
        "description": "The notice a record comes from.",
        "required": ["notice_id", "url", "title", "published", "year", "issuer", "award", "level", "stage",
                     "period_start", "period_end", "region"],
        "properties": {
            "notice_id": {"type": "string"},
            "url": {"type": "string", "description": "address of the notice page"},
            "title": NULLABLE_STRING,
            "published": DATE,
            "year": {"type": ["integer", "null"]},
            "issuer": NULLABLE_STRING,
            "award": NULLABLE_STRING,
            "level": {"enum": [*LEVEL_LABELS, None]},
            "stage": {"enum": [*STAGE_LABELS, None]},
            "period_start": DATE,
            "period_end": DATE,
            "region": NULLABLE_STRING,
            "gone_at": {"type": ["string", "null"], "description": "when the source stopped answering, if it did"},
        },
    },
    "Record": {
        "type": "object",
        "description": "One nominee (person or organization) of one notice. Unstated fields are null.",
        "required": ["record_id", "kind", "name", "name_raw", "gender", "ethnicity", "birth", "political",
                     "education", "unit", "position", "title", "industry", "org_type", "category", "remarks",
                     "deeds", "entity_id", "document_url", "archive_url", "notice"],
        "properties": {
            "record_id": {"type": "string"},
            "kind": {"enum": ["person", "organization"]},
            "name": {"type": "string"},
            "name_raw": NULLABLE_STRING,
            "gender": {"enum": ["男", "女", None]},
            "ethnicity": {"type": ["string", "null"], "description": "one of the 56 official names"},
            "birth": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2})?$"},
            "political": NULLABLE_STRING,
            "education": NULLABLE_STRING,
            "unit": NULLABLE_STRING,
            "position": NULLABLE_STRING,
            "title": NULLABLE_STRING,
            "industry": NULLABLE_STRING,
            "org_type": NULLABLE_STRING,
            "category": NULLABLE_STRING,
            "remarks": NULLABLE_STRING,
            "deeds": NULLABLE_STRING,
            "entity_id": {"type": ["string", "null"],
                          "description": "shared by all records judged to be the same person or organization"},
            "document_url": NULLABLE_STRING,
            "archive_url": {"type": ["string", "null"], "description": "/archive/... path of the archived copy"},
            "notice": _ref("NoticeSummary"),
        },
    },
    "SearchHit": {
        "allOf": [
            _ref("Record"),
            {
                "type": "object",
                "properties": {
                    "highlights": {
                        "type": "object",
                        "description": "field → HTML-safe snippet with <mark> around the matches",
                        "additionalProperties": {"type": "string"},
                    }
                },
            },
        ]
    },
    "FacetCounts": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
    "SearchResult": {
        "type": "object",
        "required": ["total", "page", "size", "results", "facets"],
        "properties": {
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 1, "maximum": 100},
            "results": {"type": "array", "items": _ref("SearchHit")},
            "facets": {
                "type": "object",
                "properties": {k: _ref("FacetCounts") for k in ("ethnicity", "year", "kind", "stage", "level", "region")},
            },
        },
    },
    "Entity": {
        "type": "object",
        "required": ["entity_id", "kind", "name", "records"],
        "properties": {
            "entity_id": {"type": "string"},
            "kind": {"enum": ["person", "organization"]},
            "name": {"type": "string"},
            "records": {"type": "array", "items": _ref("Record"), "description": "oldest first"},
        },
    },
    "Document": {
        "type": "object",
        "required": ["doc_id", "url", "archive_url"],
        "properties": {
            "doc_id": {"type": "string"},
            "url": {"type": "string"},
            "fetched": {"type": "string"},
            "content_type": NULLABLE_STRING,
            "archive_url": {"type": "string"},
            "role": {"type": "string", "description": "main | attachment"},
            "label": NULLABLE_STRING,
        },
    },
    "Version": {
        "type": "object",
        "required": ["fetched", "archive_url", "added", "withdrawn", "changed"],
        "properties": {
            "fetched": {"type": "string"},
            "archive_url": NULLABLE_STRING,
            "added": {"type": "array", "items": {"type": "string"}},
            "withdrawn": {"type": "array", "items": {"type": "string"}},
            "changed": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "field", "old", "new"],
                    "properties": {"name": {"type": "string"}, "field": {"type": "string"}, "old": {}, "new": {}},
                },
            },
        },
    },
    "Notice": {
        "allOf": [
            _ref("NoticeSummary"),
            {
                "type": "object",
                "required": ["records", "documents", "versions"],
                "properties": {
                    "records": {"type": "array", "items": _ref("Record")},
                    "documents": {"type": "array", "items": _ref("Document")},
                    "versions": {"type": "array", "items": _ref("Version"), "description": "oldest first"},
                },
            },
        ]
    },
    "Candidate": {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "pattern": r"\S"},
            "unit": {"type": ["string", "null"]},
            "birth": {"type": ["string", "null"], "description": "year and month as written (1968-06, 1968.6, 1968年6月)"},
        },
    },
    "CheckRequest": {
        "type": "object",
        "required": ["candidates"],
        "properties": {"candidates": {"type": "array", "maxItems": 1000, "items": _ref("Candidate")}},
    },
    "CheckResult": {
        "type": "object",
        "required": ["results"],
        "properties": {
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["candidate", "matches", "same_name_only"],
                    "properties": {
                        "candidate": {"type": "object"},
                        "matches": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["entity_id", "reason", "records"],
                                "properties": {
                                    "entity_id": {"type": "string"},
                                    "reason": {"type": "string"},
                                    "records": {"type": "array", "items": _ref("Record")},
                                },
                            },
                        },
                        "same_name_only": {"type": "array", "items": _ref("Record")},
                    },
                },
            }
        },
    },
}


def _search_parameters() -> list[dict[str, Any]]:
    year = {"type": "integer", "minimum": 1900, "maximum": 2100}
    return [
        _query("q", "words, in simplified or traditional characters or pinyin; may be empty", {"type": "string"}),
        _query("ethnicity", "民族; the short form works too (蒙古 = 蒙古族)", {"type": "string"}),
        _query("year", "year published", year),
        _query("year_from", "first year", year),
        _query("year_to", "last year", year),
        _query("kind", "person or organization", {"enum": ["person", "organization"]}),
        _query("stage", "recommended, proposed or awarded", {"enum": list(STAGE_LABELS)}),
        _query("level", "level of the award", {"enum": list(LEVEL_LABELS)}),
        _query("region", "a region and everything inside it", {"type": "string"}),
        _query("page", "page number, from 1", {"type": "integer", "minimum": 1}),
        _query("size", "results per page (at most 100)", {"type": "integer", "minimum": 1, "maximum": 100}),
    ]



def _get_by_id(operation_id: str, summary: str, id_name: str, example: str | None, schema: str) -> dict:
    """A `GET /api/<things>/{id}` operation: the object, or 404 for an unknown id."""
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [_id_param(id_name, example=example, description=id_name.replace("_", " "))],
            "responses": {"200": _ok(f"the {schema.lower()}", _ref(schema)), "404": _error("unknown id")},
        }
    }

def openapi_document(server_url: str | None = None, examples: dict[str, str] | None = None) -> dict[str, Any]:
    """The whole document; `server_url` is where this instance answers, `examples`
    ids that exist in this archive (record_id, entity_id, notice_id, doc_id)."""
    ex = examples or {}
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "gongshi 公示档案 API",
            "version": "1.0.0",
            "description": "A searchable archive of Chinese government commendation notices. "
            "Every HTML page has a JSON twin here. Bad parameters get 400, unknown ids 404.",
        },
        "paths": {
            "/api/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Search records; filters and facets",
                    "parameters": _search_parameters(),
                    "responses": {"200": _ok("one page of results", _ref("SearchResult")), "400": _error("bad parameter")},
                }
            },
            "/api/records/{record_id}": _get_by_id("getRecord", "One record", "record_id", ex.get("record_id"), "Record"),
            "/api/entities/{entity_id}": _get_by_id("getEntity", "A person or organization and all its records, oldest first", "entity_id", ex.get("entity_id"), "Entity"),
            "/api/notices/{notice_id}": _get_by_id("getNotice", "A notice with its records, documents and versions", "notice_id", ex.get("notice_id"), "Notice"),
            "/api/check": {
                "post": {
                    "operationId": "checkCandidates",
                    "summary": "Earlier records of each candidate, by the linking rules",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("CheckRequest")}},
                    },
                    "responses": {"200": _ok("one result per candidate", _ref("CheckResult")), "400": _error("bad input")},
                }
            },
            "/archive/{doc_id}": {
                "get": {
                    "operationId": "getArchivedCopy",
                    "summary": "The archived bytes as fetched, with their original content type",
                    "parameters": [_id_param("doc_id", example=ex.get("doc_id"), description="document id")],
                    "responses": {
                        "200": {"description": "the archived bytes", "content": {"*/*": {"schema": {}}}},
                        "404": {"description": "unknown id", "content": {"text/html": {"schema": {"type": "string"}}}},
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "getOpenAPI",
                    "summary": "This document",
                    "responses": {"200": _ok("OpenAPI 3.1 document", {"type": "object"})},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
    if server_url:
        doc["servers"] = [{"url": server_url}]
    return doc
