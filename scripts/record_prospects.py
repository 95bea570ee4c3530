#!/usr/bin/env python3
"""Record the server's answers that tests/test_prospects.py replays offline.

``credit prospects`` reads one server call (``credit.prospect.credit_prospects``). This
script logs in to a live Odoo with the add-ons' demo data as one user, as the command does
(``connect_live``: the command's own connection and context), records that call with the
metadata ``credit pull`` writes, and saves tests/recorded/credit_prospects.<label>.<lang>.json,
naming in its metadata (``recorded_from``) the commit whose add-ons answered and whether
the work tree's add-ons differed from it.

    .venv/bin/python scripts/record_prospects.py --url http://127.0.0.1:8069 --db DB \\
        --user admin --password admin --label manager
    .venv/bin/python scripts/record_prospects.py ... --user demo --password demo \\
        --label salesperson
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from credit_cli.command.sources import connect_live
from credit_cli.connector.prospects import fetch_prospects
from credit_cli.connector.transport import RecordingTransport

REPO = Path(__file__).resolve().parents[1]
RECORDED = REPO / "tests" / "recorded"


def git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--label", required=True, help="who answered: manager, salesperson")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    params = {"url": args.url, "db": args.db, "user": args.user, "password": args.password}
    source = connect_live(params, args.lang)
    recorder = RecordingTransport(
        source.transport,
        metadata={
            **source.metadata,
            "lang": args.lang,
            "uid": source.uid,
            "context": source.context,
            "query": "credit pull",
        },
    )
    fetch_prospects(recorder, None, source.context)
    document = recorder.to_document()
    document["metadata"]["recorded_from"] = {
        "commit": git("rev-parse", "HEAD"),
        "uncommitted": sorted(
            line[3:] for line in git("status", "--porcelain", "--", "erp_addon").splitlines()
        ),
        "database": f"{args.db}: every add-on of erp_addon/ with its demo data",
        "user": args.label,
    }
    RECORDED.mkdir(parents=True, exist_ok=True)
    target = RECORDED / f"credit_prospects.{args.label}.{args.lang}.json"
    target.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
