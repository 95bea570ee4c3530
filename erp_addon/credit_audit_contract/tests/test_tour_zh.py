from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_contract.tests.common import ContractCase
from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn


@tagged("post_install", "-at_install")
class TestAuditContractTourZh(ContractCase, HttpCase):
    """A credit administrator opens a contract's findings from its smart button, in
    Chinese (static/tests/tours/credit_audit_contract_zh_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        common = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
        }
        cls.zh_admin = new_test_user(
            cls.env,
            login="zh_cac_admin",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        auditor = new_test_user(
            cls.env,
            login="zh_cac_auditor",
            groups="base.group_user,credit_audit.group_credit_auditor",
            **common,
        )
        contract = cls.make_contract(title="ZH 钢材供货合同")
        audit = (
            cls.env["credit.audit"]
            .with_user(auditor)
            .create({"title": "合同专项审计", "scope": "销售合同", "auditor_id": auditor.id})
        )
        audit.action_start()
        cls.env["credit.audit.finding"].with_user(auditor).create(
            {
                "audit_id": audit.id,
                "name": "合同评审表填写不完整",
                "description": "缺少信用意见",
                "contract_ids": [Command.set(contract.ids)],
            }
        )

    def test_contract_findings_zh(self):
        self.start_tour("/odoo", "credit_audit_contract_zh", login=self.zh_admin.login)
