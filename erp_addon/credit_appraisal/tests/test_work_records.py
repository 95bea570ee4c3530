"""Issue 17, item 8: the hand-scored items rest on records.

The registers of 3.2 (reconciliations with the salespeople), 4.2 (information feedback and
complaints) and 6.1 (innovative cases): who records what, what the assessor sees beside
the item, and the one rule of every hand score: it rests on evidence (records linked or a
written reason)."""

from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestWorkRecords(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auditor = new_test_user(
            cls.env,
            login="ca_auditor",
            groups="base.group_user,account.group_account_readonly",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.period = cls.make_period(2025)
        cls.period.with_user(cls.manager).action_generate_appraisals()
        cls.appraisal_a = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal_b = cls.period.appraisal_ids - cls.appraisal_a
        cls.appraisal_a.with_user(cls.manager).write(
            {"assessor_ids": [Command.set(cls.assessor.ids)]}
        )
        # Admin A covers Sales One and Sales Two, Admin B Purchasing
        with freeze_time("2025-12-20 09:00:00"):
            cls.r_one = cls.record(cls.user_a, cls.dept_1, "reconciliation", "2025-03-31")
            cls.r_two = cls.record(cls.user_a, cls.dept_2, "reconciliation", "2025-09-30")
            cls.f_one = cls.record(cls.user_a, cls.dept_1, "feedback", "2025-05-20")
            cls.r_old = cls.record(cls.user_a, cls.dept_1, "reconciliation", "2024-12-16")
            cls.r_purchasing = cls.record(cls.user_b, cls.dept_3, "reconciliation", "2025-06-30")

    @classmethod
    def record(cls, user, department, kind, day, **vals):
        return (
            cls.env["credit.work.record"]
            .with_user(user)
            .create(
                {
                    "name": f"{kind} {department.name} {day}",
                    "kind": kind,
                    "date": day,
                    "department_id": department.id,
                    "employee_ids": [Command.set(cls.emp_plain.ids)],
                    "content": "Receivables compared line by line with the salespeople.",
                    "outcome": "One difference cleared.",
                    "company_id": cls.company.id,
                    **vals,
                }
            )
        )

    # ------------------------------------------------------------------ the register
    def test_administrators_record_for_their_departments(self):
        WorkRecord = self.env["credit.work.record"]
        # who recorded it and when: the record's own
        self.assertRecordValues(
            self.r_one,
            [
                {
                    "recorded_by_id": self.user_a.id,
                    "date_recorded": datetime(2025, 12, 20, 9, 0),
                    "usage": "unused",
                }
            ],
        )
        with self.assertRaisesText(AccessError, "Recorded By of Credit Work Record is set by"):
            self.r_one.with_user(self.manager).write({"recorded_by_id": self.manager.id})
        with self.assertRaisesText(AccessError, "Date Recorded of Credit Work Record is set by"):
            self.record(
                self.user_a,
                self.dept_1,
                "innovation",
                "2025-01-10",
                date_recorded="2020-01-01 00:00:00",
            )
        with self.assertRaisesText(AccessError, "Use in Appraisals of Credit Work Record is set"):
            self.r_one.with_user(self.manager).write({"usage": "used"})
        # not for a department someone else covers
        refused = "You record the work of the departments you cover as credit administrator"
        with self.assertRaisesText(AccessError, f"{refused}, not of Purchasing."):
            self.record(self.user_a, self.dept_3, "reconciliation", "2025-04-01")
        with self.assertRaisesText(AccessError, f"{refused}, not of Purchasing."):
            self.r_one.with_user(self.user_a).write({"department_id": self.dept_3.id})
        with self.assertRaisesText(AccessError, f"{refused}, not of Sales One."):
            self.record(self.assessor, self.dept_1, "reconciliation", "2025-04-01")
        with self.assertRaisesText(AccessError, "top-secret records"):
            self.r_purchasing.with_user(self.user_a).write({"outcome": "changed"})
        # another department's administrator does not see them
        self.assertEqual(WorkRecord.with_user(self.user_b).search([]), self.r_purchasing)
        with self.assertRaisesText(AccessError, "top-secret records"):
            self.r_one.with_user(self.user_b).read(["content"])
        # the credit manager records for every department; HR and the auditor read
        by_manager = self.record(self.manager, self.dept_3, "innovation", "2025-02-02")
        self.assertEqual(by_manager.recorded_by_id, self.manager)
        everything = self.r_one | self.r_two | self.f_one | self.r_old | self.r_purchasing
        for reader in (self.hr_user, self.auditor):
            self.assertEqual(
                WorkRecord.with_user(reader).search([]), everything | by_manager, reader.login
            )
            with self.assertRaisesText(AccessError, "not allowed to modify"):
                self.r_one.with_user(reader).write({"outcome": "changed"})
        with self.assertRaisesText(AccessError, f"{refused}, not of Sales One."):
            self.record(self.plain, self.dept_1, "feedback", "2025-02-02")
        self.assertFalse(WorkRecord.with_user(self.plain).search([]))
        # a mistaken record no appraisal cites is deleted by whoever may record it
        by_manager.with_user(self.manager).unlink()
        self.assertFalse(by_manager.exists())

    # ------------------------------------------------------------------ beside the item
    def test_records_beside_the_item(self):
        lines = self.appraisal_a.line_ids.with_user(self.assessor)
        by_code = {line.code: line for line in lines}
        self.assertEqual(by_code["3.2"].work_record_kind, "reconciliation")
        # the item's register, the departments covered, the year
        self.assertEqual(by_code["3.2"].available_work_record_ids, self.r_one | self.r_two)
        self.assertEqual(by_code["4.2"].available_work_record_ids, self.f_one)
        self.assertFalse(by_code["6.1"].available_work_record_ids)
        self.assertFalse(by_code["3.4"].work_record_kind)
        self.assertFalse(by_code["3.4"].available_work_record_ids)
        # the assessor reads the records of the departments assessed, no other
        self.assertEqual(
            self.env["credit.work.record"].with_user(self.assessor).search([]),
            self.r_one | self.r_two | self.f_one | self.r_old,
        )
        # only those records can be linked to the item
        for wrong in (self.r_old, self.f_one, self.r_purchasing):
            with self.assertRaisesText(
                ValidationError,
                "Item 3.2 rests on the records of its register for the departments covered "
                f"(Sales One, Sales Two) in 2025, not on: {wrong.name}.",
            ):
                by_code["3.2"].write({"hand_score": 3, "work_record_ids": [Command.set(wrong.ids)]})
        with self.assertRaisesText(UserError, "Item 3.4 keeps no register of records"):
            by_code["3.4"].write(
                {"hand_score": 3, "work_record_ids": [Command.set(self.r_one.ids)]}
            )
        self.assertFalse(self.line(self.appraisal_a, "3.2").work_record_ids)

    def test_other_department_cannot_link(self):
        line_a = self.line(self.appraisal_a, "3.2")
        # Admin B is no assessor of Admin A's appraisal: neither reads nor links
        with self.assertRaisesText(AccessError, "top-secret records"):
            line_a.with_user(self.user_b).write(
                {"hand_score": 6, "work_record_ids": [Command.set(self.r_one.ids)]}
            )
        # the assessor of Admin B's appraisal links Purchasing's records only
        self.appraisal_b.with_user(self.manager).write(
            {"assessor_ids": [Command.set(self.assessor.ids)]}
        )
        line_b = self.line(self.appraisal_b, "3.2").with_user(self.assessor)
        self.assertEqual(line_b.available_work_record_ids, self.r_purchasing)
        with self.assertRaisesText(ValidationError, "departments covered (Purchasing)"):
            line_b.write({"hand_score": 6, "work_record_ids": [Command.set(self.r_one.ids)]})
        line_b.write({"hand_score": 4, "work_record_ids": [Command.set(self.r_purchasing.ids)]})
        self.assertEqual(line_b.work_record_ids, self.r_purchasing)
        # an administrator only links as an administrator
        with self.assertRaisesText(AccessError, "You may not change Records Relied On"):
            line_b.with_user(self.hr_user).write({"work_record_ids": [Command.clear()]})

    # ------------------------------------------------------------------ the rule
    def test_hand_score_rests_on_evidence(self):
        line = self.line(self.appraisal_a, "3.2").with_user(self.assessor)
        reason_only = self.line(self.appraisal_a, "3.4").with_user(self.assessor)
        with self.assertRaisesText(
            ValidationError,
            "Item 3.2 is scored by hand: link the records your score rests on or write the reason.",
        ):
            line.write({"hand_score": 5})
        with self.assertRaisesText(
            ValidationError, "Item 3.4 is scored by hand: write the reason your score rests on."
        ):
            reason_only.write({"hand_score": 5})
        self.assertEqual(self.appraisal_a.total, 0)
        # the score is the line's own
        with self.assertRaisesText(AccessError, "Score of Appraisal Scorecard Line is set by"):
            line.write({"score": 5})
        # records alone are evidence
        line.write(
            {"hand_score": 5, "work_record_ids": [Command.set((self.r_one | self.r_two).ids)]}
        )
        self.assertRecordValues(
            line,
            [{"score": 5, "hand_scored": True, "scored_by_id": self.assessor.id}],
        )
        self.assertFalse(line.hand_evidence)
        # a written reason alone is evidence
        reason_only.write({"hand_score": 4, "hand_evidence": "Department meeting minutes read."})
        self.assertRecordValues(reason_only, [{"score": 4, "hand_scored": True}])
        self.assertEqual(self.appraisal_a.total, 9)
        # taking the records away leaves the score on nothing
        with self.assertRaisesText(ValidationError, "Item 3.2 is scored by hand"):
            line.write({"work_record_ids": [Command.clear()]})
        self.assertEqual(line.work_record_ids, self.r_one | self.r_two)
        self.assertEqual((self.r_one | self.r_two).mapped("usage"), ["cited", "cited"])
        # the records' content can still be corrected while the appraisal is a draft, not
        # what they are: the link keeps matching
        self.r_one.with_user(self.user_a).write({"outcome": "Two differences cleared."})
        with self.assertRaisesText(UserError, "Department can no longer be changed"):
            self.r_one.with_user(self.user_a).write({"department_id": self.dept_2.id})
        with self.assertRaisesText(UserError, "record of a decision"):
            self.r_two.with_user(self.user_a).unlink()

    def test_submit_names_the_items_without_evidence(self):
        appraisal = self.appraisal_a
        appraisal.line_ids.filtered("not_measurable").with_user(self.assessor).write(
            {"hand_score": 0, "hand_evidence": "Nothing of the kind in the year."}
        )
        with self.assertRaisesText(
            UserError,
            "These items of 2025 Admin A are scored by hand and need the evidence their score "
            "rests on (records linked or a written reason) before submitting: 3.2 Regular or "
            "ad-hoc reconciliation with the department's salespeople; 3.4 ",
        ) as caught:
            appraisal.with_user(self.assessor).action_submit()
        self.assertIn("; 4.2 ", str(caught.exception))
        self.assertIn("; 6.1 ", str(caught.exception))
        self.assertNotIn("1.1", str(caught.exception))
        hand = appraisal.line_ids.filtered(lambda line: not line.compute_method)
        self.assertEqual(sorted(hand.mapped("code")), ["3.2", "3.4", "4.2", "6.1"])
        for line in hand.with_user(self.assessor):
            if line.code == "3.2":
                line.write({"hand_score": 6, "work_record_ids": [Command.set(self.r_one.ids)]})
            else:
                line.write({"hand_score": 1, "hand_evidence": "Files checked."})
        appraisal.with_user(self.assessor).action_submit()
        self.assertEqual(appraisal.state, "submitted")
        # the evidence of a submitted appraisal is locked and kept
        self.assertEqual(self.r_one.usage, "used")
        self.assertEqual(self.r_two.usage, "unused")
        with self.assertRaisesText(UserError, "Content can no longer be changed"):
            self.r_one.with_user(self.user_a).write({"content": "rewritten"})
        with self.assertRaisesText(UserError, "record of a decision"):
            self.r_one.with_user(self.manager).unlink()
        with self.assertRaisesText(UserError, "Records Relied On can no longer be changed"):
            self.line(appraisal, "3.2").with_user(self.manager).write(
                {"work_record_ids": [Command.clear()]}
            )
        # the person appraised reads the records the score rests on
        self.assertEqual(
            self.line(appraisal, "3.2").with_user(self.user_a).work_record_ids, self.r_one
        )
        # back to draft: cited again, its content may be corrected
        appraisal.with_user(self.manager).action_reset_draft()
        self.assertEqual(self.r_one.usage, "cited")
        self.r_one.with_user(self.user_a).write({"content": "Corrected before resubmitting."})
        # an unused record is deleted by its department's administrator
        self.r_two.with_user(self.user_a).unlink()
        self.assertFalse(self.r_two.exists())
