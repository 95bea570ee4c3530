from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestContractTour(ContractCase, HttpCase):
    # a browser needs a running clock
    freeze_time = None

    def test_review_sign_seal_tour(self):
        today = fields.Date.today()
        poa = (
            self.env["credit.power.attorney"]
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.signatory.id,
                    "allow_sale": True,
                    "max_amount": 1_000_000,
                    "date_from": today - timedelta(days=30),
                    "date_to": today + timedelta(days=365),
                }
            )
        )
        poa.with_user(self.committee).action_issue()
        contract = self.make_contract(
            user=self.admin_2,
            user_id=self.admin_2.id,
            power_of_attorney_id=poa.id,
            date_start=today,
            date_end=today + timedelta(days=180),
        )
        contract.with_user(self.admin_2).action_submit_review()
        url = f"/odoo/action-credit_contract.action_credit_contract/{contract.id}"
        self.start_tour(url, "credit_contract_review_sign_seal", login="cc_admin1")
        self.assertEqual(contract.state, "signed")
        self.assertTrue(contract.review_passed)
        self.assertEqual(set(contract.review_line_ids.mapped("result")), {"pass"})
        self.assertEqual(contract.signed_by_id, self.admin_1)
        self.assertEqual(contract.date_signed, today)
        self.assertEqual(contract.seal_use_ids.approved_by_id, self.admin_1)
        self.assertEqual(contract.seal_use_ids.requested_by_id, self.admin_2)
