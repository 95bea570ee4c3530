"""Measure the credit check inside Odoo (run by bench/run.py with Odoo's Python).

Figures: queries the check issues for a customer with 5 invoices and for one with
thousands (they must be equal), and the median time to confirm one more order with the
add-on's check against stock Odoo's confirmation (check off), alternating in one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", dest="config", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("-d", dest="db", required=True)
    parser.add_argument("--invoices", type=int, default=5000)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=40)
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


def ensure_customer(env, company, name, invoices, orders, product):
    """A customer with that many open invoices and confirmed orders (made once, committed)."""
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
    batch = 250
    for start in range(0, invoices, batch):
        moves = env["account.move"].create(
            [
                {
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
                for i in range(start, min(start + batch, invoices))
            ]
        )
        moves.action_post()
        env.cr.commit()
        print(f"  {name}: {min(start + batch, invoices)}/{invoices} invoices", flush=True)
    for start in range(0, orders, batch):
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
                for _i in range(start, min(start + batch, orders))
            ]
        )
        sale_orders.action_confirm()
        env.cr.commit()
        print(f"  {name}: {min(start + batch, orders)}/{orders} orders", flush=True)
    company.write({"credit_check_sale": True, "credit_check_invoice": True})
    env.cr.commit()
    return partner


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


def lock_cursor_queries(env) -> int:
    """Queries run so far on the check's lock connection (see res.partner's
    _credit_committed_balances), which the transaction's own count leaves out."""
    side = env.cr.__dict__.get("_credit_lock_cursor")
    return side.sql_log_count if side else 0


def check_queries(env, partner, company, product) -> int:
    """Queries of one check: on the transaction's cursor and on the lock connection."""
    order = new_order(env, partner, company, product)
    env.invalidate_all()
    before = env.cr.sql_log_count + lock_cursor_queries(env)
    blocked = order._credit_check()
    count = env.cr.sql_log_count + lock_cursor_queries(env) - before
    assert not blocked, blocked
    return count


def set_addon(env, company, enabled: bool) -> None:
    """Stock Odoo = no credit check and none of the add-on's triggers."""
    company.credit_check_sale = enabled
    action = "ENABLE" if enabled else "DISABLE"
    env.cr.execute(f"ALTER TABLE sale_order {action} TRIGGER credit_order_balance")
    env.cr.execute(f"ALTER TABLE account_move_line {action} TRIGGER credit_receivable_balance")


def timed_confirm(env, partner, company, product) -> float:
    order = new_order(env, partner, company, product)
    env.invalidate_all()
    start = time.perf_counter()
    order.action_confirm()
    env.flush_all()
    return time.perf_counter() - start


def measure(env, partner, company, product, rounds: int) -> tuple[list[float], list[float]]:
    """Alternate blocks of stock and add-on confirmations; the first of each block is
    untimed, since switching triggers makes PostgreSQL plan its queries anew."""
    with_check, stock = [], []
    block = 10
    for _block in range(max(rounds // block, 1)):
        for enabled, times in ((False, stock), (True, with_check)):
            set_addon(env, company, enabled)
            timed_confirm(env, partner, company, product)
            times.extend(timed_confirm(env, partner, company, product) for _i in range(block))
    return with_check, stock


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
        # the daily job folds the kept balances' change rows, as in production
        env["res.partner"]._cron_credit_compact_balances()
        env.cr.commit()
        fig = big._credit_exposure_figures(company)[big.id]

        env.cr.execute("SAVEPOINT bench")
        check_queries(env, small, company, product)  # warm Odoo's caches first
        queries_small = check_queries(env, small, company, product)
        queries_big = check_queries(env, big, company, product)
        env.cr.execute("ROLLBACK TO SAVEPOINT bench")
        env.invalidate_all()

        with_check, stock = measure(env, big, company, product, args.rounds)
        env.cr.execute("ROLLBACK TO SAVEPOINT bench")
        env.cr.rollback()

    med_check = statistics.median(with_check) * 1000
    med_stock = statistics.median(stock) * 1000
    ratio = med_check / med_stock
    print()
    print(
        f"customer exposure: {fig['exposure']:,.2f} "
        f"(receivables {fig['receivable']:,.2f}, orders {fig['sale_order']:,.2f})"
    )
    print(f"check queries, customer with 5 invoices:           {queries_small}")
    print(
        f"check queries, customer with {args.invoices} invoices, "
        f"{args.orders} orders: {queries_big}"
    )
    print(
        f"confirm one order, stock Odoo (no check, no add-on triggers): "
        f"median {med_stock:.2f} ms over {len(stock)} rounds"
    )
    print(
        f"confirm one order, with the add-on's credit check:            "
        f"median {med_check:.2f} ms over {len(with_check)} rounds"
    )
    print(f"ratio with check / stock: {ratio:.3f} (target <= 1.15)")
    ok = queries_small == queries_big and ratio <= 1.15
    print("RESULT:", "within target" if ok else "OUT OF TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
