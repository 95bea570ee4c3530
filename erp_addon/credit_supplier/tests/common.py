from odoo import Command
from odoo.tests import Form, new_test_user

from odoo.addons.credit_management.tests.common import TODAY, CreditCase

__all__ = ["TODAY", "SupplierCase"]


class SupplierCase(CreditCase):
    """CreditCase with the supplier grades and model the new company got, least-privilege
    supplier users and a supplier; days fixed by the tests (freeze_time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        common = {"company_id": company.id, "company_ids": [Command.set(company.ids)]}
        cls.buyer = new_test_user(
            cls.env, login="cs_buyer", groups="purchase.group_purchase_user", **common
        )
        cls.evaluator = new_test_user(
            cls.env,
            login="cs_evaluator",
            groups="base.group_user,credit_supplier.group_credit_supplier_evaluator",
            **common,
        )
        cls.signer = new_test_user(
            cls.env,
            login="cs_signer",
            groups="base.group_user,credit_supplier.group_credit_supplier_signer",
            **common,
        )
        cls.evaluator_signer = new_test_user(
            cls.env,
            login="cs_both",
            groups="base.group_user,credit_supplier.group_credit_supplier_evaluator,"
            "credit_supplier.group_credit_supplier_signer",
            **common,
        )
        cls.Evaluation = cls.env["credit.supplier.evaluation"]
        cls.Grade = cls.env["credit.supplier.grade"]
        cls.model = company.credit_supplier_score_model_id
        cls.grades = {
            g.purchase_policy: g for g in cls.Grade.search([("company_id", "=", company.id)])
        }
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Yongxin Steel Pipes", "is_company": True, "supplier_rank": 1}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Steel pipe", "type": "consu", "standard_price": 100}
        )

    @classmethod
    def purchase(cls, partner, price, qty=10, confirm=True, user=None):
        order = (
            cls.env["purchase.order"]
            .with_user(user or cls.env.user)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_qty": qty,
                                "price_unit": price,
                                "taxes_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        if confirm:
            order.button_confirm()
        return order

    @classmethod
    def vendor_move(cls, partner, amount, move_type="in_invoice", date=TODAY):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "invoice_date": date,
                "date": date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "steel pipe",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def evaluation(cls, partner=None, user=None, date_from="2026-01-01", date_to=TODAY):
        return cls.Evaluation.with_user(user or cls.evaluator).create(
            {
                "partner_id": (partner or cls.supplier).id,
                "model_id": cls.model.id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    @staticmethod
    def give_points(evaluation, points):
        for line in evaluation.line_ids.filtered(lambda line: line.source == "evaluator"):
            line.evaluator_points = points

    @staticmethod
    def decide(evaluation, user, decision, note):
        """What the Sign Off / Return buttons open, as the web client fills it."""
        record = evaluation.with_user(user)
        action = record.action_approve() if decision == "approve" else record.action_refuse()
        wizard = Form(
            evaluation.env[action["res_model"]].with_user(user).with_context(**action["context"])
        )
        wizard.note = note
        wizard.save().action_confirm()
