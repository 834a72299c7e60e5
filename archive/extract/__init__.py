"""Extraction: documents → notice metadata and nominee records.

    from archive.extract import parse_notice, read_document
    notice = parse_notice(SourceDocument(page_bytes, url=...), attachments)
"""

from .pipeline import attachment_links, parse_notice
from .readers import read_document

__all__ = ["attachment_links", "parse_notice", "read_document"]
