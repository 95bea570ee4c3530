"""The review before signing holds (issue 16, contracts items 1 to 4 and 9), tried as the
acting users through create/write and the buttons' public methods."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestReviewRules(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a credit manager who also sells (an administrator of contracts, too)
        cls.selling_manager = new_test_user(
            cls.env,
            login="cc_selling_manager",
            groups="sales_team.group_sale_salesman,credit_management.group_credit_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def line(self, contract, check):
        return contract.review_line_ids.filtered(lambda ln: ln.auto_check == check)

    def submitted(self, user=None, **kw):
        user = user or self.salesman
        contract = self.make_contract(user=user, **kw)
        contract.with_user(user).action_submit_review()
        return contract

    # ------------------------------------------------------------ item 1
    def test_credit_manager_does_not_approve_own_contract(self):
        contract = self.submitted(self.selling_manager)
        self.pass_review(contract, self.admin_1)
        self.assertTrue(contract.review_passed)
        with self.assertRaisesRegex(
            AccessError, "Nobody approves the review of their own contract"
        ):
            contract.with_user(self.selling_manager).action_approve()
        self.assertEqual(contract.state, "review")
        contract.with_user(self.admin_1).action_approve()
        self.assertEqual(contract.approved_by_id, self.admin_1)

    def test_owner_not_dodged_by_rewriting_responsible_or_department(self):
        contract = self.submitted(self.admin_1)
        self.assertEqual(contract.submitted_by_id, self.admin_1)
        self.assertIn(self.admin_1, contract.owner_history_ids)
        # locked once submitted
        with self.assertRaisesRegex(
            UserError, "is Under Review: Responsible can no longer be changed"
        ):
            contract.with_user(self.admin_1).write({"user_id": self.admin_2.id})
        other_department = self.env["hr.department"].create(
            {"name": "Other Department", "company_id": self.company.id}
        )
        with self.assertRaisesRegex(
            UserError, "is Under Review: Responsible Department can no longer be changed"
        ):
            contract.with_user(self.admin_1).write({"department_id": other_department.id})
        self.assertEqual(contract.user_id, self.admin_1)
        # back to draft, handed to a colleague who submits it again: still admin_1's own
        contract.with_user(self.admin_1).action_reset_draft()
        contract.with_user(self.admin_1).write({"user_id": self.admin_2.id})
        contract.with_user(self.admin_2).action_submit_review()
        self.pass_review(contract, self.manager)
        for owner in (self.admin_1, self.admin_2):
            with self.assertRaisesRegex(
                AccessError, "Nobody approves the review of their own contract"
            ):
                contract.with_user(owner).action_approve()
        contract.with_user(self.manager).action_approve()
        self.assertEqual(contract.state, "approved")

    def test_department_head_does_not_approve_its_contracts(self):
        head = self.env["hr.employee"].create(
            {
                "name": "Head of Sales Department 1",
                "company_id": self.company.id,
                "user_id": self.admin_2.id,
                "department_id": self.department.id,
            }
        )
        self.department.manager_id = head
        contract = self.submitted()
        self.assertEqual(contract.submitted_department_id, self.department)
        self.pass_review(contract, self.admin_1)
        with self.assertRaisesRegex(
            AccessError, "Nobody approves the review of their own contract"
        ):
            contract.with_user(self.admin_2).action_approve()
        # the department rewritten in draft does not make it somebody else's
        contract.with_user(self.salesman).action_reset_draft()
        other = self.env["hr.department"].create(
            {"name": "Other Department", "company_id": self.company.id}
        )
        contract.with_user(self.salesman).write({"department_id": other.id})
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract, self.admin_1)
        with self.assertRaisesRegex(
            AccessError, "Nobody approves the review of their own contract"
        ):
            contract.with_user(self.admin_2).action_approve()

    def test_owner_does_not_judge_own_items(self):
        contract = self.submitted(self.admin_1)
        manual = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "none")[0]
        with self.assertRaisesRegex(AccessError, "Nobody reviews their own contract"):
            manual.with_user(self.admin_1).action_pass()
        with self.assertRaisesRegex(AccessError, "Nobody reviews their own contract"):
            manual.with_user(self.admin_1).write({"comment": "looks fine to me"})
        manual.with_user(self.admin_2).action_pass()
        self.assertEqual(manual.result, "pass")

    def test_failed_review_goes_through_only_by_the_recorded_override(self):
        self.set_limit(self.customer, 50_000)
        contract = self.submitted()
        self.pass_review(contract)
        self.assertEqual(self.line(contract, "credit").result, "fail")
        for user in (self.admin_1, self.manager):
            with self.assertRaisesRegex(UserError, "The review has not passed"):
                contract.with_user(user).action_approve()
        self.override(contract, "Bank guarantee received", self.manager)
        contract.with_user(self.admin_1).action_approve()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.review_override_reason, "Bank guarantee received")

    def test_manager_does_not_override_own_review(self):
        self.set_limit(self.customer, 50_000)
        contract = self.submitted(self.selling_manager)
        self.pass_review(contract, self.admin_1)
        with self.assertRaisesRegex(
            AccessError, "Nobody overrides the review of their own contract"
        ):
            self.override(contract, "my own customer, I vouch for it", self.selling_manager)
        self.assertFalse(contract.review_override)
        self.override(contract, "bank guarantee received", self.manager)
        self.assertTrue(contract.review_passed)

    # ------------------------------------------------------------ item 2
    def test_failed_items_neither_passed_nor_set_aside(self):
        self.set_limit(self.customer, 50_000)
        self.customer.sudo().credit_operating_status = "revoked"
        contract = self.submitted(power_of_attorney_id=False)
        for check in ("credit", "subject", "authority"):
            line = self.line(contract, check)
            self.assertEqual(line.result, "fail", check)
            for method in ("action_pass", "action_na"):
                with self.assertRaisesRegex(UserError, "Only a credit manager's override"):
                    getattr(line.with_user(self.manager), method)()
            self.assertEqual(line.result, "fail")
        self.assertFalse(contract.review_passed)

    def test_items_the_erp_judges_apply(self):
        self.customer.sudo().credit_business_scope = "Wholesale of metal products"
        contract = self.submitted()
        scope = self.line(contract, "scope")
        self.assertFalse(scope.result, "steel coil is not a term of the scope")
        with self.assertRaisesRegex(UserError, "cannot be set aside as not applicable"):
            scope.with_user(self.admin_1).action_na()
        scope.with_user(self.admin_1).action_fail()
        self.assertEqual(scope.result, "fail")
        # an item the reviewer judges may not apply
        manual = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "none")[0]
        manual.with_user(self.admin_1).action_na()
        self.assertEqual(manual.result, "na")

    def test_credit_judged_whatever_the_type_label(self):
        self.set_limit(self.customer, 50_000)
        for contract_type in ("technical", "other", "purchase"):
            contract = self.submitted(contract_type=contract_type, power_of_attorney_id=False)
            credit = self.line(contract, "credit")
            self.assertEqual(credit.result, "fail", contract_type)
            self.assertIn("over the credit limit", credit.evidence)
            with self.assertRaisesRegex(UserError, "Only a credit manager's override"):
                credit.with_user(self.admin_1).action_na()
        # only where the counterparty pays nothing later is no credit granted
        paid = self.submitted(
            contract_type="purchase", counterparty_pays="nothing", power_of_attorney_id=False
        )
        self.assertEqual(self.line(paid, "credit").result, "na")
        self.assertIn("No credit is granted", self.line(paid, "credit").evidence)
        # switching the label does not change the judgement
        contract = self.submitted(power_of_attorney_id=False)
        contract.with_user(self.salesman).write({"contract_type": "other"})
        self.assertEqual(self.line(contract, "credit").result, "fail")
        with self.assertRaisesRegex(
            ValidationError, "Under a sales contract the counterparty pays"
        ):
            self.make_contract(counterparty_pays="nothing")

    # ------------------------------------------------------------ item 3
    def test_business_scope_passes_only_on_a_real_term(self):
        contract = self.submitted()
        scope = self.line(contract, "scope")
        self.assertEqual(scope.result, "pass", "steel coil is a term of the scope")
        for subject in ("s", "", "  e ", "eel", "steel c", "Wholesale of steel coil and more"):
            contract.with_user(self.salesman).write({"subject_matter": subject})
            self.assertFalse(scope.result, f"{subject!r} passed by itself")
            self.assertIn("judge by hand", scope.evidence)
        for subject in ("Steel Coil", " metal products "):
            contract.with_user(self.salesman).write({"subject_matter": subject})
            self.assertEqual(scope.result, "pass", subject)
        self.customer.sudo().credit_business_scope = "钢材、金属制品批发；五金交电"
        contract.with_user(self.salesman).write({"subject_matter": "五金交电"})
        self.assertEqual(scope.result, "pass")
        contract.with_user(self.salesman).write({"subject_matter": "钢"})
        self.assertFalse(scope.result)

    # ------------------------------------------------------------ item 4
    def judged_in_full(self):
        """Under review, every item passed, the joint review given, the review overridden."""
        contract = self.submitted(amount=600_000)
        self.pass_review(contract)
        Opinion = self.env["credit.contract.joint.review"]
        Opinion.with_user(self.admin_2).create(
            {"contract_id": contract.id, "role_id": self.role_credit.id}
        )
        Opinion.with_user(self.manager).create(
            {"contract_id": contract.id, "role_id": self.role_legal.id}
        )
        self.override(contract, "checked the originals", self.manager_2)
        self.assertTrue(contract.joint_review_done)
        self.assertTrue(contract.review_passed)
        return contract

    def test_content_change_under_review_starts_the_review_again(self):
        new_poa = self.poa.copy({"max_amount": 900_000})
        new_poa.with_user(self.committee).action_issue()
        changes = {
            "title": "Steel supply 2026, revised",
            "body": "<p>Payment within 90 days.</p>",
            "amount": 650_000,
            "date_start": "2026-07-02",
            "date_end": "2026-11-30",
            "contract_type": "other",
            "counterparty_pays": "advance",
            "signatory_id": self.other_employee.id,
            "power_of_attorney_id": new_poa.id,
            "subject_matter": "metal products",
            "partner_signatory": "Qian Deputy",
            "settlement_method": "Letter of credit",
        }
        for fname, value in changes.items():
            contract = self.judged_in_full()
            if fname == "signatory_id":
                vals = {"signatory_id": value, "power_of_attorney_id": False}
            else:
                vals = {fname: value}
            contract.with_user(self.salesman).write(vals)
            manual = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "none")
            self.assertFalse(any(manual.mapped("result")), fname)
            self.assertFalse(contract.review_override, fname)
            self.assertFalse(contract.joint_review_done, fname)
            self.assertFalse(contract.review_passed, fname)
            self.assertTrue(
                any("the review starts again" in m.body for m in contract.message_ids), fname
            )
            with self.assertRaisesRegex(UserError, "The review has not passed"):
                contract.with_user(self.admin_1).action_approve()
        # the opinions are kept, in the round they were given
        self.assertEqual(len(contract.joint_review_ids), 2)
        self.assertTrue(
            all(o.review_round < contract.review_round for o in contract.joint_review_ids)
        )

    def test_counterparty_and_currency_changes_start_the_review_again(self):
        other = self.env["res.partner"].create({"name": "Other Buyer Ltd", "is_company": True})
        currency = self.setup_other_currency("EUR")
        for vals in ({"partner_id": other.id}, {"currency_id": currency.id}):
            contract = self.judged_in_full()
            contract.with_user(self.salesman).write(vals)
            self.assertFalse(contract.review_passed, vals)
            self.assertFalse(contract.joint_review_done, vals)

    def test_unchanged_values_keep_the_review(self):
        contract = self.judged_in_full()
        contract.with_user(self.salesman).write({"title": contract.title})
        self.assertTrue(contract.review_passed)
        self.assertTrue(contract.joint_review_done)

    def test_resubmission_after_reset_is_a_new_review(self):
        contract = self.judged_in_full()
        contract.with_user(self.salesman).action_reset_draft()
        contract.with_user(self.salesman).write({"amount": 700_000})
        contract.with_user(self.salesman).action_submit_review()
        manual = contract.review_line_ids.filtered(lambda ln: ln.auto_check == "none")
        self.assertFalse(any(manual.mapped("result")))
        self.assertFalse(contract.review_override)
        self.assertFalse(contract.joint_review_done)

    # ------------------------------------------------------------ item 9
    def test_owner_gives_no_joint_review_opinion(self):
        contract = self.submitted(self.admin_1, amount=600_000)
        Opinion = self.env["credit.contract.joint.review"]
        with self.assertRaisesRegex(
            AccessError, "Nobody gives a joint review opinion on their own contract"
        ):
            Opinion.with_user(self.admin_1).create(
                {"contract_id": contract.id, "role_id": self.role_credit.id}
            )
        self.assertFalse(contract.joint_review_ids)

    def test_opinion_kept_as_given(self):
        contract = self.submitted(amount=600_000)
        opinion = (
            self.env["credit.contract.joint.review"]
            .with_user(self.admin_1)
            .create(
                {
                    "contract_id": contract.id,
                    "role_id": self.role_credit.id,
                    "decision": "reject",
                    "comment": "security insufficient",
                }
            )
        )
        for vals in (
            {"comment": "fine after all"},
            {"decision": "approve"},
            {"role_id": self.role_legal.id},
        ):
            with self.assertRaisesRegex(UserError, "kept as it was given"):
                opinion.with_user(self.admin_1).write(vals)
        self.assertRecordValues(
            opinion, [{"decision": "reject", "comment": "security insufficient"}]
        )
        with self.assertRaisesRegex(AccessError, "not allowed to delete"):
            opinion.with_user(self.admin_1).unlink()
