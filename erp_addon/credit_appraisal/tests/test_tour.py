from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import COMMITTEE, MANAGER, AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestTour(AppraisalCase, HttpCase):
    """The award and disqualification lists sent by the credit manager and approved by the
    legal representative in the browser, each the least-privileged user of their role
    (static/tests/tours/credit_appraisal_lists_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        # the password of each is its login
        cls.tour_manager = new_test_user(
            cls.env,
            login="tour_ap_manager",
            name="Tour Credit Manager",
            groups=f"base.group_user,{MANAGER}",
            **common,
        )
        cls.tour_legal = new_test_user(
            cls.env,
            login="tour_ap_legal",
            name="Tour Legal Representative",
            groups=f"base.group_user,{COMMITTEE}",
            **common,
        )

    def _complete(self, appraisal, scores):
        self.score_entered(appraisal, scores)
        appraisal.with_user(self.manager).action_submit()
        appraisal.with_user(self.manager).action_approve()

    def _force_low(self, appraisal):
        """Measured items at zero: the contracts of the year went badly (fixture)."""
        measured = appraisal.line_ids.filtered("compute_method")
        measured.sudo().write({"score": 0, "date_computed": "2025-12-31 10:00:00"})
        appraisal._update_totals()

    def _period(self, year, scores_a):
        period = self.make_period(year)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal_b = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        appraisal_a = period.appraisal_ids - appraisal_b
        self._force_low(appraisal_b)
        self._complete(appraisal_b, {})
        self._complete(appraisal_a, self.full(appraisal_a) | scores_a)
        return period, appraisal_a, appraisal_b

    def test_lists_tour(self):
        # Admin B failed the year before: a second failure disqualifies them
        old, _old_a, _old_b = self._period(2024, {"6.1": 10})
        old.with_user(self.manager).action_submit_lists()
        old.with_user(self.committee).action_approve_lists()
        period, appraisal_a, appraisal_b = self._period(
            2025, {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9}
        )
        self.assertEqual(appraisal_a.rating, "excellent")
        self.assertTrue(appraisal_b.failed)

        self.start_tour("/odoo", "credit_appraisal_lists_submit", login=self.tour_manager.login)
        self.assertEqual(period.award_entry_ids.appraisal_id, appraisal_a)
        self.assertRecordValues(
            period,
            [{"state": "submitted", "lists_submitted_by_id": self.tour_manager.id}],
        )
        self.assertTrue(period.date_lists_submitted)
        self.assertEqual(period.award_ids, appraisal_a)
        self.assertEqual(period.disqualification_ids, appraisal_b)
        self.assertRecordValues(appraisal_b, [{"outcome": "revocation", "failure_number": 2}])
        awaiting = period.activity_ids.filtered(lambda a: a.user_id == self.tour_legal)
        self.assertEqual(len(awaiting), 1, "the legal representative is asked to approve")

        self.start_tour("/odoo", "credit_appraisal_lists_approve", login=self.tour_legal.login)
        self.assertRecordValues(
            period, [{"state": "locked", "lists_approved_by_id": self.tour_legal.id}]
        )
        self.assertTrue(period.date_lists_approved)
        self.assertEqual(set(period.appraisal_ids.mapped("state")), {"locked"})
        self.assertFalse(period.activity_ids, "the approval request is done")
        # the approval of the disqualification is the revocation's: in force on the register
        self.assertEqual(self.admin_b.qualification_state, "revoked")
        event = period.disqualification_entry_ids.event_id
        self.assertRecordValues(
            event,
            [
                {
                    "source": "appraisal",
                    "appraisal_id": appraisal_b.id,
                    "state": "done",
                    "approved_by_id": self.tour_legal.id,
                }
            ],
        )
        self.assertEqual(appraisal_b.list_decision, "approved")
        self.assertEqual(self.admin_a.qualification_state, "qualified")
        # the chatter shows who moved the period on
        tracked = period.message_ids.filtered(
            lambda m: m.tracking_value_ids.filtered(lambda v: v.field_id.name == "state")
        )
        self.assertEqual(
            tracked.author_id, self.tour_manager.partner_id | self.tour_legal.partner_id
        )
