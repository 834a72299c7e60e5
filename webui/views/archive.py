"""Archived copies: `/archive/<doc_id>`, the exact bytes as fetched, with their content type.

An archived page is someone else's HTML served from our origin.  It is sent
with `Content-Security-Policy: sandbox` (a unique opaque origin, no scripts,
no forms), so a script inside it can never act as the archive: it cannot
read the archive's pages or call its API.  Nothing of ours is injected.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from flask import Blueprint, Response, abort

from webui.render import backend

bp = Blueprint("archive", __name__)

# type/subtype with optional parameters; anything else (a header injection, garbage) is replaced.
_CONTENT_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=(\"[^\"\r\n]*\"|[A-Za-z0-9!#$&^_.+-]+))*\s*$")

# Archived bytes get no privileges: sandbox without allow-scripts/allow-same-origin.
ARCHIVE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'"
# Chromium's PDF viewer does not open inside a sandboxed document; a PDF gets no scripts of any origin instead.
PDF_POLICY = "default-src 'none'; object-src 'self'; frame-ancestors 'self'"


def safe_content_type(content_type: str | None) -> str:
    if content_type and len(content_type) < 200 and _CONTENT_TYPE.match(content_type):
        return content_type.strip()
    return "application/octet-stream"


def download_name(url: str, doc_id: str) -> str:
    try:
        name = urlsplit(url).path.rsplit("/", 1)[-1]
    except ValueError:
        name = ""
    return name or doc_id


@bp.get("/archive/<doc_id>")
def archived_copy(doc_id: str) -> Response:
    be = backend()
    document = be.document(doc_id)
    if document is None:
        abort(404, description=f"没有编号为 {doc_id} 的存档")
    payload = be.document_payload(doc_id)
    if payload is None:
        abort(404, description=f"存档 {doc_id} 的内容不可读")
    content_type = safe_content_type(document.content_type)
    response = Response(payload, status=200, content_type=content_type)
    is_pdf = content_type.split(";")[0].strip().lower() == "application/pdf"
    response.headers["Content-Security-Policy"] = PDF_POLICY if is_pdf else ARCHIVE_POLICY
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    name = download_name(document.url, doc_id)
    response.headers["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(name)}"
    response.headers["X-Archive-Source"] = quote(document.url, safe=":/?#[]@!$&'()*+,;=%")
    response.headers["X-Archive-Fetched"] = document.fetched_at
    response.headers["Cache-Control"] = "public, max-age=86400, immutable"  # a doc_id names fixed bytes
    return response
