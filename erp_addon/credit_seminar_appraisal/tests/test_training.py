from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn
from odoo.addons.credit_seminar.tests.common import TODAY, SeminarCase


def closed_seminar(case, **vals):
    seminar = case.make_seminar(**vals)
    case.add_conclusion(seminar)
    seminar.with_user(case.manager).action_hold()
    seminar.with_user(case.manager).attendee_ids = [Command.unlink(case.emp_analyst.id)]
    seminar.with_user(case.manager_2).action_close()
    return seminar


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestSeminarTraining(SeminarCase):
    def test_attendance_counts_as_training(self):
        self.company.write(
            {"credit_seminar_training": True, "credit_seminar_training_type": "legal"}
        )
        self.emp_manager.user_id = False  # the head's own attendance is not the test here
        seminar = closed_seminar(self, kind="case_review", title="Overdue customers")
        session = seminar.training_session_id
        self.assertRecordValues(
            session,
            [
                {
                    "name": "Case Review: Overdue customers",
                    "session_type": "legal",
                    "assessment": "none",
                    "date": seminar.date,
                    "company_id": self.company.id,
                    "year": 2026,
                    "half": "1",
                }
            ],
        )
        self.assertEqual(session.invited_ids, self.emp_manager | self.emp_analyst)
        self.assertEqual(session.attendee_ids, self.emp_manager)
        with self.assertRaisesText(AccessError, "set by its workflow"):
            seminar.with_user(self.manager).training_session_id = False

    def test_not_training_unless_the_company_says_so(self):
        self.emp_manager.user_id = False
        seminar = closed_seminar(self)
        self.assertFalse(seminar.training_session_id)

    def test_nobody_records_own_attendance(self):
        self.company.credit_seminar_training = True
        seminar = self.make_seminar()
        seminar.with_user(self.manager).action_hold()
        with self.assertRaisesText(AccessError, "nobody records their own attendance"):
            seminar.with_user(self.manager).attendee_ids = [Command.unlink(self.emp_manager.id)]
        # another manager records it
        seminar.with_user(self.manager_2).attendee_ids = [Command.unlink(self.emp_manager.id)]
        self.assertEqual(seminar.attendee_ids, self.emp_analyst)


@tagged("post_install", "-at_install")
class TestSeminarTrainingTourZh(SeminarCase, HttpCase):
    def test_training_session_zh(self):
        load_zh_cn(self.env)
        self.manager.lang = "zh_CN"
        self.company.credit_seminar_training = True
        self.emp_manager.user_id = False
        with freeze_time(TODAY):
            closed_seminar(self, title="ZH 研讨会培训")
        self.start_tour("/odoo", "credit_seminar_appraisal_zh", login=self.manager.login)
