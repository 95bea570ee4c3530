"""Issue 17, item 5: 2.4 measured from the contract's template and its clauses, with the
assessor's part (lawful content) scored by hand with evidence."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import AppraisalCase

SIGNED = {"state": "performance", "date_signed": "2025-03-01"}


@freeze_time("2026-01-20")
@tagged("post_install", "-at_install", "credit_appraisal")
class TestTemplateClauses(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env.ref("credit_contract.template_sale")
        signatures = {"signatory_id": cls.emp_plain.id, "partner_signatory": "Li Wei"}
        cls.good = cls.contract(cls.dept_1, SIGNED, template_id=cls.template.id, **signatures)
        # the disputes clause taken out of the text after the template was applied
        cls.short = cls.contract(cls.dept_1, SIGNED, template_id=cls.template.id, **signatures)
        body = str(cls.short.body)
        disputes = cls.env.ref("credit_contract.clause_dispute").name
        cut = body.index(disputes)
        cls.env.cr.execute(
            "UPDATE credit_contract SET body = %s WHERE id = %s",
            [body[: body.rindex("<h4>", 0, cut)] + body[body.index("<h4>", cut) :], cls.short.id],
        )
        cls.bare = cls.contract(cls.dept_2, SIGNED, partner_signatory="Li Wei")
        cls.period = cls.make_period(2025)
        cls.period.with_user(cls.manager).action_generate_appraisals()
        cls.appraisal = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal.with_user(cls.manager).assessor_ids = cls.assessor

    def test_measured_part_names_each_fault(self):
        line = self.line(self.appraisal, "2.4")
        self.assertEqual((line.points, line.hand_points), (6, 2))
        self.assertFalse(line.not_measurable)
        # 1 of 3 on the right template with all its clauses and signatories: 1/3 x 4
        self.assertAlmostEqual(line.computed_score, 1.3, places=2)
        self.assertAlmostEqual(line.score, 1.3, places=2)
        self.assertIn("Figures: 1 of 3.", line.evidence)
        self.assertIn(f"Not passing: {self.short.name}: clauses missing: Disputes.", line.evidence)
        self.assertIn(
            f"Not passing: {self.bare.name}: no template; signatories not recorded.",
            line.evidence,
        )
        self.assertNotIn(f"{self.good.name}:", line.evidence)
        self.assertIn("the assessor scores the other 2.0 with evidence", line.evidence)

    def test_assessor_part_needs_evidence_and_stays(self):
        line = self.line(self.appraisal, "2.4").with_user(self.assessor)
        with self.assertRaisesText(
            ValidationError,
            "Item 2.4: write the evidence your score of the assessor's part rests on.",
        ):
            line.write({"hand_score": 1.5})
        with self.assertRaisesText(ValidationError, "Item 2.4 scores between 0 and 2.0, not 3.0"):
            line.write({"hand_score": 3, "hand_evidence": "Three contracts read."})
        line.write({"hand_score": 1.5, "hand_evidence": "Contents read: lawful."})
        self.assertAlmostEqual(line.score, 2.8, places=2)
        self.assertTrue(line.hand_scored)
        self.assertIn("Assessor's score 1.5 of 2.0: Contents read: lawful.", line.evidence)
        # the measured part follows the records, the assessor's part stays
        self.env.cr.execute(
            "UPDATE credit_contract SET template_id = %s, signatory_id = %s WHERE id = %s",
            [self.template.id, self.emp_plain.id, self.bare.id],
        )
        self.env.cr.execute(
            "UPDATE credit_contract SET body = %s WHERE id = %s",
            [str(self.good.body), self.bare.id],
        )
        self.period.with_user(self.manager).action_recompute()
        self.assertAlmostEqual(line.computed_score, 2.7, places=2)
        self.assertAlmostEqual(line.score, 4.2, places=2)
        self.assertEqual(self.appraisal.total, sum(self.appraisal.line_ids.mapped("score")))

    def test_wrong_type_template_fails(self):
        purchase = self.env.ref("credit_contract.template_purchase")
        self.env.cr.execute(
            "UPDATE credit_contract SET template_id = %s WHERE id = %s",
            [purchase.id, self.good.id],
        )
        self.period.with_user(self.manager).action_recompute()
        line = self.line(self.appraisal, "2.4")
        self.assertIn("Figures: 0 of 3.", line.evidence)
        self.assertIn("a template of another contract type or company", line.evidence)
