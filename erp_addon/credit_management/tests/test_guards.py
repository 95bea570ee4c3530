"""Ways around the credit check, tried through the ORM as the acting user would over RPC."""

import importlib

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_manifest
from odoo.tests import new_test_user, tagged

from ..exceptions import CreditCheckBlocked
from ..hooks import post_init_hook, uninstall_hook
from .common import CreditCommon

VALID_USCC = "91350100M000100Y43"


@tagged("post_install", "-at_install", "credit_management")
class TestGuards(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a plain salesperson as Odoo sets one up: may create and edit contacts
        cls.seller = new_test_user(
            cls.env,
            login="cm_seller",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def figures(self, partner=None):
        partner = partner or self.customer
        return partner._credit_exposure_figures(self.company)[partner.id]

    # 1. computed fields the check reads
    def test_1_salesperson_cannot_clear_warning_flag(self):
        self.env["credit.warning.entry"].create(
            {"name": "Credit Customer Ltd", "partner_id": self.customer.id, "reason": "court"}
        )
        with self.assertRaises(AccessError):
            self.customer.with_user(self.seller).write({"credit_on_warning_list": False})
        self.assertTrue(self.customer.credit_on_warning_list)
        self.assertTrue(self.figures()["on_warning_list"])

    def test_1_salesperson_cannot_zero_an_order_in_exposure(self):
        self.set_limit(self.customer, 10_000)
        order = self.make_order(self.customer, 1000, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        with self.assertRaises(AccessError):
            order.with_user(self.salesman).write({"credit_uninvoiced_amount": 0})
        self.assertAlmostEqual(order.credit_uninvoiced_amount, 1000)
        self.assertAlmostEqual(self.figures()["sale_order"], 1000)

    # 2. a confirmed order that grows
    def test_2_confirmed_order_cannot_grow_over_the_limit(self):
        self.set_limit(self.customer, 1000)
        order = self.make_order(self.customer, 800, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        line = order.order_line
        with self.assertRaises(CreditCheckBlocked):
            line.with_user(self.salesman).write({"product_uom_qty": 2, "price_unit": 800})
        new_line = {"product_id": self.product.id, "price_unit": 500, "tax_id": []}
        with self.assertRaises(CreditCheckBlocked):
            order.with_user(self.salesman).write({"order_line": [Command.create(new_line)]})
        with self.assertRaises(CreditCheckBlocked):
            self.env["sale.order.line"].with_user(self.salesman).create(
                {**new_line, "order_id": order.id}
            )
        self.assertAlmostEqual(order.credit_uninvoiced_amount, 800)
        # within the limit, and downwards, it changes as before
        line.with_user(self.salesman).write({"price_unit": 950})
        line.with_user(self.salesman).write({"price_unit": 100})
        self.assertAlmostEqual(self.figures()["sale_order"], 100)

    def test_2_moving_a_confirmed_order_to_another_customer_is_checked(self):
        other = self.env["res.partner"].create({"name": "Other Buyer", "is_company": True})
        self.set_limit(self.customer, 10_000)
        self.set_limit(other, 100)
        order = self.make_order(self.customer, 800, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        with self.assertRaises(CreditCheckBlocked):
            order.with_user(self.salesman).write({"partner_invoice_id": other.id})

    # 3. state writes
    def test_3_state_writes_run_the_check(self):
        self.set_limit(self.customer, 100)
        order = self.make_order(self.customer, 500, user=self.salesman)
        with self.assertRaises(CreditCheckBlocked):
            order.with_user(self.salesman).write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        with self.assertRaises(CreditCheckBlocked):
            self.env["sale.order"].with_user(self.salesman).create(
                {
                    "partner_id": self.customer.id,
                    "state": "sale",
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "price_unit": 500, "tax_id": []}
                        )
                    ],
                }
            )
        invoice = self.make_invoice(self.customer, 500, post=False)
        with self.assertRaises(CreditCheckBlocked):
            invoice.with_user(self.accountant).write({"state": "posted"})
        self.assertEqual(invoice.state, "draft")

    # 4. sales receipts and refunds
    def test_4_sales_receipt_counted_and_checked_refund_reduces(self):
        self.set_limit(self.customer, 1000)
        self.make_invoice(self.customer, 700, post=False, move_type="out_receipt")
        self.assertAlmostEqual(self.figures()["draft_invoice"], 700)
        receipt = self.make_invoice(self.customer, 400, post=False, move_type="out_receipt")
        self.assertIn("over the credit limit", receipt.credit_check_warning)
        with self.assertRaises(CreditCheckBlocked):
            receipt.with_user(self.accountant).action_post()
        self.make_invoice(self.customer, 200, post=False, move_type="out_refund")
        self.assertAlmostEqual(self.figures()["draft_invoice"], 900)
        posted = self.make_invoice(self.customer, 100, move_type="out_receipt")
        self.assertAlmostEqual(self.figures()["receivable"], 100)
        self.assertEqual(posted.state, "posted")

    # 5. partner creation with context defaults
    def test_5_context_defaults_cannot_give_credit(self):
        Partner = self.env["res.partner"].with_user(self.seller)
        for context in (
            {"default_credit_limit": 1e9},
            {"default_use_partner_credit_limit": True, "default_credit_limit": 50},
            {"default_credit_grade_id": self.grade_a.id},
            {"default_credit_score": 99},
            {"default_credit_due_diligence_date": "2026-01-01"},
            {"default_credit_code": VALID_USCC},
        ):
            with self.subTest(context=context), self.assertRaises(AccessError):
                Partner.with_context(**context).create({"name": "Forged"})
        with self.assertRaises(ValidationError):
            self.env["res.partner"].with_user(self.manager).with_context(
                default_credit_limit=-5
            ).create({"name": "Negative"})
        partner = (
            self.env["res.partner"]
            .with_user(self.manager)
            .with_context(default_credit_limit=5000)
            .create({"name": "Granted by the manager"})
        )
        self.assertEqual(partner.with_company(self.company).sudo().credit_limit, 5000)
        plain = Partner.create({"name": "Plain", "credit_code": False})
        self.assertTrue(plain.exists())

    def test_5_credit_code_normalised_on_write(self):
        self.customer.with_user(self.analyst).write({"credit_code": " " + VALID_USCC.lower()})
        self.assertEqual(self.customer.credit_code, VALID_USCC)

    # 6. exceptions
    def _request(self, order, user):
        return (
            self.env["credit.exception"]
            .with_user(user)
            .create({"res_model": "sale.order", "res_id": order.id, "request_note": "deposit"})
        )

    def test_6_exception_decisions_only_through_methods(self):
        self.set_limit(self.customer, 50)
        own_order = self.make_order(self.customer, 100, user=self.manager)
        own = self._request(own_order, self.manager)
        with self.assertRaises(AccessError):
            own.with_user(self.manager).write({"state": "granted"})
        with self.assertRaises(AccessError):
            own.with_user(self.manager)._action_decide("approve", "mine")
        order = self.make_order(self.customer, 100, user=self.salesman)
        exception = self._request(order, self.salesman)
        other = self.make_order(self.customer, 10, user=self.salesman)
        for vals in (
            {"amount": 1_000_000},
            {"reasons": "none"},
            {"requested_by_id": self.manager_2.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                exception.with_user(self.manager).write(vals)
        # the document is the request's: fixed once requested (a lock of credit.guard.mixin)
        for vals in ({"res_id": other.id}, {"res_model": "account.move"}):
            with self.subTest(vals=vals):
                with self.assertRaisesText(UserError, "can no longer be changed"):
                    exception.with_user(self.manager).write(vals)
        exception.with_user(self.manager)._action_decide("approve", "deposit seen")
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(exception.state, "used")
        with self.assertRaises(AccessError):
            exception.with_user(self.manager_2).write({"state": "granted"})
        self.assertEqual(exception.state, "used")

    def test_6_exception_for_a_passing_document_is_refused(self):
        self.set_limit(self.customer, 10_000)
        order = self.make_order(self.customer, 100, user=self.salesman)
        with self.assertRaisesText(UserError, "passes the credit check"):
            self._request(order, self.salesman)

    # 7. submitting does not regrade
    def test_7_submitting_an_application_keeps_the_grade(self):
        model = self.env["credit.score.model"].create(
            {
                "name": "Status only",
                "company_id": self.company.id,
                "factor_ids": [
                    Command.create(
                        {
                            "name": "Status",
                            "factor_type": "qualitative",
                            "source": "operating_status",
                            "weight": 1,
                            "option_ids": [
                                Command.create({"value": "active", "name": "Active", "points": 100})
                            ],
                        }
                    )
                ],
            }
        )
        self.company.credit_score_model_id = model
        self.set_limit(self.customer, 1000, self.grade_a)
        app = (
            self.env["credit.application"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "requested_limit": 2000,
                    "justification": "more business",
                }
            )
        )
        app.with_user(self.salesman).action_submit()
        self.assertEqual(app.grade_id, self.grade_d, "the snapshot scores the empty file")
        partner = self.customer.with_company(self.company)
        self.assertEqual(partner.credit_grade_id, self.grade_a, "the grade is unchanged")
        order = self.make_order(self.customer, 100, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    # 8. the request is the requester's
    def test_8_approver_cannot_rewrite_the_request(self):
        app = (
            self.env["credit.application"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "requested_limit": 1000,
                    "justification": "small start",
                }
            )
        )
        for vals in ({"requested_limit": 400_000}, {"justification": "rewritten"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                app.with_user(self.manager).write(vals)
        with self.assertRaises(AccessError):
            app.with_user(self.manager).action_submit()
        app.with_user(self.salesman).action_submit()
        with self.assertRaisesText(UserError, "Justification can no longer be changed"):
            app.with_user(self.salesman).write({"justification": "changed after submitting"})
        self.assertEqual(app.requested_limit, 1000)
        self.assertEqual(app.justification, "small start")

    def test_8_context_defaults_cannot_approve(self):
        app = (
            self.env["credit.application"]
            .with_user(self.salesman)
            .with_context(default_state="approved", default_decided_by_id=self.manager.id)
            .create({"partner_id": self.customer.id, "requested_limit": 10, "justification": "x"})
        )
        self.assertEqual(app.state, "draft")
        self.assertFalse(app.decided_by_id)

    # 15. smaller faults
    def test_15_band_deletion_cannot_leave_a_gap(self):
        Band = self.env["credit.authority.band"]
        Band.search([("company_id", "=", self.company.id)]).unlink()
        low = Band.create({"amount_from": 0, "amount_to": 100, "level": "manager"})
        Band.create({"amount_from": 100, "amount_to": 200, "level": "manager"})
        Band.create({"amount_from": 200, "amount_to": 0, "level": "committee"})
        middle = Band.search([("amount_from", "=", 100), ("company_id", "=", self.company.id)])
        with self.assertRaisesText(ValidationError, "gap"):
            middle.unlink()
        self.assertTrue(low.exists())

    def test_15_invoice_without_customer_gets_odoos_message(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "invoice_line_ids": [Command.create({"name": "x", "price_unit": 10})],
            }
        )
        with self.assertRaisesText(UserError, "The field 'Customer' is required") as caught:
            invoice.action_post()
        self.assertNotIsInstance(caught.exception, CreditCheckBlocked)

    def test_15_future_invoice_is_scheduled_not_refused(self):
        self.set_limit(self.customer, 100)
        invoice = self.make_invoice(self.customer, 500, post=False, due="2026-07-15")
        invoice._post(soft=True)  # what Odoo's auto-posting does
        self.assertEqual(invoice.state, "draft", "Odoo only schedules it")
        self.assertEqual(invoice.auto_post, "at_date")

    def test_15_partner_without_limit_shows_no_available_credit(self):
        partner = self.customer.with_company(self.company)
        self.assertFalse(partner.credit_has_limit)
        self.set_limit(self.customer, 300)
        partner.invalidate_recordset()
        self.assertTrue(partner.credit_has_limit)
        self.assertAlmostEqual(partner.credit_available, 300)

    def test_15_existing_companies_get_the_shipped_configuration(self):
        company = self.env["res.company"].create({"name": "Late Co"})
        self.env["credit.grade"].search([("company_id", "=", company.id)]).unlink()
        post_init_hook(self.env)
        self.assertTrue(self.env["credit.grade"].search([("company_id", "=", company.id)]))

    def test_15_uninstall_drops_every_sql_object(self):
        cr = self.env.cr
        cr.execute("SAVEPOINT credit_uninstall")
        try:
            # Odoo uninstalls the add-ons built on this one first, directly or through
            # another (credit_restructuring on credit_collection), the most dependent
            # first: their hooks drop the SQL objects that depend on ours (e.g. a view
            # reading credit_today)
            base = self.env.ref("base.module_credit_management")
            dependents = base.downstream_dependencies().filtered(lambda m: m.state == "installed")
            for module in dependents.sorted(
                lambda m: len(m.upstream_dependencies(exclude_states=("uninstallable",))),
                reverse=True,
            ):
                hook = (get_manifest(module.name) or {}).get("uninstall_hook")
                if hook:
                    getattr(importlib.import_module(f"odoo.addons.{module.name}"), hook)(self.env)
            uninstall_hook(self.env)
            cr.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'credit%%' "
                "AND tablename IN ('account_move', 'account_move_line', 'sale_order')"
            )
            self.assertEqual(cr.fetchall(), [], "indexes left")
            cr.execute("SELECT proname FROM pg_proc WHERE proname LIKE 'credit%%'")
            self.assertEqual(cr.fetchall(), [], "functions left")
            cr.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'credit%%'")
            self.assertEqual(cr.fetchall(), [], "triggers left")
            cr.execute(
                "SELECT to_regclass('credit_receivable_balance'), "
                "to_regclass('credit_order_balance'), to_regclass('credit_check_lock'), "
                "to_regclass('credit_exposure_line')"
            )
            self.assertEqual(cr.fetchone(), (None, None, None, None), "tables or views left")
        finally:
            cr.execute("ROLLBACK TO SAVEPOINT credit_uninstall")
