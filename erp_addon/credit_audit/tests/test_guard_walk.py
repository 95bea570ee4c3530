"""The generic guard walk over credit_audit's guarded models in every state."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import TODAY, AuditCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, AuditCase):
    guard_modules = ("credit_audit",)

    @classmethod
    def _guard_samples(cls):
        draft_audit = cls.make_audit(start=False)
        audit = cls.make_audit()
        draft = cls.make_finding(audit)
        opened = cls.make_finding(audit, state="open")
        to_verify = cls.make_finding(audit, state="to_verify")
        verified = cls.make_finding(audit, state="verified")
        cancelled = cls.make_finding(audit, state="cancelled")
        Accountability = cls.Accountability.with_user(cls.auditor)
        to_decide = Accountability.create(
            {
                "finding_id": opened.id,
                "employee_id": cls.employee.id,
                "measure": "criticism",
                "description": "Late",
            }
        )
        decided = Accountability.create(
            {
                "finding_id": verified.id,
                "employee_id": cls.employee.id,
                "measure": "bonus",
                "description": "Past the limit",
            }
        )
        decided.with_user(cls.manager).write({"outcome": "Withheld"})
        decided.with_user(cls.manager).action_decide()
        closed = cls.make_audit()
        closed.with_user(cls.auditor).action_close()
        return {
            "credit.audit": draft_audit | audit | closed,
            "credit.audit.finding": draft | opened | to_verify | verified | cancelled,
            "credit.audit.followup": to_verify.followup_ids | verified.followup_ids,
            "credit.audit.accountability": to_decide | decided,
        }

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.audit.finding"].mapped("state"),
            ["draft", "open", "to_verify", "verified", "cancelled"],
        )
        self.assertEqual(
            self.samples["credit.audit"].mapped("state"), ["draft", "in_progress", "closed"]
        )
