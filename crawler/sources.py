"""Sources: the notice columns to crawl, as data (a TOML entry per column).

gongshi faces thousands of sites; it does not grow a crawler per site.  A
source names a list page and what is known about who publishes there (the
region, for notices that do not say where their issuer sits).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from archive.errors import BadInput

SHIPPED = "sources.toml"


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    region: str | None = None
    issuer: str | None = None
    tags: tuple[str, ...] = ()


@dataclass
class SourceList:
    sources: list[Source]
    settings: dict[str, object] = field(default_factory=dict)  # the [crawler] table

    def by_url(self) -> dict[str, Source]:
        return {s.url: s for s in self.sources}


def load_sources(path: str | Path | None = None) -> SourceList:
    """Read a sources file (default: the one shipped with gongshi)."""
    if path is None:
        text = resources.files("crawler").joinpath(SHIPPED).read_text("utf-8")
        where = SHIPPED
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise BadInput(f"{path}: cannot read the sources file ({exc.strerror})") from exc
        where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{where}: not valid TOML ({exc})") from exc
    sources = []
    for i, entry in enumerate(data.get("source", []), 1):
        url = entry.get("url")
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            raise BadInput(f"{where}: source {i} has no http(s) url")
        sources.append(
            Source(
                name=str(entry.get("name") or url),
                url=url,
                region=entry.get("region"),
                issuer=entry.get("issuer"),
                tags=tuple(entry.get("tags", ())),
            )
        )
    return SourceList(sources, dict(data.get("crawler", {})))
