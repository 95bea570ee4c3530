from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import AuditCase


@tagged("post_install", "-at_install")
class TestAuditTourZh(AuditCase, HttpCase):
    """The rectification of a finding walked in Chinese by each role, least privilege
    (static/tests/tours/credit_audit_zh_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        common = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
        }
        # the password of each is its login
        cls.zh_auditor = new_test_user(
            cls.env,
            login="zh_au_auditor",
            groups="base.group_user,credit_audit.group_credit_auditor",
            **common,
        )
        cls.zh_staff = new_test_user(
            cls.env,
            login="zh_au_staff",
            groups="base.group_user,credit_management.group_credit_user",
            **common,
        )
        cls.zh_manager = new_test_user(
            cls.env,
            login="zh_au_manager",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        cls.company.partner_id.lang = "zh_CN"
        employee = cls.env["hr.employee"].create(
            {
                "name": "ZH 责任人",
                "user_id": cls.zh_staff.id,
                "department_id": cls.department.id,
                "company_id": cls.company.id,
            }
        )
        audit = cls.Audit.with_user(cls.zh_auditor).create(
            {
                "title": "年度信用审计",
                "scope": "授信额度审批",
                "auditor_id": cls.zh_auditor.id,
            }
        )
        audit.action_start()
        cls.finding = cls.Finding.with_user(cls.zh_auditor).create(
            {
                "audit_id": audit.id,
                "name": "超授信额度发货未经审批",
                "description": "超额发货未报批",
                "department_id": cls.department.id,
                "employee_id": employee.id,
                "plan": "超额发货一律报批",
                "date_deadline": "2099-12-31",
            }
        )

    def test_rectification_zh(self):
        self.start_tour("/odoo", "credit_audit_zh_start", login=self.zh_auditor.login)
        self.assertEqual(self.finding.state, "open")
        self.start_tour("/odoo", "credit_audit_zh_followup", login=self.zh_staff.login)
        self.assertRecordValues(
            self.finding.followup_ids,
            [{"note": "超额发货均已报信用经理审批。", "author_id": self.zh_staff.id}],
        )
        self.assertEqual(self.finding.state, "to_verify")
        self.start_tour("/odoo", "credit_audit_zh_verify", login=self.zh_manager.login)
        self.assertRecordValues(
            self.finding, [{"state": "verified", "verified_by_id": self.zh_manager.id}]
        )
