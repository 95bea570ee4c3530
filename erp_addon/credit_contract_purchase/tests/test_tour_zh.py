from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_contract.tests.common import ContractCase
from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn


@tagged("post_install", "-at_install", "credit_contract_purchase")
class TestPurchaseTourZh(ContractCase, HttpCase):
    """A purchase order needing a written contract, walked in Chinese by the buyer
    (static/tests/tours/credit_contract_purchase_zh_tour.js)."""

    # a browser needs a running clock
    freeze_time = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env, ["purchase", "sale", "hr"])
        cls.buyer = new_test_user(
            cls.env,
            login="zh_cp_buyer",
            groups="purchase.group_purchase_user,credit_management.group_credit_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            lang="zh_CN",
        )
        cls.supplier = cls.env["res.partner"].create({"name": "ZH Steel Mill", "is_company": True})
        cls.purchaser = cls.env["hr.employee"].create(
            {"name": "Zhou Purchaser", "company_id": cls.company.id}
        )
        today = fields.Date.today()
        cls.purchase_poa = (
            cls.env["credit.power.attorney"]
            .with_user(cls.committee)
            .create(
                {
                    "employee_id": cls.purchaser.id,
                    "allow_purchase": True,
                    "max_amount": 500_000,
                    "date_from": today - timedelta(days=30),
                    "date_to": today + timedelta(days=365),
                    "company_id": cls.company.id,
                }
            )
        )
        cls.purchase_poa.with_user(cls.committee).action_issue()
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
        cls.order.button_confirm()

    def test_purchase_contract_zh(self):
        self.start_tour(
            f"/odoo/action-purchase.purchase_form_action/{self.order.id}",
            "credit_contract_purchase_zh_draft",
            login=self.buyer.login,
        )
        contract = self.env["credit.contract"].search([("title", "=", "钢坯采购合同")])
        self.assertRecordValues(
            contract,
            [
                {
                    "state": "review",
                    "contract_type": "purchase",
                    "counterparty_pays": "nothing",
                    "partner_id": self.supplier.id,
                    "amount": self.order.amount_total,
                    "signatory_id": self.purchaser.id,
                    "power_of_attorney_id": self.purchase_poa.id,
                    "create_uid": self.buyer.id,
                }
            ],
        )
        self.pass_review(contract)
        contract.with_user(self.admin_1).action_approve()
        self.sign_contract(contract, user=self.buyer)
        self.assertEqual(contract.state, "signed")

        self.start_tour("/odoo", "credit_contract_purchase_zh_link", login=self.buyer.login)
        self.assertEqual(contract.purchase_order_ids, self.order)
        self.assertEqual(self.order.with_user(self.buyer).credit_contract_count, 1)
