"""What the tests that commit their records share (test_concurrency.py,
test_committed_figures.py): a TransactionCase does not put the registry in test mode, so
``registry.cursor()`` gives real connections, each its own transaction, as requests are."""

from contextlib import contextmanager

from odoo import api


def report_written_rows(cr):
    """Have this connection's counts of written rows reported when its transaction ends,
    so that a later transaction on it counts only its own (PostgreSQL 15+)."""
    cr.execute("SHOW server_version_num")
    if int(cr.fetchone()[0]) >= 150000:
        cr.execute("SELECT pg_stat_force_next_flush()")


@contextmanager
def committed_env(registry, uid):
    """An environment of ``uid`` on a real transaction of its own, committed at the end
    (rolled back on an error)."""
    with registry.cursor() as cr:
        yield api.Environment(cr, uid, {})
        report_written_rows(cr)


def remove_orders(env, order_ids):
    """Cancel the confirmed ones and delete the test's orders, with their deliveries when
    Inventory is installed (sale_stock, brought by Purchase Stock say): their cancelled
    stock moves would keep the test's product."""
    orders = env["sale.order"].browse(order_ids)
    orders.filtered(lambda o: o.state == "sale")._action_cancel()
    if "picking_ids" in orders._fields:
        orders.picking_ids.sudo().unlink()
    orders.unlink()
