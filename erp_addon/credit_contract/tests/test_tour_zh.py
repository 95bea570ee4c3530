from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestContractTourZh(ContractCase, HttpCase):
    """A contract drafted, submitted for review, reviewed on the checklist, approved, signed
    and registered in the ledger, walked in Chinese by each role, least privilege
    (static/tests/tours/credit_contract_zh_tour.js)."""

    # a browser needs a running clock
    freeze_time = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        (cls.salesman | cls.admin_1).write({"lang": "zh_CN"})

    def test_contract_flow_zh(self):
        Contract = self.env["credit.contract"]
        self.start_tour("/odoo", "credit_contract_zh_draft", login=self.salesman.login)
        contract = Contract.search([("title", "=", "钢材年度供货合同")])
        today = fields.Date.today()
        self.assertRecordValues(
            contract,
            [
                {
                    "state": "review",
                    "partner_id": self.customer.id,
                    "amount": 100_000,
                    "subject_matter": "热轧钢卷",
                    "signatory_id": self.signatory.id,
                    "power_of_attorney_id": self.poa.id,
                    "department_id": self.department.id,
                    "date_start": today,
                    "create_uid": self.salesman.id,
                    "submitted_by_id": self.salesman.id,
                }
            ],
        )
        self.assertEqual(len(contract.review_line_ids), 8)

        self.start_tour("/odoo", "credit_contract_zh_review", login=self.admin_1.login)
        self.assertEqual(set(contract.review_line_ids.mapped("result")), {"pass"})
        self.assertEqual(contract.review_line_ids.reviewer_id, self.admin_1)
        self.assertRecordValues(
            contract,
            [{"state": "approved", "review_passed": True, "approved_by_id": self.admin_1.id}],
        )

        self.start_tour("/odoo", "credit_contract_zh_sign_register", login=self.salesman.login)
        self.assertRecordValues(
            contract,
            [
                {
                    "state": "signed",
                    "date_signed": today,
                    "date_registered": today,
                    "registered_by_id": self.salesman.id,
                    "signed_within_authority": True,
                }
            ],
        )
