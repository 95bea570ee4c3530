from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk


@tagged("post_install", "-at_install", "credit_appraisal_survey")
class TestGuardWalk(guard_walk.GuardWalkCase):
    """The guards this add-on adds to credit_appraisal's models: the certification
    attempt and validity of a result (flow), the certification of a session once results
    exist (lock)."""

    guard_modules = ("credit_appraisal_survey",)

    def _models_walked(self):
        # the models are credit_appraisal's (walked there too); walked here again with
        # the fields this add-on guards
        return ["credit.training.result", "credit.training.session"]

    @classmethod
    def _guard_samples(cls):
        env = cls.env
        company = env["res.company"].create({"name": "Guard Walk Survey Co"})
        for user in cls.role_users.values():
            user.company_ids |= company
        env = env(context=dict(env.context, allowed_company_ids=[company.id]))
        partners = env["res.partner"].create([{"name": f"Walk Taker {n}"} for n in range(2)])
        employees = env["hr.employee"].create(
            [
                {"name": partner.name, "company_id": company.id, "work_contact_id": partner.id}
                for partner in partners
            ]
        )
        survey = env["survey.survey"].create(
            {
                "title": "Walk certification",
                "access_mode": "public",
                "scoring_type": "scoring_with_answers",
                "is_attempts_limited": False,
            }
        )
        question = env["survey.question"].create(
            {
                "survey_id": survey.id,
                "title": "Question",
                "question_type": "simple_choice",
                "suggested_answer_ids": [
                    Command.create({"value": "right", "is_correct": True, "answer_score": 10}),
                    Command.create({"value": "wrong", "answer_score": 0}),
                ],
            }
        )
        Session = env["credit.training.session"]
        common = {
            "session_type": "legal",
            "assessment": "exam",
            "company_id": company.id,
            "invited_ids": [Command.set(employees.ids)],
            "survey_id": survey.id,
        }
        open_session = Session.create(dict(common, name="Walk open", date="2018-02-01"))
        taken = Session.create(dict(common, name="Walk taken", date="2018-03-01"))
        # the open session takes no attempt: its survey is another
        open_session.write({"survey_id": survey.copy().id})
        results = env["credit.training.result"]
        with freeze_time("2018-03-02"):
            for partner, right in zip(partners, (True, False), strict=True):
                user_input = env["survey.user_input"].create(
                    {"survey_id": survey.id, "partner_id": partner.id}
                )
                answer = question.suggested_answer_ids.filtered(
                    lambda a, ok=right: a.is_correct == ok
                )
                user_input._save_lines(question, answer.id)
                user_input._mark_done()
                results |= taken.result_ids.filtered(lambda r, ui=user_input: r.user_input_id == ui)
        return {
            "credit.training.session": open_session | taken,
            "credit.training.result": results,
        }

    def test_samples_from_the_survey(self):
        results = self.samples["credit.training.result"]
        self.assertEqual(len(results), 2)
        self.assertTrue(all(results.mapped("user_input_id")))
        self.assertEqual(results.mapped("passed"), [True, False])
        self.assertTrue(results[0].certification_valid_until)
        self.assertIn("user_input_id", results._guard_flow())
        sessions = self.samples["credit.training.session"]
        self.assertEqual(sessions.mapped("result_state"), ["open", "assessed"])
        self.assertIn("survey_id", sessions._guard_locked_fields("assessed"))
