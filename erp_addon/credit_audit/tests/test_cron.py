from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_audit.models import credit_audit_finding_cron

from .common import AuditCase

ACTIVITY = "credit_audit.mail_activity_type_rectification_overdue"


@tagged("post_install", "-at_install")
class TestOverdueReminders(AuditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["credit_audit"], ["zh_CN"])
        cls.staff.lang = "zh_CN"
        with freeze_time("2026-06-01"):
            cls.audit = cls.make_audit()
            cls.late = cls.make_finding(cls.audit, state="open", date_deadline="2026-06-10")
            cls.late_2 = cls.make_finding(
                cls.audit, state="open", employee=cls.employee_2, date_deadline="2026-06-12"
            )
            cls.on_time = cls.make_finding(cls.audit, state="open", date_deadline="2026-06-30")
            cls.done = cls.make_finding(cls.audit, state="to_verify", date_deadline="2026-06-05")

    def _activities(self, finding):
        return finding.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(ACTIVITY))

    @freeze_time("2026-06-15")
    def test_overdue_remind_responsible_and_managers_in_their_language(self):
        reminded = self.Finding.with_user(
            self.env.ref("base.user_root")
        )._cron_overdue_rectifications()
        self.assertEqual(reminded, self.late | self.late_2)
        activities = self._activities(self.late)
        expected = self.staff | self.manager | self.manager_2 | self.committee
        self.assertEqual(activities.user_id & expected, expected)
        self.assertNotIn(self.auditor, activities.user_id)
        staff_activity = activities.filtered(lambda a: a.user_id == self.staff)
        self.assertIn("整改", staff_activity.summary)
        manager_activity = activities.filtered(lambda a: a.user_id == self.manager)
        self.assertIn("was due on 06/10/2026", manager_activity.summary)
        self.assertFalse(self._activities(self.on_time) | self._activities(self.done))
        # once: not again the next day
        self.assertFalse(self.Finding._cron_overdue_rectifications())
        # reported done: the reminder goes
        self.env["credit.audit.followup"].with_user(self.staff).create(
            {"finding_id": self.late.id, "note": "Done"}
        )
        self.late.with_user(self.staff).action_submit()
        self.assertFalse(self._activities(self.late))

    @freeze_time("2026-06-15")
    def test_failing_record_skipped(self):
        real = credit_audit_finding_cron.format_date

        def format_date(env, value, *args, **kwargs):
            if str(value) == "2026-06-10":
                raise ValueError("broken record")
            return real(env, value, *args, **kwargs)

        with (
            patch.object(credit_audit_finding_cron, "format_date", format_date),
            self.assertLogs("odoo.addons.credit_management.tools.reminders", "ERROR"),
        ):
            reminded = self.Finding._cron_overdue_rectifications()
        self.assertEqual(reminded, self.late_2)
        self.assertFalse(self._activities(self.late))
        self.assertTrue(self._activities(self.late_2))
