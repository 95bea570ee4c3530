from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestRules(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.immediate = cls.env["account.payment.term"].create(
            {"name": "Cash on the spot", "credit_immediate_settlement": True}
        )

    def test_sale_order_needs_signed_contract_above_threshold(self):
        self.company.write(
            {"credit_contract_sale_required": True, "credit_contract_threshold": 50_000}
        )
        small = self.make_order(self.customer, 10_000, user=self.salesman)
        self.assertFalse(small.credit_contract_required)
        small.with_user(self.salesman).action_confirm()
        self.assertEqual(small.state, "sale")

        big = self.make_order(self.customer, 80_000, user=self.salesman)
        self.assertTrue(big.credit_contract_required)
        with self.assertRaisesText(UserError, "signed contract"):
            big.with_user(self.salesman).action_confirm()
        self.assertEqual(big.state, "draft")
        # not even by writing the state
        with self.assertRaisesText(UserError, "above the written-contract threshold"):
            big.with_user(self.salesman).write({"state": "sale"})

        cash = self.make_order(self.customer, 80_000, user=self.salesman)
        cash.payment_term_id = self.immediate
        self.assertFalse(cash.credit_contract_required)
        cash.with_user(self.salesman).action_confirm()
        self.assertEqual(cash.state, "sale")

        # the order is linked to the contract once signed
        contract = self.signed_contract(amount=80_000)
        self.assertFalse(big.credit_contract_signed)
        contract.with_user(self.salesman).write({"sale_order_ids": [Command.link(big.id)]})
        self.assertTrue(big.credit_contract_signed)
        self.assertEqual(big.with_user(self.salesman).credit_contract_count, 1)
        big.with_user(self.salesman).action_confirm()
        self.assertEqual(big.state, "sale")

    def test_rule_off_by_default(self):
        order = self.make_order(self.customer, 5_000_000, user=self.salesman)
        self.assertFalse(order.credit_contract_required)

    def test_order_of_another_customer_refused(self):
        other = self.env["res.partner"].create({"name": "Other Buyer", "is_company": True})
        order = self.make_order(other, 100, user=self.salesman)
        contract = self.signed_contract()
        with self.assertRaisesText(ValidationError, "is not an order of"):
            contract.with_user(self.salesman).write({"sale_order_ids": [Command.link(order.id)]})

    def test_amendment_keeps_previous_version(self):
        contract = self.signed_contract()
        amendment = (
            self.env["credit.contract.amendment"]
            .with_user(self.salesman)
            .create(
                {
                    "contract_id": contract.id,
                    "reason": "Customer orders more",
                    "new_amount": 150_000,
                    "new_date_end": "2027-03-31",
                    "date_requested": "2026-06-01",
                }
            )
        )
        with self.assertRaisesRegex(AccessError, "State of Contract Change or Termination is set"):
            self.env["credit.contract.amendment"].with_user(self.salesman).create(
                {"contract_id": contract.id, "reason": "forged", "state": "done"}
            )
        self.assertEqual(amendment.state, "draft")
        self.assertEqual(amendment.user_id, self.salesman)
        with self.assertRaisesText(AccessError, "Contract administrators approve changes"):
            amendment.with_user(self.salesman).action_approve()
        with self.assertRaisesText(AccessError, "is set by its workflow, not by hand"):
            amendment.with_user(self.admin_1).write({"state": "approved"})
        amendment.with_user(self.admin_1).action_approve()
        self.assertEqual(amendment.approver_id, self.admin_1)
        with self.assertRaisesText(UserError, "is Approved: New Amount can no longer be changed"):
            amendment.with_user(self.salesman).write({"new_amount": 1})
        amendment.with_user(self.salesman).write(
            {"document": "JVBERi0xLjQK", "document_name": "change.pdf"}
        )
        amendment.with_user(self.salesman).action_done()
        self.assertEqual(contract.amount, 150_000)
        self.assertEqual(str(contract.date_end), "2027-03-31")
        self.assertEqual(contract.version, 2)
        previous = contract.version_ids.filtered(lambda v: v.version == 1)
        self.assertEqual(previous.amount, 100_000)
        self.assertEqual(amendment.version_id, previous)
        latest = contract.version_ids.filtered(lambda v: v.version == 2)
        self.assertIn("Amount", latest.changes)
        self.assertEqual(latest.user_id, self.salesman)
        self.assertEqual(amendment.date_processed, self.today())
        self.assertEqual(amendment.processed_by_id, self.salesman)
        self.assertTrue(amendment.processed_on_time)
        self.assertTrue(amendment.formalities_complete)

    def test_termination(self):
        contract = self.signed_contract()
        amendment = (
            self.env["credit.contract.amendment"]
            .with_user(self.salesman)
            .create(
                {
                    "contract_id": contract.id,
                    "kind": "termination",
                    "reason": "Customer ceased trading",
                    "date_requested": "2026-05-01",
                }
            )
        )
        amendment.with_user(self.admin_1).action_approve()
        amendment.with_user(self.admin_1).action_done()
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.terminated_by_id, self.admin_1)
        self.assertEqual(contract.termination_reason, "Customer ceased trading")
        self.assertFalse(amendment.processed_on_time, "45 days after the request")
        self.assertFalse(amendment.formalities_complete, "no signed document attached")
        with self.assertRaisesText(UserError, "is not signed: change it directly"):
            self.env["credit.contract.amendment"].with_user(self.salesman).create(
                {"contract_id": contract.id, "kind": "termination", "reason": "again"}
            )

    def test_expiry_cron(self):
        # what other add-ons' demo data leaves to expire or remind is dealt with first
        self.env["credit.contract"]._cron_contract_expiry()
        contract = self.signed_contract(date_end="2026-07-10")
        ending = self.signed_contract(date_end="2026-09-30")
        Contract = self.env["credit.contract"]
        expired, reminded = Contract._cron_contract_expiry()
        self.assertEqual((expired, reminded), (0, 1))
        activity = contract.activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("credit_contract.mail_activity_type_contract_expiry"),
        )
        self.assertFalse(ending.activity_ids)
        # once is enough
        self.assertEqual(Contract._cron_contract_expiry(), (0, 0))
        with freeze_time("2026-07-11"):
            Contract._cron_contract_expiry()
        self.assertEqual(contract.state, "expired")
        self.assertEqual(str(contract.date_expired), "2026-07-11")
        self.assertEqual(ending.state, "signed")

    def test_expiry_cron_skips_failing_record(self):
        self.env["credit.contract"]._cron_contract_expiry()
        first = self.signed_contract(date_end="2026-07-10")
        second = self.signed_contract(date_end="2026-07-10")
        Activity = type(self.env["mail.activity"])
        original = Activity.create

        def failing(activities, vals_list):
            if any(vals["res_id"] == first.id for vals in vals_list):
                raise UserError(activities.env._("broken"))
            return original(activities, vals_list)

        logger = "odoo.addons.credit_management.tools.reminders"
        with (
            patch.object(Activity, "create", failing),
            self.assertLogs(logger, level="WARNING") as logs,
        ):
            _expired, reminded = self.env["credit.contract"]._cron_contract_expiry()
        self.assertEqual(reminded, 1)
        self.assertTrue(second.activity_ids)
        self.assertFalse(first.activity_ids)
        errors = [r.getMessage() for r in logs.records if r.levelname == "ERROR"]
        self.assertEqual(len(errors), 1, errors)
        self.assertIn(f"credit.contract({first.id},)", errors[0])

    def test_power_of_attorney_expiry_activity(self):
        expiring = (
            self.env["credit.power.attorney"]
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_sale": True,
                    "max_amount": 50_000,
                    "date_from": "2026-01-01",
                    "date_to": "2026-07-01",
                }
            )
        )
        expiring.with_user(self.committee).action_issue()
        self.env["credit.power.attorney"]._cron_power_attorney_expiry()
        users = expiring.activity_ids.user_id
        self.assertIn(self.admin_1, users)
        self.assertIn(self.admin_2, users)
        self.assertNotIn(self.salesman, users)
        self.assertFalse(self.poa.activity_ids, "ends in December")
        with freeze_time("2026-07-02"):
            self.env["credit.power.attorney"]._cron_power_attorney_expiry()
        self.assertEqual(expiring.state, "expired")

    def test_multi_company(self):
        contract = self.make_contract()
        other_company = self.env["res.company"].create({"name": "Second Company"})
        outsider = new_test_user(
            self.env,
            login="cc_outsider",
            groups="base.group_user,credit_management.group_credit_manager",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        self.assertFalse(self.env["credit.contract"].with_user(outsider).search([]))
        with self.assertRaisesText(AccessError, "Contract"):
            contract.with_user(outsider).read(["title"])
        self.assertFalse(
            self.env["credit.power.attorney"].with_user(outsider).search([("id", "=", self.poa.id)])
        )
        self.assertFalse(
            self.env["credit.contract.seal"].with_user(outsider).search([("id", "=", self.seal.id)])
        )
        # the shipped checklist is shared
        self.assertTrue(
            self.env["credit.contract.review.template"]
            .with_user(outsider)
            .search([("id", "=", self.env.ref("credit_contract.review_template_standard").id)])
        )

    def test_seal_custody_change(self):
        with self.assertRaisesRegex(AccessError, "Only a credit manager hands a seal over"):
            self.seal.with_user(self.admin_1).action_change_custodian()
        with self.assertRaisesRegex(UserError, "Give the reason for the handover"):
            self.decide(
                self.seal,
                "action_change_custodian",
                self.manager,
                " ",
                new_custodian_id=self.admin_2,
            )
        self.decide(
            self.seal,
            "action_change_custodian",
            self.manager,
            "annual leave",
            new_custodian_id=self.admin_2,
        )
        self.assertEqual(self.seal.custodian_id, self.admin_2)
        change = self.seal.custody_ids.filtered(lambda c: c.from_user_id)
        self.assertEqual(change.from_user_id, self.admin_1)
        self.assertEqual(change.to_user_id, self.admin_2)
        self.assertEqual(change.user_id, self.manager)
        self.assertEqual(change.date, self.today())
        self.assertEqual(len(self.seal.custody_ids), 2)
