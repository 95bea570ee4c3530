"""What the benchmarks share: the Odoo they run on and the database they prepare.

The same discovery as the tests (scripts/odoo_env.py), so that a benchmark runs on the
Odoo the test command provisions.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from odoo_env import (  # noqa: E402
    OdooSetup,
    OdooUnavailable,
    addons_path,
    ensure_postgres,
    locate,
    pg_args,
)

MODULE = "credit_management"
ADDONS = Path(__file__).resolve().parent.parent / "erp_addon"
# every add-on of the product, as users run it (the bridges' Odoo apps come with them)
ALL_MODULES = tuple(sorted(path.parent.name for path in ADDONS.glob("*/__manifest__.py")))


def bench_odoo() -> OdooSetup | None:
    """The Odoo to measure, with PostgreSQL answering; None after saying why there is none."""
    try:
        odoo = locate(lambda msg: print(msg, flush=True))
        if odoo is None:
            print("No Odoo found (ODOO_RC, ~/.odoorc, ODOO_SRC or ../shared/odoo): nothing to run.")
            return None
        ensure_postgres(odoo.options, print)
    except OdooUnavailable as exc:
        print(f"No usable Odoo: {exc}")
        return None
    return odoo


def prepare_database(
    odoo: OdooSetup, db: str, fresh: bool, module: str = ",".join(ALL_MODULES)
) -> None:
    """Install ``module`` (comma-separated add-ons, every add-on unless told) without demo
    data in ``db``; in an existing database, update those installed and install the rest."""
    pg, env = pg_args(odoo.options)
    if fresh:
        subprocess.run(["dropdb", "--if-exists", *pg, db], env=env, check=True)
    listing = subprocess.run(["psql", *pg, "-lqtA"], env=env, capture_output=True, text=True)
    exists = any(line.split("|")[0] == db for line in listing.stdout.splitlines())
    print(f"preparing database {db} ({'update' if exists else 'install'})", flush=True)
    modes = ["-i", module]
    if exists:
        # -u for the installed ones, -i only for the others (-i of an installed add-on
        # would load its data as on a first install)
        query = "SELECT name FROM ir_module_module WHERE state = 'installed'"
        installed = subprocess.run(
            ["psql", *pg, "-d", db, "-tAc", query], env=env, capture_output=True, text=True
        ).stdout.split()
        wanted = module.split(",")
        old = [name for name in wanted if name in installed]
        new = [name for name in wanted if name not in installed]
        modes = (["-u", ",".join(old)] if old else []) + (["-i", ",".join(new)] if new else [])
    subprocess.run(
        [*odoo.command(db), *modes, "--without-demo", "all", "--stop-after-init"]
        + ["--log-level", "warn"],
        check=True,
    )


def measure_in_odoo(script: str, module: str, db: str, fresh: bool, args: list[str]) -> int:
    """Prepare ``db`` with ``module``, then run ``script`` again with Odoo's Python and
    ``--inside -c <config> --addons-path <path> --db <db>`` plus ``args``: the measuring
    half of a benchmark runs inside Odoo, the preparing half outside it."""
    odoo = bench_odoo()
    if odoo is None:
        return 2
    prepare_database(odoo, db, fresh, module)
    return subprocess.run(
        [odoo.python, str(Path(script).resolve()), "--inside", "-c", str(odoo.rc)]
        + ["--addons-path", addons_path(odoo.options), "--db", db, *args],
        env=dict(os.environ, PYTHONPATH=str(odoo.odoo_bin.parent)),
    ).returncode


# ---------------------------------------------------------------- inside Odoo
# Invoices in bulk: one invoice posted through the ORM, copied by SQL (one INSERT per
# table for every copy), as bench/credit_check_bench.py and bench/collection_bench.py do.
def table_columns(cr, table: str) -> list[str]:
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND table_schema = current_schema() ORDER BY ordinal_position",
        (table,),
    )
    return [row[0] for row in cr.fetchall()]


def clone_rows(cr, table: str, overrides: dict, source: str) -> None:
    """INSERT INTO table SELECT <every column but id, overridden ones replaced> FROM
    ``source`` (which names the copied rows ``t``): one statement for all copies."""
    cols = [c for c in table_columns(cr, table) if c != "id"]
    exprs = [overrides.get(c, f"t.{c}") for c in cols]
    cr.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) "  # noqa: S608 - bench, fixed names
        f"SELECT {', '.join(exprs)} FROM {source}"
    )


def invoice_copy_columns(amount: str, name: str) -> dict:
    """The account_move columns of a copied open invoice of ``amount`` (an SQL
    expression), numbered ``name``: its totals and residual, no hash."""
    return {
        "name": name,
        "amount_untaxed": amount,
        "amount_total": amount,
        "amount_residual": amount,
        "amount_untaxed_signed": amount,
        "amount_total_signed": amount,
        "amount_residual_signed": amount,
        "amount_total_in_currency_signed": amount,
        "amount_untaxed_in_currency_signed": amount,
        "inalterable_hash": "NULL",
        "secure_sequence_number": "NULL",
    }


def invoice_line_copy_columns(amount: str, move_id: str, move_name: str) -> dict:
    """The account_move_line columns of the copied lines ``t`` (the receivable and the
    income line) of an open invoice of ``amount``, in move ``move_id`` named ``move_name``
    (SQL expressions): the receivable debits it, still open; the income line credits it."""
    sign = "CASE WHEN t.balance > 0 THEN 1 ELSE -1 END"
    return {
        "move_id": move_id,
        "move_name": move_name,
        "balance": f"{sign} * {amount}",
        "debit": f"CASE WHEN t.balance > 0 THEN {amount} ELSE 0 END",
        "credit": f"CASE WHEN t.balance < 0 THEN {amount} ELSE 0 END",
        "amount_currency": f"{sign} * {amount}",
        "amount_residual": f"CASE WHEN t.balance > 0 THEN {amount} ELSE 0 END",
        "amount_residual_currency": f"CASE WHEN t.balance > 0 THEN {amount} ELSE 0 END",
        "price_unit": amount,
        "price_subtotal": amount,
        "price_total": amount,
    }
