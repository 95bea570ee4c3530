from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import TODAY, SupplierCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestEvaluation(SupplierCase):
    def test_figures_from_purchase_data(self):
        """Price changes between successive orders and the returns (refunds / bills) come
        from the period's purchase data, set-based (sql/credit_supplier_figures.sql)."""
        self.purchase(self.supplier, 100)
        self.purchase(self.supplier, 110)
        self.vendor_move(self.supplier, 1000)
        self.vendor_move(self.supplier, 50, "in_refund")
        figures = self.supplier._credit_supplier_figures(self.company, "2026-01-01", "2026-06-15")[
            self.supplier.id
        ]
        self.assertEqual(figures["order_count"], 2)
        self.assertEqual(figures["price_change"], 10.0)
        self.assertEqual(figures["return_rate"], 5.0)
        evaluation = self.evaluation()
        evaluation.action_compute_figures()
        by_source = {line.source: line for line in evaluation.line_ids}
        self.assertEqual(by_source["price_change"].value_display, "10.00")
        self.assertEqual(by_source["price_change"].points, 30.0)  # [8, 15) -> 30
        self.assertEqual(by_source["return_rate"].points, 30.0)  # [5, 10) -> 30
        self.assertEqual(evaluation.order_count, 2)

    def test_flow_signed_off_applies_grade(self):
        """The evaluator reads the figures, gives the evaluator's points and submits; the
        labour and wages section signs off in the decision dialog; the grade applies."""
        evaluation = self.evaluation()
        self.assertEqual(evaluation.evaluator_id, self.evaluator)
        evaluation.action_compute_figures()
        self.give_points(evaluation, 100)
        # no purchase data: each figure gets its points without data (70 for the returns
        # and prices, whatever the bridges installed add), the evaluator's factors 100
        lines = evaluation.line_ids
        for line in lines:
            expected = 100.0 if line.source == "evaluator" else line.factor_id.missing_points
            if line.has_value:
                expected = line.factor_id._points_for(line.value_float)[0]
            self.assertEqual(line.points, expected, line.factor_id.name)
        weighted = sum(line.points * line.weight for line in lines)
        self.assertAlmostEqual(evaluation.score, round(weighted / sum(lines.mapped("weight")), 2))
        self.assertEqual(evaluation.grade_id, self.grades["normal"])
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.activity_ids.user_id, self.signer | self.evaluator_signer)
        self.decide(evaluation, self.signer, "approve", "Checked with the wages records")
        self.assertRecordValues(
            evaluation,
            [{"state": "signed", "signed_by_id": self.signer.id, "signed_date": date(2026, 6, 15)}],
        )
        self.assertFalse(evaluation.activity_ids)
        partner = self.supplier.with_company(self.company)
        self.assertEqual(partner.credit_supplier_grade_id, self.grades["normal"])
        self.assertEqual(str(partner.credit_supplier_next_evaluation_date), "2027-06-15")
        # the supplier's Evaluations button lists it, for the evaluator
        action = self.supplier.with_user(self.evaluator).action_open_supplier_evaluations()
        self.assertEqual(
            self.Evaluation.with_user(self.evaluator).search(action["domain"]), evaluation
        )
        self.assertEqual(action["context"], {"default_partner_id": self.supplier.id})

    def test_nobody_signs_off_own_evaluation(self):
        evaluation = self.evaluation(user=self.evaluator_signer)
        evaluation.action_compute_figures()
        evaluation.action_submit()
        with self.assertRaisesText(AccessError, "Nobody may sign off their own evaluation."):
            evaluation.with_user(self.evaluator_signer).action_approve()
        with self.assertRaisesText(
            AccessError,
            "Only the labour and wages section (劳资科) signs off supplier evaluations.",
        ):
            evaluation.with_user(self.manager).action_approve()
        self.assertEqual(evaluation.state, "submitted")

    def test_return_to_evaluator(self):
        evaluation = self.evaluation()
        evaluation.action_compute_figures()
        evaluation.action_submit()
        self.decide(evaluation, self.signer, "refuse", "Quality points not justified")
        self.assertRecordValues(
            evaluation, [{"state": "draft", "sign_note": "Quality points not justified"}]
        )
        self.assertEqual(evaluation.activity_ids.user_id, self.evaluator)
        self.assertFalse(self.supplier.with_company(self.company).credit_supplier_grade_id)

    def test_only_the_evaluator_works_on_it(self):
        evaluation = self.evaluation()
        evaluation.action_compute_figures()
        other = evaluation.with_user(self.evaluator_signer)
        with self.assertRaisesText(AccessError, "Only the evaluator of"):
            other.action_submit()
        with self.assertRaisesText(AccessError, "Only the evaluator of"):
            other.line_ids.filtered(lambda line: line.source == "evaluator")[
                :1
            ].evaluator_points = 50
        figure = evaluation.line_ids.filtered(lambda line: line.source == "return_rate")
        with self.assertRaisesText(UserError, "is read from the purchase data"):
            figure.with_user(self.evaluator).evaluator_points = 50
        evaluation.action_submit()
        with self.assertRaisesText(UserError, "is no longer being evaluated"):
            evaluation.line_ids[:1].with_user(self.evaluator).note = "late"
        with self.assertRaisesText(UserError, "is no longer being evaluated"):
            evaluation.with_user(self.evaluator).action_cancel()

    def test_bad_input(self):
        with self.assertRaisesText(ValidationError, "The evaluation period must end after"):
            self.Evaluation.with_user(self.evaluator).create(
                {
                    "partner_id": self.supplier.id,
                    "model_id": self.model.id,
                    "date_from": "2026-06-01",
                    "date_to": "2026-01-01",
                }
            )
        evaluation = self.evaluation()
        evaluation.action_compute_figures()
        line = evaluation.line_ids.filtered(lambda line: line.source == "evaluator")[:1]
        with self.assertRaisesText(ValidationError, "The evaluator's points lie between 0"):
            line.with_user(self.evaluator).evaluator_points = 120
        with self.assertRaisesText(UserError, "Read the figures of"):
            self.evaluation().action_submit()

    def test_applies_to(self):
        """A supplier figure belongs in a supplier model; the customers' model of a company
        applies to customers."""
        customer_model = self.env["credit.score.model"].create(
            {"name": "Customers", "company_id": self.company.id}
        )
        with self.assertRaisesText(ValidationError, "reads a supplier's figure"):
            self.env["credit.score.factor"].create(
                {
                    "model_id": customer_model.id,
                    "name": "Returns",
                    "source": "return_rate",
                    "factor_type": "quantitative",
                }
            )
        self.company.credit_score_model_id = customer_model
        with self.assertRaisesText(ValidationError, "grades the customers of a company"):
            customer_model.applies_to = "supplier"
        with self.assertRaisesText(ValidationError, "must apply to suppliers"):
            self.company.credit_supplier_score_model_id = customer_model
