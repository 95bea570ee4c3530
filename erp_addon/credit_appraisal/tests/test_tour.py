from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ADMINISTRATOR, COMMITTEE, MANAGER, AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestTour(AppraisalCase, HttpCase):
    """The award and disqualification lists sent by the credit manager and approved by the
    legal representative in the browser, each the least-privileged user of their role
    (static/tests/tours/credit_appraisal_lists_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        # the password of each is its login
        cls.tour_manager = new_test_user(
            cls.env,
            login="tour_ap_manager",
            name="Tour Credit Manager",
            groups=f"base.group_user,{MANAGER}",
            **common,
        )
        cls.tour_legal = new_test_user(
            cls.env,
            login="tour_ap_legal",
            name="Tour Legal Representative",
            groups=f"base.group_user,{COMMITTEE}",
            **common,
        )

    def _complete(self, appraisal, scores):
        self.score_entered(appraisal, scores)
        appraisal.with_user(self.manager).action_submit()
        appraisal.with_user(self.manager).action_approve()

    def _force_low(self, appraisal):
        """Measured items at zero: the contracts of the year went badly (fixture)."""
        measured = appraisal.line_ids.filtered("compute_method")
        measured.sudo().write({"score": 0, "date_computed": "2025-12-31 10:00:00"})
        appraisal._update_totals()

    def _period(self, year, scores_a):
        period = self.make_period(year)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal_b = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        appraisal_a = period.appraisal_ids - appraisal_b
        self._force_low(appraisal_b)
        self._complete(appraisal_b, {})
        self._complete(appraisal_a, self.full(appraisal_a) | scores_a)
        return period, appraisal_a, appraisal_b

    def test_lists_tour(self):
        # Admin B failed the year before: a second failure disqualifies them
        old, _old_a, _old_b = self._period(2024, {"6.1": 10})
        old.with_user(self.manager).action_submit_lists()
        old.with_user(self.committee).action_approve_lists()
        period, appraisal_a, appraisal_b = self._period(
            2025, {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9}
        )
        self.assertEqual(appraisal_a.rating, "excellent")
        self.assertTrue(appraisal_b.failed)

        self.start_tour("/odoo", "credit_appraisal_lists_submit", login=self.tour_manager.login)
        self.assertEqual(period.award_entry_ids.appraisal_id, appraisal_a)
        self.assertRecordValues(
            period,
            [{"state": "submitted", "lists_submitted_by_id": self.tour_manager.id}],
        )
        self.assertTrue(period.date_lists_submitted)
        self.assertEqual(period.award_ids, appraisal_a)
        self.assertEqual(period.disqualification_ids, appraisal_b)
        self.assertRecordValues(appraisal_b, [{"outcome": "revocation", "failure_number": 2}])
        awaiting = period.activity_ids.filtered(lambda a: a.user_id == self.tour_legal)
        self.assertEqual(len(awaiting), 1, "the legal representative is asked to approve")

        self.start_tour("/odoo", "credit_appraisal_lists_approve", login=self.tour_legal.login)
        self.assertRecordValues(
            period, [{"state": "locked", "lists_approved_by_id": self.tour_legal.id}]
        )
        self.assertTrue(period.date_lists_approved)
        self.assertEqual(set(period.appraisal_ids.mapped("state")), {"locked"})
        self.assertFalse(period.activity_ids, "the approval request is done")
        # the approval of the disqualification is the revocation's: in force on the register
        self.assertEqual(self.admin_b.qualification_state, "revoked")
        event = period.disqualification_entry_ids.event_id
        self.assertRecordValues(
            event,
            [
                {
                    "source": "appraisal",
                    "appraisal_id": appraisal_b.id,
                    "state": "done",
                    "approved_by_id": self.tour_legal.id,
                }
            ],
        )
        self.assertEqual(appraisal_b.list_decision, "approved")
        self.assertEqual(self.admin_a.qualification_state, "qualified")
        # the chatter shows who moved the period on
        tracked = period.message_ids.filtered(
            lambda m: m.tracking_value_ids.filtered(lambda v: v.field_id.name == "state")
        )
        self.assertEqual(
            tracked.author_id, self.tour_manager.partner_id | self.tour_legal.partner_id
        )

    def test_hand_score_on_records_tour(self):
        """Item 8: the assessor, an administrator of no department, sees the records of
        the department assessed beside the item, links one and gives the score."""
        assessor = new_test_user(
            self.env,
            login="tour_ap_assessor",
            name="Tour Assessor",
            groups=f"base.group_user,{ADMINISTRATOR}",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal_a = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        appraisal_a.with_user(self.manager).write({"assessor_ids": [Command.set(assessor.ids)]})
        WorkRecord = self.env["credit.work.record"]
        common = {
            "kind": "reconciliation",
            "content": "Receivables compared with the salespeople.",
            "company_id": self.company.id,
        }
        record = WorkRecord.with_user(self.user_a).create(
            dict(
                common,
                name="First quarter reconciliation",
                date="2025-03-31",
                department_id=self.dept_1.id,
            )
        )
        WorkRecord.with_user(self.user_b).create(
            dict(
                common,
                name="Purchasing reconciliation",
                date="2025-03-31",
                department_id=self.dept_3.id,
            )
        )

        self.start_tour("/odoo", "credit_appraisal_hand_score", login=assessor.login)
        line = self.line(appraisal_a, "3.2")
        self.assertRecordValues(
            line, [{"hand_score": 5, "score": 5, "hand_scored": True, "scored_by_id": assessor.id}]
        )
        self.assertEqual(line.work_record_ids, record)
        self.assertEqual(record.usage, "cited")

    def _contract(self, title, department):
        """A contract signed in 2025 (its state and date set directly, as a fixture)."""
        partner = self.env["res.partner"].create({"name": "Tour Counterparty", "is_company": True})
        contract = self.env["credit.contract"].create(
            {
                "title": title,
                "contract_type": "sale",
                "partner_id": partner.id,
                "amount": 1000,
                "company_id": self.company.id,
                "department_id": department.id,
            }
        )
        self.env.cr.execute(
            "UPDATE credit_contract SET state = 'signed', date_signed = '2025-03-03' WHERE id = %s",
            (contract.id,),
        )
        contract.invalidate_recordset()
        return contract

    def test_unassigned_contracts_tour(self):
        """The credit manager lists the year's contracts no department is responsible for,
        from the open period, and opens one to assign it."""
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        stray = self._contract("Unassigned Supply", self.env["hr.department"])
        self._contract("Department Supply", self.dept_1)
        action = period.with_user(self.tour_manager).action_unassigned_contracts()
        self.assertEqual(self.env["credit.contract"].search(action["domain"]), stray)

        self.start_tour(
            "/odoo", "credit_appraisal_unassigned_contracts", login=self.tour_manager.login
        )
        # only read: the period and the contract are as they were
        self.assertRecordValues(period, [{"state": "open"}])
        self.assertRecordValues(stray, [{"state": "signed", "department_id": False}])
