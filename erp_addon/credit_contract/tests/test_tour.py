from datetime import timedelta

from odoo import Command, fields
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestTour(ContractCase, HttpCase):
    """Each dialog of the contract flows clicked in the browser by the least-privileged user
    of its role (static/tests/tours/credit_contract_dialogs_tour.js)."""

    # a browser needs a running clock
    freeze_time = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        # the password of each is its login
        cls.tour_admin = new_test_user(
            cls.env,
            login="tour_cc_admin",
            name="Tour Administrator",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        cls.tour_manager = new_test_user(
            cls.env,
            login="tour_cc_manager",
            name="Tour Manager",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        cls.tour_legal = new_test_user(
            cls.env,
            login="tour_cc_legal",
            name="Tour Legal",
            groups="base.group_user,credit_management.group_credit_committee",
            **common,
        )
        cls.tour_deputy = new_test_user(
            cls.env,
            login="tour_cc_deputy",
            name="Tour Deputy",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        cls.today = fields.Date.today()
        cls.tour_poa = (
            cls.env["credit.power.attorney"]
            .with_user(cls.committee)
            .create(
                {
                    "employee_id": cls.signatory.id,
                    "allow_sale": True,
                    "max_amount": 1_000_000,
                    "date_from": cls.today - timedelta(days=30),
                    "date_to": cls.today + timedelta(days=365),
                    "company_id": cls.company.id,
                }
            )
        )
        cls.tour_poa.with_user(cls.committee).action_issue()

    def tour_contract(self, **kw):
        vals = {
            "power_of_attorney_id": self.tour_poa.id,
            "date_start": self.today,
            "date_end": self.today + timedelta(days=180),
        }
        vals.update(kw)
        contract = self.make_contract(**vals)
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        return contract

    def sign(self, contract):
        contract.with_user(self.admin_1).action_approve()
        action = contract.with_user(self.salesman).action_sign()
        wizard_model = self.env[action["res_model"]].with_user(self.salesman)
        Form(wizard_model.with_context(**action["context"])).save().action_sign()
        self.assertEqual(contract.state, "signed")
        return contract

    def test_override_review_tour(self):
        self.set_limit(self.customer, 100_000)
        contract = self.tour_contract(title="Tour override contract", amount=300_000)
        self.assertFalse(contract.review_passed)
        self.start_tour("/odoo", "credit_contract_override_dialog", login=self.tour_manager.login)
        reason = "Bank guarantee received from the parent company"
        self.assertRecordValues(
            contract,
            [
                {
                    "state": "review",
                    "review_passed": True,
                    "review_override": True,
                    "review_override_reason": reason,
                    "review_override_by_id": self.tour_manager.id,
                    "review_override_date": self.today,
                }
            ],
        )
        posted = contract.message_ids.filtered(lambda m: reason in (m.body or ""))
        self.assertEqual(posted.author_id, self.tour_manager.partner_id)

    def test_record_as_invalid_tour(self):
        contract = self.sign(self.tour_contract(title="Tour invalid contract"))
        self.start_tour("/odoo", "credit_contract_invalid_dialog", login=self.tour_admin.login)
        self.assertRecordValues(
            contract,
            [
                {
                    "is_invalid": True,
                    "invalid_reason": "Forged counterparty seal",
                    "invalid_by_id": self.tour_admin.id,
                    "invalid_date": self.today,
                }
            ],
        )
        self.assertEqual(contract.misuse_employee_ids, self.other_employee)
        posted = contract.message_ids.filtered(lambda m: "Forged counterparty" in (m.body or ""))
        self.assertEqual(posted.author_id, self.tour_admin.partner_id)

    def test_power_of_attorney_tour(self):
        holder = self.env["hr.employee"].create(
            {"name": "Tour Holder", "company_id": self.company.id}
        )
        self.start_tour("/odoo", "credit_contract_poa_issue_revoke", login=self.tour_legal.login)
        poa = self.env["credit.power.attorney"].search([("employee_id", "=", holder.id)])
        self.assertEqual(len(poa), 1)
        self.assertRecordValues(
            poa,
            [
                {
                    "state": "revoked",
                    "max_amount": 800_000,
                    "allow_sale": True,
                    "allow_purchase": False,
                    "date_from": self.today,
                    "date_to": self.today + timedelta(days=365),
                    "note": "Steel coil sales only",
                    "issued_by_id": self.tour_legal.id,
                    "date_issued": self.today,
                    "revoked_by_id": self.tour_legal.id,
                    "date_revoked": self.today,
                    "revoke_reason": "Holder moved to another post",
                    "create_uid": self.tour_legal.id,
                }
            ],
        )
        self.assertNotEqual(poa.name, "/", "numbered from its sequence")
        self.assertTrue(
            poa.message_ids.filtered(lambda m: "Holder moved to another post" in (m.body or ""))
        )

    def test_seal_use_tour(self):
        # the seal's custodian logs its use on a contract whose review passed
        contract = self.sign(self.tour_contract(title="Tour sealed contract"))
        action = self.seal.with_user(self.tour_manager).action_change_custodian()
        wizard_model = self.env[action["res_model"]].with_user(self.tour_manager)
        with Form(wizard_model.with_context(**action["context"])) as form:
            form.new_custodian_id = self.tour_admin
            form.reason = "Tour administrator keeps the seal"
        form.record.action_confirm()
        self.assertEqual(self.seal.custodian_id, self.tour_admin)
        self.start_tour("/odoo", "credit_contract_seal_use_dialog", login=self.tour_admin.login)
        self.assertRecordValues(
            contract.seal_use_ids,
            [
                {
                    "seal_id": self.seal.id,
                    "requested_by_id": self.salesman.id,
                    "approved_by_id": self.tour_admin.id,
                    "purpose": "Two originals for the customer",
                    "copies": 3,
                    "date": self.today,
                    "review_passed_at_use": True,
                }
            ],
        )

    def test_seal_hand_over_tour(self):
        self.start_tour("/odoo", "credit_contract_seal_hand_over", login=self.tour_manager.login)
        self.assertEqual(self.seal.custodian_id, self.tour_deputy)
        change = self.seal.custody_ids.filtered("from_user_id")
        self.assertRecordValues(
            change,
            [
                {
                    "from_user_id": self.admin_1.id,
                    "to_user_id": self.tour_deputy.id,
                    "reason": "Custodian on annual leave",
                    "user_id": self.tour_manager.id,
                    "date": self.today,
                }
            ],
        )
