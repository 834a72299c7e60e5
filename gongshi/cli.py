"""`gongshi`: the command line, and the one place that wires the parts together.

crawler → archive → index → webui: each package knows only those before it.
This module (and the small `gongshi.commands_*` modules it dispatches to)
is the composition root: it opens the store and the index and hands them to
whichever part needs them.  Every user-facing failure is a `GongshiError`,
printed as one line on stderr with a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from archive.errors import GongshiError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gongshi", description="公示档案: an archive of commendation notices")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", help="data directory (default: $GONGSHI_DATA, else ./gongshi-data)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("crawl", parents=[common], help="crawl list pages and archive new or changed notices")
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--delay", type=float, default=None, help="seconds between requests to one host (default 1)")
    p.add_argument("--max-pages", type=int, default=None, help="stop after fetching this many pages")
    p.add_argument("--refresh", action="store_true", help="revalidate every known notice and attachment")
    p.add_argument("--sources", help="a sources TOML file instead of the shipped one")

    p = sub.add_parser("import", parents=[common], help="add local documents as notices")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--url", help="the source address of the document")

    p = sub.add_parser("parse", parents=[common], help="print a document's notice and records as JSON")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--url", help="the source address of the document")

    p = sub.add_parser("export", parents=[common], help="every current record as jsonl or csv")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("-o", "--output", help="output file (default: stdout)")

    p = sub.add_parser("search", parents=[common], help="search the archive")
    p.add_argument("query", nargs="?", default="", metavar="QUERY")
    for name in ("ethnicity", "year", "year-from", "year-to", "kind", "stage", "level", "region"):
        p.add_argument(f"--{name}")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--size", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print the API's JSON")

    p = sub.add_parser("reindex", parents=[common], help="rebuild the search index and entity links")
    p.add_argument("--engine", choices=["whoosh", "tantivy"], help="switch this archive to another engine")

    p = sub.add_parser("link", parents=[common], help="record a judgement about entity links")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--merge", nargs=2, metavar="ENTITY_ID", help="two entities are one")
    g.add_argument("--split", metavar="RECORD_ID", help="a record is not the entity it was linked to")
    p.add_argument("--note", help="why (kept with the judgement)")

    p = sub.add_parser("serve", parents=[common], help="serve the web UI and JSON API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("demo", parents=[common], help="build an archive of the sample notices and serve it")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    # Imported per command: `gongshi parse` should not pay for Flask or the index.
    if args.command in ("parse", "import", "export"):
        from gongshi import commands_archive as mod
    elif args.command in ("search", "reindex"):
        from gongshi import commands_search as mod
    elif args.command == "link":
        from gongshi import commands_link as mod
    elif args.command == "crawl":
        from gongshi import commands_crawl as mod
    else:
        from gongshi import commands_serve as mod
    return int(getattr(mod, "run_" + args.command)(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except GongshiError as exc:
        print(f"gongshi {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"gongshi {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
