"""`gongshi link --merge ENTITY_ID ENTITY_ID` / `gongshi link --split RECORD_ID`.

A person's judgement about entity links: stored with its date, it outranks
the automatic evidence and is re-applied on every `gongshi reindex`.  The
search index holds no entity ids (results are read from the store), so a
judgement needs no reindex.
"""

from __future__ import annotations

import argparse

from archive.linking import merge_entities, split_record
from archive.store import open_store


def run_link(args: argparse.Namespace) -> int:
    store = open_store(args.data)
    try:
        if args.merge:
            keep, other = args.merge
            result = merge_entities(store, keep, other, note=args.note)
        else:
            result = split_record(store, args.split, note=args.note)
    finally:
        store.close()
    print(result.message)
    return 0
