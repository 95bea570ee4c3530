from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.exceptions import CreditCheckBlocked

from .common import TODAY, SupplierCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestBlockedSupplier(SupplierCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier.with_company(cls.company).sudo().credit_supplier_grade_id = cls.grades[
            "blocked"
        ]

    def test_rule_off_by_default(self):
        self.assertFalse(self.company.credit_supplier_block_orders)
        order = self.purchase(self.supplier, 100, user=self.buyer)
        self.assertEqual(order.state, "purchase")

    def test_blocked_supplier_needs_an_exception(self):
        self.company.credit_supplier_block_orders = True
        order = self.purchase(self.supplier, 100, confirm=False, user=self.buyer)
        self.assertIn("(blocked)", order.credit_supplier_warning)
        with self.assertRaisesText(CreditCheckBlocked, "its purchasing policy is blocked"):
            order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "draft")
        # the buyer requests an exception in the dialog the error offers
        action = self.env["credit.exception.request"]._action_for(order)
        wizard = Form(
            self.env["credit.exception.request"]
            .with_user(self.buyer)
            .with_context(**action["context"])
        )
        self.assertIn("its purchasing policy is blocked", wizard.reasons)
        wizard.request_note = "Only supplier of this pipe size"
        wizard.save().action_request()
        exception = self.env["credit.exception"].search([("res_model", "=", "purchase.order")])
        self.assertRecordValues(
            exception, [{"res_id": order.id, "state": "requested", "amount": 1000.0}]
        )
        action = exception.with_user(self.manager).action_grant()
        decision = Form(
            self.env["credit.decision"].with_user(self.manager).with_context(**action["context"])
        )
        decision.note = "One order, urgent"
        decision.save().action_confirm()
        order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(exception.state, "used")
        # the next order needs its own
        with self.assertRaisesText(CreditCheckBlocked, "cannot be confirmed"):
            self.purchase(self.supplier, 100, user=self.buyer)

    def test_other_grades_pass(self):
        self.company.credit_supplier_block_orders = True
        partner = self.supplier.with_company(self.company).sudo()
        partner.credit_supplier_grade_id = self.grades["restricted"]
        order = self.purchase(self.supplier, 100, confirm=False, user=self.buyer)
        self.assertIn("(restricted)", order.credit_supplier_warning)
        order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
