"""The credit check's buttons, pressed as the web client presses them, by their role."""

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestButtons(CreditCommon):
    def setUp(self):
        super().setUp()
        self.set_limit(self.customer, 1000, self.grade_a)

    def _request(self, document, user):
        self.env["credit.exception.request"].with_user(user).with_context(
            default_res_model=document._name, default_res_id=document.id
        ).create({"request_note": "deposit next week"}).action_request()
        return self.env["credit.exception"].search(
            [("res_model", "=", document._name), ("res_id", "=", document.id)]
        )

    def test_order_exception_granted_in_its_dialog(self):
        order = self.make_order(self.customer, 1500, user=self.salesman)
        exception = self._request(order, self.salesman)
        # the order's smart button lists its exceptions, for the salesperson too
        action = order.with_user(self.salesman).action_view_credit_exceptions()
        found = self.env[action["res_model"]].with_user(self.salesman).search(action["domain"])
        self.assertEqual(found, exception)
        # Grant opens the decision dialog; the requester may not decide
        with self.assertRaisesRegex(AccessError, "(?i)own|decide|manager"):
            exception.with_user(self.salesman).action_grant()
        action = exception.with_user(self.manager).action_grant()
        self.assertEqual(action["target"], "new")
        form = Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        )
        form.note = "deposit received"
        decision = form.save()
        decision.action_confirm()
        self.assertRecordValues(
            exception,
            [
                {
                    "state": "granted",
                    "decided_by_id": self.manager.id,
                    "decision_note": "deposit received",
                }
            ],
        )
        # the exception opens the document it is for
        action = exception.with_user(self.manager).action_open_document()
        self.assertEqual((action["res_model"], action["res_id"]), ("sale.order", order.id))
        self.assertEqual(
            Form(self.env["sale.order"].with_user(self.salesman).browse(order.id)).partner_id,
            self.customer,
        )
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_invoice_exceptions_button(self):
        invoice = self.make_invoice(self.customer, 1500, post=False)
        exception = self._request(invoice, self.accountant)
        action = invoice.with_user(self.accountant).action_view_credit_exceptions()
        found = self.env[action["res_model"]].with_user(self.accountant).search(action["domain"])
        self.assertEqual(found, exception)
        self.assertEqual(found.res_id, invoice.id)

    def test_partner_exposure_button_as_salesperson(self):
        self.make_invoice(self.customer, 400)
        self.make_order(self.customer, 300, user=self.salesman).action_confirm()
        action = self.customer.with_user(self.salesman).action_view_credit_exposure()
        lines = (
            self.env[action["res_model"]]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .search(action["domain"])
        )
        self.assertAlmostEqual(sum(lines.mapped("amount")), 700)
        self.assertEqual(lines.partner_id, self.customer)
