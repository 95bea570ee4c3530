"""The contracts concerned in a finding: the contract's smart button lists its findings;
they are part of what the finding says (a change after verification voids it)."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_contract.tests.common import TODAY, ContractCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestFindingContracts(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auditor = new_test_user(
            cls.env,
            login="cac_auditor",
            groups="base.group_user,credit_audit.group_credit_auditor",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.contract = cls.make_contract()
        cls.other = cls.make_contract(title="Cable supply 2026")
        audit = (
            cls.env["credit.audit"]
            .with_user(cls.auditor)
            .create(
                {
                    "title": "Contract audit",
                    "scope": "Sales contracts",
                    "auditor_id": cls.auditor.id,
                }
            )
        )
        audit.action_start()
        cls.finding = (
            cls.env["credit.audit.finding"]
            .with_user(cls.auditor)
            .create(
                {
                    "audit_id": audit.id,
                    "name": "Review form incomplete",
                    "description": "No credit opinion",
                    "area": "contract",
                    "department_id": cls.department.id,
                    "employee_id": cls.other_employee.id,
                    "plan": "Complete the forms",
                    "date_deadline": "2026-07-31",
                    "contract_ids": [Command.set(cls.contract.ids)],
                }
            )
        )

    def test_contract_smart_button(self):
        contract = self.contract.with_user(self.admin_1)
        self.assertEqual(contract.audit_finding_count, 1)
        self.assertEqual(self.other.with_user(self.admin_1).audit_finding_count, 0)
        action = contract.action_view_audit_findings()
        self.assertEqual(
            self.env["credit.audit.finding"].with_user(self.admin_1).search(action["domain"]),
            self.finding,
        )

    def test_contracts_part_of_the_verified_content(self):
        finding = self.finding
        finding.with_user(self.auditor).action_confirm()
        self.env["credit.audit.followup"].with_user(self.auditor).create(
            {"finding_id": finding.id, "note": "Forms completed"}
        )
        finding.with_user(self.auditor).action_submit()
        finding.with_user(self.manager).action_verify()
        finding.with_user(self.auditor).write({"contract_ids": [Command.link(self.other.id)]})
        self.assertEqual(finding.state, "to_verify")
        self.assertFalse(finding.verified_by_id)

    def test_contracts_locked_when_cancelled(self):
        self.finding.with_user(self.auditor).action_cancel()
        with self.assertRaisesRegex(UserError, "Contracts Concerned can no longer be changed"):
            self.finding.with_user(self.auditor).write(
                {"contract_ids": [Command.link(self.other.id)]}
            )
