import threading
import time

from odoo import Command, api
from odoo.service.model import (
    MAX_TRIES_ON_CONCURRENCY_FAILURE,
    PG_CONCURRENCY_EXCEPTIONS_TO_RETRY,
)
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from ..exceptions import CreditCheckBlocked


@tagged("post_install", "-at_install", "credit_management")
class TestConcurrentConfirmation(TransactionCase):
    """Two users confirm orders for one customer at the same moment, in real transactions.

    Each order fits the limit alone, both together do not: exactly one may pass.
    """

    def setUp(self):
        super().setUp()
        self.uid_admin = self.env.ref("base.user_admin").id
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_admin, {})
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
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_admin, {})
            orders = env["sale.order"].browse(self.order_ids)
            orders.filtered(lambda o: o.state == "sale")._action_cancel()
            orders.unlink()
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
