"""Discover and fetch notices politely; hand every exchange on.

    from crawler import Crawler, CrawlConfig, FetchConfig, FrontierItem
    stats = Crawler(frontier, handler, CrawlConfig(fetch=FetchConfig(delay=1))).run(seeds)

The crawler knows nothing of parsing or storage: the frontier and the
handler are interfaces its caller provides.
"""

from crawler.classify import title_may_be_commendation
from crawler.crawl import CrawlConfig, Crawler, CrawlHandler, CrawlStats, FetchFn, Outcome
from crawler.discover import attachment_links, canonical_url, decode_html, read_list_page
from crawler.exchange import Exchange
from crawler.fetch import DEFAULT_USER_AGENT, FetchConfig
from crawler.frontier import Frontier, FrontierItem, MemoryFrontier, Task
from crawler.sources import Source, SourceList, load_sources

__all__ = [
    "DEFAULT_USER_AGENT", "CrawlConfig", "CrawlHandler", "CrawlStats", "Crawler", "Exchange", "FetchConfig",
    "FetchFn", "Frontier", "FrontierItem", "MemoryFrontier", "Outcome", "Source", "SourceList", "Task",
    "attachment_links", "canonical_url", "decode_html", "load_sources", "read_list_page",
    "title_may_be_commendation",
]
