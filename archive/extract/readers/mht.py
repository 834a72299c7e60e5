"""MHT / MHTML (a web page and its images in one MIME message) → blocks.

Word's "single file web page" output is an MHT file, and sites publish it
under a .doc name; the HTML part is the document.
"""

from __future__ import annotations

import email
import email.policy

from archive.errors import BadInput
from archive.model import DocumentContent

from .html import read_html


def read_mht(data: bytes, url: str | None = None) -> DocumentContent:
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        charset = part.get_content_charset()
        content_type = f"text/html; charset={charset}" if charset else "text/html"
        base = part.get("Content-Location") or url
        return read_html(payload, base, content_type)
    raise BadInput("cannot read mht: it holds no HTML part")
