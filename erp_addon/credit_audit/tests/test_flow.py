from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, AuditCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestFindingFlow(AuditCase):
    def test_full_flow_by_roles(self):
        """The auditor records the audit and the finding and starts its rectification; the
        responsible person follows it up (dialog) and reports it done; a credit manager
        verifies it; the audit closes."""
        audit = self.make_audit()
        self.assertEqual(audit.state, "in_progress")
        self.assertTrue(audit.name.startswith("AUD/2026/"))
        finding = self.make_finding(audit)
        finding.with_user(self.auditor).action_confirm()
        self.assertEqual(finding.state, "open")
        self.assertEqual(str(finding.date_confirmed), TODAY)
        self.assertIn(self.staff.partner_id, finding.message_partner_ids)
        # the responsible person writes a follow-up in the dialog the button opens
        action = finding.with_user(self.staff).action_add_followup()
        with Form(
            self.env[action["res_model"]].with_user(self.staff).with_context(**action["context"])
        ) as form:
            form.date = "2026-06-14"
            form.note = "All excess shipments approved since June"
        followup = form.save()
        self.assertRecordValues(followup, [{"finding_id": finding.id, "author_id": self.staff.id}])
        finding.with_user(self.staff).action_submit()
        self.assertEqual(finding.state, "to_verify")
        with self.assertRaisesRegex(AccessError, "Only the credit manager verifies"):
            finding.with_user(self.staff).action_verify()
        finding.with_user(self.manager).action_verify()
        self.assertRecordValues(finding, [{"state": "verified", "verified_by_id": self.manager.id}])
        self.assertEqual(str(finding.date_verified), TODAY)
        audit.with_user(self.auditor).action_close()
        self.assertEqual(audit.state, "closed")
        self.assertEqual(str(audit.date_end), TODAY)
        with self.assertRaisesRegex(ValidationError, "is closed: no new findings"):
            self.make_finding(audit)

    def test_confirm_needs_responsible_plan_deadline(self):
        audit = self.make_audit()
        finding = self.make_finding(audit, employee_id=False, plan=False)
        with self.assertRaisesRegex(UserError, "fill in: Responsible Person, Rectification Plan"):
            finding.with_user(self.auditor).action_confirm()
        self.assertEqual(finding.state, "draft")
        with self.assertRaisesRegex(AccessError, "Only the auditor or the credit manager"):
            finding.with_user(self.staff).action_confirm()

    def test_audit_close_needs_findings_verified(self):
        audit = self.make_audit()
        finding = self.make_finding(audit, state="open")
        with self.assertRaisesRegex(UserError, "still has findings not verified"):
            audit.with_user(self.auditor).action_close()
        with self.assertRaisesRegex(UserError, "Only the auditor of"):
            audit.with_user(self.auditor_2).action_close()
        self.assertEqual(finding.state, "open")

    def test_deadline_not_back_dated(self):
        audit = self.make_audit()
        with self.assertRaisesRegex(ValidationError, "cannot be back-dated before today"):
            self.make_finding(audit, date_deadline="2026-06-14")
        finding = self.make_finding(audit, state="open")
        with self.assertRaisesRegex(ValidationError, "cannot be back-dated before today"):
            finding.with_user(self.auditor).write({"date_deadline": "2026-06-01"})
        finding.with_user(self.auditor).write({"date_deadline": "2026-07-15"})
        self.assertEqual(str(finding.date_deadline), "2026-07-15")

    def test_responsible_writable_while_draft_by_auditor_only(self):
        audit = self.make_audit()
        finding = self.make_finding(audit)
        finding.with_user(self.auditor).write({"employee_id": self.employee_2.id})
        self.assertEqual(finding.responsible_user_id, self.staff_2)
        with self.assertRaises(AccessError):
            finding.with_user(self.administrator).write({"employee_id": self.employee.id})
        finding.with_user(self.auditor).action_confirm()
        with self.assertRaisesRegex(UserError, "Responsible Person can no longer be changed"):
            finding.with_user(self.manager).write({"employee_id": self.employee.id})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            finding.with_user(self.manager).write({"department_id": False})
        self.assertEqual(finding.employee_id, self.employee_2)

    def test_nobody_on_their_own_finding(self):
        audit = self.make_audit()
        with self.assertRaisesRegex(AccessError, "about themselves"):
            self.Finding.with_user(self.manager).create(
                {
                    "audit_id": audit.id,
                    "name": "Own",
                    "description": "Own",
                    "employee_id": self.manager_employee.id,
                }
            )
        finding = self.make_finding(audit, employee=self.manager_employee, state="to_verify")
        with self.assertRaisesRegex(AccessError, "Nobody verifies the rectification they are"):
            finding.with_user(self.manager).action_verify()
        finding.with_user(self.manager_2).action_verify()
        self.assertEqual(finding.state, "verified")

    def test_submit_by_responsible_with_followup(self):
        audit = self.make_audit()
        finding = self.make_finding(audit, state="open")
        with self.assertRaisesRegex(UserError, "Record a follow-up of what was done"):
            finding.with_user(self.staff).action_submit()
        with self.assertRaises(AccessError):
            self.Followup.with_user(self.staff_2).create(
                {"finding_id": finding.id, "note": "Not mine"}
            )
        followup = self.Followup.with_user(self.staff).create(
            {"finding_id": finding.id, "note": "Done"}
        )
        with self.assertRaisesRegex(UserError, "it is kept as written"):
            followup.with_user(self.auditor).write({"note": "Changed"})
        with self.assertRaises(AccessError):
            followup.with_user(self.auditor).unlink()
        with self.assertRaisesRegex(ValidationError, "not dated in the future"):
            self.Followup.with_user(self.staff).create(
                {"finding_id": finding.id, "note": "Later", "date": "2026-06-20"}
            )
        finding.with_user(self.staff).action_submit()
        self.assertEqual(finding.state, "to_verify")

    def test_content_changed_after_verification_voids_it(self):
        audit = self.make_audit()
        finding = self.make_finding(audit, state="verified")
        # writing the same value is no change
        finding.with_user(self.auditor).write({"plan": finding.plan})
        self.assertEqual(finding.state, "verified")
        finding.with_user(self.auditor).write({"plan": "A lighter plan"})
        self.assertRecordValues(
            finding, [{"state": "to_verify", "verified_by_id": False, "date_verified": False}]
        )
        self.assertIn("The verification was voided", finding.message_ids[0].body)
        finding.with_user(self.manager_2).action_reopen()
        self.assertEqual(finding.state, "open")

    def test_states_only_through_methods(self):
        audit = self.make_audit()
        finding = self.make_finding(audit, state="open")
        with self.assertRaisesRegex(AccessError, "is set by its workflow"):
            finding.with_user(self.manager).write({"state": "verified"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            finding.with_user(self.auditor).unlink()
        with self.assertRaisesRegex(UserError, "this cannot be done now"):
            finding.with_user(self.manager).action_verify()

    def test_partner_smart_button(self):
        audit = self.make_audit()
        finding = self.make_finding(audit)
        partner = self.customer.with_user(self.administrator)
        self.assertEqual(partner.credit_audit_finding_count, 1)
        action = partner.action_credit_audit_findings()
        self.assertEqual(
            self.Finding.with_user(self.administrator).search(action["domain"]), finding
        )

    def test_audit_findings_button(self):
        """The audit's Findings button lists its findings, and a finding made from that
        list belongs to the audit."""
        audit = self.make_audit()
        finding = self.make_finding(audit)
        self.make_finding(self.make_audit())
        action = audit.with_user(self.administrator).action_open_findings()
        self.assertEqual(
            self.Finding.with_user(self.administrator).search(action["domain"]), finding
        )
        self.assertEqual(action["context"], {"default_audit_id": audit.id})
