from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestReasonDialogs(ContractCase):
    """Override Review, Record as Invalid, Revoke and Hand Over as the web client runs them:
    the button's public method returns the dialog's action, the dialog is opened with the
    action's context, the reason typed, the record saved and its Confirm button called."""

    def open_dialog(self, record, method, user):
        action = getattr(record.with_user(user), method)()
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertEqual(action["res_model"], "credit.contract.reason.wizard")
        self.assertEqual(action["target"], "new")
        self.assertFalse(action.get("res_id"), "nothing is created before the reason is given")
        Wizard = self.env[action["res_model"]].with_user(user).with_context(**action["context"])
        return Form(Wizard)

    def confirm(self, form):
        wizard = form.save()
        return wizard.action_confirm()

    def failed_review(self):
        contract = self.make_contract(amount=300_000)
        self.set_limit(self.customer, 100_000)
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        self.assertFalse(contract.review_passed)
        return contract

    def test_override_review_dialog(self):
        contract = self.failed_review()
        with self.assertRaisesRegex(AccessError, "Only a credit manager may override"):
            contract.with_user(self.admin_1).action_override()
        # an empty reason: the dialog does not save, a blank one is refused by its message
        form = self.open_dialog(contract, "action_override", self.manager)
        with self.assertRaisesRegex(AssertionError, "reason is a required field"):
            form.save()
        form.reason = "   "
        with self.assertRaisesRegex(UserError, "Give the reason for overriding the review"):
            self.confirm(form)
        self.assertFalse(contract.review_override)
        form = self.open_dialog(contract, "action_override", self.manager)
        form.reason = "Bank guarantee received"
        self.assertEqual(self.confirm(form), {"type": "ir.actions.act_window_close"})
        self.assertRecordValues(
            contract,
            [
                {
                    "review_passed": True,
                    "review_override": True,
                    "review_override_reason": "Bank guarantee received",
                    "review_override_by_id": self.manager.id,
                    "review_override_date": self.today(),
                }
            ],
        )
        self.assertTrue(
            contract.message_ids.filtered(lambda m: "Bank guarantee received" in (m.body or ""))
        )

    def test_record_as_invalid_dialog(self):
        contract = self.signed_contract()
        with self.assertRaisesRegex(AccessError, "Only contract administrators"):
            contract.with_user(self.salesman).action_mark_invalid()
        form = self.open_dialog(contract, "action_mark_invalid", self.admin_1)
        form.reason = "  "
        with self.assertRaisesRegex(UserError, "Give the reason why the contract is invalid"):
            self.confirm(form)
        self.assertFalse(contract.is_invalid)
        form = self.open_dialog(contract, "action_mark_invalid", self.admin_1)
        form.reason = "Forged counterparty seal"
        form.employee_ids.add(self.other_employee)
        self.confirm(form)
        self.assertRecordValues(
            contract,
            [
                {
                    "is_invalid": True,
                    "invalid_reason": "Forged counterparty seal",
                    "invalid_by_id": self.admin_1.id,
                    "invalid_date": self.today(),
                }
            ],
        )
        self.assertEqual(contract.misuse_employee_ids, self.other_employee)
        self.assertTrue(
            contract.message_ids.filtered(lambda m: "Forged counterparty seal" in (m.body or ""))
        )

    def test_revoke_dialog(self):
        with self.assertRaisesRegex(AccessError, "Only the legal representative"):
            self.poa.with_user(self.manager).action_revoke()
        form = self.open_dialog(self.poa, "action_revoke", self.committee)
        form.reason = " "
        with self.assertRaisesRegex(
            UserError, "Give the reason for revoking the power of attorney"
        ):
            self.confirm(form)
        self.assertEqual(self.poa.state, "valid")
        form = self.open_dialog(self.poa, "action_revoke", self.committee)
        form.reason = "Left the company"
        self.confirm(form)
        self.assertRecordValues(
            self.poa,
            [
                {
                    "state": "revoked",
                    "revoke_reason": "Left the company",
                    "revoked_by_id": self.committee.id,
                    "date_revoked": self.today(),
                }
            ],
        )
        self.assertTrue(
            self.poa.message_ids.filtered(lambda m: "Left the company" in (m.body or ""))
        )

    def test_hand_over_dialog(self):
        with self.assertRaisesRegex(AccessError, "Only a credit manager hands a seal over"):
            self.seal.with_user(self.admin_1).action_change_custodian()
        form = self.open_dialog(self.seal, "action_change_custodian", self.manager)
        form.reason = "Annual leave"
        with self.assertRaisesRegex(AssertionError, "new_custodian_id is a required field"):
            form.save()
        form.new_custodian_id = self.admin_2
        form.reason = "  "
        with self.assertRaisesRegex(UserError, "Give the reason for the handover"):
            self.confirm(form)
        self.assertEqual(self.seal.custodian_id, self.admin_1)
        form = self.open_dialog(self.seal, "action_change_custodian", self.manager)
        form.new_custodian_id = self.admin_2
        form.reason = "Annual leave"
        wizard = form.save()
        self.assertRecordValues(wizard, [{"action": "custody", "res_id": self.seal.id}])
        wizard.action_confirm()
        self.assertEqual(self.seal.custodian_id, self.admin_2)
        change = self.seal.custody_ids.filtered("from_user_id")
        self.assertRecordValues(
            change,
            [
                {
                    "from_user_id": self.admin_1.id,
                    "to_user_id": self.admin_2.id,
                    "reason": "Annual leave",
                    "user_id": self.manager.id,
                    "date": self.today(),
                }
            ],
        )
