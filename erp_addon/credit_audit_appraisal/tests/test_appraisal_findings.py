"""Findings on a person show on their appraisal of the year as evidence for the assessor;
those of another year or person do not, and a reader without access to findings sees none."""

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_appraisal.tests.common import AppraisalCase


def make_audit_finding(case, employee, date_start, name, user):
    audit = (
        case.env["credit.audit"]
        .with_user(user)
        .create(
            {
                "title": f"Audit {date_start}",
                "scope": "Contracts",
                "date_start": date_start,
                "auditor_id": user.id,
                "company_id": case.company.id,
            }
        )
    )
    audit.action_start()
    return (
        case.env["credit.audit.finding"]
        .with_user(user)
        .create(
            {
                "audit_id": audit.id,
                "name": name,
                "description": name,
                "area": "contract",
                "employee_id": employee.id,
            }
        )
    )


@freeze_time("2025-12-01")
@tagged("post_install", "-at_install")
class TestAppraisalFindings(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auditor = new_test_user(
            cls.env,
            login="caa_auditor",
            groups="base.group_user,credit_audit.group_credit_auditor",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.period = cls.make_period(2025)
        cls.period.with_user(cls.manager).action_generate_appraisals()
        cls.appraisal_a = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal_a.assessor_ids = [Command.set(cls.assessor.ids)]
        cls.finding = make_audit_finding(
            cls, cls.emp_a, "2025-09-01", "Review forms incomplete", cls.auditor
        )
        make_audit_finding(cls, cls.emp_a, "2024-09-01", "Last year's finding", cls.auditor)
        make_audit_finding(cls, cls.emp_b, "2025-09-01", "Someone else's", cls.auditor)

    def test_findings_on_the_person_show_to_the_assessor(self):
        appraisal = self.appraisal_a.with_user(self.assessor)
        self.assertEqual(appraisal.audit_finding_ids, self.finding)
        self.assertEqual(appraisal.audit_finding_count, 1)
        self.assertEqual(appraisal.audit_finding_ids.name, "Review forms incomplete")

    def test_cancelled_findings_left_out(self):
        self.finding.with_user(self.auditor).action_cancel()
        self.assertFalse(self.appraisal_a.with_user(self.assessor).audit_finding_ids)

    def test_appraisal_form_opens_for_assessor_and_person(self):
        for user in (self.assessor, self.user_a):
            self.appraisal_a.with_user(user).web_read(
                {"display_name": {}, "audit_finding_ids": {"fields": {"name": {}}}}
            )
