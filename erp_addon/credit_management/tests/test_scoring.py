from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestScoring(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.model = cls.env["credit.score.model"].create(
            {
                "name": "Test model",
                "company_id": cls.company.id,
                "factor_ids": [
                    Command.create(
                        {
                            "name": "Status",
                            "factor_type": "qualitative",
                            "source": "operating_status",
                            "weight": 20,
                            "option_ids": [
                                Command.create(
                                    {"value": "active", "name": "Active", "points": 100}
                                ),
                                Command.create(
                                    {"value": "revoked", "name": "Revoked", "points": 0}
                                ),
                            ],
                        }
                    ),
                    Command.create(
                        {
                            "name": "Debt ratio",
                            "factor_type": "quantitative",
                            "source": "debt_ratio",
                            "weight": 40,
                            "range_ids": [
                                Command.create({"min_value": 0, "max_value": 50, "points": 100}),
                                Command.create({"min_value": 50, "max_value": 1000, "points": 20}),
                            ],
                        }
                    ),
                    Command.create(
                        {
                            "name": "Days late",
                            "factor_type": "quantitative",
                            "source": "avg_days_late",
                            "weight": 40,
                            "missing_points": 50,
                            "range_ids": [
                                Command.create({"min_value": 0, "max_value": 10, "points": 100}),
                                Command.create({"min_value": 10, "max_value": 10000, "points": 0}),
                            ],
                        }
                    ),
                ],
            }
        )
        cls.company.credit_score_model_id = cls.model
        cls.customer.write({"credit_operating_status": "active"})
        cls.env["credit.partner.financial"].create(
            {
                "partner_id": cls.customer.id,
                "period_end": "2025-12-31",
                "revenue": 1000,
                "total_assets": 1000,
                "total_liabilities": 400,
                "current_assets": 500,
                "current_liabilities": 250,
                "net_profit": 50,
            }
        )

    def test_financial_ratios(self):
        fin = self.customer.credit_financial_ids
        self.assertAlmostEqual(fin.debt_ratio, 40.0)
        self.assertAlmostEqual(fin.current_ratio, 2.0)
        self.assertAlmostEqual(fin.net_margin, 5.0)
        self.assertAlmostEqual(fin.equity, 600.0)
        with self.assertRaises(ValidationError):
            fin.total_assets = -1

    def test_score_snapshot_and_grade(self):
        self.customer.with_user(self.analyst).action_credit_score()
        score = self.customer.credit_score_ids
        self.assertEqual(len(score), 1)
        # (100*20 + 100*40 + 50*40) / 100 = 80 -> grade A (>= 70)
        self.assertAlmostEqual(score.score, 80.0)
        self.assertEqual(score.grade_id, self.grade_a)
        lines = {line.factor_id.name: line for line in score.line_ids}
        self.assertEqual(lines["Debt ratio"].value_display, "40.00")
        self.assertEqual(lines["Days late"].value_display, "no data")
        self.assertEqual(lines["Days late"].points, 50)
        partner = self.customer.with_company(self.company)
        self.assertEqual(partner.credit_grade_id, self.grade_a)
        self.assertEqual(partner.credit_score, 80.0)
        self.assertEqual(partner.credit_next_review_date, fields.Date.to_date("2027-06-15"))
        # snapshots are kept: a later change gives a new one, the old stays
        self.customer.with_user(self.analyst).credit_operating_status = "revoked"
        self.customer.with_user(self.analyst).action_credit_score()
        snapshots = self.env["credit.score"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(snapshots), 2)
        self.assertAlmostEqual(snapshots[0].score, 60.0)
        self.assertAlmostEqual(snapshots[1].score, 80.0)
        self.assertEqual(partner.credit_grade_id, self.grade_b)

    def test_payment_history_factor(self):
        # paid 30 days late -> days-late factor 0 points
        invoice = self.make_invoice(self.customer, 1000, due="2026-04-01")
        payment = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"payment_date": "2026-05-01"})
            ._create_payments()
        )
        self.assertTrue(payment)
        history = self.customer._credit_payment_history(self.company)[self.customer.id]
        self.assertAlmostEqual(history["avg_days_late"], 30.0)
        self.customer.with_user(self.analyst).action_credit_score()
        line = self.customer.credit_score_ids.line_ids.filtered(
            lambda x: x.factor_id.name == "Days late"
        )
        self.assertEqual(line.points, 0)

    def test_only_analysts_score(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.salesman).action_credit_score()

    def test_bad_model_configuration(self):
        with self.assertRaises(ValidationError):
            self.model.factor_ids[1].range_ids = [
                Command.create({"min_value": 40, "max_value": 60, "points": 50})
            ]
        with self.assertRaises(ValidationError):
            self.env["credit.score.factor"].create(
                {
                    "model_id": self.model.id,
                    "name": "Wrong",
                    "factor_type": "qualitative",
                    "source": "revenue",
                    "weight": 1,
                }
            )
        with self.assertRaises(ValidationError):
            self.env["credit.score.factor"].create(
                {
                    "model_id": self.model.id,
                    "name": "No weight",
                    "factor_type": "quantitative",
                    "source": "revenue",
                    "weight": 0,
                }
            )

    def test_grade_without_policy(self):
        with self.assertRaisesText(ValidationError, "no credit policy"):
            self.env["credit.grade"].create(
                {"name": "E", "code": "E", "min_score": 0, "company_id": self.company.id}
            )
