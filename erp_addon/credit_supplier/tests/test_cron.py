from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import TODAY, SupplierCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestCron(SupplierCase):
    def test_cron_opens_due_evaluations(self):
        """The daily job opens an evaluation for each supplier bought from, reads its
        figures and reminds the evaluator; once open (or evaluated) it opens no other."""
        self.company.credit_supplier_evaluator_id = self.evaluator
        other = self.env["res.partner"].create({"name": "Hongda Hardware", "is_company": True})
        self.purchase(self.supplier, 100)
        self.purchase(other, 100)
        self.Evaluation._cron_supplier_evaluations()
        evaluations = self.Evaluation.search([("company_id", "=", self.company.id)])
        self.assertEqual(evaluations.partner_id, self.supplier | other)
        for evaluation in evaluations:
            self.assertEqual(evaluation.evaluator_id, self.evaluator)
            self.assertEqual(str(evaluation.date_deadline), "2026-06-29")
            self.assertTrue(evaluation.line_ids)
            self.assertEqual(evaluation.activity_ids.user_id, self.evaluator)
        self.Evaluation._cron_supplier_evaluations()
        self.assertEqual(self.Evaluation.search_count([("company_id", "=", self.company.id)]), 2)

    def test_cron_skips_a_failing_supplier(self):
        other = self.env["res.partner"].create({"name": "Hongda Hardware", "is_company": True})
        self.purchase(self.supplier, 100)
        self.purchase(other, 100)
        Evaluation = type(self.Evaluation)
        original = Evaluation._compute_lines

        def failing(records):
            if records.partner_id == other:
                raise ValueError("broken figures")
            return original(records)

        with (
            patch.object(Evaluation, "_compute_lines", failing),
            self.assertLogs(
                "odoo.addons.credit_supplier.models.credit_supplier_evaluation_cron", "ERROR"
            ),
        ):
            self.Evaluation._cron_supplier_evaluations()
        evaluations = self.Evaluation.search([("company_id", "=", self.company.id)])
        self.assertEqual(evaluations.partner_id, self.supplier)
