"""The ledger after signing, invalid contracts and changes (issue 16, contracts items 8,
10 and 11), tried as the acting users through create/write and the buttons' methods."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestLedgerRules(ContractCase):
    def amendment(self, contract, user=None, **vals):
        values = {"contract_id": contract.id, "reason": "agreed with the customer"}
        values.update(vals)
        Amendment = self.env["credit.contract.amendment"].with_user(user or self.salesman)
        return Amendment.create(values)

    # ------------------------------------------------------------ item 8
    def test_ledger_fields_change_only_by_amendment(self):
        contract = self.signed_contract()
        other_department = self.env["hr.department"].create(
            {"name": "Sales Department 2", "company_id": self.company.id}
        )
        other = self.env["res.partner"].create({"name": "Successor Ltd", "is_company": True})
        for vals, label in (
            ({"department_id": other_department.id}, "Responsible Department"),
            ({"partner_id": other.id}, "Counterparty"),
            ({"amount": 90_000}, "Amount"),
            ({"date_start": "2026-08-01"}, "Effective Date"),
            ({"date_end": "2027-01-31"}, "End Date"),
            ({"user_id": self.admin_1.id}, "Responsible"),
        ):
            for user in (self.salesman, self.admin_1, self.manager):
                with self.assertRaisesRegex(UserError, f"is Signed: {label} can no longer"):
                    contract.with_user(user).write(vals)
        with self.assertRaisesRegex(AccessError, "Number of Contract is set by its workflow"):
            contract.with_user(self.admin_1).write({"name": "HT-OTHER"})
        self.assertRecordValues(
            contract,
            [
                {
                    "department_id": self.department.id,
                    "partner_id": self.customer.id,
                    "amount": 100_000,
                    "user_id": self.salesman.id,
                }
            ],
        )
        # the recorded way: a change, approved and processed
        change = self.amendment(
            contract,
            new_department_id=other_department.id,
            new_user_id=self.admin_2.id,
            new_date_start="2026-08-01",
        )
        change.with_user(self.admin_1).action_approve()
        change.with_user(self.salesman).action_done()
        self.assertRecordValues(
            contract,
            [
                {
                    "department_id": other_department.id,
                    "user_id": self.admin_2.id,
                    "date_start": change.new_date_start,
                    "version": 2,
                }
            ],
        )
        latest = contract.version_ids.filtered(lambda v: v.version == 2)
        self.assertIn(
            "Responsible department: Sales Department 1 → Sales Department 2", latest.changes
        )
        self.assertIn(self.salesman, contract.owner_history_ids)

    def test_followup_dated_when_recorded(self):
        contract = self.signed_contract()
        Followup = self.env["credit.contract.followup"].with_user(self.salesman)
        today = Followup.create({"contract_id": contract.id, "note": "delivered"})
        self.assertRecordValues(
            today, [{"date": self.today(), "date_recorded": self.today(), "backdated": False}]
        )
        with self.assertRaisesRegex(ValidationError, "give the reason it is recorded late"):
            Followup.create({"contract_id": contract.id, "note": "late", "date": "2026-06-01"})
        late = Followup.create(
            {
                "contract_id": contract.id,
                "note": "first delivery",
                "date": "2026-06-01",
                "backdate_reason": "the driver's report came in today",
            }
        )
        self.assertTrue(late.backdated)
        self.assertEqual(late.date_recorded, self.today())
        with self.assertRaisesRegex(AccessError, "Recorded On of Contract Performance Follow-up"):
            Followup.create(
                {"contract_id": contract.id, "note": "forged", "date_recorded": "2026-06-01"}
            )
        with self.assertRaisesRegex(ValidationError, "cannot be recorded in the future"):
            Followup.create({"contract_id": contract.id, "note": "soon", "date": "2026-06-16"})
        # its dates do not change afterwards
        for vals, label in (
            ({"date": "2026-06-02"}, "Date"),
            ({"next_date": "2026-07-15"}, "Next Follow-up"),
            ({"backdate_reason": "other"}, "Why Recorded Late"),
        ):
            with self.assertRaisesRegex(UserError, f"{label} of a follow-up is kept as recorded"):
                late.with_user(self.salesman).write(vals)
        with self.assertRaisesRegex(AccessError, "Recorded Late of Contract Performance"):
            late.with_user(self.salesman).write({"backdated": False})
        late.with_user(self.salesman).write({"note": "first delivery, all accepted"})
        self.assertEqual(late.date, self.today().replace(day=1))
        with self.assertRaisesRegex(UserError, "is a record of a decision"):
            late.with_user(self.admin_1).unlink()

    # ------------------------------------------------------------ item 10
    def test_invalid_recorded_once_from_a_signed_state(self):
        draft = self.make_contract()
        with self.assertRaisesRegex(UserError, "only a signed contract is recorded as invalid"):
            self.decide(draft, "action_mark_invalid", self.admin_1, "forged")
        approved = self.approved_contract()
        with self.assertRaisesRegex(UserError, "only a signed contract is recorded as invalid"):
            self.decide(approved, "action_mark_invalid", self.admin_1, "forged")
        contract = self.signed_contract()
        self.decide(contract, "action_mark_invalid", self.admin_1, "forged seal")
        with self.assertRaisesRegex(UserError, "is already recorded as invalid"):
            self.decide(contract, "action_mark_invalid", self.admin_2, "another reason")
        self.assertRecordValues(
            contract, [{"invalid_reason": "forged seal", "invalid_by_id": self.admin_1.id}]
        )
        self.assertRecordValues(
            contract.invalid_decision_ids,
            [{"kind": "record", "user_id": self.admin_1.id, "reason": "forged seal"}],
        )

    def test_named_employees_changed_by_a_recorded_decision(self):
        contract = self.signed_contract()
        self.decide(
            contract,
            "action_mark_invalid",
            self.admin_1,
            "forged seal",
            employee_ids=self.other_employee,
        )
        for user in (self.admin_1, self.manager):
            with self.assertRaisesRegex(AccessError, "Employees|Used for Unlawful Acts By"):
                contract.with_user(user).write({"misuse_employee_ids": [Command.clear()]})
        with self.assertRaisesRegex(
            AccessError, "Only a credit manager changes the employees an invalid contract names"
        ):
            contract.with_user(self.admin_1).action_change_misuse_employees()
        action = contract.with_user(self.manager).action_change_misuse_employees()
        form = self.open_action_form(action, self.manager)
        self.assertEqual(form.contract_id, contract)
        self.assertEqual(len(form.employee_ids), 1)
        self.assertEqual(form.employee_ids[0], self.other_employee)
        form.employee_ids.add(self.signatory)
        form.reason = "the signatory took part"
        self.assertEqual(form.save().action_confirm(), {"type": "ir.actions.act_window_close"})
        self.assertEqual(contract.misuse_employee_ids, self.other_employee | self.signatory)
        decision = contract.invalid_decision_ids.filtered(lambda d: d.kind == "names")
        self.assertRecordValues(
            decision,
            [
                {
                    "user_id": self.manager.id,
                    "reason": "the signatory took part",
                    "date": self.today(),
                }
            ],
        )
        self.assertEqual(decision.previous_employee_ids, self.other_employee)
        self.assertEqual(len(contract.invalid_decision_ids), 2, "the history is kept")
        self.assertIn("the signatory took part", contract.message_ids[0].body)
        # decisions are kept as recorded
        with self.assertRaisesRegex(AccessError, "Reason of Invalid Contract Decision is set"):
            decision.with_user(self.manager).write({"reason": "other"})
        with self.assertRaisesRegex(AccessError, "not allowed to delete"):
            decision.with_user(self.manager).unlink()

    def test_nobody_clears_their_own_name(self):
        contract = self.signed_contract()
        # the signatory's user is the salesman; the misusing employee is a credit manager
        named = self.env["hr.employee"].create(
            {"name": "Manager Two", "company_id": self.company.id, "user_id": self.manager_2.id}
        )
        self.decide(
            contract, "action_mark_invalid", self.admin_1, "forged seal", employee_ids=named
        )
        form = self.open_action_form(
            contract.with_user(self.manager_2).action_change_misuse_employees(), self.manager_2
        )
        form.employee_ids.remove(id=named.id)
        form.reason = "I was not involved"
        with self.assertRaisesRegex(AccessError, "Nobody clears their own name"):
            form.save().action_confirm()
        self.assertEqual(contract.misuse_employee_ids, named)
        # another credit manager may, as a recorded decision
        form = self.open_action_form(
            contract.with_user(self.manager).action_change_misuse_employees(), self.manager
        )
        form.employee_ids.remove(id=named.id)
        form.reason = "the police cleared him"
        form.save().action_confirm()
        self.assertFalse(contract.misuse_employee_ids)

    # ------------------------------------------------------------ item 11
    def test_raising_amount_runs_the_power_of_attorney_check(self):
        contract = self.signed_contract()
        change = self.amendment(contract, new_amount=1_200_000)
        with self.assertRaisesRegex(UserError, "beyond the 1000000.00 power of attorney"):
            change.with_user(self.admin_1).action_approve()
        self.assertEqual(change.state, "draft")
        # signed by someone whose power covers it
        big = (
            self.env["credit.power.attorney"]
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_sale": True,
                    "max_amount": 5_000_000,
                    "date_from": "2026-01-01",
                    "date_to": "2026-12-31",
                }
            )
        )
        big.with_user(self.committee).action_issue()
        change.with_user(self.salesman).write(
            {"signatory_id": self.other_employee.id, "power_of_attorney_id": big.id}
        )
        with self.assertRaisesRegex(UserError, "needs a joint review"):
            change.with_user(self.admin_1).action_approve()

    def test_raising_amount_runs_the_joint_review_again(self):
        contract = self.signed_contract()
        change = self.amendment(contract, new_amount=600_000)
        self.assertTrue(change.joint_review_required)
        with self.assertRaisesRegex(UserError, "needs a joint review"):
            change.with_user(self.admin_1).action_approve()
        Opinion = self.env["credit.contract.joint.review"]
        with self.assertRaisesRegex(
            AccessError, "Nobody gives a joint review opinion on their own contract"
        ):
            self.role_credit.user_ids |= self.salesman
            Opinion.with_user(self.salesman).create(
                {
                    "contract_id": contract.id,
                    "amendment_id": change.id,
                    "role_id": self.role_credit.id,
                }
            )
        Opinion.with_user(self.admin_2).create(
            {"contract_id": contract.id, "amendment_id": change.id, "role_id": self.role_credit.id}
        )
        Opinion.with_user(self.manager).create(
            {"contract_id": contract.id, "amendment_id": change.id, "role_id": self.role_legal.id}
        )
        self.assertTrue(change.joint_review_done)
        self.assertFalse(contract.joint_review_ids.filtered(lambda o: not o.amendment_id))
        change.with_user(self.admin_1).action_approve()
        change.with_user(self.salesman).action_done()
        self.assertEqual(contract.amount, 600_000)

    def test_raising_amount_runs_the_credit_check_again(self):
        contract = self.signed_contract()
        self.set_limit(self.customer, 150_000)
        change = self.amendment(contract, new_amount=400_000)
        with self.assertRaisesRegex(UserError, "The credit check of the changed contract fails"):
            change.with_user(self.admin_1).action_approve()
        # what was approved is checked again when processed
        small = self.amendment(contract, new_amount=140_000)
        small.with_user(self.admin_1).action_approve()
        self.set_limit(self.customer, 100_000)
        with self.assertRaisesRegex(UserError, "over the credit limit"):
            small.with_user(self.salesman).action_done()
        self.assertEqual(contract.amount, 100_000)
        # lowering the amount needs no check
        lower = self.amendment(contract, new_amount=90_000)
        lower.with_user(self.admin_1).action_approve()
        lower.with_user(self.salesman).action_done()
        self.assertEqual(contract.amount, 90_000)

    def test_sealed_contract_not_reopened_by_its_owner(self):
        contract = self.approved_contract()
        self.env["credit.contract.seal.use"].with_user(self.admin_1)._log_use(
            contract, self.seal, self.salesman, "two originals", 2
        )
        for method in ("action_reset_draft", "action_back_to_review"):
            for user in (self.salesman, self.admin_2):
                with self.assertRaisesRegex(UserError, "The contract seal was used for contract"):
                    getattr(contract.with_user(user), method)()
        self.assertEqual(contract.state, "approved")
        # the way on: sign, then change or terminate
        self.sign_contract(contract)
        termination = self.amendment(contract, kind="termination")
        termination.with_user(self.admin_1).action_approve()
        termination.with_user(self.salesman).action_done()
        self.assertEqual(contract.state, "terminated")

    def test_change_requested_in_the_future_refused(self):
        contract = self.signed_contract()
        with self.assertRaisesRegex(ValidationError, "cannot be requested in the future"):
            self.amendment(contract, new_title="Later", date_requested="2026-07-01")
        with freeze_time("2026-07-01"):
            change = self.amendment(contract, new_title="Later", date_requested="2026-07-01")
        self.assertEqual(change.state, "draft")
