"""Chinese-aware search over the archive's records.

    idx = open_index(store)                  # the engine the archive is set to use
    search_api(store, idx, {"q": "陈海忠"})   # the contract's /api/search JSON

Two engines implement one narrow interface (`SearchIndex`): whoosh (default,
pure Python) and tantivy (for large archives).  An archive's engine is its
`search_engine` setting; `gongshi reindex --engine` moves it.
"""

from __future__ import annotations

from index.api import (
    iter_matching_ids,
    iter_search_ids,
    iter_search_records,
    parse_search_params,
    search_api,
)
from index.base import FACET_FIELDS, BadQuery, Hit, SearchIndex, SearchQuery, SearchResults

ENGINES = ("whoosh", "tantivy")
DEFAULT_ENGINE = "whoosh"
ENGINE_SETTING = "search_engine"


def make_index(engine: str, path) -> SearchIndex:
    """An engine's index over the files at `path` (created empty if absent)."""
    if engine == "whoosh":
        from index.whoosh_engine import WhooshIndex

        return WhooshIndex(path)
    if engine == "tantivy":
        from index.tantivy_engine import TantivyIndex

        return TantivyIndex(path)
    raise BadQuery(f"unknown search engine {engine!r} (choose {' or '.join(ENGINES)})")


def open_index(store, engine: str | None = None) -> SearchIndex:
    """The archive's index: `engine`, else its `search_engine` setting (whoosh),
    with files under `store.index_dir / <engine>`."""
    name = engine or store.get_setting(ENGINE_SETTING, DEFAULT_ENGINE) or DEFAULT_ENGINE
    return make_index(name, store.index_dir / name)


__all__ = [
    "DEFAULT_ENGINE", "ENGINES", "ENGINE_SETTING", "FACET_FIELDS", "BadQuery", "Hit", "SearchIndex",
    "SearchQuery", "SearchResults", "iter_matching_ids", "iter_search_ids", "iter_search_records", "make_index", "open_index",
    "parse_search_params", "search_api",
]  # fmt: skip
