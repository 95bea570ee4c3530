#!/usr/bin/env python3
"""Benchmark the daily early-warning run over 5,000 customers and 100,000 invoices.

One command (``python3 bench/warning_bench.py``): it finds Odoo like the tests do
(scripts/odoo_env.py through bench/bench_odoo.py), installs every add-on without demo
data in the database ``warning_bench`` (``--db``), generates the invoices once (as
bench/collection_bench.py does: 100,000 open invoices 1 to 500 days overdue over 5,000
customers, each with a credit limit that most of them use up), then in one run times

- a bare SELECT of the same data: every open receivable item of the company, added up per
  customer into what it owes and what of it is overdue today (what the signals start from);
- the add-on's daily run (credit.warning.signal._warning_run, as the scheduled action
  runs it for the company):
  * its first run, when the signals, levels, history and notifications are all new;
  * an ordinary day: the same signals still firing, their evidence updated (the first
    run's result kept, the measured run rolled back);
  * the same ordinary day for 50 customers only (``_warning_run`` with ``partner_ids``, as
    ``_warning_refresh`` runs it), to compare the number of queries, which must not grow
    with the customers;

and prints the times, the ratios to the bare SELECT and the queries of each run. Each
measured run is rolled back afterwards, so runs are repeatable.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_odoo import ALL_MODULES, measure_in_odoo  # noqa: E402
from collection_bench import CUSTOMERS, INVOICES, generate  # noqa: E402

DB = "warning_bench"
MODULES = ALL_MODULES

BARE_SELECT = """
    SELECT rp.commercial_partner_id,
           SUM(aml.amount_residual),
           SUM(aml.amount_residual) FILTER (
               WHERE aml.date_maturity < credit_overdue_cutoff(%(company)s, %(today)s))
      FROM account_move_line aml
      JOIN account_account acc ON acc.id = aml.account_id
      JOIN res_partner rp ON rp.id = aml.partner_id
     WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
       AND aml.reconciled IS NOT TRUE AND acc.account_type = 'asset_receivable'
  GROUP BY rp.commercial_partner_id
"""


def outer(args) -> int:
    return measure_in_odoo(
        __file__,
        args.module or ",".join(MODULES),
        args.db,
        args.fresh,
        ["--invoices", str(args.invoices), "--customers", str(args.customers)]
        + ["--rounds", str(args.rounds)],
    )


def inner(args) -> int:
    import odoo
    from odoo import SUPERUSER_ID, api, fields

    odoo.tools.config.parse_config(
        ["-c", args.config, "--addons-path", args.addons_path, "-d", args.db, "--log-level", "warn"]
    )
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
            env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
            cr.commit()
        generate(env, company, args.invoices, args.customers)
        env["credit.warning.rule"]._warning_copy_defaults(company)
        # limits: each bench customer's limit is 80 % to 120 % of what it owes (most are
        # over 90 % of theirs: the usage signal fires for them)
        cr.execute(
            """
            UPDATE res_partner rp
               SET credit_limit = COALESCE(rp.credit_limit, '{}')
                   || jsonb_build_object(%(key)s, ROUND(o.owed * (0.8 + (rp.id %% 5) * 0.1)))
              FROM (SELECT partner_id, SUM(amount_residual) AS owed FROM account_move_line
                     WHERE amount_residual > 0 AND company_id = %(company)s
                       AND move_name LIKE 'BENCH/%%' GROUP BY partner_id) o
             WHERE rp.id = o.partner_id
            """,
            {"key": str(company.id), "company": company.id},
        )
        # the analyst notified of level changes
        company.partner_id.lang = "en_US"
        cr.commit()
        today = fields.Date.context_today(env["res.users"])
        params = {"company": company.id, "today": today}
        cr.execute(
            "SELECT count(*), count(DISTINCT commercial_partner_id) FROM account_move "
            "WHERE name LIKE 'BENCH/%%'"
        )
        n_invoices, n_customers = cr.fetchone()
        Signal = env["credit.warning.signal"]

        def timed(fn):
            start = time.perf_counter()
            result = fn()
            return time.perf_counter() - start, result

        def bare():
            cr.execute(BARE_SELECT, params)
            return cr.fetchall()

        bare()  # warm the caches
        select_times = []

        def measure(label, fn):
            env.invalidate_all()
            cr.execute("SAVEPOINT bench")
            before = cr.sql_log_count
            elapsed, result = timed(fn)
            env.flush_all()
            queries = cr.sql_log_count - before
            cr.execute("ROLLBACK TO SAVEPOINT bench")
            env.invalidate_all()
            select_times.append(timed(bare)[0])
            return label, elapsed, queries, result

        # a clean slate, then the first run kept (the ordinary day follows it)
        cr.execute("DELETE FROM credit_warning_signal; DELETE FROM credit_warning_history")
        cr.execute(
            "UPDATE res_partner SET credit_warning_level = NULL, credit_warning_score = NULL"
        )
        cr.commit()
        results = [measure("first run", lambda: Signal._warning_run(company, today))]
        Signal._warning_run(company, today)
        cr.commit()
        # the same run for 50 customers (what _warning_refresh runs for given customers)
        sample_ids = (
            env["res.partner"]
            .search([("name", "like", "Bench customer %")], order="id", limit=50)
            .ids
        )
        for _round in range(args.rounds):
            results.append(measure("ordinary day", lambda: Signal._warning_run(company, today)))
            results.append(
                measure(
                    "ordinary day, 50 customers",
                    lambda: Signal._warning_run(company, today, partner_ids=sample_ids),
                )
            )
        t_select = statistics.median(select_times)
        cr.execute(
            "SELECT count(*) FROM credit_warning_signal WHERE company_id = %s AND active",
            (company.id,),
        )
        n_signals = cr.fetchone()[0]
        # leave the database as generated
        cr.execute("DELETE FROM credit_warning_signal; DELETE FROM credit_warning_history")
        cr.execute(
            "UPDATE res_partner SET credit_warning_level = NULL, credit_warning_score = NULL"
        )
        cr.execute("DELETE FROM mail_activity WHERE res_model = 'res.partner'")
        cr.commit()
    print()
    print(
        f"{n_invoices:,} open invoices over {n_customers:,} customers; {n_signals:,} signals "
        f"in force after the first run"
    )
    print(f"bare SELECT of the same data (median of {len(select_times)}): {t_select:8.2f} s")
    by_label = {}
    for label, elapsed, queries, figures in results:
        entry = by_label.setdefault(label, {"times": [], "queries": set(), "figures": figures})
        entry["times"].append(elapsed)
        entry["queries"].add(queries)
    for label, entry in by_label.items():
        elapsed = statistics.median(entry["times"])
        figures = entry["figures"]
        print(
            f"{label:<28} {elapsed:8.2f} s  ratio vs SELECT {elapsed / t_select:6.2f}x; "
            f"queries {sorted(entry['queries'])}; signals {figures['signals']:,} "
            f"(new {figures['new']:,}, updated {figures['updated']:,}, ended "
            f"{figures['ended']:,}), level changes {figures['level_changes']:,}"
        )
    full = by_label["ordinary day"]["queries"]
    few = by_label["ordinary day, 50 customers"]["queries"]
    print(
        f"QUERIES: ordinary day {sorted(full)} for {n_customers:,} customers, "
        f"{sorted(few)} for 50: {'the same' if full == few else 'NOT the same'}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DB)
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--invoices", type=int, default=INVOICES)
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    parser.add_argument("--rounds", type=int, default=3, help="ordinary days measured")
    parser.add_argument(
        "--module",
        default=None,
        help="add-ons to install (comma-separated; default: every add-on, as users run it)",
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-c", dest="config", help=argparse.SUPPRESS)
    parser.add_argument("--addons-path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inner(args) if args.inside else outer(args)


if __name__ == "__main__":
    sys.exit(main())
