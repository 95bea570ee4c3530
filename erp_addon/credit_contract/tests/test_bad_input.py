from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestBadInput(ContractCase):
    def test_end_before_start(self):
        with self.assertRaisesText(ValidationError, "cannot end"):
            self.make_contract(date_start="2026-07-01", date_end="2026-06-30")
        contract = self.make_contract()
        with self.assertRaisesText(ValidationError, "cannot end"):
            contract.with_user(self.salesman).write({"date_end": "2026-01-01"})
        self.assertEqual(str(contract.date_end), "2026-12-31")

    def test_refused_create_takes_no_number(self):
        """Issue 19 #12: a failed save does not consume a contract number."""
        sequence = self.env.ref("credit_contract.seq_credit_contract")
        before = sequence.number_next_actual
        with self.assertRaisesText(ValidationError, "cannot end"):
            self.make_contract(date_start="2026-07-01", date_end="2026-06-30")
        with self.assertRaisesText(ValidationError, "negative"):
            self.make_contract(amount=-5)
        with self.assertRaisesText(ValidationError, "counterparty pays for what it buys"):
            self.make_contract(counterparty_pays="nothing")
        sequence.invalidate_recordset(["number_next_actual"])
        self.assertEqual(sequence.number_next_actual, before)
        # the next contract saved takes that very number, and two at once two numbers
        contract = self.make_contract()
        expected = sequence.get_next_char(before)
        self.assertEqual(contract.name, expected)
        pair = (
            self.env["credit.contract"]
            .with_user(self.salesman)
            .create([self.contract_vals(title="A"), self.contract_vals(title="B")])
        )
        self.assertEqual(
            pair.mapped("name"),
            [sequence.get_next_char(before + 1), sequence.get_next_char(before + 2)],
        )
        self.assertFalse(
            self.env["credit.contract"].search([("name", "=like", "/new-%")]),
            "no placeholder is left behind",
        )

    def test_error_names_the_field(self):
        """Issue 19 #12: the field in error is named with the error, for the web client to
        highlight it (credit_management/static/src/fields/credit_invalid_fields.js)."""
        cases = [
            ({"date_start": "2026-07-01", "date_end": "2026-06-30"}, "date_end"),
            ({"amount": -5}, "amount"),
            ({"counterparty_pays": "nothing"}, "counterparty_pays"),
        ]
        for values, fname in cases:
            with self.assertRaises(ValidationError) as caught:
                self.make_contract(**values)
            self.assertEqual(caught.exception.context, {"credit_invalid_fields": [fname]})

    def test_negative_amount(self):
        with self.assertRaisesText(ValidationError, "negative"):
            self.make_contract(amount=-5)
        self.assertFalse(self.env["credit.contract"].search([("amount", "<", 0)]))

    def test_power_of_attorney_for_past_period(self):
        poa = (
            self.env["credit.power.attorney"]
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_sale": True,
                    "max_amount": 10_000,
                    "date_from": "2025-01-01",
                    "date_to": "2025-12-31",
                }
            )
        )
        with self.assertRaisesText(ValidationError, "past period"):
            poa.with_user(self.committee).action_issue()
        self.assertEqual(poa.state, "draft")
        with self.assertRaisesText(ValidationError, "cannot end before it starts"):
            self.env["credit.power.attorney"].with_user(self.committee).create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_sale": True,
                    "max_amount": 10_000,
                    "date_from": "2026-12-01",
                    "date_to": "2026-06-30",
                }
            )
        with self.assertRaisesText(ValidationError, "greater than zero"):
            self.env["credit.power.attorney"].with_user(self.committee).create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_sale": True,
                    "max_amount": 0,
                    "date_from": "2026-06-01",
                    "date_to": "2026-06-30",
                }
            )
        with self.assertRaisesText(ValidationError, "at least one contract type"):
            self.env["credit.power.attorney"].with_user(self.committee).create(
                {
                    "employee_id": self.other_employee.id,
                    "max_amount": 10,
                    "date_from": "2026-06-01",
                    "date_to": "2026-06-30",
                }
            )

    def test_signing_beyond_the_power_of_attorney_amount(self):
        self.company.credit_contract_joint_review_amount = 0
        contract = self.make_contract(amount=1_200_000)
        contract.with_user(self.salesman).action_submit_review()
        authority = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "authority")
        self.assertEqual(authority.result, "fail")
        self.assertIn("beyond", authority.evidence)
        self.pass_review(contract)
        self.override(contract, "urgent", self.manager)
        contract.with_user(self.admin_1).action_approve()
        with self.assertRaisesText(UserError, "beyond"):
            self.sign_contract(contract, date=self.today())
        self.assertEqual(contract.state, "approved")
        self.assertFalse(contract.date_signed)

    def test_signing_without_authority(self):
        contract = self.make_contract(
            signatory_id=self.other_employee.id, power_of_attorney_id=False
        )
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        self.override(contract, "checked by hand", self.manager)
        contract.with_user(self.admin_1).action_approve()
        with self.assertRaisesText(UserError, "holds no power of attorney"):
            self.sign_contract(contract, date=self.today())
        with self.assertRaisesText(ValidationError, "not to the signatory"):
            contract.sudo().write({"power_of_attorney_id": self.poa.id})
        # a type the power does not cover
        purchase = self.make_contract(contract_type="purchase")
        purchase.with_user(self.salesman).action_submit_review()
        authority = purchase.review_line_ids.filtered(lambda ln: ln.auto_check == "authority")
        self.assertIn("does not cover Purchase Contract", authority.evidence)

    def test_seal_use_on_draft_contract(self):
        contract = self.make_contract()
        with self.assertRaisesText(UserError, "has not passed its review"):
            self.env["credit.contract.seal.use"].with_user(self.admin_1)._log_use(
                contract, self.seal, self.salesman
            )
        with self.assertRaisesText(UserError, "review passed"):
            contract.with_user(self.admin_1).action_use_seal()
        self.assertFalse(contract.seal_use_ids)

    def test_templates_without_items(self):
        with self.assertRaisesText(ValidationError, "has no clause"):
            self.env["credit.contract.template"].with_user(self.manager).create(
                {"name": "Empty", "contract_type": "sale"}
            )
        with self.assertRaisesText(ValidationError, "has no item"):
            self.env["credit.contract.review.template"].with_user(self.manager).create(
                {"name": "Empty checklist"}
            )
        template = (
            self.env["credit.contract.review.template"]
            .with_user(self.manager)
            .create({"name": "Short", "line_ids": [Command.create({"name": "Legality"})]})
        )
        with self.assertRaisesText(ValidationError, "has no item"):
            template.with_user(self.manager).write({"line_ids": [Command.clear()]})

    def test_submit_without_dates_or_amount(self):
        contract = self.make_contract(amount=0)
        with self.assertRaisesText(UserError, "amount"):
            contract.with_user(self.salesman).action_submit_review()
        contract.with_user(self.salesman).write({"amount": 10, "date_end": False})
        with self.assertRaisesText(UserError, "end dates"):
            contract.with_user(self.salesman).action_submit_review()
        self.assertEqual(contract.state, "draft")

    def test_amendment_and_dispute_values(self):
        contract = self.signed_contract()
        Amendment = self.env["credit.contract.amendment"].with_user(self.salesman)
        with self.assertRaisesText(ValidationError, "negative"):
            Amendment.create({"contract_id": contract.id, "reason": "x", "new_amount": -1})
        with self.assertRaisesText(ValidationError, "before the contract takes effect"):
            Amendment.create(
                {"contract_id": contract.id, "reason": "x", "new_date_end": "2026-01-01"}
            )
        with self.assertRaisesText(ValidationError, "negative"):
            self.env["credit.contract.dispute"].with_user(self.admin_1).create(
                {"contract_id": contract.id, "description": "late", "amount": -3}
            )
        self.assertEqual(contract.state, "signed")
