from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_appraisal.tests.common import AppraisalCase
from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .test_appraisal_findings import make_audit_finding


@tagged("post_install", "-at_install")
class TestAuditAppraisalTourZh(AppraisalCase, HttpCase):
    """The assessor sees the verified finding on the person on the appraisal, in Chinese
    (static/tests/tours/credit_audit_appraisal_zh_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        common = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
        }
        cls.zh_assessor = new_test_user(
            cls.env,
            login="zh_caa_assessor",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        auditor = new_test_user(
            cls.env,
            login="zh_caa_auditor",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        cls.emp_a.name = "ZH 管理员"
        year = cls.env.cr.now().year
        period = cls.make_period(year)
        period.with_user(cls.manager).action_generate_appraisals()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        appraisal.assessor_ids = [Command.set(cls.zh_assessor.ids)]
        finding = make_audit_finding(
            cls, cls.emp_a, f"{year}-01-02", "合同评审表填写不完整", auditor
        )
        finding.sudo().write({"state": "verified"})

    def test_assessor_sees_findings_zh(self):
        self.start_tour("/odoo", "credit_audit_appraisal_zh", login=self.zh_assessor.login)
