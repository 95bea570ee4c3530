"""Measure the credit check inside Odoo (run by bench/run.py with Odoo's Python).

Figures: queries the check issues for a customer with 5 invoices and for one with
thousands (they must be equal, the lock connection's included); the median time and the
queries to confirm one more order of the large customer with the add-ons' rules on
against stock (see ``describe_stock``), alternating in one run; the same for writing a
confirmed order without changing its amounts. Each timed run ends its transaction (a
rollback, as a request ends), so that the check's lock is taken and released every time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from contextlib import contextmanager

from bench_odoo import clone_rows, invoice_copy_columns, invoice_line_copy_columns

BATCH = 250
ORM_INVOICES = 5000  # beyond this, invoices are copies of the first (SQL)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", dest="config", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("-d", dest="db", required=True)
    parser.add_argument("--invoices", type=int, default=5000)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--profile", action="store_true")
    return parser.parse_args()


def boot(args):
    import odoo

    odoo.tools.config.parse_config(
        ["-c", args.config, "--addons-path", args.addons_path, "-d", args.db, "--log-level", "warn"]
    )
    return odoo.modules.registry.Registry(args.db)


def ensure_chart(env, company):
    if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )


def ensure_customer(env, company, name, invoices, orders, product):  # noqa: PLR0913
    """A customer with that many open invoices and confirmed orders (made once, committed).

    Up to ORM_INVOICES invoices are made and posted through the ORM; beyond that the first
    one is copied in SQL (its account_move row and lines, one INSERT each for all copies,
    as bench/collection_bench.py does), then the kept balances are recounted: 50,000
    invoices take seconds instead of an hour.
    """
    from odoo import Command

    partner = env["res.partner"].search([("name", "=", name)], limit=1)
    if partner:
        return partner
    partner = env["res.partner"].create({"name": name, "is_company": True, "customer_rank": 1})
    partner.with_company(company).write({"credit_limit": 10**12, "use_partner_credit_limit": True})
    company.write({"credit_check_sale": False, "credit_check_invoice": False})
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    by_orm = invoices if invoices <= ORM_INVOICES else 1
    for start in range(0, by_orm, BATCH):
        moves = env["account.move"].create(
            [invoice_values(partner, journal, i) for i in range(start, min(start + BATCH, by_orm))]
        )
        moves.action_post()
        env.cr.commit()
        print(f"  {name}: {min(start + BATCH, by_orm)}/{invoices} invoices", flush=True)
    if by_orm < invoices:
        copy_invoices(env, moves, invoices - by_orm)
        env.cr.commit()
        print(f"  {name}: {invoices}/{invoices} invoices (copied in SQL)", flush=True)
    for start in range(0, orders, BATCH):
        sale_orders = env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 2,
                                "price_unit": 75,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
                for _i in range(start, min(start + BATCH, orders))
            ]
        )
        sale_orders.action_confirm()
        env.cr.commit()
        print(f"  {name}: {min(start + BATCH, orders)}/{orders} orders", flush=True)
    company.write({"credit_check_sale": True, "credit_check_invoice": True})
    env.cr.commit()
    return partner


def invoice_values(partner, journal, i):
    from odoo import Command

    return {
        "move_type": "out_invoice",
        "partner_id": partner.id,
        "journal_id": journal.id,
        "invoice_date": "2026-01-01",
        "invoice_date_due": "2027-12-31",
        "invoice_line_ids": [
            Command.create(
                {
                    "name": "bench",
                    "quantity": 1,
                    "price_unit": 100 + i % 50,
                    "tax_ids": [Command.clear()],
                }
            )
        ],
    }


def copy_invoices(env, template, count):
    """``count`` posted copies of the posted invoice ``template``, amounts 100 + g % 50, each
    its own name; the kept balances are then recounted."""
    env.flush_all()
    cr = env.cr
    prefix = f"'CHK{template.partner_id.id}/'"
    number = f"{prefix} || lpad(g::text, 6, '0')"
    amount = "(100 + g % 50)::numeric"
    cr.execute("CREATE TEMP TABLE bench_copies (id integer, g integer) ON COMMIT DROP")
    clone_rows(
        cr,
        "account_move",
        dict(
            invoice_copy_columns(amount, number),
            sequence_prefix=prefix,
            sequence_number="g",
            payment_reference=number,
        ),
        f"account_move t CROSS JOIN generate_series(1, {int(count)}) g WHERE t.id = {template.id}",
    )
    # the copies' ids by their number, for their lines
    cr.execute(
        "INSERT INTO bench_copies SELECT id, sequence_number FROM account_move "  # noqa: S608
        f"WHERE sequence_prefix = {prefix}"
    )
    number = number.replace("g::text", "c.g::text")
    amount = "(100 + c.g % 50)::numeric"
    clone_rows(
        cr,
        "account_move_line",
        invoice_line_copy_columns(amount, "c.id", number),
        f"account_move_line t CROSS JOIN bench_copies c WHERE t.move_id = {template.id}",
    )
    cr.execute("SELECT credit_receivable_balance_rebuild()")
    cr.execute("ANALYZE account_move; ANALYZE account_move_line")
    env.invalidate_all()


def ensure_guarantees(env, company, big, small) -> str:
    """With credit_guarantee installed, the large customer's check counts cover: an active
    mortgage backs it, and it guarantees the small customer (a contingent liability in its
    own exposure). Made once, committed; as the approval flow leaves them."""
    from odoo import fields

    if "credit.guarantee" not in env:
        return "no guarantees (credit_guarantee not installed)"
    Guarantee = env["credit.guarantee"].sudo()
    if not Guarantee.search_count([("partner_id", "=", big.id)]):
        today = fields.Date.context_today(Guarantee)
        common = {
            "company_id": company.id,
            "state": "active",
            "required_level": "manager",
            "date_start": fields.Date.subtract(today, years=1),
            "date_end": fields.Date.add(today, years=5),
            "valuation_date": today,
        }
        Guarantee.create(
            [
                dict(common, partner_id=big.id, kind="mortgage", value=1_000_000, haircut=30),
                dict(
                    common, partner_id=small.id, kind="guarantee", guarantor_id=big.id, value=50_000
                ),
            ]
        )
        env.cr.commit()
    return "cover counted: the customer has an active mortgage and guarantees another"


def new_order(env, partner, company, product):
    from odoo import Command

    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "company_id": company.id,
            "order_line": [
                Command.create(
                    {"product_id": product.id, "price_unit": 120, "tax_id": [Command.clear()]}
                )
            ],
        }
    )
    env.flush_all()
    return order


# What "stock" switches off, and what the add-ons' run switches on (printed by the bench).
# Stock: the same database and code with the credit check off, the written-contract rule
# off, and the add-ons' balance triggers disabled (stock Odoo has none of them).
# the add-ons' triggers keeping the balances (the orders' four: sql/credit_order_balance.sql)
TRIGGERS = (
    *(("sale_order", f"credit_order_balance_{kind}") for kind in ("ins", "del", "old", "new")),
    ("account_move_line", "credit_receivable_balance"),
)
CONTRACT_THRESHOLD = 1_000_000  # the written-contract rule is on; the bench orders are below


def settings(env, enabled: bool) -> dict:
    """The company settings of a phase: every rule a confirmation runs, on or off."""
    values = {"credit_check_sale": enabled}
    if "credit_contract_sale_required" in env["res.company"]._fields:
        values["credit_contract_sale_required"] = enabled
        values["credit_contract_threshold"] = CONTRACT_THRESHOLD
    return values


def set_addon(env, company, enabled: bool) -> None:
    """Switch between stock Odoo and the add-ons (committed: a timed confirmation ends
    with a rollback, as a request's transaction ends)."""
    company.write(settings(env, enabled))
    action = "ENABLE" if enabled else "DISABLE"
    for table, trigger in TRIGGERS:
        env.cr.execute(f"ALTER TABLE {table} {action} TRIGGER {trigger}")
    env.cr.commit()


def describe_stock(env) -> str:
    off = ", ".join(f"{name}=False" for name, value in settings(env, False).items() if not value)
    triggers = ", ".join(f"{t} ON {table}" for table, t in TRIGGERS)
    return f"stock = this database with {off} and triggers {triggers} disabled"


def queries() -> int:
    """Queries run so far by this process on every connection (the transaction's and
    the check's lock connection alike)."""
    from odoo import sql_db

    from odoo.addons.credit_management import committed_reader

    return sql_db.sql_counter + committed_reader.read_count


def check_queries(env, partner, company, product) -> int:
    """Queries of one check (with its lock) and of the end of its transaction."""
    with request(env) as renv:
        order = new_order(renv, partner, company, product)
        renv.invalidate_all()
        before = queries()
        blocked = order.with_env(renv)._credit_check()
        renv.cr.rollback()
        count = queries() - before
    assert not blocked, blocked
    return count


@contextmanager
def request(env):
    """A transaction on a cursor of its own, as Odoo gives each request (a connection
    from the pool, reset when borrowed); yields an environment on it."""
    with env.registry.cursor() as cr:
        yield env(cr=cr)


def timed(env, action) -> tuple[float, int]:
    """Seconds and queries of ``action()`` then the end of the transaction (a rollback: the
    request's end; nothing is kept between rounds)."""
    env.invalidate_all()
    before = queries()
    start = time.perf_counter()
    action()
    env.flush_all()
    env.cr.rollback()
    return time.perf_counter() - start, queries() - before


def timed_confirm(env, partner, company, product) -> tuple[float, int]:
    """Confirming a new order of ``partner``, in a request of its own."""
    with request(env) as renv:
        order = new_order(renv, partner, company, product)
        return timed(renv, order.action_confirm)


def timed_write(env, partner, company, product) -> tuple[float, int]:
    """Writing a confirmed order without changing its amounts (its customer reference), in
    a request of its own."""
    with request(env) as renv:
        order = renv["sale.order"].search(
            [("partner_id", "=", partner.id), ("state", "=", "sale")], limit=1, order="id"
        )
        order.client_order_ref  # noqa: B018 - read before, as a form would have
        return timed(renv, lambda: order.write({"client_order_ref": f"REF {time.perf_counter()}"}))


def measure(env, partner, company, product, rounds: int, what) -> dict:
    """Alternate short blocks of stock and add-on runs of ``what`` (short: the load of a
    shared machine changes alike for both); the first of each block is untimed, since
    switching triggers makes PostgreSQL plan its queries anew."""
    times = {False: [], True: []}
    counts = {False: set(), True: set()}
    block = 5
    for _block in range(max(rounds // block, 1)):
        for enabled in (False, True):
            set_addon(env, company, enabled)
            what(env, partner, company, product)
            for _i in range(block):
                seconds, count = what(env, partner, company, product)
                times[enabled].append(seconds)
                counts[enabled].add(count)
    return {"times": times, "queries": counts}


def report(label: str, result: dict, target: float) -> bool:
    stock = statistics.median(result["times"][False]) * 1000
    check = statistics.median(result["times"][True]) * 1000
    ratio = check / stock
    counts = {k: "/".join(map(str, sorted(v))) for k, v in result["queries"].items()}
    rounds = len(result["times"][True])
    print(f"{label}:")
    print(f"  stock:      median {stock:7.2f} ms over {rounds} rounds, {counts[False]} queries")
    print(f"  add-ons on: median {check:7.2f} ms over {rounds} rounds, {counts[True]} queries")
    ok = ratio <= target
    print(f"  ratio add-ons / stock: {ratio:.3f} (target <= {target}){'' if ok else '  OUT'}")
    return ok


def main() -> int:
    args = parse_args()
    registry = boot(args)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        ensure_chart(env, company)
        product = env["product.product"].search([("default_code", "=", "CREDIT-BENCH")], limit=1)
        if not product:
            product = env["product.product"].create(
                {"name": "Bench product", "default_code": "CREDIT-BENCH", "type": "consu"}
            )
        company.write({"credit_block_overdue": False, "credit_no_limit_policy": "none"})
        env.cr.commit()
        small = ensure_customer(env, company, "Bench customer (5 invoices)", 5, 1, product)
        big = ensure_customer(
            env,
            company,
            f"Bench customer ({args.invoices} invoices)",
            args.invoices,
            args.orders,
            product,
        )
        guarantees = ensure_guarantees(env, company, big, small)
        # the daily job folds the kept balances' change rows, as in production
        env["res.partner"]._cron_credit_compact_balances()
        env.cr.commit()
        if args.profile:
            from confirm_profile import profile

            try:
                profile(env, big, company, product, args.rounds, set_addon, request, new_order)
            finally:
                set_addon(env, company, True)
            return 0
        try:
            set_addon(env, company, True)
            fig = big._credit_exposure_figures(company)[big.id]
            installed = (
                env["ir.module.module"]
                .search([("name", "like", "credit_%"), ("state", "=", "installed")], order="name")
                .mapped("name")
            )
            stock = describe_stock(env)
            check_queries(env, small, company, product)  # warm Odoo's caches first
            queries_small = check_queries(env, small, company, product)
            queries_big = check_queries(env, big, company, product)
            confirm = measure(env, big, company, product, args.rounds, timed_confirm)
            write = measure(env, big, company, product, args.rounds, timed_write)
        finally:
            set_addon(env, company, True)

    print()
    print("add-ons installed:", ", ".join(installed))
    print(stock)
    print(guarantees)
    print(
        f"customer exposure: {fig['exposure']:,.2f} "
        f"(receivables {fig['receivable']:,.2f}, orders {fig['sale_order']:,.2f})"
    )
    print(f"check queries (every connection), customer with 5 invoices: {queries_small}")
    print(
        f"check queries (every connection), customer with {args.invoices} invoices, "
        f"{args.orders} orders: {queries_big}"
    )
    ok = queries_small == queries_big
    ok &= report(f"confirm one order of the {args.invoices}-invoice customer", confirm, 1.05)
    ok &= report("write a confirmed order without changing its amounts", write, 1.05)
    print("RESULT:", "within target" if ok else "OUT OF TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
