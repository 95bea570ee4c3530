"""The check's committed-figures fast path, in real transactions (issue 18).

With the partner's lock, the check (``res.partner._credit_exposure_figures(lock=True)``)
asks in its first statement (``_credit_lock``) whether its transaction changed any table
the figures read. When it changed none (a confirmation changes orders only), every figure
is read as last committed on the second connection (``committed_reader.read_committed``
running ``credit_exposure_snapshot``) and the transaction's own kept balances are added:
the fast path. Otherwise the figures are read in the transaction's snapshot and what others
committed to the kept balances on the second connection (``credit_committed_balances``):
the snapshot path.

A TransactionCase does not put the registry in test mode (only an HttpCase does): the
cursors of ``registry.cursor()`` are real connections, each its own transaction, as
requests are. The set-up commits its records so that the second connection sees them, and
the cleanup removes them. Which path ran is read from the query the second connection ran.
"""

from contextlib import contextmanager
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, api, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_management.models import res_partner_exposure

from ..exceptions import CreditCheckBlocked
from .real_transaction import committed_env, remove_orders

FAST = "credit_exposure_snapshot"  # the second connection read every figure
SNAPSHOT = "credit_committed_balances"  # it read only what others committed to balances
SETTINGS = (
    "credit_check_sale",
    "credit_block_overdue",
    "credit_overdue_tolerance",
    "credit_overdue_grace_days",
    "credit_no_limit_policy",
)


@tagged("post_install", "-at_install", "credit_management")
class TestCommittedFigures(TransactionCase):
    """The fast path and the snapshot path decide alike on the same data; the fast path is
    not taken once the transaction changed what the figures read."""

    def setUp(self):
        super().setUp()
        self.uid_admin = self.env.ref("base.user_admin").id
        today = fields.Date.today()
        with committed_env(self.registry, self.uid_admin) as env:
            company = env.ref("base.main_company")
            self.settings = company.read(SETTINGS)[0]
            Partner = env["res.partner"]
            # within its limit: 200 receivable + 100 draft invoice + 300 ordered of 1,000
            fits = Partner.create({"name": "Committed Buyer", "is_company": True})
            contact = Partner.create({"name": "Buyer's Contact", "parent_id": fits.id})
            # 100 receivable, past due: over the overdue tolerance
            late = Partner.create({"name": "Committed Late Payer", "is_company": True})
            # on this company's warning list
            listed = Partner.create({"name": "Committed Listed Buyer", "is_company": True})
            for partner in fits | late | listed:
                partner.with_company(company).write(
                    {"credit_limit": 1000 if partner == fits else 10000}
                )
                partner.with_company(company).use_partner_credit_limit = True
            warning = (
                env["credit.warning.entry"]
                .sudo()
                .create(
                    {
                        "name": listed.name,
                        "partner_id": listed.id,
                        "reason": "Court list",
                        "company_id": company.id,
                    }
                )
            )
            product = env["product.product"].create(
                {"name": "Committed widget", "type": "consu", "taxes_id": [Command.clear()]}
            )

            def order(partner, amount):
                return env["sale.order"].create(
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "price_unit": amount,
                                    "tax_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                )

            def invoice(partner, amount, due):
                return env["account.move"].create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "invoice_date": due - timedelta(days=30),
                        "invoice_date_due": due,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": "goods",
                                    "price_unit": amount,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                )

            confirmed = order(fits, 300)
            confirmed.action_confirm()
            moves = invoice(fits, 200, today + timedelta(days=10))
            moves |= invoice(late, 100, today - timedelta(days=30))
            moves.action_post()
            moves |= invoice(contact, 100, today + timedelta(days=10))  # a draft
            # to check: 300 fits (900 of 1,000), 500 does not (1,100)
            self.fits_id, self.over_id = order(contact, 300).id, order(fits, 500).id
            self.late_id, self.listed_id = order(late, 50).id, order(listed, 50).id
            # the check is on once the data is there
            company.write(
                {
                    "credit_check_sale": True,
                    "credit_block_overdue": True,
                    "credit_overdue_tolerance": 0.0,
                    "credit_overdue_grace_days": 0,
                    "credit_no_limit_policy": "none",
                }
            )
            self.partner_ids = (fits | contact | late | listed).ids
            self.order_ids = [*confirmed.ids, self.fits_id, self.over_id]
            self.order_ids += [self.late_id, self.listed_id]
            self.move_ids, self.product_id, self.warning_id = moves.ids, product.id, warning.id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with committed_env(self.registry, self.uid_admin) as env:
            remove_orders(env, self.order_ids)
            moves = env["account.move"].browse(self.move_ids)
            moves.filtered(lambda m: m.state == "posted").button_draft()
            moves.with_context(force_delete=True).unlink()
            env["credit.warning.entry"].browse(self.warning_id).sudo().unlink()
            env["product.product"].browse(self.product_id).unlink()
            env["res.partner"].browse(self.partner_ids).unlink()
            settings = {key: value for key, value in self.settings.items() if key != "id"}
            env.ref("base.main_company").write(settings)

    # ------------------------------------------------------------ helpers
    @contextmanager
    def _transaction(self, snapshot=False):
        """A real transaction of its own, rolled back, as a request: (env, the functions
        the second connection ran). With ``snapshot`` the check takes the partners' lock
        as always but is told the transaction changed what the figures read: the
        snapshot path on the same data."""
        reads = []
        real_read = res_partner_exposure.read_committed

        def spy(dbname, query, dicts=False):
            reads.extend(name for name in (FAST, SNAPSHOT) if f"{name}(" in query.code)
            return real_read(dbname, query, dicts=dicts)

        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_admin, {})
            Partner = type(env["res.partner"])
            real_lock = Partner._credit_lock

            def snapshot_lock(partners, company, exclude_orders=()):
                real_lock(partners, company, exclude_orders)
                return None

            try:
                with (
                    patch.object(res_partner_exposure, "read_committed", spy),
                    patch.object(Partner, "_credit_lock", snapshot_lock if snapshot else real_lock),
                ):
                    yield env, reads
            finally:
                cr.rollback()

    def _decisions(self, snapshot):
        """{order id: (reasons, warnings, figures, amount)} of the check with its lock,
        each order in a transaction of its own, and the paths it took."""
        decisions, paths = {}, []
        for order_id in (self.fits_id, self.over_id, self.late_id, self.listed_id):
            with self._transaction(snapshot) as (env, reads):
                order = env["sale.order"].browse(order_id)
                ((reasons, warnings, figures, amount),) = order._credit_evaluate(True).values()
                decisions[order_id] = (reasons, warnings, figures, amount)
                paths.append(reads)
        return decisions, paths

    # ------------------------------------------------------------ the same decision
    def test_fast_and_snapshot_paths_decide_alike(self):
        fast, fast_paths = self._decisions(snapshot=False)
        self.assertEqual(fast_paths, [[FAST]] * 4, "nothing changed: the fast path each time")
        slow, slow_paths = self._decisions(snapshot=True)
        self.assertEqual(slow_paths, [[SNAPSHOT]] * 4)
        self.assertEqual(fast, slow)
        # and the decisions are the ones the data calls for
        reasons = {order_id: decision[0] for order_id, decision in fast.items()}
        self.assertEqual(reasons[self.fits_id], [])
        self.assertEqual(fast[self.fits_id][2]["exposure"], 600.0)
        self.assertIn("over the credit limit", " ".join(reasons[self.over_id]))
        self.assertIn("Overdue receivables of", " ".join(reasons[self.late_id]))
        self.assertIn("warning list", " ".join(reasons[self.listed_id]))

    def test_fast_path_confirms_and_refuses_as_the_snapshot_path(self):
        """The buttons themselves: the order that fits is confirmed, the one over the
        limit refused with the same message, whichever path read the figures."""
        outcomes = {}
        for snapshot in (False, True):
            for order_id in (self.fits_id, self.over_id):
                with self._transaction(snapshot) as (env, reads):
                    order = env["sale.order"].browse(order_id)
                    try:
                        order.action_confirm()
                        outcome = order.state
                    except CreditCheckBlocked as exc:
                        outcome = exc.args[0]
                    outcomes[snapshot, order_id] = (outcome, reads)
        self.assertEqual(outcomes[False, self.fits_id], ("sale", [FAST]))
        self.assertEqual(outcomes[True, self.fits_id], ("sale", [SNAPSHOT]))
        refused, reads = outcomes[False, self.over_id]
        self.assertEqual(reads, [FAST])
        self.assertIn("over the credit limit", refused)
        self.assertEqual(outcomes[True, self.over_id], (refused, [SNAPSHOT]))

    def test_own_confirmation_counts_on_the_fast_path(self):
        """A transaction that confirmed an order (orders only changed) still takes the fast
        path; its own uncommitted order counts, as its snapshot reads it."""
        with self._transaction() as (env, reads):
            env["sale.order"].browse(self.fits_id).action_confirm()
            self.assertEqual(reads, [FAST])
            over = env["sale.order"].browse(self.over_id)
            ((reasons, _warnings, figures, _amount),) = over._credit_evaluate(True).values()
            self.assertEqual(reads, [FAST, FAST])
            partner = over.partner_id
            in_snapshot = partner._credit_exposure_figures(
                env.ref("base.main_company"), exclude_orders=over.ids
            )[partner.id]
            self.assertEqual({key: figures[key] for key in in_snapshot}, in_snapshot)
            self.assertEqual(figures["sale_order"], 600.0, "300 committed + 300 its own")
            self.assertIn("over the credit limit", " ".join(reasons))

    # ------------------------------------------------------------ not taken
    def test_fast_path_not_taken_after_changing_what_figures_read(self):
        """Each change the transaction makes to a table the figures read sends the check to
        its snapshot, which shows the change the second connection cannot see."""
        company_id = self.env.ref("base.main_company").id

        def lower_limit(env):
            partner = env["res.partner"].browse(self.partner_ids[0])
            partner.with_company(company_id).credit_limit = 500

        def draft_invoice(env):
            env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.partner_ids[0],
                    # the main company's, whichever company is the admin's current one
                    "company_id": company_id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "more", "price_unit": 400, "tax_ids": [Command.clear()]}
                        )
                    ],
                }
            )

        def warning_list(env):
            env["credit.warning.entry"].sudo().create(
                {"name": "Listed", "partner_id": self.partner_ids[0], "reason": "Court list"}
            )

        def no_overdue_block(env):
            env["res.company"].browse(company_id).credit_block_overdue = False

        cases = [
            (lower_limit, self.fits_id, "over the credit limit"),
            (draft_invoice, self.fits_id, "over the credit limit"),
            (warning_list, self.fits_id, "warning list"),
            (no_overdue_block, self.late_id, None),
        ]
        for change, order_id, refusal in cases:
            with self.subTest(change.__name__), self._transaction() as (env, reads):
                change(env)
                env.flush_all()
                order = env["sale.order"].browse(order_id)
                ((reasons, _warnings, _figures, _amount),) = order._credit_evaluate(True).values()
                self.assertEqual(reads, [SNAPSHOT], "the snapshot path, not the fast one")
                if refusal:
                    self.assertIn(refusal, " ".join(reasons))
                else:
                    self.assertEqual(reasons, [])
