import threading
import time

from odoo import Command, api
from odoo.service.model import (
    MAX_TRIES_ON_CONCURRENCY_FAILURE,
    PG_CONCURRENCY_EXCEPTIONS_TO_RETRY,
)
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from .. import committed_reader
from ..exceptions import CreditCheckBlocked
from .real_transaction import committed_env, remove_orders


@tagged("post_install", "-at_install", "credit_management")
class TestConcurrentConfirmation(TransactionCase):
    """Two users confirm orders for one customer at the same moment, in real transactions.

    Each order fits the limit alone, both together do not: exactly one may pass.
    """

    def setUp(self):
        super().setUp()
        self.uid_admin = self.env.ref("base.user_admin").id
        with committed_env(self.registry, self.uid_admin) as env:
            company = env.ref("base.main_company")
            company.write(
                {
                    "credit_check_sale": True,
                    "credit_block_overdue": False,
                    "credit_no_limit_policy": "none",
                }
            )
            partner = env["res.partner"].create({"name": "Concurrent Buyer", "is_company": True})
            partner.with_company(company).write(
                {"credit_limit": 1000, "use_partner_credit_limit": True}
            )
            product = env["product.product"].create(
                {"name": "Concurrency widget", "type": "consu", "taxes_id": [Command.clear()]}
            )
            orders = env["sale.order"].create(
                [
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "price_unit": 600,
                                    "tax_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for _i in range(2)
                ]
            )
            self.partner_id, self.product_id, self.order_ids = partner.id, product.id, orders.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with committed_env(self.registry, self.uid_admin) as env:
            remove_orders(env, self.order_ids)
            env["product.product"].browse(self.product_id).unlink()
            env["res.partner"].browse(self.partner_id).unlink()
            # back to the settings a fresh install has, for the tests that follow
            env.ref("base.main_company").write(
                {"credit_check_sale": False, "credit_block_overdue": False}
            )

    @staticmethod
    def _retrying(func, env):
        """What odoo.service.model.retrying does for a request: run, commit, and on a
        serialization failure roll back and run again on a fresh snapshot. (Odoo's own
        helper reloads the registry, whose lock the test runner holds while tests run.)
        """
        for tryno in range(1, MAX_TRIES_ON_CONCURRENCY_FAILURE + 1):
            try:
                result = func()
                env.flush_all()
                env.cr.commit()
                return result
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                env.cr.rollback()
                env.clear()
                if tryno == MAX_TRIES_ON_CONCURRENCY_FAILURE:
                    raise
            except Exception:
                env.cr.rollback()
                env.clear()
                raise
        return None

    def _confirm(self, env, order_id, results, checked, wait_before_commit, wait_for):
        attempts = []

        def attempt():
            attempts.append(1)
            if wait_for:
                wait_for.wait(10)
            env["sale.order"].browse(order_id).action_confirm()
            if checked:
                checked.set()
            time.sleep(wait_before_commit)  # keep the transaction open

        try:
            self._retrying(attempt, env)
            results[order_id] = ("confirmed", len(attempts))
        except CreditCheckBlocked as exc:
            results[order_id] = ("blocked", len(attempts), exc.args[0])
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[order_id] = ("error", len(attempts), repr(exc))

    @mute_logger("odoo.sql_db")
    def test_two_concurrent_confirmations_cannot_both_pass(self):
        results = {}
        first_checked = threading.Event()
        first, second = self.order_ids
        # Environments are made here: the registry is locked by this thread while tests run.
        cursors = [self.registry.cursor() for _i in range(2)]
        envs = [api.Environment(cr, self.uid_admin, {}) for cr in cursors]
        threads = [
            threading.Thread(
                target=self._confirm, args=(envs[0], first, results, first_checked, 1.5, None)
            ),
            threading.Thread(
                target=self._confirm, args=(envs[1], second, results, None, 0, first_checked)
            ),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        for cr in cursors:
            cr.close()
        self.assertEqual(results[first][0], "confirmed", results)
        self.assertEqual(results[second][0], "blocked", results)
        self.assertEqual(
            results[second][1], 1, "the later one waited for the lock: no failure, no retry"
        )
        self.assertIn("over the credit limit", results[second][2])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_admin, {})
            states = env["sale.order"].browse(self.order_ids).mapped("state")
        self.assertEqual(sorted(states), ["draft", "sale"])

    # ------------------------------------------------------------ one real transaction
    def _in_transaction(self, func):
        """Run ``func(env)`` in a real transaction of its own (as a request), rolled back."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_admin, {})
            try:
                return func(env)
            finally:
                cr.rollback()

    def test_own_confirmations_count_in_the_same_transaction(self):
        """The first order confirmed in a transaction counts for the second one of the same
        transaction, though it is not committed (the figures read as last committed on the
        second connection, plus this transaction's own kept balances)."""

        def run(env):
            first, second = env["sale.order"].browse(self.order_ids)
            first.action_confirm()
            # orders only changed: the figures are read as last committed, plus its own
            env.flush_all()
            partner = env["res.partner"].browse(self.partner_id)
            own = partner._credit_lock(env.ref("base.main_company"), second.ids)
            self.assertEqual(own, {self.partner_id: (0.0, 600.0)})
            with self.assertRaises(CreditCheckBlocked) as caught:
                second.action_confirm()
            self.assertIn("over the credit limit", caught.exception.args[0])
            self.assertIn("orders not invoiced", caught.exception.args[0])

        self._in_transaction(run)

    def test_own_rows_of_the_checked_orders_only_cost_one_statement(self):
        """The lock statement reads the transaction's note of its own kept-balance rows:
        when they are only those of the orders checked (left out of the figures), nothing
        more is asked; a savepoint rolled back takes its part of the note with it."""

        def run(env):
            company = env.ref("base.main_company")
            partner = env["res.partner"].browse(self.partner_id)
            first, second = env["sale.order"].browse(self.order_ids)
            first.action_confirm()
            env.flush_all()
            before = env.cr.sql_log_count
            self.assertEqual(
                partner._credit_lock(company, first.ids), {self.partner_id: (0.0, 0.0)}
            )
            self.assertEqual(env.cr.sql_log_count - before, 1, "one statement")
            # the second order is refused: its confirmation, noted too, is rolled back
            with self.assertRaises(CreditCheckBlocked), env.cr.savepoint():
                second.action_confirm()
            env.invalidate_all()
            self.assertEqual(second.state, "draft")
            before = env.cr.sql_log_count
            self.assertEqual(
                partner._credit_lock(company, first.ids), {self.partner_id: (0.0, 0.0)}
            )
            self.assertEqual(env.cr.sql_log_count - before, 1, "the note no longer names it")
            # checking the second order: the first one's own row is summed (a second statement)
            before = env.cr.sql_log_count
            own = partner._credit_lock(company, second.ids)
            self.assertEqual(own, {self.partner_id: (0.0, 600.0)})
            self.assertEqual(env.cr.sql_log_count - before, 2)

        self._in_transaction(run)

    def test_limit_changed_in_the_same_transaction_applies(self):
        """A transaction that changed the customer (its limit) reads its figures in its own
        snapshot: the lowered limit, not yet committed, refuses the order."""

        def run(env):
            company = env.ref("base.main_company")
            partner = env["res.partner"].browse(self.partner_id)
            partner.sudo().with_company(company).write({"credit_limit": 500})
            # the customer changed in this transaction: its figures come from its snapshot
            env.flush_all()
            self.assertIsNone(partner._credit_lock(company))
            order = env["sale.order"].browse(self.order_ids[0])
            with self.assertRaises(CreditCheckBlocked) as caught:
                order.action_confirm()
            self.assertIn("over the credit limit of", caught.exception.args[0])

        self._in_transaction(run)

    def test_second_connection_is_opened_again_when_lost(self):
        """The connection the check reads committed figures on is kept between requests;
        closed by the server, it is opened again and the check goes on."""

        def confirm(env):
            order = env["sale.order"].browse(self.order_ids[0])
            order.action_confirm()
            return order.state

        self.assertEqual(self._in_transaction(confirm), "sale")
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name LIKE %s",
                ("%-credit",),
            )
            self.assertEqual([row[0] for row in cr.fetchall()], [True])
        self.assertEqual(self._in_transaction(confirm), "sale")


@tagged("post_install", "-at_install", "credit_management")
class TestCommittedReader(TransactionCase):
    """The check's second connection (committed_reader.py) prepares a query once per kept
    connection, then only executes it; a kept statement that no longer runs is prepared
    again."""

    def _kept(self, code):
        """The kept connections that hold a statement of ``code``, with its name."""
        return [
            (cnx, cnx.prepared[code])
            for cnx in committed_reader._idle.get(self.env.cr.dbname, [])
            if code in cnx.prepared
        ]

    def test_prepared_once_then_executed(self):
        dbname = self.env.cr.dbname
        query = SQL("SELECT %s::int + %s AS total, 'a%%b' AS text", 1, 2)
        self.assertEqual(committed_reader.read_committed(dbname, query), [(3, "a%b")])
        (cnx, name), *_others = self._kept(query.code)
        # the same query with other values: the statement kept is executed
        again = SQL("SELECT %s::int + %s AS total, 'a%%b' AS text", 40, 2)
        self.assertEqual(
            committed_reader.read_committed(dbname, again, dicts=True),
            [{"total": 42, "text": "a%b"}],
        )
        self.assertIn((cnx, name), self._kept(query.code), "not prepared again")
        # dropped behind its back (as a replaced function makes it fail): prepared again
        for kept, kept_name in self._kept(query.code):
            with kept.cursor() as cur:
                cur.execute(f"DEALLOCATE {kept_name}")
        self.assertEqual(committed_reader.read_committed(dbname, query), [(3, "a%b")])
        self.assertNotIn(name, [n for _cnx, n in self._kept(query.code)])
