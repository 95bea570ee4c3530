from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestRegister(AppraisalCase):
    def test_registration_records_history(self):
        self.assertEqual(self.admin_a.qualification_state, "qualified")
        self.assertEqual(self.admin_a.event_ids.kind, "qualified")
        self.assertEqual(self.admin_a.name, "Admin A")
        self.assertEqual(self.admin_b.employment, "part_time")
        self.assertEqual(self.emp_a.sudo().credit_qualification_state, "qualified")

    def test_create_refuses_flow_fields(self):
        Admin = self.env["credit.administrator"].with_user(self.manager)
        vals = {"employee_id": self.emp_plain.id, "company_id": self.company.id}
        for extra in ({"qualification_state": "revoked"}, {"date_revoked": "2024-01-01"}):
            with self.assertRaisesText(AccessError, "set by its workflow"):
                Admin.create(dict(vals, **extra))
        # context defaults are ignored
        admin = Admin.with_context(default_qualification_state="revoked").create(vals)
        self.assertEqual(admin.qualification_state, "qualified")
        self.assertFalse(admin.date_revoked)

    def test_qualification_not_writable(self):
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.admin_a.with_user(self.manager).write({"qualification_state": "revoked"})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.admin_a.with_user(self.committee).write({"qualification_state": "revoked"})
        self.assertEqual(self.admin_a.qualification_state, "qualified")

    def test_one_registration_per_employee(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.env["credit.administrator"].create(
                    {"employee_id": self.emp_a.id, "company_id": self.company.id}
                )

    def test_revocation_needs_legal_representative(self):
        with self.assertRaisesText(AccessError, "Only a credit manager"):
            self.admin_a.with_user(self.assessor).action_propose_revocation("bad")
        with self.assertRaisesText(UserError, "Give the reason"):
            self.admin_a.with_user(self.manager).action_propose_revocation("")
        self.admin_a.with_user(self.manager).action_propose_revocation("Forged a seal use")
        self.assertEqual(self.admin_a.qualification_state, "revocation_pending")
        event = self.admin_a.event_ids.filtered(lambda e: e.state == "pending")
        self.assertEqual(event.reason, "Forged a seal use")
        # not in force until the legal representative decides
        with self.assertRaisesText(AccessError, "Only the legal representative"):
            event.with_user(self.manager).action_approve()
        with self.assertRaisesText(AccessError, "set by its workflow"):
            event.with_user(self.manager).write({"state": "done"})
        self.assertEqual(self.admin_a.qualification_state, "revocation_pending")
        event.with_user(self.committee).action_approve()
        self.assertEqual(self.admin_a.qualification_state, "revoked")
        self.assertEqual(event.approved_by_id, self.committee)
        self.assertTrue(self.admin_a.date_revoked)
        with self.assertRaisesText(UserError, "not awaiting a decision"):
            event.with_user(self.committee).action_approve()
        self.admin_a.with_user(self.committee).action_reinstate("Re-examined")
        self.assertEqual(self.admin_a.qualification_state, "qualified")
        self.assertEqual(self.admin_a.event_ids[0].reason, "Re-examined")

    def test_refused_revocation_keeps_qualification(self):
        self.admin_b.with_user(self.manager).action_propose_revocation("Suspicion")
        event = self.admin_b.event_ids.filtered(lambda e: e.state == "pending")
        event.with_user(self.committee).action_refuse()
        self.assertEqual(event.state, "refused")
        self.assertEqual(self.admin_b.qualification_state, "qualified")

    def test_events_not_created_by_hand(self):
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.env["credit.administrator.event"].with_user(self.manager).create(
                {"administrator_id": self.admin_a.id, "kind": "revocation", "reason": "x"}
            )

    def test_hr_reads_register_only(self):
        self.assertEqual(self.admin_a.with_user(self.hr_user).employment, "full_time")
        with self.assertRaisesText(AccessError, "not allowed to modify"):
            self.admin_a.with_user(self.hr_user).write({"employment": "part_time"})
