#!/usr/bin/env python3
"""Benchmark the annual appraisal's recompute: 200 administrators and 50,000 contracts.

One command (``python3 bench/appraisal_bench.py``): it finds or provisions Odoo like the
tests do (scripts/odoo_env.py), prepares the database ``appraisal_bench`` (installs
every add-on without demo data, generates the data once), then runs itself inside Odoo
and prints the time and the query count of recomputing a period for a year with 200
administrators, 50,000 contracts with their review lines and ledger events (follow-ups,
changes and terminations, seal uses) and 40 training sessions, against the same figures
for 20 administrators and 5,000 contracts. The query count must not grow with the data.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

YEAR = 2025
SETS = {"small": (20, 5_000), "big": (200, 50_000)}
SESSIONS = 40


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="appraisal_bench")
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--module",
        default=None,
        help="add-ons to install (comma-separated; default: every add-on, as users run it)",
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-c", dest="config", help=argparse.SUPPRESS)
    parser.add_argument("--addons-path", help=argparse.SUPPRESS)
    return parser.parse_args()


# ---------------------------------------------------------------------- outside Odoo
def run_outside(args) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_odoo import ALL_MODULES, measure_in_odoo

    module = args.module or ",".join(ALL_MODULES)
    return measure_in_odoo(__file__, module, args.db, args.fresh, ["--rounds", str(args.rounds)])


# ---------------------------------------------------------------------- inside Odoo
def boot(args):
    import odoo

    odoo.tools.config.parse_config(
        ["-c", args.config, "--addons-path", args.addons_path, "-d", args.db]
        + ["--log-level", "warn"]
    )
    return odoo.modules.registry.Registry(args.db)


def generate(env, name, admins, contracts):
    """A company with its administrators, contracts, ledger events and sessions (SQL)."""
    from odoo import Command

    company = env["res.company"].search([("name", "=", name)], limit=1)
    if company:
        return company
    started = time.perf_counter()
    company = env["res.company"].create({"name": name})
    env.user.company_ids |= company
    Department = env["hr.department"].with_company(company)
    departments = Department.create(
        [{"name": f"{name} dept {n}", "company_id": company.id} for n in range(admins)]
    )
    employees = env["hr.employee"].create(
        [{"name": f"{name} admin {n}", "company_id": company.id} for n in range(admins)]
    )
    env["credit.administrator"].create(
        [
            {
                "employee_id": employee.id,
                "company_id": company.id,
                "date_start": f"{YEAR - 3}-01-01",
                "department_ids": [Command.set(department.ids)],
            }
            for employee, department in zip(employees, departments, strict=True)
        ]
    )
    partner = env["res.partner"].create({"name": f"{name} counterparty", "is_company": True})
    seal = env["credit.contract.seal"].create(
        {"name": f"{name} seal", "company_id": company.id, "custodian_id": env.user.id}
    )
    env.flush_all()
    cr = env.cr
    dept_ids = departments.ids
    # contracts spread over the departments and the year, flags varied
    cr.execute(
        """
        INSERT INTO credit_contract
            (name, title, contract_type, partner_id, company_id, currency_id, amount, state,
             department_id, date_signed, date_start, date_end, date_registered,
             registration_days, registration_on_time, ledger_complete,
             signed_within_authority, review_completed_date, three_properties_passed,
             five_reviews_passed, review_passed, review_complete,
             review_complete_before_signing, followups_on_schedule,
             archived_with_documents, is_invalid, counterparty_pays, create_date, write_date)
        SELECT 'BENCH-' || %(company)s || '-' || g, 'Bench contract ' || g, 'sale', %(partner)s,
               %(company)s, %(currency)s, 1000 + g %% 997,
               (ARRAY['signed', 'performance', 'completed', 'performance'])[g %% 4 + 1],
               (%(depts)s::int[])[g %% %(ndept)s + 1],
               d, d, d + 300, d + (g %% 11), g %% 11, g %% 11 <= 7, g %% 13 <> 0,
               g %% 17 <> 0, d - 3, g %% 19 <> 0, g %% 23 <> 0, g %% 29 <> 0, TRUE,
               g %% 7 <> 0, g %% 5 <> 0, g %% 3 <> 0, g %% 997 = 0, 'later', now(), now()
          FROM generate_series(1, %(count)s) g,
               LATERAL (SELECT (%(year)s || '-01-01')::date + (g %% 365) AS d) days
        """,
        {
            "company": company.id,
            "partner": partner.id,
            "currency": company.currency_id.id,
            "depts": dept_ids,
            "ndept": len(dept_ids),
            "count": contracts,
            "year": YEAR,
        },
    )
    # eight review lines per contract (three properties, five reviews)
    cr.execute(
        """
        INSERT INTO credit_contract_review_line
            (contract_id, company_id, sequence, name, category, required, result, date)
        SELECT c.id, c.company_id, n, 'Item ' || n,
               CASE WHEN n <= 3 THEN 'property' ELSE 'review' END, TRUE,
               CASE WHEN (c.id + n) %% 31 = 0 THEN 'fail' ELSE 'pass' END,
               c.review_completed_date
          FROM credit_contract c, generate_series(1, 8) n
         WHERE c.company_id = %s
        """,
        [company.id],
    )
    # ledger events: follow-ups, changes and terminations, seal uses
    cr.execute(
        """
        INSERT INTO credit_contract_followup
            (contract_id, company_id, date, date_recorded, next_date, note)
        SELECT c.id, c.company_id, c.date_signed + 60, c.date_signed + 60, c.date_signed + 150,
               'bench'
          FROM credit_contract c WHERE c.company_id = %s AND c.state = 'performance'
        """,
        [company.id],
    )
    cr.execute(
        """
        INSERT INTO credit_contract_amendment
            (contract_id, company_id, kind, state, date_requested, date_processed, reason,
             processed_on_time, formalities_complete)
        SELECT c.id, c.company_id, CASE WHEN c.id %% 2 = 0 THEN 'change' ELSE 'termination' END,
               'done', c.date_signed + 30, c.date_signed + 30 + c.id %% 20, 'bench',
               c.id %% 20 <= 15, c.id %% 9 <> 0
          FROM credit_contract c WHERE c.company_id = %s AND c.id %% 5 = 0
        """,
        [company.id],
    )
    cr.execute(
        """
        INSERT INTO credit_contract_seal_use
            (seal_id, contract_id, company_id, date, requested_by_id, approved_by_id,
             review_passed_at_use, copies)
        SELECT %s, c.id, c.company_id, c.date_signed, %s, %s, c.id %% 41 <> 0, 1
          FROM credit_contract c WHERE c.company_id = %s
        """,
        [seal.id, env.user.id, env.user.id, company.id],
    )
    # the seal checked in each half-year (item 5.3)
    cr.execute(
        """
        INSERT INTO credit_contract_seal_check (seal_id, company_id, date, checked_by_id, result)
        SELECT %s, %s, d, %s, 'in_order'
          FROM unnest(ARRAY[%s::date, %s::date]) d
        """,
        [seal.id, company.id, env.user.id, f"{YEAR}-03-01", f"{YEAR}-09-01"],
    )
    # 40 sessions, integrity and legal knowledge over both halves, exams for attendees
    types = ["integrity", "legal"]
    sessions = env["credit.training.session"].create(
        [
            {
                "name": f"{name} session {n}",
                "session_type": types[n % 2] if n < 36 else "other",
                "date": f"{YEAR}-{1 + (n * 11) % 12:02d}-15",
                "assessment": "exam" if n % 2 else "sample",
                "company_id": company.id,
            }
            for n in range(SESSIONS)
        ]
    )
    env.flush_all()
    cr.execute(
        """
        INSERT INTO credit_training_session_attendee_rel (session_id, employee_id)
        SELECT s, e FROM unnest(%s::int[]) s, unnest(%s::int[]) e WHERE (s + e) %% 4 <> 0
        """,
        [sessions.ids, employees.ids],
    )
    cr.execute(
        """
        INSERT INTO credit_training_result
            (session_id, employee_id, company_id, session_type, kind, year, date, score,
             mastery, attempt, pass_mark, passed, makeup_required)
        SELECT s.id, r.employee_id, s.company_id, s.session_type, s.assessment, s.year, s.date,
               CASE WHEN s.assessment = 'exam' THEN 40 + (s.id * 7 + r.employee_id) %% 61
                    ELSE 0 END,
               CASE WHEN s.assessment = 'sample' THEN 30 + (s.id + r.employee_id) %% 71
                    ELSE 0 END,
               1, 60, TRUE, FALSE
          FROM credit_training_session_attendee_rel r
          JOIN credit_training_session s ON s.id = r.session_id
         WHERE s.company_id = %s
        """,
        [company.id],
    )
    period = env["credit.appraisal.period"].create({"year": YEAR, "company_id": company.id})
    period.action_generate_appraisals()
    env.cr.commit()
    print(f"generated {name} in {time.perf_counter() - started:.1f} s", flush=True)
    return company


def measure(env, period, rounds):
    times, queries = [], []
    for _round in range(rounds + 1):
        env.flush_all()
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        (summary,) = period._recompute()
        env.flush_all()
        times.append(time.perf_counter() - start)
        queries.append(env.cr.sql_log_count - before)
        env.cr.commit()
    # the first round warms Odoo's caches and PostgreSQL's plans
    return statistics.median(times[1:]) * 1000, max(queries[1:]), summary


def run_inside(args) -> int:
    registry = boot(args)
    from odoo import SUPERUSER_ID, api

    figures = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        for label, (admins, contracts) in SETS.items():
            company = generate(env, f"Appraisal bench {label}", admins, contracts)
            period = env["credit.appraisal.period"].search(
                [("company_id", "=", company.id), ("year", "=", YEAR)]
            )
            cr.execute("SELECT count(*) FROM credit_contract WHERE company_id = %s", [company.id])
            (count,) = cr.fetchone()
            cr.execute(
                """SELECT (SELECT count(*) FROM credit_contract_review_line
                            WHERE company_id = %(c)s),
                          (SELECT count(*) FROM credit_contract_seal_use WHERE company_id = %(c)s)
                          + (SELECT count(*) FROM credit_contract_amendment
                              WHERE company_id = %(c)s)
                          + (SELECT count(*) FROM credit_contract_followup
                              WHERE company_id = %(c)s)""",
                {"c": company.id},
            )
            lines, events = cr.fetchone()
            ms, queries, summary = measure(env, period, args.rounds)
            figures[label] = (len(period.appraisal_ids), count, lines, events, ms, queries, summary)
    print()
    for label, (admins, count, lines, events, ms, queries, summary) in figures.items():
        print(
            f"{label:5}: {admins:3} administrators, {count:6,} contracts, {lines:7,} review "
            f"lines, {events:6,} ledger events, {SESSIONS} sessions -> recompute "
            f"{summary['lines']:5,} lines: median {ms:8.1f} ms, {queries} queries"
        )
    small, big = figures["small"], figures["big"]
    print(f"time ratio big / small: {big[4] / small[4]:.2f} (data x{big[1] / small[1]:.0f})")
    ok = small[5] == big[5]
    print("RESULT:", "queries constant" if ok else "QUERIES GROW WITH THE DATA")
    return 0 if ok else 1


if __name__ == "__main__":
    arguments = parse_args()
    sys.exit(run_inside(arguments) if arguments.inside else run_outside(arguments))
