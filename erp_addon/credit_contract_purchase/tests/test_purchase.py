from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

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
        cls.purchase_poa = (
            cls.env["credit.power.attorney"]
            .with_user(cls.committee)
            .create(
                {
                    "employee_id": cls.signatory.id,
                    "allow_purchase": True,
                    "max_amount": 500_000,
                    "date_from": "2026-01-01",
                    "date_to": "2026-12-31",
                    "company_id": cls.company.id,
                }
            )
        )
        with freeze_time("2026-01-01"):
            cls.purchase_poa.with_user(cls.committee).action_issue()
        cls.order = cls.make_purchase(cls.supplier)

    @classmethod
    def make_purchase(cls, partner):
        return cls.env["purchase.order"].create(
            {
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_qty": 10, "price_unit": 50}
                    )
                ],
            }
        )

    def purchase_contract(self, **kw):
        vals = {
            "contract_type": "purchase",
            "counterparty_pays": "nothing",
            "partner_id": self.supplier.id,
            "power_of_attorney_id": self.purchase_poa.id,
        }
        vals.update(kw)
        return self.make_contract(user=self.buyer, **vals)

    def signed_purchase_contract(self):
        contract = self.purchase_contract()
        contract.with_user(self.buyer).action_submit_review()
        credit = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "credit")
        self.assertEqual(credit.result, "na", "we pay the supplier: no credit is granted")
        self.pass_review(contract)
        contract.with_user(self.admin_1).action_approve()
        self.sign_contract(contract, user=self.buyer)
        self.assertEqual(contract.state, "signed")
        return contract

    def test_purchase_orders_on_contract(self):
        # an order is linked to a signed contract, not to a draft
        with self.assertRaisesRegex(
            ValidationError, "can only be linked to a signed contract in force"
        ):
            self.purchase_contract(purchase_order_ids=[Command.set(self.order.ids)])
        contract = self.signed_purchase_contract()
        self.order.with_user(self.buyer).write({"credit_contract_ids": [Command.link(contract.id)]})
        self.assertEqual(contract.purchase_order_count, 1)
        self.assertEqual(self.order.with_user(self.buyer).credit_contract_count, 1)
        action = self.order.with_user(self.buyer).action_view_credit_contracts()
        self.assertIn(contract, self.env["credit.contract"].search(action["domain"]))
        self.assertEqual(action["context"]["default_contract_type"], "purchase")
        self.assertEqual(action["context"]["default_counterparty_pays"], "nothing")
        self.assertNotIn("default_purchase_order_ids", action["context"])
        action = contract.with_user(self.buyer).action_view_purchase_orders()
        self.assertEqual(self.env["purchase.order"].search(action["domain"]), self.order)
        # the counterparty of a signed contract changes only by an amendment
        with self.assertRaisesRegex(UserError, "is Signed: Counterparty can no longer be changed"):
            contract.with_user(self.buyer).write({"partner_id": self.customer.id})

    def test_links_checked_from_both_sides(self):
        contract = self.signed_purchase_contract()
        other = self.make_purchase(self.customer)
        # from the contract's side
        with self.assertRaisesRegex(ValidationError, "is not an order of Steel Mill Ltd"):
            contract.with_user(self.buyer).write({"purchase_order_ids": [Command.link(other.id)]})
        # from the order's side, the same checks
        with self.assertRaisesRegex(ValidationError, "is not an order of Steel Mill Ltd"):
            other.with_user(self.buyer).write({"credit_contract_ids": [Command.link(contract.id)]})
        draft = self.purchase_contract()
        with self.assertRaisesRegex(
            ValidationError,
            "can only be linked to a signed contract in force: contract .* is Draft",
        ):
            self.order.with_user(self.buyer).write(
                {"credit_contract_ids": [Command.link(draft.id)]}
            )
        with self.assertRaisesRegex(
            ValidationError, "can only be linked to a signed contract in force"
        ):
            self.env["purchase.order"].with_user(self.buyer).create(
                {
                    "partner_id": self.supplier.id,
                    "company_id": self.company.id,
                    "credit_contract_ids": [Command.set(draft.ids)],
                }
            )
        self.assertFalse(contract.purchase_order_ids)
        self.assertFalse(self.order.credit_contract_ids)

    def test_purchase_fields_guarded(self):
        """The contract's guards, with purchases installed: the count is the add-on's, the
        links are checked like sales orders' (the walk of credit_contract covers the rest)."""
        Contract = self.env["credit.contract"]
        self.assertIn("purchase_order_count", Contract._guard_flow())
        self.assertIn("purchase_order_ids", Contract._order_link_fields())
        contract = self.signed_purchase_contract()
        with self.assertRaisesRegex(AccessError, "is set by its workflow, not by hand"):
            contract.with_user(self.buyer).write({"purchase_order_count": 3})
        with self.assertRaisesRegex(AccessError, "is set by its workflow, not by hand"):
            self.purchase_contract(purchase_order_count=3)
