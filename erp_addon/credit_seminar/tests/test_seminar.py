from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import TODAY, SeminarCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestSeminar(SeminarCase):
    def test_flow_draft_held_closed(self):
        """The head of the department holds and closes; each owner gets one activity in
        the owner's language, created together."""
        load_zh_cn(self.env)
        self.analyst.lang = "zh_CN"
        seminar = self.make_seminar(kind="case_review")
        self.assertEqual(seminar.state, "draft")
        self.assertTrue(seminar.name.startswith("SEM/"))
        self.assertEqual(seminar.organiser_id, self.manager)
        conclusion = self.add_conclusion(seminar)
        action_1 = self.add_action(seminar, self.analyst)
        action_2 = self.add_action(seminar, self.manager, "Review the limit", "2026-07-15")
        seminar.with_user(self.manager).action_hold()
        self.assertRecordValues(
            seminar,
            [
                {
                    "state": "held",
                    "date_held": seminar.date,
                    "attendee_ids": (self.emp_manager | self.emp_analyst).ids,
                }
            ],
        )
        # the analyst did not come after all
        seminar.with_user(self.manager).attendee_ids = [Command.unlink(self.emp_analyst.id)]
        seminar.with_user(self.manager).action_close()
        self.assertRecordValues(seminar, [{"state": "closed", "closed_by_id": self.manager.id}])
        self.assertEqual(conclusion.seminar_state, "closed")
        self.assertEqual(action_1.activity_id.user_id, self.analyst)
        self.assertEqual(action_1.activity_id.date_deadline.isoformat(), "2026-06-30")
        self.assertIn("案例评析会", action_1.activity_id.summary)
        self.assertIn("Send a dunning letter", action_1.activity_id.summary)
        self.assertIn("Case Review", action_2.activity_id.summary)
        self.assertEqual(seminar.activity_ids, action_1.activity_id | action_2.activity_id)
        self.assertIn(self.analyst.partner_id, seminar.message_partner_ids)

    def test_closed_is_locked_and_undeletable(self):
        seminar = self.make_seminar()
        conclusion = self.add_conclusion(seminar)
        action = self.add_action(seminar, self.analyst)
        seminar.action_hold()
        seminar.with_user(self.manager).action_close()
        as_manager = seminar.with_user(self.manager)
        with self.assertRaisesText(UserError, "Conclusion can no longer be changed"):
            conclusion.with_user(self.manager).name = "Something else"
        with self.assertRaisesText(UserError, "its conclusions and actions can no longer"):
            self.add_conclusion(seminar, "One more")
        with self.assertRaisesText(UserError, "Deadline can no longer be changed"):
            action.with_user(self.manager).date_deadline = "2026-12-31"
        with self.assertRaisesText(UserError, "can no longer be changed"):
            as_manager.title = "Renamed"
        with self.assertRaisesText(UserError, "it cannot be deleted"):
            as_manager.unlink()
        with self.assertRaisesText(UserError, "it cannot be deleted"):
            conclusion.with_user(self.manager).unlink()
        with self.assertRaisesText(UserError, "this step does not apply"):
            as_manager.action_close()

    def test_draft_is_deletable(self):
        seminar = self.make_seminar()
        self.add_conclusion(seminar)
        seminar.with_user(self.manager).unlink()
        self.assertFalse(seminar.exists())

    def test_states_only_through_methods(self):
        seminar = self.make_seminar()
        with self.assertRaisesText(AccessError, "set by its workflow"):
            seminar.with_user(self.manager).state = "closed"
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.make_seminar(state="held")

    def test_only_a_manager_runs_and_closes(self):
        seminar = self.make_seminar()
        self.add_conclusion(seminar)
        with self.assertRaises(AccessError):
            self.make_seminar(user=self.analyst)
        with self.assertRaisesText(AccessError, "Only its organiser or a credit manager"):
            seminar.with_user(self.analyst).action_hold()
        seminar.with_user(self.manager_2).action_hold()
        with self.assertRaisesText(AccessError, "Only a credit manager may close a seminar."):
            seminar.with_user(self.analyst).action_close()

    def test_bad_input(self):
        seminar = self.make_seminar(participant_ids=[])
        with self.assertRaisesText(UserError, "has no participants"):
            seminar.with_user(self.manager).action_hold()
        later = self.make_seminar(date="2026-06-20")
        with self.assertRaisesText(UserError, "planned for a later day"):
            later.with_user(self.manager).action_hold()
        with self.assertRaisesText(UserError, "Attendance is recorded once the meeting is held."):
            later.with_user(self.manager).attendee_ids = [Command.set(self.emp_manager.ids)]
        no_conclusion = self.make_seminar()
        no_conclusion.with_user(self.manager).action_hold()
        with self.assertRaisesText(ValidationError, "must be among the participants"):
            no_conclusion.with_user(self.manager).attendee_ids = [Command.link(self.emp_sales.id)]
        with self.assertRaisesText(UserError, "has no conclusion"):
            no_conclusion.with_user(self.manager).action_close()
        self.assertEqual(no_conclusion.state, "held")

    def test_form_as_the_web_client(self):
        """The manager fills the form as the web client does: conclusions and actions in
        their lists, then the buttons."""
        form = Form(self.env["credit.seminar"].with_user(self.manager))
        form.title = "Case review of Credit Customer"
        form.kind = "case_review"
        form.participant_ids.add(self.emp_manager)
        form.partner_ids.add(self.customer)
        with form.conclusion_ids.new() as line:
            line.name = "Prepayment until the arrears are paid"
            line.partner_id = self.customer
        with form.action_ids.new() as line:
            line.name = "Tell the sales department"
            line.user_id = self.analyst
            line.date_deadline = "2026-06-25"
        seminar = form.save()
        seminar.action_hold()
        seminar.action_close()
        self.assertEqual(seminar.state, "closed")
        self.assertEqual(seminar.action_ids.activity_id.user_id, self.analyst)
