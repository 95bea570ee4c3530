from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_appraisal.tests.common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal_survey")
class TestSurveyExam(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Contract law certification",
                "access_mode": "public",
                "scoring_type": "no_scoring",
                "is_attempts_limited": False,
            }
        )
        cls.questions = cls.env["survey.question"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "title": f"Question {n}",
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        Command.create({"value": "right", "is_correct": True, "answer_score": 10}),
                        Command.create({"value": "wrong", "answer_score": 0}),
                    ],
                }
                for n in range(5)
            ]
        )
        cls.session = cls.make_session("Contract law by survey", "legal", "2025-03-10")
        cls.session.write({"survey_id": cls.survey.id, "certification_validity_months": 24})

    def attempt(self, employee, right):
        user_input = self.env["survey.user_input"].create(
            {"survey_id": self.survey.id, "partner_id": employee.user_id.partner_id.id}
        )
        for n, question in enumerate(self.questions):
            answer = question.suggested_answer_ids.filtered(
                lambda a, ok=n < right: a.is_correct == ok
            )
            user_input._save_lines(question, answer.id)
        user_input._mark_done()
        return user_input

    def test_pass_mark_synced(self):
        self.assertTrue(self.survey.certification)
        self.assertEqual(self.survey.scoring_success_min, 60)
        self.assertNotEqual(self.survey.scoring_type, "no_scoring")
        with self.assertRaisesText(ValidationError, "Only an exam session"):
            self.session.assessment = "sample"

    @freeze_time("2025-03-12")
    def test_attempts_are_exam_and_makeup(self):
        first = self.attempt(self.emp_a, 2)
        result = self.session.result_ids.filtered(lambda r: r.employee_id == self.emp_a)
        self.assertEqual(result.user_input_id, first)
        self.assertEqual(result.score, 40)
        self.assertFalse(result.passed)
        self.assertEqual(result.fee_id.amount, 30)
        self.assertFalse(result.certification_valid_until)
        self.assertFalse(self.emp_a.sudo().credit_certification_valid_until)
        # the next attempt is the make-up exam
        self.attempt(self.emp_a, 4)
        makeup = result.makeup_ids
        self.assertEqual(makeup.attempt, 2)
        self.assertEqual(makeup.score, 80)
        self.assertTrue(makeup.passed)
        self.assertFalse(makeup.fee_id)
        self.assertFalse(result.makeup_required)
        self.assertEqual(str(makeup.certification_valid_until), "2027-03-12")
        self.emp_a.invalidate_recordset()
        self.assertEqual(str(self.emp_a.sudo().credit_certification_valid_until), "2027-03-12")
        # after a pass, further attempts do not count
        self.attempt(self.emp_a, 0)
        self.assertEqual(len(self.session.result_ids), 2)
        # the validity and the attempt are not typed in
        with self.assertRaisesText(AccessError, "set by its workflow"):
            makeup.with_user(self.manager).write({"certification_valid_until": "2099-01-01"})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            makeup.with_user(self.manager).write({"user_input_id": first.id})
        # the certification the results were taken with is kept
        with self.assertRaisesText(UserError, "Certification can no longer be changed"):
            self.session.with_user(self.manager).write({"survey_id": False})

    def test_outsiders_and_test_entries_ignored(self):
        outsider = self.env["res.partner"].create({"name": "Visitor"})
        user_input = self.env["survey.user_input"].create(
            {"survey_id": self.survey.id, "partner_id": outsider.id}
        )
        user_input._mark_done()
        test_input = self.env["survey.user_input"].create(
            {
                "survey_id": self.survey.id,
                "partner_id": self.emp_b.user_id.partner_id.id,
                "test_entry": True,
            }
        )
        test_input._mark_done()
        self.assertFalse(self.session.result_ids)
