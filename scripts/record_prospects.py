#!/usr/bin/env python3
"""Record the server's answers that tests/test_prospects.py replays offline.

``credit prospects`` reads one server call (``credit.prospect.credit_prospects``). This
script pulls a snapshot from a live Odoo with the add-ons' demo data (``credit pull``, the
way the demo snapshots are recorded) as one user, keeps the calls ``credit prospects``
makes (the ranking and the companies that ``--company`` looks up) and writes
tests/recorded/credit_prospects.<label>.<lang>.json, naming in its metadata
(``recorded_from``) the commit whose add-ons answered and whether the work tree differed.

    .venv/bin/python scripts/record_prospects.py --url http://127.0.0.1:8069 --db DB \\
        --user admin --password admin --label manager
    .venv/bin/python scripts/record_prospects.py ... --user demo --password demo \\
        --label salesperson
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RECORDED = REPO / "tests" / "recorded"
#: The models whose calls ``credit prospects`` makes.
KEPT_MODELS = {"credit.prospect", "res.company"}


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
    with tempfile.TemporaryDirectory() as tmp:
        snapshot = Path(tmp) / "pull.json"
        env = dict(
            os.environ,
            CREDIT_ODOO_URL=args.url,
            CREDIT_ODOO_DB=args.db,
            CREDIT_ODOO_USER=args.user,
            CREDIT_ODOO_PASSWORD=args.password,
        )
        command = [sys.executable, "-m", "credit_cli.cli", "pull", "--lang", args.lang]
        subprocess.run([*command, "--output", str(snapshot)], check=True, env=env)
        document = json.loads(snapshot.read_text(encoding="utf-8"))
    document["calls"] = [c for c in document["calls"] if c["model"] in KEPT_MODELS]
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
