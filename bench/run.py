#!/usr/bin/env python3
"""Benchmark the hard credit check on a customer with 5,000 open invoices and 1,000 orders.

One command (``python3 bench/run.py``): it finds or provisions Odoo like the tests do
(scripts/odoo_env.py), prepares the database ``credit_bench`` with every add-on installed
(``--module`` to choose; install, or update, then generate data once per customer size),
then measures in one run both the add-ons' confirmation and stock's (the same database
with the credit check and the written-contract rule off and the add-ons' triggers
disabled), and prints both figures and their ratio (target <= 1.05); the same for writing
a confirmed order. ``--invoices 50000`` measures a customer of 50,000 open invoices (made
once in the same database, by SQL copies of one posted invoice).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from bench_odoo import ALL_MODULES, bench_odoo, prepare_database
from odoo_env import addons_path

BENCH = Path(__file__).resolve().parent / "credit_check_bench.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="credit_bench")
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--invoices", type=int, default=5000)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=100, help="timed runs of each")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead: where one confirmation's time goes (bench/confirm_profile.py)",
    )
    parser.add_argument(
        "--module",
        default=",".join(ALL_MODULES),
        help="add-ons to install, comma-separated (default: every add-on in erp_addon/)",
    )
    args = parser.parse_args()

    odoo = bench_odoo()
    if odoo is None:
        return 2
    prepare_database(odoo, args.db, args.fresh, args.module)
    python, odoo_bin, rc, options = odoo.python, odoo.odoo_bin, odoo.rc, odoo.options
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
            *(["--profile"] if args.profile else []),
        ],
        env=dict(os.environ, PYTHONPATH=str(odoo_bin.parent)),
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
