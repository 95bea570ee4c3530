from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.credit_contract.tests.common import ContractCase


@tagged("post_install", "-at_install", "credit_contract_purchase")
class TestContractPurchase(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = new_test_user(
            cls.env,
            login="cc_buyer",
            groups="purchase.group_purchase_user,credit_management.group_credit_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.supplier = cls.env["res.partner"].create({"name": "Steel Mill Ltd", "is_company": True})
        cls.order = cls.env["purchase.order"].create(
            {
                "partner_id": cls.supplier.id,
                "company_id": cls.company.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_qty": 10, "price_unit": 50}
                    )
                ],
            }
        )

    def test_purchase_orders_on_contract(self):
        contract = (
            self.env["credit.contract"]
            .with_user(self.buyer)
            .create(
                self.contract_vals(
                    contract_type="purchase",
                    partner_id=self.supplier.id,
                    power_of_attorney_id=False,
                    purchase_order_ids=[Command.set(self.order.ids)],
                )
            )
        )
        self.assertEqual(contract.purchase_order_count, 1)
        self.assertEqual(self.order.with_user(self.buyer).credit_contract_count, 1)
        action = self.order.with_user(self.buyer).action_view_credit_contracts()
        self.assertIn(contract, self.env["credit.contract"].search(action["domain"]))
        self.assertEqual(action["context"]["default_contract_type"], "purchase")
        with self.assertRaisesText(ValidationError, "is not an order of"):
            contract.with_user(self.buyer).write({"partner_id": self.customer.id})

    def test_signed_contract_orders_locked(self):
        contract = self.signed_contract()
        other = self.env["purchase.order"].create(
            {"partner_id": self.customer.id, "company_id": self.company.id}
        )
        with self.assertRaisesText(UserError, "amendment"):
            contract.with_user(self.salesman).write(
                {"purchase_order_ids": [Command.link(other.id)]}
            )
        self.assertFalse(contract.purchase_order_ids)
