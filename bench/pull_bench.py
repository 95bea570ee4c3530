#!/usr/bin/env python3
"""Benchmark the `credit` command's pull: round trips, time and workbook memory.

One command, against a served Odoo 18 with the credit add-ons and a year of data
(the staff issue's generated year: ``python3 bench/appraisal_bench.py`` builds the
database ``appraisal_bench``; serve it and point this at it)::

    .venv/bin/python bench/pull_bench.py --url http://127.0.0.1:8069 --db appraisal_bench \\
        --user admin --password admin [--year 2025] [--rounds 3]

In the same run, alternating, it measures:

- the connector's pull of everything the scorecards need (what ``credit scorecards``
  does: the periods, then the server's scorecards in one call of ``credit_scorecards``)
  and the number of round trips it makes (aim: under 60);
- (a) a naive odoorpc ``browse()`` of the appraisals and their lines (records walked
  field by field);
- (b) the bare ``search_read`` calls of the appraisals and their lines (one per model, no
  paging) -- the server's answer should stay within 1.3x of it;
- the peak Python memory (tracemalloc) of writing the scorecard workbook.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

# run with the project's virtualenv (.venv/bin/python), where credit_cli is installed
from credit_cli.connector import schema
from credit_cli.connector.appraisal import build_appraisal_year, fetch_scorecards, period_choice
from credit_cli.connector.pull import pull_datasets
from credit_cli.connector.transport import OdooRpcTransport
from credit_cli.reports.scorecards_xlsx import write_scorecards_xlsx


class Counting:
    """Counts the calls that go to the server."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.calls = 0

    def execute_kw(self, model, method, args, kwargs):
        self.calls += 1
        return self.inner.execute_kw(model, method, args, kwargs)


#: What a client reading the records itself would read of the year's scorecards.
RECORDS = {
    "credit.appraisal": (
        "period_id",
        "administrator_id",
        "employee_id",
        "state",
        "total",
        "rating",
        "outcome",
        "failure_number",
        "bonus_withheld",
    ),
    "credit.appraisal.line": (
        "appraisal_id",
        "code",
        "section",
        "name",
        "points",
        "score",
        "evidence",
        "not_measurable",
        "not_measurable_reason",
        "hand_score",
        "hand_evidence",
    ),
}


def connector_pull(transport, context, year):
    counting = Counting(transport)
    data = pull_datasets(counting, schema.APPRAISAL_DATASETS, context)
    year, company_id = period_choice(data, year, None)
    answer = fetch_scorecards(counting, year, company_id, context)
    return build_appraisal_year(answer), counting.calls


def bare_search_read(transport, context):
    return {
        model: transport.execute_kw(
            model, "search_read", [[]], {"fields": list(fields), "context": context}
        )
        for model, fields in RECORDS.items()
    }


def naive_browse(odoo, context):
    """What a first script does: browse every record and touch each field."""
    odoo.env.context.update(context)
    rows = 0
    for model_name, fields in RECORDS.items():
        model = odoo.env[model_name]
        for record in model.browse(model.search([])):
            for name in fields:
                getattr(record, name)
            rows += 1
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("CREDIT_ODOO_URL"))
    parser.add_argument("--db", default=os.environ.get("CREDIT_ODOO_DB"))
    parser.add_argument("--user", default=os.environ.get("CREDIT_ODOO_USER", "admin"))
    parser.add_argument("--password", default=os.environ.get("CREDIT_ODOO_PASSWORD", "admin"))
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    if not args.url or not args.db:
        parser.error("give --url and --db (or CREDIT_ODOO_URL and CREDIT_ODOO_DB)")
    transport = OdooRpcTransport.connect(args.url, args.db, args.user, args.password, 600)
    context = {"lang": args.lang}

    times = {"connector": [], "bare": [], "browse": []}
    round_trips = 0
    appraisal = None
    for _ in range(args.rounds):
        start = time.perf_counter()
        appraisal, round_trips = connector_pull(transport, context, args.year)
        times["connector"].append(time.perf_counter() - start)
        start = time.perf_counter()
        bare_search_read(transport, context)
        times["bare"].append(time.perf_counter() - start)
    # the naive browse is slow: once is enough to show the difference
    start = time.perf_counter()
    naive_browse(transport._odoo, context)
    times["browse"].append(time.perf_counter() - start)

    year = appraisal.year
    with tempfile.TemporaryDirectory() as folder:
        tracemalloc.start()
        write_scorecards_xlsx(Path(folder) / "s.xlsx", appraisal)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    rows = {
        "scorecards": len(appraisal.scorecards),
        "lines": sum(len(c.lines) for c in appraisal.scorecards),
    }
    connector = statistics.median(times["connector"])
    bare = statistics.median(times["bare"])
    print(f"records: {rows}")
    print(f"scorecards: {len(appraisal.scorecards)} administrators in {year}")
    print(f"round trips of the pull: {round_trips} (aim: under 60)")
    print(f"connector pull:          {connector:8.2f} s (median of {args.rounds})")
    print(f"(b) bare search_read:    {bare:8.2f} s   ratio {connector / bare:.2f} (aim <= 1.3)")
    print(
        f"(a) naive browse():      {times['browse'][0]:8.2f} s   "
        f"{times['browse'][0] / connector:.1f}x the connector's time"
    )
    print(f"peak memory writing the workbook: {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
