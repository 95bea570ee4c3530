from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, AuditCase

ACTIVITY = "credit_audit.mail_activity_type_accountability"


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestAccountability(AuditCase):
    def test_proposed_by_auditor_decided_by_manager(self):
        audit = self.make_audit()
        finding = self.make_finding(audit, state="open")
        action = finding.with_user(self.auditor).action_add_accountability()
        with Form(
            self.env[action["res_model"]].with_user(self.auditor).with_context(**action["context"])
        ) as form:
            form.measure = "bonus"
            form.description = "Shipped past the limit twice"
        record = form.save()
        self.assertRecordValues(
            record,
            [
                {
                    "finding_id": finding.id,
                    "employee_id": self.employee.id,
                    "state": "to_decide",
                    "proposed_by_id": self.auditor.id,
                }
            ],
        )
        # the credit managers are asked to decide
        activities = record.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(ACTIVITY)
        )
        self.assertIn(self.manager, activities.user_id)
        # the outcome is the credit manager's to write
        with self.assertRaisesRegex(AccessError, "You may not change Outcome"):
            record.with_user(self.auditor).write({"outcome": "Bonus withheld"})
        with self.assertRaisesRegex(AccessError, "Only the credit manager or the committee"):
            record.with_user(self.auditor).action_decide()
        with self.assertRaisesRegex(UserError, "Write the outcome before"):
            record.with_user(self.manager).action_decide()
        record.with_user(self.manager).write({"outcome": "Half of the June bonus withheld"})
        record.with_user(self.manager).action_decide()
        self.assertRecordValues(record, [{"state": "decided", "decided_by_id": self.manager.id}])
        self.assertEqual(str(record.date_decided), TODAY)
        self.assertFalse(record.activity_ids)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            record.with_user(self.committee).write({"outcome": "Nothing"})
        # nobody deletes it: no role has the right, and the guard refuses even so
        with self.assertRaises(AccessError):
            record.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "is a record of a decision"):
            record.with_user(self.manager)._guard_unlink_decisions()

    def test_not_by_the_person_concerned(self):
        audit = self.make_audit()
        finding = self.make_finding(audit, employee=self.manager_employee, state="open")
        record = self.Accountability.with_user(self.auditor).create(
            {
                "finding_id": finding.id,
                "employee_id": self.manager_employee.id,
                "measure": "criticism",
                "description": "Approved own shipment",
            }
        )
        with self.assertRaisesRegex(AccessError, "their own accountability"):
            record.with_user(self.manager).action_decide()
        with self.assertRaisesRegex(AccessError, "their own accountability"):
            record.with_user(self.manager).write({"description": "Softer"})
        record.with_user(self.committee).write({"outcome": "Criticised"})
        record.with_user(self.committee).action_decide()
        self.assertEqual(record.decided_by_id, self.committee)

    def test_not_on_a_draft_finding(self):
        audit = self.make_audit()
        finding = self.make_finding(audit)
        with self.assertRaisesRegex(UserError, "this cannot be done now"):
            finding.with_user(self.auditor).action_add_accountability()
        with self.assertRaisesRegex(UserError, "no accountability on it"):
            self.Accountability.with_user(self.auditor).create(
                {
                    "finding_id": finding.id,
                    "employee_id": self.employee.id,
                    "measure": "criticism",
                    "description": "Too early",
                }
            )
