#!/usr/bin/env python3
"""Benchmark the hard credit check on a customer with 5,000 open invoices and 1,000 orders.

One command (``python3 bench/run.py``): it finds or provisions Odoo like the tests do
(scripts/odoo_env.py), prepares the database ``credit_bench`` (install, generate data once),
then measures in one run both the add-on's confirmation and stock Odoo's (the same
confirmation with the credit check switched off in the company settings), and prints both
figures and their ratio.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from odoo_env import (  # noqa: E402
    OdooUnavailable,
    addons_path,
    ensure_postgres,
    locate,
    pg_args,
)

MODULE = "credit_management"
BENCH = Path(__file__).resolve().parent / "credit_check_bench.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="credit_bench")
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--invoices", type=int, default=5000)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    try:
        odoo = locate(lambda msg: print(msg, flush=True))
        if odoo is None:
            print("No Odoo found (ODOO_RC, ~/.odoorc, ODOO_SRC or ../shared/odoo): nothing to run.")
            return 2
        ensure_postgres(odoo.options, print)
    except OdooUnavailable as exc:
        print(f"No usable Odoo: {exc}")
        return 2
    python, odoo_bin, rc, options = odoo.python, odoo.odoo_bin, odoo.rc, odoo.options
    pg, env = pg_args(options)
    if args.fresh:
        subprocess.run(["dropdb", "--if-exists", *pg, args.db], env=env, check=True)
    exists = subprocess.run(["psql", *pg, "-lqtA"], env=env, capture_output=True, text=True).stdout
    mode = "-u" if any(line.split("|")[0] == args.db for line in exists.splitlines()) else "-i"
    print(f"preparing database {args.db} ({'update' if mode == '-u' else 'install'})", flush=True)
    subprocess.run(
        [
            python,
            str(odoo_bin),
            "-c",
            str(rc),
            "--addons-path",
            addons_path(options),
            "-d",
            args.db,
            mode,
            MODULE,
            "--without-demo",
            "all",
            "--stop-after-init",
            "--log-level",
            "warn",
            "--max-cron-threads",
            "0",
        ],
        check=True,
    )
    return subprocess.run(
        [
            python,
            str(BENCH),
            "-c",
            str(rc),
            "--addons-path",
            addons_path(options),
            "-d",
            args.db,
            "--invoices",
            str(args.invoices),
            "--orders",
            str(args.orders),
            "--rounds",
            str(args.rounds),
        ],
        env=dict(os.environ, PYTHONPATH=str(odoo_bin.parent)),
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
