from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import TODAY, ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestContractFlow(ContractCase):
    def test_full_flow_review_sign_register_seal(self):
        contract = self.make_contract(template_id=self.env.ref("credit_contract.template_sale").id)
        self.assertEqual(contract.state, "draft")
        self.assertTrue(contract.name.startswith("HT2026-"))
        self.assertIn("Credit Customer Ltd", str(contract.body))
        contract.with_user(self.salesman).action_submit_review()
        self.assertEqual(contract.state, "review")
        lines = contract.review_line_ids
        self.assertEqual(len(lines), 8)
        self.assertEqual(len(lines.filtered(lambda ln: ln.category == "property")), 3)
        by_check = {ln.auto_check: ln for ln in lines if ln.auto_check != "none"}
        self.assertEqual(by_check["subject"].result, "pass")
        self.assertIn(self.customer.credit_code, by_check["subject"].evidence)
        self.assertEqual(by_check["authority"].result, "pass")
        self.assertIn(self.poa.name, by_check["authority"].evidence)
        self.assertEqual(by_check["credit"].result, "pass")
        self.assertIn("Grade: A", by_check["credit"].evidence)
        self.assertEqual(by_check["scope"].result, "pass")
        self.assertFalse(contract.review_passed)
        self.assertFalse(contract.review_completed_date)
        # the salesperson cannot judge the items
        with self.assertRaisesText(AccessError, "Only contract administrators review contracts"):
            lines.filtered(lambda ln: not ln.result)[0].with_user(self.salesman).action_pass()
        self.pass_review(contract)
        self.assertTrue(contract.three_properties_passed)
        self.assertTrue(contract.five_reviews_passed)
        self.assertTrue(contract.review_passed)
        self.assertEqual(contract.review_completed_date, fields.Date.to_date(TODAY))
        self.assertEqual(lines.filtered("reviewer_id").reviewer_id, self.admin_1)
        contract.with_user(self.admin_1).action_approve()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.approved_by_id, self.admin_1)
        self.sign_contract(contract, date=fields.Date.to_date(TODAY))
        self.assertEqual(contract.state, "signed")
        self.assertTrue(contract.signed_within_authority)
        self.assertTrue(contract.review_complete_before_signing)
        self.assertEqual(contract.version, 1)
        self.assertEqual(contract.version_ids.title, "Steel supply 2026")
        self.assertFalse(contract.ledger_complete)
        contract.with_user(self.salesman).action_register()
        self.assertEqual(contract.registered_by_id, self.salesman)
        self.assertEqual(contract.registration_days, 0)
        self.assertTrue(contract.registration_on_time)
        self.assertTrue(contract.ledger_complete)
        # the custodian approves a seal use requested by the salesperson
        self.env["credit.contract.seal.use"].with_user(self.admin_1)._log_use(
            contract, self.seal, self.salesman, "two originals", 2
        )
        use = contract.seal_use_ids
        self.assertEqual(use.requested_by_id, self.salesman)
        self.assertEqual(use.approved_by_id, self.admin_1)
        self.assertTrue(use.review_passed_at_use)
        self.assertEqual(use.date, fields.Date.to_date(TODAY))
        contract.with_user(self.salesman).action_start_performance()
        contract.with_user(self.salesman).action_complete()
        self.assertEqual(contract.state, "completed")
        contract.with_user(self.admin_1).action_archive_with_documents()
        self.assertTrue(contract.archived_with_documents)
        self.assertEqual(contract.archived_by_id, self.admin_1)
        self.assertEqual(contract.date_archived, fields.Date.to_date(TODAY))

    def test_registration_timeliness(self):
        with freeze_time("2026-05-29"):
            contract = self.approved_contract()
        self.sign_contract(contract, date=fields.Date.to_date("2026-06-01"))
        contract.with_user(self.admin_2).action_register()
        self.assertEqual(contract.registration_days, 14)
        self.assertFalse(contract.registration_on_time)
        with self.assertRaisesText(UserError, "is already registered"):
            contract.with_user(self.admin_2).action_register()

    def test_salesperson_sees_only_own_contracts(self):
        mine = self.make_contract()
        other = self.make_contract(user=self.admin_1, user_id=self.admin_1.id)
        visible = self.env["credit.contract"].with_user(self.salesman).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(other, visible)
        self.assertIn(other, self.env["credit.contract"].with_user(self.admin_2).search([]))

    def test_template_placeholders_and_reapply(self):
        template = self.env.ref("credit_contract.template_sale")
        contract = self.make_contract(template_id=template.id, amount=123_456)
        self.assertIn("steel coil", str(contract.body))
        self.assertIn("123,456.00", str(contract.body))
        self.assertNotIn("{{", str(contract.body))
        clause = self.env["credit.contract.clause"].create(
            {"name": "Quality", "body": "<p>Quality as agreed for {{title}}.</p>"}
        )
        template.clause_ids = [(4, clause.id)]
        contract.with_user(self.salesman).action_apply_template()
        self.assertIn("Quality as agreed for Steel supply 2026", str(contract.body))
        contract.with_user(self.salesman).action_submit_review()
        with self.assertRaisesText(UserError, "can be re-applied to a draft contract only"):
            contract.with_user(self.salesman).action_apply_template()

    def test_review_reevaluated_when_contract_changes(self):
        contract = self.make_contract()
        contract.with_user(self.salesman).action_submit_review()
        credit = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "credit")
        self.assertEqual(credit.result, "pass")
        # over the customer's limit: the creditworthiness item fails with the figures
        contract.with_user(self.salesman).write(
            {"amount": 2_500_000, "power_of_attorney_id": False}
        )
        self.assertEqual(credit.result, "fail")
        self.assertIn("over the credit limit", credit.evidence)
        authority = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "authority")
        self.assertEqual(authority.result, "fail")
        # a reviewer cannot pass what the ERP found failing
        with self.assertRaisesText(UserError, "Only a credit manager's override"):
            credit.with_user(self.admin_1).action_pass()
        self.env["credit.warning.entry"].create(
            {"name": "Credit Customer Ltd", "partner_id": self.customer.id, "reason": "court"}
        )
        contract.with_user(self.admin_1).action_evaluate_review()
        self.assertIn("warning list: yes", credit.evidence)

    def test_override_by_credit_manager(self):
        contract = self.make_contract(amount=300_000)
        self.set_limit(self.customer, 100_000)
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        credit = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "credit")
        self.assertEqual(credit.result, "fail")
        self.assertFalse(contract.review_passed)
        with self.assertRaisesText(UserError, "The review has not passed"):
            contract.with_user(self.admin_1).action_approve()
        with self.assertRaisesText(AccessError, "Only a credit manager may override"):
            self.override(contract, "trust me", self.admin_1)
        with self.assertRaisesText(UserError, "Give the reason for overriding the review"):
            self.override(contract, "  ", self.manager)
        self.override(contract, "Bank guarantee received", self.manager)
        self.assertTrue(contract.review_passed)
        self.assertEqual(contract.review_override_by_id, self.manager)
        self.assertEqual(contract.review_override_reason, "Bank guarantee received")
        contract.with_user(self.admin_1).action_approve()
        self.sign_contract(contract, date=fields.Date.to_date(TODAY))
        self.assertEqual(contract.state, "signed")

    def test_joint_review_needs_two_roles(self):
        contract = self.make_contract(amount=600_000)
        self.assertTrue(contract.joint_review_required)
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        with self.assertRaisesText(UserError, "joint review"):
            contract.with_user(self.admin_1).action_approve()
        Opinion = self.env["credit.contract.joint.review"]
        Opinion.with_user(self.admin_1).create(
            {"contract_id": contract.id, "role_id": self.role_credit.id, "decision": "approve"}
        )
        Opinion.with_user(self.admin_2).create(
            {"contract_id": contract.id, "role_id": self.role_credit.id, "decision": "approve"}
        )
        self.assertFalse(contract.joint_review_done, "two reviewers of one role are not enough")
        # nobody reviews for a role they do not hold
        with self.assertRaisesText(AccessError, "You are not a reviewer of role"):
            Opinion.with_user(self.admin_2).create(
                {"contract_id": contract.id, "role_id": self.role_legal.id}
            )
        # the reviewer is who gives the opinion, not who is named
        with self.assertRaisesRegex(AccessError, "Reviewer of Joint Review Opinion is set by"):
            Opinion.with_user(self.manager).create(
                {
                    "contract_id": contract.id,
                    "role_id": self.role_legal.id,
                    "decision": "approve",
                    "user_id": self.admin_1.id,
                }
            )
        opinion = Opinion.with_user(self.manager).create(
            {"contract_id": contract.id, "role_id": self.role_legal.id, "decision": "approve"}
        )
        self.assertEqual(opinion.user_id, self.manager)
        self.assertTrue(contract.joint_review_done)
        with self.assertRaisesRegex(UserError, "kept as it was given"):
            opinion.with_user(self.manager).write({"decision": "reject"})
        contract.with_user(self.admin_2).action_approve()
        self.assertEqual(contract.state, "approved")

    def test_signing_refused_outside_authority(self):
        contract = self.make_contract(amount=100_000)
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        contract.with_user(self.admin_1).action_approve()
        # signed before the review was approved, before the power of attorney was issued
        with self.assertRaisesText(UserError, "before the review was approved"):
            self.sign_contract(contract, date=fields.Date.to_date("2025-12-20"))
        self.assertEqual(contract.state, "approved")
        # a revoked power
        self.decide(self.poa, "action_revoke", self.committee, "left the company")
        with self.assertRaisesText(UserError, "revoked"):
            self.sign_contract(contract, date=fields.Date.to_date(TODAY))
        with self.assertRaisesText(UserError, "future"):
            self.sign_contract(contract, date=fields.Date.to_date("2026-07-01"))
