#!/usr/bin/env python3
"""Benchmark the import of external credit data: 10,000 rows in one transaction.

One command (``python3 bench/external_import_bench.py``): it finds Odoo like the tests do
(scripts/odoo_env.py through bench/bench_odoo.py), installs credit_external_data and its
early-warning bridge without demo data in the database ``external_import_bench``
(``--db``), creates 10,000 customers with unified social credit codes once (``--rows``),
writes a CSV file in the documented format with one row per customer (every rating
changes, half the registered capitals, one in twenty operating statuses; one customer in
twenty gets a new dishonest-debtor record, one in ten a judgment-debtor record, and 1 % of
the rows match no customer), then in one run times, as a credit analyst:

- the baseline: a bare INSERT of the same rows (the parsed values) into a temporary
  table, one statement per 1,000 rows;
- read: the file provider parsing the file into rows (checks included);
- preview: the import's preview (read, compare with the credit files, the preview lines);
- apply: the import's apply (read and compare again, then the records, the value history,
  the adverse records, the partners' values, the warning-list proposals and the
  early-warning refresh of the customers with new adverse records), all in one
  transaction;

and prints the time and the queries of each, and the ratio to the baseline. Every measured
step is rolled back, so runs are repeatable; each step runs the commit's precommit hooks
(the chatter's tracking) before it is timed as done. An earlier attempt's apply took 55 s
for 10,000 rows (records created one by one). Measured 2026-12-04 on the 2-core
development machine (shared, load average 2.4 to 2.7), median of two rounds: bare INSERT
0.17 s; read 0.44 s (2 queries); preview 2.04 s (74 queries); apply 10.9 s (361 queries:
one more per 100 partners written and per 100 tracking notes): 9,900 records, 15,300
value changes, 2,500 adverse records, the partners' values written through the ORM with
their tracking notes, 500 warning-list proposals and the early warning of 2,500 customers
refreshed. The raw UPDATE it replaced: 3.7 s, 135 queries; the ORM with mail.thread's own
tracking (a note per partner at commit): 27.7 s, 11,062 queries.
``--profile`` prints where the apply's time goes.
"""

from __future__ import annotations

import argparse
import base64
import csv
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_odoo import measure_in_odoo  # noqa: E402

DB = "external_import_bench"
MODULES = "credit_external_data,credit_warning_external_data"
ROWS = 10_000
HEADER = [
    "统一社会信用代码",
    "来源",
    "日期",
    "信用评级",
    "注册资本",
    "经营状态",
    "失信被执行人",
    "被执行人",
    "行政处罚",
    "经营异常",
]


def outer(args) -> int:
    return measure_in_odoo(
        __file__,
        args.module or MODULES,
        args.db,
        args.fresh,
        ["--rows", str(args.rows), "--rounds", str(args.rounds)]
        + (["--profile"] if args.profile else []),
    )


def bench_code(number):
    from stdnum.cn import uscc

    base = f"91310000MA1B{number:05d}"
    return base + uscc.calc_check_digit(base)


def generate(env, rows):
    """``rows`` customers with credit codes (once per database) and the bench analyst."""
    from odoo import Command

    Partner = env["res.partner"]
    have = Partner.search_count([("name", "=like", "Bench external %")])
    if have < rows:
        print(f"creating {rows - have:,} customers with credit codes", flush=True)
        for start in range(have, rows, 2_000):
            Partner.create(
                [
                    {
                        "name": f"Bench external {i:05d}",
                        "is_company": True,
                        "customer_rank": 1,
                        "credit_code": bench_code(i),
                        "credit_registered_capital": 1_000_000,
                        "credit_operating_status": "active",
                    }
                    for i in range(start, min(start + 2_000, rows))
                ]
            )
            env.cr.commit()
    user = env["res.users"].search([("login", "=", "bench_external_analyst")])
    if not user:
        company = env.ref("base.main_company")
        user = env["res.users"].create(
            {
                "name": "Bench analyst",
                "login": "bench_external_analyst",
                "email": "bench.analyst@example.com",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.set(
                        [
                            env.ref("base.group_user").id,
                            env.ref("credit_management.group_credit_analyst").id,
                        ]
                    )
                ],
            }
        )
        env.cr.commit()
    return user


def bench_file(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for i in range(rows):
        code = bench_code(i if i % 100 else 90_000 + i)  # 1 % match no customer
        writer.writerow(
            [
                code,
                "",
                "2026-01-15",
                ("AAA", "AA", "A", "BBB")[i % 4],
                2_000_000 if i % 2 else "",
                "停业" if i % 20 == 0 else "存续",
                f"(2026)沪01执{i}号" if i % 20 == 1 else "",
                f"(2026)沪01执{i}-1号;(2026)沪01执{i}-2号" if i % 10 == 2 else "",
                "",
                "",
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def inner(args) -> int:
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.tools import SQL

    odoo.tools.config.parse_config(
        ["-c", args.config, "--addons-path", args.addons_path, "-d", args.db, "--log-level", "warn"]
    )
    registry = odoo.modules.registry.Registry(args.db)
    from odoo.addons.credit_external_data.providers import get_provider  # noqa: PLC0415

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        user = generate(env, args.rows)
        env["credit.warning.rule"]._warning_copy_defaults(env.ref("base.main_company"))
        cr.commit()
        content = bench_file(args.rows)
        uenv = api.Environment(cr, user.id, {"lang": "en_US"})
        provider = get_provider(uenv, "file")

        def timed(label, fn):
            env.invalidate_all()
            cr.execute("SAVEPOINT bench")
            before = cr.sql_log_count
            start = time.perf_counter()
            result = fn()
            # what the commit would do: the pending writes and the chatter's tracking
            # messages (mail.thread tracks on the commit's precommit hooks)
            cr.precommit.run()
            uenv.flush_all()
            elapsed = time.perf_counter() - start
            queries = cr.sql_log_count - before
            return label, elapsed, queries, result

        def rollback():
            cr.execute("ROLLBACK TO SAVEPOINT bench")
            cr.precommit.clear()
            env.invalidate_all()

        parsed, _errors = provider.parse(content, "bench.csv")

        def bare_insert():
            cr.execute(
                "CREATE TEMP TABLE IF NOT EXISTS bench_rows (code varchar, day date, "
                "rating varchar, capital numeric, status varchar, adverse text)"
            )
            for start in range(0, len(parsed), 1_000):
                values = SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, %s, %s)",
                        r.credit_code,
                        r.date,
                        r.rating,
                        r.registered_capital,
                        r.operating_status,
                        ";".join(ref for refs in r.adverse.values() for ref in refs),
                    )
                    for r in parsed[start : start + 1_000]
                )
                cr.execute(SQL("INSERT INTO bench_rows VALUES %s", values))

        def new_import():
            return uenv["credit.external.import"].create(
                {
                    "source_name": "Bench bank",
                    "source_type": "bank",
                    "file_data": base64.b64encode(content),
                    "file_name": "bench.csv",
                }
            )

        results = {}
        for _round in range(args.rounds):
            for label, fn in (
                ("baseline: bare INSERT", bare_insert),
                ("read (parse the file)", lambda: provider.parse(content, "bench.csv")),
                ("preview", lambda: new_import().action_preview()),
            ):
                measured = timed(label, fn)
                rollback()
                results.setdefault(label, []).append(measured)
            # apply: on a previewed import (the preview not timed)
            cr.execute("SAVEPOINT bench_apply")
            imp = new_import()
            imp.action_preview()
            cr.precommit.run()
            uenv.flush_all()
            if args.profile:
                import cProfile  # noqa: PLC0415
                import pstats  # noqa: PLC0415

                profiler = cProfile.Profile()
                measured = timed("apply", lambda p=profiler, i=imp: p.runcall(i.action_apply))
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
            else:
                measured = timed("apply", imp.action_apply)
            checks = (
                imp.record_ids and len(imp.record_ids),
                imp.change_count,
                imp.adverse_new_count,
                imp.unmatched_count,
            )
            cr.execute("ROLLBACK TO SAVEPOINT bench_apply")
            cr.precommit.clear()
            env.invalidate_all()
            results.setdefault("apply", []).append(measured)
        cr.rollback()
    base = statistics.median(r[1] for r in results["baseline: bare INSERT"])
    print()
    print(
        f"{args.rows:,} rows; applied: {checks[0]:,} records, {checks[1]:,} values changed, "
        f"{checks[2]:,} new adverse records, {checks[3]:,} rows without a credit file"
    )
    for label, runs in results.items():
        elapsed = statistics.median(r[1] for r in runs)
        queries = sorted({r[2] for r in runs})
        print(
            f"{label:<24} {elapsed:8.2f} s  ratio vs bare INSERT {elapsed / base:7.1f}x  "
            f"queries {queries}"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DB)
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--rounds", type=int, default=1, help="times each step is measured")
    parser.add_argument("--profile", action="store_true", help="where the apply's time goes")
    parser.add_argument("--module", default=None, help="add-ons to install (comma-separated)")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-c", dest="config", help=argparse.SUPPRESS)
    parser.add_argument("--addons-path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inner(args) if args.inside else outer(args)


if __name__ == "__main__":
    sys.exit(main())
