"""Faults of the credit check in normal work: batch jobs, paid documents, temporary limits,
the warning list, exceptions on invoices, down payments and the one meaning of overdue."""

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from ..exceptions import CreditCheckBlocked
from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestCheckPaths(CreditCommon):
    def figures(self, partner=None):
        partner = partner or self.customer
        return partner._credit_exposure_figures(self.company)[partner.id]

    def _grant_exception(self, document, requester):
        exception = (
            self.env["credit.exception"]
            .with_user(requester)
            .create({"res_model": document._name, "res_id": document.id, "request_note": "ok"})
        )
        exception.with_user(self.manager)._action_decide("approve", "granted")
        return exception

    # 9. a business refusal, not a crash
    def test_9_refusal_is_a_user_error_and_auto_post_goes_on(self):
        self.assertTrue(issubclass(CreditCheckBlocked, UserError))
        good_customer = self.env["res.partner"].create({"name": "Good Payer", "is_company": True})
        self.set_limit(self.customer, 100)
        self.set_limit(good_customer, 10_000)
        blocked = self.make_invoice(self.customer, 500, post=False)
        passing = self.make_invoice(good_customer, 500, post=False)
        (blocked | passing).write({"auto_post": "at_date", "checked": True})
        self.env["account.move"]._autopost_draft_entries()
        self.assertEqual(passing.state, "posted")
        self.assertEqual(blocked.state, "draft")
        self.assertIn("Credit check failed", blocked.message_ids[0].body)

    def test_9_order_paid_online_is_confirmed(self):
        self.set_limit(self.customer, 100)
        order = self.make_order(self.customer, 500, user=self.salesman)
        provider = self.env["payment.provider"].create(
            {"name": "Test provider", "code": "none", "state": "test"}
        )
        method = self.env["payment.method"].create({"name": "Test card", "code": "credit_test"})
        self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": method.id,
                "amount": order.amount_total,
                "currency_id": order.currency_id.id,
                "partner_id": self.customer.id,
                "reference": "credit-test-paid-order",
                "sale_order_ids": [Command.set(order.ids)],
                "state": "done",
            }
        )
        self.assertEqual(order.amount_paid, order.amount_total)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    # 11. temporary limits
    def test_11_overlapping_temporary_limits_each_end_on_their_day(self):
        self.set_limit(self.customer, 20_000, self.grade_a)
        for amount, until in ((80_000, "2026-06-30"), (60_000, "2026-07-31")):
            app = (
                self.env["credit.application"]
                .with_user(self.salesman)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "application_type": "temporary",
                        "requested_limit": amount,
                        "expiry_date": until,
                        "justification": "season",
                    }
                )
            )
            app.with_user(self.salesman).action_submit()
            app.with_user(self.manager)._action_decide("approve", "ok")
        self.assertEqual(self.figures()["limit"], 80_000)
        with freeze_time("2026-07-01"):
            self.assertEqual(self.figures()["limit"], 60_000)
        with freeze_time("2026-08-01"):
            self.assertEqual(self.figures()["limit"], 20_000)
            order = self.make_order(self.customer, 30_000, user=self.salesman)
            with self.assertRaises(CreditCheckBlocked):
                order.with_user(self.salesman).action_confirm()

    # 12. warning list
    def test_12_warning_list_per_company_and_through_contacts(self):
        self.set_limit(self.customer, 10_000)
        other = self.env["res.company"].create({"name": "Other Group Co"})
        Entry = self.env["credit.warning.entry"]
        Entry.create(
            {"name": "x", "partner_id": self.customer.id, "reason": "r", "company_id": other.id}
        )
        self.assertFalse(self.figures()["on_warning_list"])
        self.assertFalse(self.customer.with_company(self.company).credit_on_warning_list)
        order = self.make_order(self.customer, 100, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        entry = Entry.create({"name": "Buyer", "partner_id": self.contact.id, "reason": "court"})
        self.assertTrue(self.figures()["on_warning_list"])
        self.assertTrue(self.customer.with_company(self.company).credit_on_warning_list)
        with self.assertRaisesText(CreditCheckBlocked, "warning list"):
            self.make_order(self.customer, 100, user=self.salesman).with_user(
                self.salesman
            ).action_confirm()
        with self.assertRaises(AccessError):
            entry.with_user(self.analyst).action_lift()
        with self.assertRaises(AccessError):
            entry.with_user(self.analyst).write({"active": False})
        entry.with_user(self.manager).action_lift()
        self.assertFalse(entry.active)
        self.assertEqual(entry.lifted_by_id, self.manager)
        self.assertFalse(self.figures()["on_warning_list"])

    # 13. an order's exception covers its invoice
    def test_13_exception_on_the_order_covers_its_invoice(self):
        self.set_limit(self.customer, 1000)
        order = self.make_order(self.customer, 1500, user=self.salesman)
        exception = self._grant_exception(order, self.salesman)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(exception.state, "used")
        invoice = order._create_invoices()
        self.assertFalse(invoice.credit_check_warning)
        invoice.with_user(self.accountant).action_post()
        self.assertEqual(invoice.state, "posted")
        # another invoice of the same customer is checked again
        with self.assertRaises(CreditCheckBlocked):
            self.make_invoice(self.customer, 10, post=False).with_user(
                self.accountant
            ).action_post()

    # 14. down payments
    def test_14_paid_down_payment_is_counted_once(self):
        self.set_limit(self.customer, 100_000)
        order = self.make_order(self.customer, 1000)
        order.action_confirm()
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "percentage", "amount": 30})
        )
        wizard.create_invoices()
        down_payment = order.invoice_ids
        self.assertAlmostEqual(self.figures()["exposure"], 1000, msg="a draft counts once")
        down_payment.action_post()
        self.assertAlmostEqual(self.figures()["exposure"], 1000, msg="posted, counted once")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=down_payment.ids
        ).create({})._create_payments()
        fig = self.figures()
        self.assertAlmostEqual(fig["sale_order"], 700)
        self.assertAlmostEqual(fig["exposure"], 700)
        final = order._create_invoices(final=True)
        self.assertAlmostEqual(final.amount_total, 700)
        self.assertAlmostEqual(self.figures()["exposure"], 700)

    # 16. one definition of overdue
    def test_16_overdue_agrees_on_partner_check_and_analysis(self):
        self.set_limit(self.customer, 100_000)
        self.make_invoice(self.customer, 800, due="2026-05-01")
        self.make_invoice(self.contact, 300, due="2026-06-01")
        self.make_invoice(self.customer, 200, move_type="out_refund")
        self.make_invoice(self.customer, 500, due="2026-07-01")  # not due yet

        def analysis():
            groups = self.env["credit.exposure.line"]._read_group(
                [("partner_id", "=", self.customer.id), ("company_id", "=", self.company.id)],
                [],
                ["overdue_amount:sum"],
            )
            return groups[0][0]

        partner = self.customer.with_company(self.company)
        self.assertAlmostEqual(self.figures()["overdue"], 900)
        self.assertAlmostEqual(partner.credit_overdue_amount, 900)
        self.assertAlmostEqual(analysis(), 900)
        self.company.credit_overdue_grace_days = 20  # cutoff 2026-05-26
        partner.invalidate_recordset()
        self.assertAlmostEqual(self.figures()["overdue"], 600)
        self.assertAlmostEqual(partner.credit_overdue_amount, 600)
        self.assertAlmostEqual(analysis(), 600)
        self.make_invoice(self.customer, 1000, move_type="out_refund")
        partner.invalidate_recordset()
        self.assertAlmostEqual(self.figures()["overdue"], 0, msg="credits never go below zero")
        self.assertAlmostEqual(partner.credit_overdue_amount, 0)
        self.assertAlmostEqual(analysis(), 0)
        today = fields.Date.to_date("2026-06-15")
        line = self.env["credit.exposure.line"].search(
            [("partner_id", "=", self.customer.id), ("days_overdue", ">", 0)], limit=1
        )
        self.assertEqual(line.days_overdue, (today - line.date_maturity).days)
