import json

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time
from odoo.tools import mute_logger

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
@freeze_time("2026-05-04")
class TestAppraisalOverviewCards(AppraisalCase):
    """Issue 19 #8: the trainings of this half-year and the appraisal in progress on the
    credit manager's overview; each card counts what the list it opens shows."""

    def card(self, card_type, user):
        card = self.env["credit.overview.card"].search([("card_type", "=", card_type)], limit=1)
        self.assertTrue(card, f"the {card_type} card ships with credit_appraisal")
        # figured afresh (as each request of the web client does)
        card.invalidate_model()
        return card.with_user(user).with_company(self.company)

    def listed(self, card, user):
        action = card.action_open()
        Model = self.env[action["res_model"]].with_user(user).with_company(self.company)
        return Model.with_context(**action["context"]).search(action["domain"])

    def test_trainings_due_this_half_year(self):
        self.company.credit_training_per_half = 1
        self.make_session("Integrity H1", "integrity", "2026-03-10")
        due = self.make_session("Contract law", "legal", "2026-06-10")
        self.make_session("Company law", "legal", "2026-08-01")
        card = self.card("training_due", self.manager)
        listed = self.listed(card, self.manager)
        self.assertEqual(listed, due)
        self.assertEqual(card.card_count, 1)
        lines = json.loads(card.card_lines)
        self.assertEqual(
            lines[:2],
            [
                {"name": "Integrity Education", "value": "1 of 1"},
                {"name": "Legal Knowledge", "value": "1 of 1"},
            ],
        )
        self.assertEqual(lines[2]["name"], "Contract law")

    def test_appraisal_in_progress(self):
        period = self.make_period(2026)
        period.with_user(self.manager).action_generate_appraisals()
        appraisals = period.appraisal_ids
        self.assertTrue(appraisals)
        card = self.card("appraisal_progress", self.manager)
        self.assertEqual(self.listed(card, self.manager), appraisals)
        self.assertEqual(card.card_count, len(appraisals))
        graph = json.loads(card.card_graph)
        self.assertEqual(graph["labels"], ["Draft", "Submitted", "Approved", "Locked"])
        self.assertEqual(graph["datasets"][0]["data"], [len(appraisals), 0, 0, 0])
        self.assertEqual(graph["x_title"], "Status")
        # an administrator reads their own appraisal only: the card counts that one
        own = self.card("appraisal_progress", self.user_a)
        listed = self.listed(own, self.user_a)
        self.assertEqual(own.card_count, len(listed))
        self.assertEqual(listed, appraisals.filtered(lambda a: a.user_id == self.user_a))


@tagged("post_install", "-at_install", "credit_appraisal")
class TestResultFormTour(AppraisalCase, HttpCase):
    """Issue 19 #12 in the browser: the exam result form figures as typed and highlights
    the field the server refuses (static/tests/tours/credit_appraisal_result_form_tour.js)."""

    def test_result_form(self):
        session = self.make_session("Tour exam", "legal", fields.Date.today())
        # the refused save is logged by the web server as the warning it is: expected
        with mute_logger("odoo.http"):
            self.start_tour(
                "/odoo/action-credit_appraisal.action_credit_training_result/new",
                "credit_appraisal_result_form",
                login=self.manager.login,
            )
        result = self.env["credit.training.result"].search([("session_id", "=", session.id)])
        self.assertRecordValues(
            result,
            [
                {
                    "employee_id": self.emp_a.id,
                    "score": 75.0,
                    "pass_mark": 60.0,
                    "passed": True,
                    "makeup_required": False,
                    "attempt": 1,
                }
            ],
        )
        self.assertFalse(result.fee_id)
