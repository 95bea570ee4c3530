from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestLedger(ContractCase):
    def test_followups_overdue_and_schedule(self):
        contract = self.signed_contract()
        Followup = self.env["credit.contract.followup"].with_user(self.salesman)
        with self.assertRaisesRegex(AccessError, "By of Contract Performance Follow-up is set"):
            Followup.create(
                {"contract_id": contract.id, "note": "forged", "user_id": self.admin_1.id}
            )
        # recorded late: dated two weeks back, with the reason
        first = Followup.create(
            {
                "contract_id": contract.id,
                "date": "2026-06-01",
                "note": "first delivery on time",
                "next_date": "2026-06-10",
                "backdate_reason": "noted on paper at the customer's site",
            }
        )
        self.assertEqual(first.user_id, self.salesman)
        self.assertTrue(first.backdated)
        self.assertTrue(first.overdue)
        self.assertTrue(contract.followup_overdue)
        self.assertIn(
            contract,
            self.env["credit.contract"].search([("followup_overdue", "=", True)]),
        )
        second = Followup.create(
            {
                "contract_id": contract.id,
                "date": "2026-06-12",
                "note": "second delivery",
                "next_date": "2026-07-12",
                "backdate_reason": "the delivery note came in today",
            }
        )
        first.invalidate_recordset(["overdue"])
        self.assertFalse(first.overdue)
        self.assertFalse(second.overdue)
        self.assertFalse(contract.followups_on_schedule, "two days late")
        self.assertEqual(str(contract.next_followup_date), "2026-07-12")
        self.assertNotIn(
            contract,
            self.env["credit.contract"].search([("followup_overdue", "=", True)]),
        )
        with self.assertRaisesRegex(AccessError, "Only its author may edit a follow-up"):
            second.with_user(self.admin_1).write({"note": "not mine"})
        with self.assertRaisesRegex(UserError, "Date of a follow-up is kept as recorded"):
            second.with_user(self.salesman).write({"date": "2026-06-11"})
        with self.assertRaisesText(ValidationError, "future"):
            Followup.create({"contract_id": contract.id, "date": "2026-07-01", "note": "x"})

    def test_followup_on_unsigned_contract_refused(self):
        contract = self.make_contract()
        with self.assertRaisesText(UserError, "followed up once the contract is signed"):
            self.env["credit.contract.followup"].with_user(self.salesman).create(
                {"contract_id": contract.id, "note": "too early"}
            )

    def test_dispute_lifecycle(self):
        contract = self.signed_contract()
        contract.with_user(self.salesman).action_start_performance()
        with self.assertRaisesText(AccessError, "not allowed to create"):
            self.env["credit.contract.dispute"].with_user(self.salesman).create(
                {"contract_id": contract.id, "description": "late payment"}
            )
        Dispute = self.env["credit.contract.dispute"].with_user(self.admin_1)
        vals = {
            "contract_id": contract.id,
            "method": "arbitration",
            "description": "late payment",
            "amount": 40_000,
        }
        with self.assertRaisesRegex(
            AccessError, "Stage of Contract Dispute is set by its workflow"
        ):
            Dispute.create(dict(vals, stage="closed"))
        dispute = Dispute.create(vals)
        self.assertEqual(dispute.stage, "open")
        self.assertEqual(dispute.user_id, self.admin_1)
        self.assertEqual(contract.state, "dispute")
        # the proceedings move on with the buttons, not by writing the stage
        for stage in ("hearing", "closed"):
            with self.assertRaisesText(AccessError, "Stage of Contract Dispute is set by its"):
                dispute.with_user(self.admin_1).write({"stage": stage})
        with self.assertRaisesText(AccessError, "Contract administrators record disputes"):
            dispute.with_user(self.salesman).action_start_proceedings()
        dispute.with_user(self.admin_1).action_start_proceedings()
        dispute.with_user(self.admin_1).write({"date_hearing": "2026-06-20"})
        self.assertEqual(dispute.stage, "hearing")
        dispute.with_user(self.admin_1).action_decided()
        self.assertEqual(dispute.stage, "decided")
        dispute.with_user(self.admin_1).action_enforcement()
        self.assertEqual(dispute.stage, "enforcement")
        with self.assertRaisesText(UserError, "outcome"):
            dispute.with_user(self.admin_1).action_close()
        with self.assertRaisesText(UserError, "In Dispute"):
            contract.with_user(self.salesman).action_complete()
        dispute.with_user(self.admin_1).write({"outcome": "won", "outcome_note": "award paid"})
        dispute.with_user(self.admin_1).action_close()
        self.assertEqual(dispute.closed_by_id, self.admin_1)
        self.assertEqual(dispute.date_closed, self.today())
        self.assertEqual(contract.state, "performance")
        # kept as it was closed
        with self.assertRaisesText(UserError, "A closed dispute is kept as it was closed"):
            dispute.with_user(self.admin_1).action_decided()
        with self.assertRaisesText(UserError, "is Closed: Outcome can no longer be changed"):
            dispute.with_user(self.admin_1).write({"outcome": "lost"})

    def test_invalid_contract_and_misuse(self):
        contract = self.signed_contract()
        with self.assertRaisesRegex(AccessError, "Only contract administrators"):
            contract.with_user(self.salesman).action_mark_invalid()
        self.decide(
            contract,
            "action_mark_invalid",
            self.admin_1,
            "forged seal",
            employee_ids=self.other_employee,
        )
        self.assertTrue(contract.is_invalid)
        self.assertEqual(contract.invalid_by_id, self.admin_1)
        self.assertEqual(contract.misuse_employee_ids, self.other_employee)

    def test_archive_only_when_closed(self):
        contract = self.signed_contract()
        with self.assertRaisesText(UserError, "is archived once completed, terminated or expired"):
            contract.with_user(self.admin_1).action_archive_without_documents()
        contract.with_user(self.salesman).action_complete()
        with self.assertRaisesText(AccessError, "Only contract administrators may do this"):
            contract.with_user(self.salesman).action_archive_without_documents()
        contract.with_user(self.admin_2).action_archive_without_documents()
        self.assertFalse(contract.archived_with_documents)
        self.assertEqual(contract.archived_by_id, self.admin_2)

    def test_ledger_groups_set_based(self):
        self.signed_contract()
        with freeze_time("2026-06-20"):
            registered = self.signed_contract()
            registered.with_user(self.admin_1).action_register()
        groups = self.env["credit.contract"]._read_group(
            [("department_id", "=", self.department.id)],
            ["registration_on_time"],
            ["__count", "amount_company:sum"],
        )
        self.assertEqual(dict((g[0], g[1]) for g in groups), {False: 1, True: 1})

    def test_review_form_report_renders(self):
        contract = self.signed_contract()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("credit_contract.report_contract_review_form", contract.ids)[0]
            .decode()
        )
        self.assertIn(contract.name, html)
        self.assertIn("Legality", html)
        self.assertIn("Wang Signatory", html)
        preview = (
            self.env["ir.actions.report"]
            ._render_qweb_html("credit_contract.report_contract_document", contract.ids)[0]
            .decode()
        )
        self.assertIn("Credit Customer Ltd", preview)
