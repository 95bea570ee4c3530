from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import SupplierCase


@tagged("post_install", "-at_install")
class TestSupplierTourZh(SupplierCase, HttpCase):
    """The supplier evaluation walked in Chinese by each role, least privilege
    (static/tests/tours/credit_supplier_zh_tour.js): the evaluator reads the figures,
    gives the points and submits; the labour and wages section signs off."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        company = cls.company
        common = {
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "lang": "zh_CN",
        }
        # the password of each is its login
        cls.zh_evaluator = new_test_user(
            cls.env,
            login="zh_cs_evaluator",
            name="ZH Evaluator",
            groups="base.group_user,credit_supplier.group_credit_supplier_evaluator",
            **common,
        )
        cls.zh_signer = new_test_user(
            cls.env,
            login="zh_cs_signer",
            name="ZH Signer",
            groups="base.group_user,credit_supplier.group_credit_supplier_signer",
            **common,
        )
        company.partner_id.lang = "zh_CN"
        model = cls.env["credit.score.model"].create(
            {
                "name": "ZH 供应商评价模型",
                "applies_to": "supplier",
                "company_id": company.id,
                "factor_ids": [
                    Command.create(
                        {
                            "name": "退货率",
                            "source": "return_rate",
                            "factor_type": "quantitative",
                            "weight": 1,
                            "range_ids": [
                                Command.create({"min_value": 0, "max_value": 5, "points": 100}),
                                Command.create({"min_value": 5, "max_value": 100, "points": 40}),
                            ],
                        }
                    ),
                    Command.create(
                        {
                            "name": "货物质量",
                            "source": "evaluator",
                            "factor_type": "quantitative",
                            "weight": 1,
                        }
                    ),
                ],
            }
        )
        company.credit_supplier_score_model_id = model
        cls.supplier.name = "ZH 永信钢管"
        today = cls.env.cr.now().date()
        cls.vendor_move(cls.supplier, 1000, date=today)
        cls.vendor_move(cls.supplier, 50, "in_refund", date=today)
        cls.evaluation_zh = cls.Evaluation.sudo().create(
            {
                "partner_id": cls.supplier.id,
                "company_id": company.id,
                "model_id": model.id,
                "evaluator_id": cls.zh_evaluator.id,
                "date_from": today.replace(day=1),
                "date_to": today,
            }
        )

    def test_evaluate_and_sign_zh(self):
        self.start_tour("/odoo", "credit_supplier_zh_evaluate", login=self.zh_evaluator.login)
        evaluation = self.evaluation_zh
        self.assertEqual(evaluation.state, "submitted")
        quality = evaluation.line_ids.filtered(lambda line: line.source == "evaluator")
        self.assertEqual(quality.evaluator_points, 90)
        self.assertEqual(evaluation.score, 65.0)  # (40 + 90) / 2
        self.start_tour("/odoo", "credit_supplier_zh_sign", login=self.zh_signer.login)
        self.assertRecordValues(
            evaluation,
            [
                {
                    "state": "signed",
                    "signed_by_id": self.zh_signer.id,
                    "sign_note": "已会同劳资科核对",
                }
            ],
        )
        grade = self.supplier.with_company(self.company).credit_supplier_grade_id
        self.assertEqual(grade.purchase_policy, "restricted")
