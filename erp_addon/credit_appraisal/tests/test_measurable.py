"""Issue 17, items 1, 2, 3 and 6: nothing measured is not full marks."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import AppraisalCase

CONTRACT_ITEMS = (
    *("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1"),
    *("3.3", "4.1", "5.1", "5.2", "5.3", "5.4"),
)


@tagged("post_install", "-at_install", "credit_appraisal")
class TestNotMeasurable(AppraisalCase):
    def generate(self, year=2025):
        period = self.make_period(year)
        period.with_user(self.manager).action_generate_appraisals()
        return period

    # ------------------------------------------------------------------ item 2
    def test_administrator_without_department_refused(self):
        idle = self.make_administrator("Idle Admin")
        period = self.make_period(2025)
        with self.assertRaisesText(
            UserError,
            "These administrators cover no department in the register, so their 2025 "
            "appraisal would measure nothing: assign their departments first, then open the "
            "appraisals: Idle Admin.",
        ):
            period.with_user(self.manager).action_generate_appraisals()
        self.assertFalse(period.appraisal_ids)
        # nor one by one
        with self.assertRaisesText(UserError, "cover no department in the register"):
            self.env["credit.appraisal"].with_user(self.manager).create(
                {"period_id": period.id, "administrator_id": idle.id}
            )
        # once the register says which departments they cover, all are opened
        idle.department_ids = self.dept_3
        self.assertEqual(period.with_user(self.manager).action_generate_appraisals(), 3)

    def test_contracts_without_department_listed_before_measuring(self):
        period = self.generate()
        stray = self.contract(False, {"state": "signed", "date_signed": "2025-05-05"})
        # the year before and ended then: not the year's
        self.contract(False, {"state": "completed", "date_signed": "2023-05-05"}).sudo().write(
            {"date_end": "2024-01-31"}
        )
        with self.assertRaisesText(
            UserError,
            "Contracts of 2025 without a responsible department would fall outside every "
            f"appraisal: assign their departments first (Contracts Without Department on the "
            f"period): {stray.name}.",
        ):
            period.with_user(self.manager).action_recompute()
        with self.assertRaisesText(UserError, stray.name):
            self.make_period(2026).with_user(self.manager).action_generate_appraisals()
        # the credit manager's list, as the button opens it
        action = period.with_user(self.manager).action_unassigned_contracts()
        self.assertEqual(action["res_model"], "credit.contract")
        listed = self.env["credit.contract"].with_user(self.manager).search(action["domain"])
        self.assertEqual(listed, stray)
        with self.assertRaisesText(AccessError, "Only the credit manager runs"):
            period.with_user(self.assessor).action_unassigned_contracts()
        stray.sudo().department_id = self.dept_1
        (result,) = period.with_user(self.manager).action_recompute()
        self.assertEqual(result["appraisals"], 2)

    # ------------------------------------------------------------------ item 1
    @freeze_time("2026-01-20")
    def test_do_nothing_administrator_cannot_pass(self):
        """A department but no contract, order, exam or training: no free points."""
        period = self.generate()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        appraisal.with_user(self.manager).assessor_ids = self.assessor
        unmeasured = appraisal.line_ids.filtered("not_measurable")
        self.assertEqual(sorted(unmeasured.mapped("code")), ["1.1", *CONTRACT_ITEMS])
        self.assertEqual(set(unmeasured.mapped("score")), {0.0})
        self.assertEqual(
            self.line(appraisal, "1.1").not_measurable_reason,
            "No legal-knowledge exam of 2025 was set for, attended or sat by the administrator.",
        )
        self.assertEqual(
            self.line(appraisal, "3.3").not_measurable_reason,
            "No contract of the departments covered (Sales One, Sales Two) was in performance "
            "in 2025.",
        )
        # 1.2 is measured: the required training was not attended
        self.assertFalse(self.line(appraisal, "1.2").not_measurable)
        self.assertIn("0 of 4 required", self.line(appraisal, "1.2").evidence)
        self.assertEqual(appraisal.total, 0)
        self.assertEqual(appraisal.rating, "fail")
        self.score_manual(appraisal, 4.0)
        with self.assertRaisesText(
            UserError,
            "The records cannot measure these items of 2025 Admin A: score each by hand with "
            "its evidence before submitting: 1.1 ",
        ) as caught:
            appraisal.with_user(self.assessor).action_submit()
        for code in CONTRACT_ITEMS:
            self.assertIn(f"; {code} ", str(caught.exception))
        # a hand score needs its evidence, and only an assessor gives it, while a draft
        line = self.line(appraisal, "2.6")
        with self.assertRaisesText(
            ValidationError,
            "Item 2.6 is not measurable from the records: write the evidence your score rests on.",
        ):
            line.with_user(self.assessor).write({"hand_score": 4})
        with self.assertRaisesText(AccessError, "You may not change Assessor's Score"):
            line.with_user(self.hr_user).write({"hand_score": 4, "hand_evidence": "seen"})
        with self.assertRaisesText(AccessError, "Nobody scores their own appraisal"):
            line.with_user(self.user_a).write({"hand_score": 4, "hand_evidence": "seen"})
        # another administrator does not even read it
        with self.assertRaisesText(
            AccessError, "- Credit Administrator Appraisal (credit.appraisal)"
        ):
            line.with_user(self.user_b).write({"hand_score": 4, "hand_evidence": "seen"})
        with self.assertRaisesText(
            AccessError, "Not Measurable of Appraisal Scorecard Line is set by its workflow"
        ):
            line.with_user(self.manager).write({"not_measurable": False})
        measured = self.line(appraisal, "1.2")
        with self.assertRaisesText(
            UserError,
            "Item 1.2 is measured from the records: only an item the records cannot measure "
            "is scored by hand.",
        ):
            measured.with_user(self.assessor).write({"hand_score": 5, "hand_evidence": "seen"})
        # scored by hand with evidence: the score counts, the appraisal can be submitted
        for line in unmeasured:
            line.with_user(self.assessor).write(
                {"hand_score": 1, "hand_evidence": "Department files checked on 15 January."}
            )
        self.assertEqual(self.line(appraisal, "2.6").score, 1)
        self.assertTrue(self.line(appraisal, "2.6").hand_scored)
        self.assertEqual(self.line(appraisal, "2.6").scored_by_id, self.assessor)
        # a recompute keeps what the assessor gave a still-unmeasurable item
        period.with_user(self.manager).action_recompute()
        self.assertEqual(self.line(appraisal, "2.6").score, 1)
        self.assertEqual(appraisal.total, 14 + 4 * 4.0)
        self.assertEqual(appraisal.rating, "fail")
        appraisal.with_user(self.assessor).action_submit()
        self.assertEqual(appraisal.state, "submitted")
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.line(appraisal, "2.6").with_user(self.assessor).write({"hand_score": 3})

    def score_manual(self, appraisal, score):
        for line in appraisal.line_ids.filtered(lambda line: not line.compute_method):
            line.with_user(self.assessor).write({"hand_score": score, "hand_evidence": "inspected"})

    def test_hand_score_in_the_form(self):
        period = self.generate()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        with Form(appraisal.with_user(self.manager)) as form:
            index = next(
                i for i, line in enumerate(appraisal.line_ids.sorted()) if line.code == "4.1"
            )
            with form.line_ids.edit(index) as line:
                line.hand_score = 2
                line.hand_evidence = "Two changes handled on paper, files seen."
        self.assertEqual(self.line(appraisal, "4.1").score, 2)
        self.assertEqual(appraisal.total, 2)

    # ------------------------------------------------------------------ item 6
    def test_followups_judged_on_the_day_measured(self):
        kept = self.contract(self.dept_1)
        self.followup(kept, "2025-03-01", "2025-05-01")
        never = self.contract(self.dept_1)
        later = self.contract(self.dept_2)
        self.followup(later, "2025-03-10", "2026-02-01")
        with freeze_time("2025-04-15"):
            period = self.generate()
            appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
            line = self.line(appraisal, "3.3")
            # a contract never followed up is not on schedule
            self.assertAlmostEqual(line.score, 3.3, places=2)
            self.assertIn("2 of 3", line.evidence)
            self.assertIn("on 04/15/2025", line.evidence)
            self.assertIn(never.name, line.evidence)
            self.assertNotIn(kept.name, line.evidence)
        # the same records six weeks later: kept's next follow-up date has passed
        with freeze_time("2025-06-01"):
            period.with_user(self.manager).action_recompute()
            line = self.line(appraisal, "3.3")
            self.assertAlmostEqual(line.score, 1.7, places=2)
            self.assertIn("1 of 3", line.evidence)
            self.assertIn(kept.name, line.evidence)
        # followed up again, though late: the gap still counts against it
        self.followup(kept, "2025-06-10", "2025-09-10")
        with freeze_time("2025-06-20"):
            period.with_user(self.manager).action_recompute()
            self.assertIn(kept.name, self.line(appraisal, "3.3").evidence)
            self.assertIn("1 of 3", self.line(appraisal, "3.3").evidence)

    # ------------------------------------------------------------------ item 3
    @freeze_time("2026-01-20")
    def test_training_every_required_type_per_half_year(self):
        a = self.emp_a
        self.make_session("Integrity H1", "integrity", "2025-03-01", "sample", a)
        self.make_session("Contract law", "legal", "2025-04-01", "none", a)
        self.make_session("Company law", "legal", "2025-05-01", "none", a)
        self.make_session("Selling steel", "business", "2025-09-01", "none", a)
        # invited, not attended: a business training missed
        missed = self.make_session("Export rules", "business", "2025-10-01", "none", a)
        missed.attendee_ids = False
        period = self.generate()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        line = self.line(appraisal, "1.2")
        # integrity H1 1/1, H2 0/1, legal 2/2, business 1/2: 4 of 6 x 5
        self.assertAlmostEqual(line.score, 3.3, places=2)
        self.assertIn("4 of 6 required", line.evidence)
        self.assertIn(
            "Missing: Integrity Education, Second Half: 0 of 1; Business Training: 1 of 2.",
            line.evidence,
        )
        # two integrity sessions in the first half do not make up for the second
        self.make_session("Integrity H1 bis", "integrity", "2025-04-20", "sample", a)
        period.with_user(self.manager).action_recompute()
        self.assertAlmostEqual(line.score, 3.3, places=2)
        # 1.1: legal knowledge without an exam is no exam: not measurable
        self.assertTrue(self.line(appraisal, "1.1").not_measurable)
        exam = self.make_session("Legal exam", "legal", "2025-11-01", "exam", a)
        self.env["credit.training.result"].create(
            {"session_id": exam.id, "employee_id": a.id, "score": 90}
        )
        period.with_user(self.manager).action_recompute()
        self.assertFalse(self.line(appraisal, "1.1").not_measurable)
        self.assertAlmostEqual(self.line(appraisal, "1.1").score, 2.7, places=2)

    def test_reason_in_the_reader_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_appraisal"], ["zh_CN"])
        period = self.generate()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        line = self.line(appraisal, "5.4")
        self.assertEqual(
            line.with_context(lang="en_US").not_measurable_reason,
            "No contract of the departments covered (Purchasing) was completed, terminated or "
            "expired in 2025.",
        )
        chinese = line.with_context(lang="zh_CN").not_measurable_reason
        self.assertIn("2025", chinese)
        self.assertNotIn("No contract", chinese)
