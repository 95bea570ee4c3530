from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestTraining(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.exam = cls.make_session("Contract law H1", "legal", "2025-03-10")
        cls.sample = cls.make_session(
            "Integrity H1", "integrity", "2025-04-10", assessment="sample"
        )

    def result(self, session, employee, user=None, **vals):
        return (
            self.env["credit.training.result"]
            .with_user(user or self.manager)
            .create({"session_id": session.id, "employee_id": employee.id, **vals})
        )

    def test_half_year(self):
        self.assertEqual((self.exam.year, self.exam.half), (2025, "1"))
        autumn = self.make_session("Company law", "legal", "2025-07-01")
        self.assertEqual(autumn.half, "2")

    def test_exam_pass_and_fail_with_makeup_fee(self):
        passed = self.result(self.exam, self.emp_b, score=60)
        self.assertTrue(passed.passed)
        self.assertFalse(passed.fee_id)
        failed = self.result(self.exam, self.emp_a, score=59.5)
        self.assertFalse(failed.passed)
        self.assertTrue(failed.makeup_required)
        self.assertEqual(failed.fee_id.amount, 30)
        self.assertEqual(failed.fee_id.kind, "makeup_fee")
        self.assertEqual(failed.fee_id.employee_id, self.emp_a)
        self.assertFalse(failed.fee_id.paid)
        # the make-up exam is the next attempt
        makeup = self.result(self.exam, self.emp_a, score=75, makeup_of_id=failed.id)
        self.assertEqual(makeup.attempt, 2)
        self.assertTrue(makeup.passed)
        self.assertFalse(failed.makeup_required)
        # a second first attempt is refused
        with self.assertRaisesText(ValidationError, "record a make-up exam instead"):
            self.result(self.exam, self.emp_a, score=90)
        # a make-up of a passed exam is refused
        with self.assertRaisesText(ValidationError, "last failed exam"):
            self.result(self.exam, self.emp_b, score=90, makeup_of_id=passed.id)

    def test_sample_check_fine(self):
        ok = self.result(self.sample, self.emp_b, mastery=50)
        self.assertTrue(ok.passed)
        bad = self.result(self.sample, self.emp_a, mastery=49)
        self.assertFalse(bad.passed)
        self.assertFalse(bad.makeup_required)
        self.assertEqual(bad.fee_id.amount, 20)
        self.assertEqual(bad.fee_id.kind, "fine")

    def test_form_figures_as_typed(self):
        """Issue 19 #12: pass mark, passed and make-up update as the score is typed; the
        score shows for exams only, the mastery for sample checks only."""
        Result = self.env["credit.training.result"].with_user(self.manager)
        with Form(Result) as form:
            form.session_id = self.exam
            form.employee_id = self.emp_a
            self.assertEqual(form.kind, "exam")
            self.assertEqual(form.pass_mark, 60)
            form.score = 59
            self.assertFalse(form.passed)
            self.assertTrue(form.makeup_required)
            form.score = 60
            self.assertTrue(form.passed)
            self.assertFalse(form.makeup_required)
            self.assertEqual(form.attempt, 1)
            self.assertFalse(form._get_modifier("score", "invisible"))
            self.assertTrue(form._get_modifier("mastery", "invisible"))
            form.score = 42
        failed = form.record
        self.assertFalse(failed.passed, "the server figures the same on save")
        self.assertTrue(failed.makeup_required)
        with Form(Result) as form:
            form.session_id = self.exam
            form.employee_id = self.emp_a
            form.makeup_of_id = failed
            form.score = 80
            self.assertEqual(form.attempt, 2)
            self.assertTrue(form.passed)
        with Form(Result) as form:
            form.session_id = self.sample
            form.employee_id = self.emp_b
            self.assertTrue(form._get_modifier("score", "invisible"))
            self.assertFalse(form._get_modifier("mastery", "invisible"))
            form.mastery = 40
            self.assertEqual(form.pass_mark, 50)
            self.assertFalse(form.passed)
            self.assertFalse(form.makeup_required, "a sample check has no make-up exam")
        self.assertEqual(form.record.fee_id.amount, 20)
        arch = Result.get_view(view_type="list")["arch"]
        self.assertIn('name="score" invisible="kind != \'exam\'"', arch)
        self.assertIn('name="mastery" invisible="kind != \'sample\'"', arch)

    def test_error_names_the_field(self):
        """Issue 19 #12: a refused result names its field in error for the web client."""
        for values, fname in (
            ({"session_id": self.exam.id, "score": 150}, "score"),
            ({"session_id": self.sample.id, "mastery": -1}, "mastery"),
        ):
            with self.assertRaises(ValidationError) as caught:
                self.env["credit.training.result"].with_user(self.manager).create(
                    {"employee_id": self.emp_a.id, **values}
                )
            self.assertEqual(caught.exception.context, {"credit_invalid_fields": [fname]})
        self.assertFalse(
            self.env["credit.training.result"].search([("employee_id", "=", self.emp_a.id)])
        )

    def test_amounts_are_settings(self):
        self.company.write({"credit_makeup_fee": 45, "credit_exam_pass_score": 70})
        failed = self.result(self.exam, self.emp_a, score=65)
        self.assertFalse(failed.passed)
        self.assertEqual(failed.pass_mark, 70)
        self.assertEqual(failed.fee_id.amount, 45)

    def test_bad_input(self):
        with self.assertRaisesText(ValidationError, "between 0 and 100"):
            self.result(self.exam, self.emp_a, score=101)
        with self.assertRaisesText(ValidationError, "between 0% and 100%"):
            self.result(self.sample, self.emp_a, mastery=120)
        with self.assertRaisesText(ValidationError, "between 0 and 100"):
            self.result(self.exam, self.emp_a, score=-1)
        self.assertFalse(self.exam.result_ids)
        self.assertFalse(
            self.env["credit.training.fee"].search([("employee_id", "=", self.emp_a.id)])
        )
        with self.assertRaisesText(ValidationError, "Award tiers must descend"):
            self.env["res.company"].browse(self.company.id).write({"credit_award_excellent": 99})

    def test_guards(self):
        # only the credit manager records results
        with self.assertRaisesText(AccessError, "not allowed to create"):
            self.result(self.exam, self.emp_a, user=self.assessor, score=90)
        # create cannot claim a pass or skip the fee
        for extra in ({"passed": True}, {"attempt": 5}, {"pass_mark": 5}):
            with self.assertRaisesText(AccessError, "set by its workflow"):
                self.result(self.exam, self.emp_a, score=10, **extra)
        # context defaults set no flow field
        failed = (
            self.env["credit.training.result"]
            .with_user(self.manager)
            .with_context(default_passed=True, default_attempt=5)
            .create({"session_id": self.exam.id, "employee_id": self.emp_a.id, "score": 10})
        )
        self.assertFalse(failed.passed)
        self.assertEqual(failed.attempt, 1)
        self.assertTrue(failed.fee_id)
        # a recorded score stays
        with self.assertRaisesText(UserError, "Exam Score can no longer be changed"):
            failed.write({"score": 95})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            failed.write({"passed": True})
        with self.assertRaisesText(AccessError, "not allowed to delete"):
            failed.unlink()
        # fees: amounts are not edited, payment is a button
        fee = failed.fee_id
        with self.assertRaisesText(AccessError, "set by its workflow"):
            fee.with_user(self.manager).write({"amount": 0})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            fee.with_user(self.hr_user).write({"paid": True})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.env["credit.training.fee"].with_user(self.manager).create(
                {
                    "employee_id": self.emp_b.id,
                    "company_id": self.company.id,
                    "kind": "fine",
                    "amount": 1,
                    "reason": "x",
                }
            )
        with self.assertRaisesText(AccessError, "Only HR or the credit manager"):
            fee.with_user(self.assessor).action_mark_paid()
        fee.with_user(self.hr_user).action_mark_paid()
        self.assertTrue(fee.paid)
        with self.assertRaisesText(UserError, "already paid"):
            fee.with_user(self.hr_user).action_mark_paid()
        # session type and date are kept once results exist
        with self.assertRaisesText(UserError, "Assessment can no longer be changed"):
            self.exam.with_user(self.manager).write({"assessment": "sample"})

    def test_visibility_of_results_and_fees(self):
        self.result(self.exam, self.emp_a, score=10)
        self.result(self.exam, self.emp_b, score=10)
        Fee = self.env["credit.training.fee"]
        self.assertEqual(Fee.with_user(self.user_a).search([]).employee_id, self.emp_a)
        self.assertEqual(len(Fee.with_user(self.hr_user).search([])), 2)
        self.assertEqual(
            self.env["credit.training.result"].with_user(self.user_b).search([]).employee_id,
            self.emp_b,
        )
        # the employee form's figures
        self.assertEqual(self.emp_a.sudo().credit_fee_unpaid, 30)
        self.assertEqual(self.emp_a.sudo().credit_training_count, 2)

    @freeze_time("2025-06-10")
    def test_half_year_warning(self):
        Plan = self.env["credit.training.plan"]
        manager_activities = self.env["mail.activity"].search_count(
            [("user_id", "=", self.manager.id)]
        )
        # only legal knowledge and integrity held: the first half-year is complete
        warned = Plan._cron_check_half_year()
        self.assertNotIn(self.company, warned.company_id)
        # the second half-year has nothing
        with freeze_time("2025-12-15"):
            warned = Plan._cron_check_half_year()
        plan = warned.filtered(lambda p: p.company_id == self.company)
        self.assertEqual((plan.year, plan.half), (2025, "2"))
        self.assertTrue(plan.missing)
        self.assertTrue(plan.warned)
        self.assertGreater(
            self.env["mail.activity"].search_count([("user_id", "=", self.manager.id)]),
            manager_activities,
        )
        # once only
        with freeze_time("2025-12-16"):
            again = Plan._cron_check_half_year()
        self.assertNotIn(self.company, again.company_id)
