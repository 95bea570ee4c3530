"""The generic guard walk over credit_seminar's guarded models: seminars, conclusions and
actions in every state."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import TODAY, SeminarCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, SeminarCase):
    guard_modules = ("credit_seminar",)

    @classmethod
    def _guard_samples(cls):
        seminars = cls.env["credit.seminar"]
        for state in ("draft", "held", "closed"):
            seminar = cls.make_seminar(title=f"Seminar {state}")
            cls.add_conclusion(seminar)
            cls.add_action(seminar, cls.analyst)
            if state != "draft":
                seminar.with_user(cls.manager).action_hold()
            if state == "closed":
                seminar.with_user(cls.manager).action_close()
            seminars |= seminar
        return {
            "credit.seminar": seminars,
            "credit.seminar.conclusion": seminars.conclusion_ids,
            "credit.seminar.action": seminars.action_ids,
        }

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.seminar"].mapped("state"), ["draft", "held", "closed"]
        )
