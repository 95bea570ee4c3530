#!/usr/bin/env python3
"""Benchmark the daily collection action on 100,000 overdue invoices over 5,000 customers.

One command (``python3 bench/collection_bench.py``): it finds Odoo like the tests do
(scripts/odoo_env.py through bench/bench_odoo.py), installs every add-on without demo
data in the database ``collection_bench`` (``--db``), generates the data once, then in one
run times

- one plain SQL pass that classifies the same invoices (days overdue with the credit
  check's cutoff, ageing bucket and the stage their days call for), as a SELECT and as an
  UPDATE that stores the classification (bucket and stage) on the invoices;
- the add-on's daily action (credit.collection.run, as the scheduled action runs it: one
  run record per company, a commit after each batch):
  * its first run, when every overdue invoice enters the procedure (stage, activity,
    history, a letter per customer): the one-off cost of switching the procedure on;
  * an ordinary day: the invoices stand in the bucket and stage their days call for (as
    after the first runs; set by one UPDATE before timing, and recorded by an untimed run
    of that day, which finds nothing to do) and the next day those whose days reach a new
    bucket or stage move on (about 1 % of them): the run follows the day's run, so it
    classifies only the invoices whose days reached a new bucket or stage since, or that
    were written since (see credit_collection_run_window.py);
  * the same day once more, when nothing moves (nothing crossed since the day's run);
- and, for the ordinary day, the plain SQL pass that classifies the invoices and stores
  only what changed (an UPDATE of the invoices whose bucket or stage changes);

and prints the times, the ratios and the queries per batch. The figure that matters is the
ordinary day against the bare SELECT (target: at most 3x); ``--ordinary-only`` leaves the
first run out. ``--profile`` prints where an ordinary day's time goes (cProfile, the 25
most costly functions, cumulative and own time) and its queries (grouped, costliest
first); ``--profile-out FILE`` saves the profile for ``pstats``.

How the data is generated: one customer invoice is created and posted through the ORM
(so that every column Odoo fills is right), then SQL copies its account_move row and its
two account_move_line rows (receivable and income) 100,000 times with new names,
customers, amounts and due dates (1 to 500 days overdue); the customers are copies of one
partner row. The copies keep what the daily action reads consistent: posted state,
commercial partner, receivable account, residual amounts, due dates, payment state. The
credit check's trigger keeps its balances as for any insert. Generated once per database
(``--fresh`` rebuilds it); each measuring run rolls its writes back afterwards, so runs are
repeatable.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_odoo import (  # noqa: E402
    ALL_MODULES,
    clone_rows,
    invoice_copy_columns,
    invoice_line_copy_columns,
    measure_in_odoo,
)

INVOICES = 100_000
CUSTOMERS = 5_000
DB = "collection_bench"


# ---------------------------------------------------------------- outside Odoo
def outer(args) -> int:
    return measure_in_odoo(
        __file__,
        args.module or ",".join(ALL_MODULES),
        args.db,
        args.fresh,
        ["--invoices", str(args.invoices), "--customers", str(args.customers)]
        + ["--rounds", str(args.rounds)]
        + (["--profile"] if args.profile else [])
        + (["--profile-out", args.profile_out] if args.profile_out else [])
        + (["--ordinary-only"] if args.ordinary_only else []),
    )


# ---------------------------------------------------------------- inside Odoo
def generate(env, company, invoices, customers):
    from odoo import Command, fields

    cr = env.cr
    cr.execute("SELECT count(*) FROM account_move WHERE name LIKE 'BENCH/%%'")
    if cr.fetchone()[0] >= invoices:
        date_copies(cr)
        return
    started = time.perf_counter()
    print(f"generating {invoices:,} overdue invoices over {customers:,} customers", flush=True)
    company.write({"credit_check_sale": False, "credit_check_invoice": False})
    template_partner = env["res.partner"].create(
        {"name": "Bench customer", "is_company": True, "customer_rank": 1, "email": "b@x.example"}
    )
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": template_partner.id,
            "invoice_date": "2025-01-01",
            "invoice_date_due": "2025-01-01",
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": "bench",
                        "quantity": 1,
                        "price_unit": 100,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }
    )
    template.action_post()
    env.flush_all()
    # customers: copies of the template partner, their own commercial partner
    cr.execute("SELECT max(id) FROM res_partner")
    first_partner = cr.fetchone()[0] + 1
    clone_rows(
        cr,
        "res_partner",
        {
            "name": "'Bench customer ' || g",
            "complete_name": "'Bench customer ' || g",
            "email": "'c' || g || '@bench.example'",
        },
        f"res_partner t CROSS JOIN generate_series(1, {customers}) g "
        f"WHERE t.id = {template_partner.id}",
    )
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id >= %s", (first_partner,))
    cr.execute("SELECT min(id), max(id) FROM res_partner WHERE id >= %s", (first_partner,))
    pmin, pmax = cr.fetchone()
    today = fields.Date.context_today(env["res.users"])
    # invoices: g = 1..N, customer g % customers, amount 100 + g % 900, 1..500 days overdue
    cr.execute("SELECT max(id) FROM account_move")
    first_move = cr.fetchone()[0] + 1
    amount = "(100 + g % 900)::numeric"
    due = f"DATE '{today}' - (1 + (g * 7919) % 500)"
    partner = f"({pmin} + g % {pmax - pmin + 1})"
    name = "'BENCH/' || lpad(g::text, 7, '0')"
    clone_rows(
        cr,
        "account_move",
        dict(
            invoice_copy_columns(amount, name),
            sequence_prefix="'BENCH/'",
            sequence_number="g",
            partner_id=partner,
            commercial_partner_id=partner,
            invoice_date=due,
            date=due,
            invoice_date_due=due,
            payment_reference="'BENCH/' || g",
        ),
        f"account_move t CROSS JOIN generate_series(1, {invoices}) g WHERE t.id = {template.id}",
    )
    # their lines: the template's two lines for every copy, joined by the copy's number
    move_of = f"({first_move} - 1 + g)"
    clone_rows(
        cr,
        "account_move_line",
        dict(
            invoice_line_copy_columns(amount, move_of, name),
            partner_id=partner,
            date=due,
            invoice_date=due,
            date_maturity=f"CASE WHEN t.balance > 0 THEN {due} ELSE t.date_maturity END",
        ),
        f"account_move_line t CROSS JOIN generate_series(1, {invoices}) g "
        f"WHERE t.move_id = {template.id}",
    )
    date_copies(cr)
    cr.execute("ANALYZE account_move; ANALYZE account_move_line; ANALYZE res_partner")
    env["res.partner"]._cron_credit_compact_balances()
    cr.commit()
    print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)


def date_copies(cr):
    """The copies were made and last written on their invoice date, as invoices posted
    then (not all today, when the daily action would take them for invoices just
    written); once per database."""
    cr.execute(
        "UPDATE account_move SET create_date = invoice_date, write_date = invoice_date "
        "WHERE name LIKE 'BENCH/%%' AND write_date > invoice_date + 1"
    )
    cr.commit()


PLAIN_SELECT = """
    WITH cutoff AS MATERIALIZED (
        SELECT credit_overdue_cutoff(%(company)s, %(today)s) AS day
    ), buckets AS (
        SELECT id, days_from,
               COALESCE(LEAD(days_from) OVER (ORDER BY days_from) - 1, 2147483647) AS days_to
          FROM credit_collection_bucket WHERE company_id = %(company)s
    ), stages AS (
        SELECT id, days_from,
               COALESCE(LEAD(days_from) OVER (ORDER BY days_from) - 1, 2147483647) AS days_to
          FROM credit_collection_stage WHERE procedure_id = %(procedure)s
    ), items AS (
        SELECT aml.move_id, MIN(aml.date_maturity) AS due
          FROM account_move_line aml
          JOIN account_account acc ON acc.id = aml.account_id
         WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
           AND aml.reconciled IS NOT TRUE AND aml.amount_residual > 0
           AND acc.account_type = 'asset_receivable'
      GROUP BY aml.move_id
    ), days AS MATERIALIZED (
        SELECT i.move_id,
               CASE WHEN i.due < c.day THEN %(today)s - i.due ELSE 0 END AS days
          FROM items i
          JOIN account_move am ON am.id = i.move_id
         CROSS JOIN cutoff c
         WHERE am.move_type IN ('out_invoice', 'out_receipt')
    )
    SELECT d.move_id, d.days, b.id AS bucket, s.id AS stage
      FROM days d
      JOIN buckets b ON d.days BETWEEN b.days_from AND b.days_to
      LEFT JOIN stages s ON d.days BETWEEN s.days_from AND s.days_to
"""


PLAIN_UPDATE = """
    UPDATE account_move am SET collection_bucket_id = c.bucket, collection_stage_id = c.stage
      FROM ({select}) c WHERE am.id = c.move_id
"""

# what an ordinary day must store: only the invoices whose bucket or stage changes
PLAIN_UPDATE_CHANGED = """
    UPDATE account_move am SET collection_bucket_id = c.bucket, collection_stage_id = c.stage
      FROM ({select}) c
     WHERE am.id = c.move_id
       AND (am.collection_bucket_id IS DISTINCT FROM c.bucket
            OR am.collection_stage_id IS DISTINCT FROM c.stage)
"""

# the state after the first runs: every invoice in the stage and bucket its days call for,
# with its stage's activity for the collector, who follows it (as the runs leave them)
PRECLASSIFY = """
    UPDATE account_move am
       SET collection_bucket_id = c.bucket, collection_stage_id = c.stage,
           collection_stage_date = CASE WHEN c.stage IS NOT NULL THEN %(today)s::date END,
           collection_user_id = CASE WHEN c.stage IS NOT NULL THEN %(user)s END
      FROM ({select}) c WHERE am.id = c.move_id
"""
PRECLASSIFY_ACTIVITIES = """
    INSERT INTO mail_activity
           (res_model_id, res_model, res_id, res_name, activity_type_id, summary,
            date_deadline, automated, user_id, active, create_uid, write_uid, create_date,
            write_date)
    SELECT %(model)s, 'account.move', am.id, am.name,
           COALESCE(s.activity_type_id, %(type)s), s.name->>'en_US', %(today)s, true,
           %(user)s, true, %(user)s, %(user)s, now(), now()
      FROM account_move am JOIN credit_collection_stage s ON s.id = am.collection_stage_id
     WHERE am.name LIKE 'BENCH/%%'
"""
PRECLASSIFY_FOLLOWERS = """
    INSERT INTO mail_followers (res_model, res_id, partner_id)
    SELECT 'account.move', am.id, %(partner)s FROM account_move am
     WHERE am.name LIKE 'BENCH/%%' AND am.collection_stage_id IS NOT NULL
        ON CONFLICT DO NOTHING
"""


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
        procedure = company.collection_procedure_id
        # the stages' activities go to a collector
        company.collection_default_user_id = env.ref("base.user_admin")
        cr.commit()
        today = fields.Date.context_today(env["res.users"])
        day2 = fields.Date.add(today, days=1)
        params = {"company": company.id, "today": today, "procedure": procedure.id}
        cr.execute(
            "SELECT count(*) FROM account_move WHERE name LIKE 'BENCH/%%' "
            "AND payment_state = 'not_paid'"
        )
        n_open = cr.fetchone()[0]
        cr.execute(
            "SELECT count(DISTINCT commercial_partner_id) FROM account_move "
            "WHERE name LIKE 'BENCH/%%'"
        )
        n_customers = cr.fetchone()[0]

        def timed(fn):
            start = time.perf_counter()
            result = fn()
            return time.perf_counter() - start, result

        # warm the caches, then the plain SQL passes
        cr.execute(PLAIN_SELECT, params)
        cr.fetchall()
        t_select, rows = timed(lambda: (cr.execute(PLAIN_SELECT, params), cr.fetchall())[1])
        overdue = sum(1 for r in rows if r[1] > 0)
        cr.execute("SAVEPOINT plain")
        t_update, _ = timed(lambda: cr.execute(PLAIN_UPDATE.format(select=PLAIN_SELECT), params))
        cr.execute("ROLLBACK TO SAVEPOINT plain")
        cr.commit()

        Run = env["credit.collection.run"]
        written = {}

        def run(label, day, profile=False):
            stats = {}
            env.invalidate_all()
            profiler = cProfile.Profile() if profile else None
            if profiler:
                profiler.enable()
            with timing_queries(timed_queries if profile else None):
                elapsed, record = timed(
                    lambda: Run._run_for(company, day, stats=stats, commit=cr.commit)
                )
            if profiler:
                profiler.disable()
                profiles.append(profiler)
            cr.commit()  # the scheduled action commits when its job ends
            assert record.state == "done", record.errors
            runs.append((label, elapsed, stats))
            # what the runs made, as their records say
            for what, field in (
                ("activities", "activity_count"),
                ("history rows", "history_count"),
                ("letters", "letter_count"),
            ):
                written[what] = written.get(what, 0) + record[field]

        def reset():
            """Back to the generated state: the next run measures the same work."""
            cr.execute("DELETE FROM mail_activity WHERE res_model = 'account.move'")
            # the collector follows the invoices given an activity (the ORM's activities)
            cr.execute(
                "DELETE FROM mail_followers WHERE res_model = 'account.move' AND res_id IN "
                "(SELECT id FROM account_move WHERE name LIKE 'BENCH/%%')"
            )
            cr.execute("DELETE FROM credit_collection_letter")
            cr.execute("DELETE FROM credit_collection_run")
            cr.execute("DELETE FROM credit_collection_history")
            cr.execute(
                "UPDATE account_move SET collection_stage_id = NULL, collection_bucket_id = NULL,"
                " collection_user_id = NULL, collection_stage_date = NULL"
                " WHERE name LIKE 'BENCH/%%'"
            )
            cr.commit()

        runs = []
        profiles = []
        timed_queries = []  # (seconds, query) of the profiled run
        # 1. the first run: every overdue invoice enters the procedure (activity, history,
        #    a letter per customer): the one-off cost of switching the procedure on
        if not args.ordinary_only:
            run("first run (all enter)", today)
        reset()
        # 2. an ordinary day, ``rounds`` times (medians are printed): the invoices stand in
        #    the stage and bucket their days call for, as after the first runs (set here in
        #    one UPDATE); the next day, those whose days reach a new bucket or stage move;
        #    then the same day once more. The plain passes are timed in the same round.
        changed_times, select_times, n_changed = [], [t_select], 0
        collector = company.collection_default_user_id
        preclassified = dict(
            params,
            user=collector.id,
            partner=collector.partner_id.id,
            model=env["ir.model"]._get_id("account.move"),
            type=env.ref("credit_collection.mail_activity_type_collection").id,
        )

        def preclassify():
            cr.execute(PRECLASSIFY.format(select=PLAIN_SELECT), preclassified)
            cr.execute(PRECLASSIFY_ACTIVITIES, preclassified)
            cr.execute(PRECLASSIFY_FOLLOWERS, preclassified)
            cr.execute("ANALYZE account_move; ANALYZE mail_activity; ANALYZE mail_followers")
            cr.commit()
            # and the first runs' record: a run of that day, which classifies every open
            # invoice and finds them where their days call for (untimed); the next day's
            # run follows it
            settled = Run._run_for(company, today, commit=cr.commit)
            cr.commit()
            assert settled.state == "done" and not settled.changed_count, settled.errors

        for _round in range(args.rounds):
            preclassify()
            day2_params = dict(params, today=day2)
            select_times.append(
                timed(lambda p=day2_params: (cr.execute(PLAIN_SELECT, p), cr.fetchall()))[0]
            )
            cr.execute("SAVEPOINT plain")
            changed_times.append(
                timed(
                    lambda p=day2_params: cr.execute(
                        PLAIN_UPDATE_CHANGED.format(select=PLAIN_SELECT), p
                    )
                )[0]
            )
            n_changed = cr.rowcount
            cr.execute("ROLLBACK TO SAVEPOINT plain")
            cr.commit()
            run("next day", day2)
            run("same day again", day2)
            reset()
            cr.execute("ANALYZE account_move")
            cr.commit()
        if args.profile:  # one more ordinary day, profiled (not timed: cProfile slows it)
            preclassify()
            run("profiled", day2, profile=True)
            reset()

    t_select = statistics.median(select_times)
    t_changed = statistics.median(changed_times)
    print()
    print(
        f"open invoices: {n_open:,} over {n_customers:,} customers; overdue on day 1: {overdue:,}"
    )
    print(f"medians of {len(select_times)} SELECTs and of {args.rounds} ordinary days")
    print(f"plain SQL classification, SELECT:             {t_select:8.2f} s")
    print(f"plain SQL classification, UPDATE (stored):    {t_update:8.2f} s")
    print(
        f"plain SQL classification of the next day, UPDATE of what changed ({n_changed:,} "
        f"invoices): {t_changed:.2f} s"
    )
    by_label = {}
    for label, elapsed, stats in runs:
        if label != "profiled":
            by_label.setdefault(label, ([], stats))[0].append(elapsed)
    for label, (times, stats) in by_label.items():
        elapsed = statistics.median(times)
        batches = stats["batches"]
        queries = [b["queries"] for b in batches]
        looked = sum(b.get("invoices", 0) for b in batches)
        moved = sum(b.get("moved", 0) for b in batches)
        made = sum(b.get("letters", 0) for b in batches)
        print(
            f"daily action, {label:<22} {elapsed:8.2f} s  ratio vs SELECT "
            f"{elapsed / t_select:6.1f}x, vs UPDATE {elapsed / t_update:6.1f}x, "
            f"vs UPDATE of what changed {elapsed / t_changed:6.1f}x; "
            f"{len(batches)} batches of <= 250 customers, queries per batch "
            f"min {min(queries, default=0)} / max {max(queries, default=0)}; "
            f"invoices changed {looked:,}, "
            f"stage moves {moved:,}, letters {made:,}"
        )
    print(
        "made by the runs (removed afterwards): "
        + ", ".join(f"{what} {count:,}" for what, count in written.items())
    )
    ordinary = statistics.median(by_label["next day"][0])
    print(
        f"ORDINARY DAY: daily action {ordinary:.2f} s, bare SELECT {t_select:.2f} s, "
        f"ratio {ordinary / t_select:.2f}x (target <= 3x)"
    )
    if profiles:
        stats = pstats.Stats(profiles[0])
        for other in profiles[1:]:
            stats.add(other)
        print("\nwhere an ordinary day's time goes (cumulative, 25 most costly):")
        stats.sort_stats("cumulative").print_stats(25)
        print("(own time, 15 most costly):")
        stats.sort_stats("tottime").print_stats(15)
        print_queries(timed_queries)
        if args.profile_out:
            stats.dump_stats(args.profile_out)
    return 0


@contextmanager
def timing_queries(into):
    """Record ``(seconds, query)`` of every query run inside (when ``into`` is a list)."""
    if into is None:
        yield
        return
    from odoo import sql_db

    execute = sql_db.Cursor.execute

    def timed_execute(cr, query, params=None, log_exceptions=True):
        start = time.perf_counter()
        try:
            return execute(cr, query, params, log_exceptions)
        finally:
            code = getattr(query, "code", query)
            into.append((time.perf_counter() - start, " ".join(str(code).split())))

    sql_db.Cursor.execute = timed_execute
    try:
        yield
    finally:
        sql_db.Cursor.execute = execute


def print_queries(queries):
    """The profiled day's queries, grouped by their first 100 characters, costliest first."""
    if not queries:
        return
    groups = {}
    for seconds, query in queries:
        total, count = groups.get(query[:100], (0.0, 0))
        groups[query[:100]] = (total + seconds, count + 1)
    print(
        f"\nits queries: {len(queries)}, {sum(s for s, _q in queries):.2f} s; "
        "the 15 costliest (grouped by their start):"
    )
    for text, (total, count) in sorted(groups.items(), key=lambda g: -g[1][0])[:15]:
        print(f"  {total:6.3f} s  {count:4d}x  {text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DB)
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--invoices", type=int, default=INVOICES)
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    parser.add_argument("--rounds", type=int, default=3, help="ordinary days measured")
    parser.add_argument("--profile", action="store_true", help="profile the ordinary days")
    parser.add_argument(
        "--profile-out", help="with --profile: also save the profile (pstats) in this file"
    )
    parser.add_argument(
        "--module",
        default=None,
        help="add-ons to install (comma-separated; default: every add-on, as users run it)",
    )
    parser.add_argument(
        "--ordinary-only",
        action="store_true",
        help="leave out the first run (every invoice enters: minutes on a loaded machine)",
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-c", dest="config", help=argparse.SUPPRESS)
    parser.add_argument("--addons-path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inner(args) if args.inside else outer(args)


if __name__ == "__main__":
    sys.exit(main())
