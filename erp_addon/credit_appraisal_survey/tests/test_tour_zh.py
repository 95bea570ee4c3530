from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_appraisal.tests.common import MANAGER, AppraisalCase
from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn


@tagged("post_install", "-at_install", "credit_appraisal_survey")
class TestSurveyTourZh(AppraisalCase, HttpCase):
    """A training exam as a survey certification with its results, walked in Chinese by the
    credit manager who runs the trainings (a survey officer: the certification is a survey)
    (static/tests/tours/credit_appraisal_survey_zh_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env, ["survey", "hr"])
        cls.trainer = new_test_user(
            cls.env,
            login="zh_as_manager",
            name="ZH Training Manager",
            groups=f"base.group_user,{MANAGER},survey.group_survey_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            lang="zh_CN",
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "合同法认证考试",
                "access_mode": "public",
                "scoring_type": "scoring_with_answers",
                "certification": True,
                "is_attempts_limited": False,
            }
        )
        cls.questions = cls.env["survey.question"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "title": f"第 {n} 题",
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        Command.create({"value": "对", "is_correct": True, "answer_score": 10}),
                        Command.create({"value": "错", "answer_score": 0}),
                    ],
                }
                for n in range(1, 6)
            ]
        )

    def attempt(self, employee, right):
        """A finished attempt of ``employee`` with ``right`` right answers of five."""
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

    def test_survey_exam_zh(self):
        self.start_tour("/odoo", "credit_appraisal_survey_zh_session", login=self.trainer.login)
        session = self.env["credit.training.session"].search(
            [("name", "=", "合同法培训（上半年）")]
        )
        self.assertRecordValues(
            session,
            [
                {
                    "session_type": "legal",
                    "assessment": "exam",
                    "survey_id": self.survey.id,
                    "create_uid": self.trainer.id,
                }
            ],
        )
        self.assertEqual(session.invited_ids, self.emp_a)
        self.assertEqual(session.attendee_ids, self.emp_a)

        user_input = self.attempt(self.emp_a, 2)
        result = session.result_ids
        self.assertRecordValues(
            result,
            [
                {
                    "employee_id": self.emp_a.id,
                    "user_input_id": user_input.id,
                    "score": 40,
                    "passed": False,
                    "makeup_required": True,
                }
            ],
        )
        self.assertEqual(result.fee_id.amount, 30)

        self.start_tour("/odoo", "credit_appraisal_survey_zh_results", login=self.trainer.login)
