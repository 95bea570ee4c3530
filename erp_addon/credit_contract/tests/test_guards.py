"""Ways around the contract flow, tried through the ORM as the acting user would over RPC."""

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestGuards(ContractCase):
    def test_state_and_results_not_writable(self):
        contract = self.make_contract()
        for vals in (
            {"state": "signed"},
            {"review_passed": True},
            {"date_registered": TODAY},
            {"review_override": True},
            {"date_signed": TODAY},
            {"signed_within_authority": True},
            {"registration_on_time": True},
            {"is_invalid": True},
        ):
            with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
                contract.with_user(self.admin_1).write(vals)
        self.assertEqual(contract.state, "draft")
        contract.with_user(self.salesman).action_submit_review()
        line = contract.review_line_ids[0]
        with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
            line.with_user(self.admin_1).write({"result": "pass"})
        with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
            line.with_user(self.admin_1).write({"reviewer_id": self.admin_2.id})
        with self.assertRaisesText(AccessError, "is set by its workflow"):
            self.env["credit.contract.review.line"].with_user(self.admin_1).create(
                {
                    "contract_id": contract.id,
                    "name": "Forged",
                    "category": "other",
                    "result": "pass",
                }
            )
        line.with_user(self.admin_1).write({"comment": "checked the originals"})
        self.assertEqual(line.comment, "checked the originals")

    def test_create_with_forced_flow_values_is_refused(self):
        for forced in (
            {"state": "signed"},
            {"date_signed": TODAY},
            {"date_registered": TODAY},
            {"registered_by_id": self.salesman.id},
            {"review_override": True},
            {"review_passed": True},
            {"signed_within_authority": True},
            {"approved_by_id": self.admin_1.id},
            {"version": 5},
            {"name": "HT-FORGED"},
        ):
            with self.assertRaisesRegex(AccessError, "is set by its workflow, not by hand"):
                self.make_contract(**forced)
        # where the flow starts is accepted
        contract = self.make_contract(state="draft", version=0)
        self.assertEqual(contract.state, "draft")
        self.assertTrue(contract.name.startswith("HT2026-"))

    def test_context_defaults_are_neutralised(self):
        Contract = self.env["credit.contract"].with_context(
            default_state="approved",
            default_review_override=True,
            default_review_passed=True,
            default_date_registered=TODAY,
        )
        contract = Contract.with_user(self.salesman).create(self.contract_vals())
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.review_override)
        self.assertFalse(contract.review_passed)
        self.assertFalse(contract.date_registered)
        poa = (
            self.env["credit.power.attorney"]
            .with_context(default_state="valid", default_issued_by_id=self.committee.id)
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_sale": True,
                    "max_amount": 10,
                    "date_from": "2026-06-01",
                    "date_to": "2026-06-30",
                }
            )
        )
        self.assertEqual(poa.state, "draft")
        self.assertFalse(poa.issued_by_id)

    def test_signed_contract_changes_only_by_amendment(self):
        contract = self.signed_contract()
        with self.assertRaisesText(UserError, "is Signed: Amount can no longer be changed"):
            contract.with_user(self.salesman).write({"amount": 1})
        with self.assertRaisesText(UserError, "is Signed: Title can no longer be changed"):
            contract.with_user(self.admin_1).write({"title": "Other"})
        # the responsible person and department too: a recorded change reassigns them
        with self.assertRaisesText(UserError, "is Signed: Responsible can no longer be changed"):
            contract.with_user(self.admin_1).write({"user_id": self.admin_2.id})
        self.assertEqual(contract.user_id, self.salesman)

    def test_seal_use_and_versions_are_kept(self):
        contract = self.signed_contract()
        with self.assertRaisesText(AccessError, "is set by its workflow"):
            self.env["credit.contract.seal.use"].with_user(self.admin_1).create(
                {
                    "seal_id": self.seal.id,
                    "contract_id": contract.id,
                    "requested_by_id": self.salesman.id,
                    "approved_by_id": self.admin_1.id,
                }
            )
        use = (
            self.env["credit.contract.seal.use"]
            .with_user(self.admin_1)
            ._log_use(contract, self.seal, self.salesman)
        )
        with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
            use.with_user(self.admin_1).write({"approved_by_id": self.admin_2.id})
        with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
            contract.version_ids.with_user(self.admin_1).write({"amount": 1})
        # only the custodian or a credit manager approves a use
        with self.assertRaisesText(AccessError, "Only the custodian of Contract Seal No. 1"):
            self.env["credit.contract.seal.use"].with_user(self.admin_2)._log_use(
                contract, self.seal, self.salesman
            )
        with self.assertRaisesText(AccessError, "Custody changes are recorded with their button"):
            self.seal.with_user(self.manager).write({"custodian_id": self.admin_2.id})

    def test_power_of_attorney_guards(self):
        with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
            self.poa.with_user(self.manager).write({"state": "revoked"})
        with self.assertRaisesText(UserError, "is Issued: Up to Amount can no longer be changed"):
            self.poa.with_user(self.committee).write({"max_amount": 9_999_999})
        draft = (
            self.env["credit.power.attorney"]
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_purchase": True,
                    "max_amount": 50_000,
                    "date_from": "2026-06-01",
                    "date_to": "2026-12-31",
                }
            )
        )
        with self.assertRaisesText(AccessError, "Only the legal representative issues"):
            draft.with_user(self.manager).action_issue()
        with self.assertRaisesText(AccessError, "not allowed to create"):
            self.env["credit.power.attorney"].with_user(self.admin_1).create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_purchase": True,
                    "max_amount": 50_000,
                    "date_from": "2026-06-01",
                    "date_to": "2026-12-31",
                }
            )
        draft.with_user(self.committee).action_issue()
        self.assertEqual(draft.issued_by_id, self.committee)
        self.assertEqual(draft.date_issued, fields.Date.to_date(TODAY))

    def test_nobody_approves_own_contract_review(self):
        contract = self.make_contract(user=self.admin_1, user_id=self.admin_1.id)
        contract.with_user(self.admin_1).action_submit_review()
        self.pass_review(contract, self.admin_2)
        with self.assertRaisesText(AccessError, "Nobody approves the review of their own"):
            contract.with_user(self.admin_1).action_approve()
        with self.assertRaisesText(AccessError, "Only contract administrators may do this"):
            contract.with_user(self.salesman).action_approve()
        contract.with_user(self.admin_2).action_approve()
        self.assertEqual(contract.state, "approved")

    def test_sale_order_flags_not_writable(self):
        order = self.make_order(self.customer, 1000, user=self.salesman)
        for fname in ("credit_contract_signed", "credit_contract_required"):
            with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
                order.with_user(self.salesman).write({fname: True})
