from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestAppraisal(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls.make_period(2025)
        cls.period.with_user(cls.manager).action_generate_appraisals()
        cls.appraisal_a = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal_b = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_b)
        cls.appraisal_a.with_user(cls.manager).write(
            {"assessor_ids": [Command.set(cls.assessor.ids)]}
        )

    def test_generated_with_scorecard(self):
        self.assertEqual(len(self.period.appraisal_ids), 2)
        self.assertEqual(len(self.appraisal_a.line_ids), 19)
        self.assertEqual(self.appraisal_a.user_id, self.user_a)
        self.assertEqual(self.period.award_advanced, 95)
        # nothing recorded yet: no free points, the items the records cannot measure are
        # left to the assessor (1.2: no required session attended yet)
        measured = self.appraisal_a.line_ids.filtered("compute_method")
        self.assertEqual(self.line(self.appraisal_a, "1.2").score, 0)
        self.assertFalse(self.line(self.appraisal_a, "1.2").not_measurable)
        self.assertEqual(len(measured.filtered("not_measurable")), 14)
        self.assertEqual(sum(measured.mapped("score")), 0)
        self.assertIn("Nothing to measure", self.line(self.appraisal_a, "2.1").evidence)
        self.assertEqual(self.appraisal_a.total, 0)
        self.assertEqual(self.appraisal_a.rating, "fail")

    def test_one_appraisal_per_year(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.env["credit.appraisal"].create(
                    {"period_id": self.period.id, "administrator_id": self.admin_a.id}
                )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.make_period(2025)
        # generating again adds nobody
        self.assertEqual(self.period.with_user(self.manager).action_generate_appraisals(), 0)

    def test_assessor_scores_entered_items(self):
        line = self.line(self.appraisal_a, "3.4")
        line.with_user(self.assessor).write(
            {"hand_score": 5.5, "hand_evidence": "10 contracts sampled"}
        )
        self.assertEqual(line.score, 5.5)
        self.assertEqual(line.scored_by_id, self.assessor)
        self.assertEqual(self.appraisal_a.total, 5.5)
        # above the item's points
        with self.assertRaisesText(ValidationError, "between 0 and 6.0"):
            line.with_user(self.assessor).write({"hand_score": 6.5})
        with self.assertRaisesText(ValidationError, "between 0 and 6.0"):
            line.with_user(self.assessor).write({"hand_score": -1})
        self.assertEqual(line.score, 5.5)
        # the score is the line's own: written by the recompute or from the hand score
        with self.assertRaisesText(AccessError, "Score of Appraisal Scorecard Line is set by"):
            line.with_user(self.assessor).write({"score": 6})
        with self.assertRaisesText(AccessError, "Score of Appraisal Scorecard Line is set by"):
            self.line(self.appraisal_a, "5.2").with_user(self.assessor).write({"score": 0})
        # an assessor of someone else's appraisal only
        with self.assertRaisesText(AccessError, "top-secret records"):
            self.line(self.appraisal_b, "3.4").with_user(self.assessor).write(
                {"hand_score": 1, "hand_evidence": "seen"}
            )

    def test_nobody_scores_own_appraisal(self):
        self.appraisal_b.with_user(self.manager).write(
            {"assessor_ids": [Command.set(self.user_a.ids)]}
        )
        line = self.line(self.appraisal_a, "6.1")
        with self.assertRaisesText(AccessError, "own appraisal"):
            line.with_user(self.user_a).write({"hand_score": 10, "hand_evidence": "mine"})
        with self.assertRaisesText(AccessError, "Nobody scores their own appraisal"):
            self.appraisal_a.with_user(self.user_a).action_submit()
        with self.assertRaisesText(AccessError, "own appraisal"):
            self.appraisal_a.with_user(self.user_a).write(
                {
                    "line_ids": [
                        Command.update(self.line(self.appraisal_a, "6.1").id, {"hand_score": 9})
                    ]
                }
            )
        # related fields are no back door to the period or the register
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.appraisal_b.with_user(self.manager).write({"year": 2031})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.line(self.appraisal_b, "6.1").with_user(self.manager).write({"name": "x"})
        with self.assertRaisesText(AccessError, "Nobody assesses their own appraisal"):
            self.appraisal_a.with_user(self.manager).write(
                {"assessor_ids": [Command.link(self.user_a.id)]}
            )
        self.assertNotIn(self.user_a, self.appraisal_a.assessor_ids)
        # a manager appraised as administrator cannot score themselves either
        manager_emp = self.env["hr.employee"].create(
            {"name": "Manager", "user_id": self.manager.id, "company_id": self.company.id}
        )
        admin = self.env["credit.administrator"].create(
            {
                "employee_id": manager_emp.id,
                "company_id": self.company.id,
                "department_ids": [Command.set(self.dept_3.ids)],
            }
        )
        own = self.env["credit.appraisal"].create(
            {"period_id": self.period.id, "administrator_id": admin.id}
        )
        with self.assertRaisesText(AccessError, "Nobody scores their own appraisal"):
            self.line(own, "6.1").with_user(self.manager).write(
                {"hand_score": 10, "hand_evidence": "mine"}
            )
        self.assertEqual(self.line(own, "6.1").score, 0)

    def test_flow_fields_guarded(self):
        for vals in (
            {"state": "locked"},
            {"total": 100},
            {"rating": "advanced"},
            {"outcome": "award"},
            {"approved_by_id": self.manager.id},
        ):
            with self.assertRaisesText(AccessError, "set by its workflow"):
                self.appraisal_a.with_user(self.manager).write(vals)
        with self.assertRaisesText(AccessError, "scorecard of an appraisal is fixed"):
            self.appraisal_a.with_user(self.manager).write({"line_ids": [Command.clear()]})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.line(self.appraisal_a, "2.4").with_user(self.manager).write({"points": 60})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.env["credit.appraisal.line"].with_user(self.manager).create(
                {
                    "appraisal_id": self.appraisal_a.id,
                    "item_id": self.rubric.item_ids[0].id,
                    "points": 3,
                }
            )
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.period.with_user(self.manager).write({"state": "locked"})
        self.assertEqual(self.appraisal_a.state, "draft")
        self.assertEqual(self.period.state, "open")

    def test_create_refuses_flow_fields(self):
        period = self.make_period(2031)
        Appraisal = self.env["credit.appraisal"].with_user(self.manager)
        vals = {"period_id": period.id, "administrator_id": self.admin_b.id}
        for extra in (
            {"state": "approved"},
            {"total": 100},
            {"rating": "advanced"},
        ):
            with self.assertRaisesText(AccessError, "set by its workflow"):
                Appraisal.create(dict(vals, **extra))
        with self.assertRaisesText(AccessError, "comes from the period's scorecard"):
            Appraisal.create(
                dict(vals, line_ids=[Command.create({"item_id": self.rubric.item_ids[0].id})])
            )
        # a context default sets no flow field
        appraisal = Appraisal.with_context(default_state="locked").create(vals)
        self.assertEqual(appraisal.state, "draft")
        self.assertEqual(len(appraisal.line_ids), 19)
        self.assertEqual(appraisal.total, 0)
        with self.assertRaisesText(AccessError, "not allowed to create"):
            self.env["credit.appraisal"].with_user(self.assessor).create(
                {"period_id": period.id, "administrator_id": self.admin_a.id}
            )
        Period = self.env["credit.appraisal.period"].with_user(self.manager)
        with self.assertRaisesText(AccessError, "set by its workflow"):
            Period.create({"year": 2032, "company_id": self.company.id, "state": "locked"})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            Period.create({"year": 2032, "company_id": self.company.id, "award_advanced": 10})
        period = Period.with_context(default_state="locked").create(
            {"year": 2032, "company_id": self.company.id}
        )
        self.assertEqual(period.state, "open")
        self.assertEqual(period.rubric_id, self.rubric)
        self.assertEqual(period.award_advanced, 95)

    def test_confidentiality(self):
        Appraisal = self.env["credit.appraisal"]
        self.assertEqual(Appraisal.with_user(self.user_a).search([]), self.appraisal_a)
        self.assertEqual(Appraisal.with_user(self.user_b).search([]), self.appraisal_b)
        self.assertEqual(Appraisal.with_user(self.assessor).search([]), self.appraisal_a)
        self.assertEqual(Appraisal.with_user(self.plain).search([]), Appraisal)
        self.assertEqual(len(Appraisal.with_user(self.manager).search([])), 2)
        self.assertEqual(len(Appraisal.with_user(self.committee).search([])), 2)
        self.assertEqual(len(Appraisal.with_user(self.hr_user).search([])), 2)
        with self.assertRaisesText(AccessError, "top-secret records"):
            self.appraisal_b.with_user(self.user_a).read(["total"])
        lines = self.env["credit.appraisal.line"]
        self.assertEqual(lines.with_user(self.user_b).search([]).appraisal_id, self.appraisal_b)
        # HR reads scores, does not change them
        line = self.line(self.appraisal_a, "2.4").with_user(self.hr_user)
        self.assertTrue(line.evidence is not None)
        with self.assertRaisesText(AccessError, "You may not change Assessor's Score"):
            line.write({"hand_score": 1})
        with self.assertRaisesText(AccessError, "Only the appraisal's assessors"):
            self.appraisal_a.with_user(self.hr_user).action_submit()

    def test_private_notes(self):
        Note = self.env["credit.appraisal.note"]
        note = Note.with_user(self.assessor).create(
            {"appraisal_id": self.appraisal_a.id, "body": "Ledger kept on paper"}
        )
        self.assertEqual(note.author_id, self.assessor)
        self.assertEqual(Note.with_user(self.assessor).search([]), note)
        self.assertEqual(Note.with_user(self.manager).search([]), note)
        # not the appraised person, not HR
        self.assertFalse(Note.with_user(self.user_a).search([]))
        with self.assertRaisesText(AccessError, "top-secret records"):
            note.with_user(self.user_a).read(["body"])
        with self.assertRaisesText(AccessError, "not allowed to access"):
            note.with_user(self.hr_user).read(["body"])
        with self.assertRaisesText(AccessError, "Only its author may change"):
            note.with_user(self.manager).write({"body": "changed"})
        # an administrator who is no assessor writes no note
        with self.assertRaisesText(AccessError, "top-secret records"):
            Note.with_user(self.user_b).create(
                {"appraisal_id": self.appraisal_a.id, "body": "gossip"}
            )

    def _complete(self, appraisal, scores):
        self.score_entered(appraisal, scores)
        appraisal.with_user(self.manager).action_submit()
        appraisal.with_user(self.manager).action_approve()

    def test_flow_lists_and_lock(self):
        with self.assertRaisesText(UserError, "The records cannot measure these items"):
            self.appraisal_a.with_user(self.assessor).action_submit()
        self.score_entered(
            self.appraisal_a,
            self.full(self.appraisal_a) | {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9},
        )
        self.assertEqual(self.appraisal_a.total, 69 + 25)
        self.assertEqual(self.appraisal_a.rating, "excellent")
        self.appraisal_a.with_user(self.assessor).action_submit()
        self.assertEqual(self.appraisal_a.state, "submitted")
        with self.assertRaisesText(UserError, "Assessor's Score can no longer be changed"):
            self.line(self.appraisal_a, "6.1").with_user(self.assessor).write({"hand_score": 10})
        with self.assertRaisesText(AccessError, "Only the credit manager approves"):
            self.appraisal_a.with_user(self.assessor).action_approve()
        self.appraisal_a.with_user(self.manager).action_approve()
        with self.assertRaisesText(UserError, "Admin B"):
            self.period.with_user(self.manager).action_submit_lists()
        self._complete(self.appraisal_b, self.full(self.appraisal_b))
        self.assertEqual(self.appraisal_b.total, 69)
        self.period.with_user(self.manager).action_submit_lists()
        self.assertEqual(self.period.state, "submitted")
        self.assertEqual(self.period.award_ids, self.appraisal_a)
        self.assertEqual(self.appraisal_a.outcome, "award")
        self.assertEqual(self.appraisal_b.outcome, "none")
        # only the legal representative approves the lists
        with self.assertRaisesText(AccessError, "Only the legal representative"):
            self.period.with_user(self.manager).action_approve_lists()
        self.period.with_user(self.committee).action_approve_lists()
        self.assertEqual(self.period.state, "locked")
        self.assertEqual(self.period.lists_approved_by_id, self.committee)
        self.assertEqual(set(self.period.appraisal_ids.mapped("state")), {"locked"})
        # locked is history
        with self.assertRaisesText(UserError, "is Locked: Comment can no longer be changed"):
            self.line(self.appraisal_a, "6.1").with_user(self.manager).write({"comment": "x"})
        with self.assertRaisesText(UserError, "is Locked: Assessors can no longer be changed"):
            self.appraisal_a.with_user(self.manager).write(
                {"assessor_ids": [Command.set(self.manager.ids)]}
            )
        with self.assertRaisesText(UserError, "Only an open period can be recomputed"):
            self.period.with_user(self.manager).action_recompute()
        with self.assertRaisesText(UserError, "Only a submitted or approved appraisal"):
            self.appraisal_a.with_user(self.manager).action_reset_draft()

    def test_return_lists(self):
        self._complete(self.appraisal_a, {})
        self._complete(self.appraisal_b, {})
        self.period.with_user(self.manager).action_submit_lists()
        self.period.with_user(self.committee).action_return_lists()
        self.assertEqual(self.period.state, "open")
        self.appraisal_a.with_user(self.manager).action_reset_draft()
        self.assertEqual(self.appraisal_a.state, "draft")

    def test_two_failures_propose_revocation(self):
        # 2024: Admin B fails for the first time
        old = self.make_period(2024)
        old.with_user(self.manager).action_generate_appraisals()
        old_b = old.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        old_a = old.appraisal_ids - old_b
        self._force_low(old_b)
        self._complete(old_b, {})
        self._complete(old_a, self.full(old_a) | {"6.1": 10})
        self.assertTrue(old_b.failed)
        old.with_user(self.manager).action_submit_lists()
        self.assertEqual(old_b.outcome, "first_failure")
        self.assertEqual(old_b.failure_number, 1)
        self.assertFalse(old.disqualification_ids)
        old.with_user(self.committee).action_approve_lists()
        self.assertEqual(self.admin_b.qualification_state, "qualified")
        # 2025: the second failure, counting the locked year
        self._force_low(self.appraisal_b)
        self._complete(self.appraisal_b, {})
        self._complete(self.appraisal_a, self.full(self.appraisal_a) | {"6.1": 10})
        self.period.with_user(self.manager).action_submit_lists()
        self.assertEqual(self.appraisal_b.failure_number, 2)
        self.assertEqual(self.appraisal_b.outcome, "revocation")
        self.assertEqual(self.period.disqualification_ids, self.appraisal_b)
        # proposed while the lists await the legal representative
        self.assertEqual(self.admin_b.qualification_state, "revocation_pending")
        event = self.admin_b.event_ids.filtered(lambda e: e.state == "pending")
        self.assertEqual(event.source, "appraisal")
        self.assertEqual(event.appraisal_id, self.appraisal_b)
        # in force with the legal representative's approval of the lists: the register,
        # the lists and the appraisal say the same
        self.period.with_user(self.committee).action_approve_lists()
        self.assertRecordValues(event, [{"state": "done", "approved_by_id": self.committee.id}])
        self.assertEqual(self.admin_b.qualification_state, "revoked")
        self.assertEqual(self.appraisal_b.list_decision, "approved")
        # a revoked administrator is not appraised the following year
        later = self.make_period(2026)
        later.with_user(self.manager).action_generate_appraisals()
        self.assertEqual(later.appraisal_ids.administrator_id, self.admin_a)

    def _force_low(self, appraisal):
        """Measured items at zero: the contracts of the year went badly (fixture)."""
        appraisal.line_ids.filtered("compute_method").sudo().write({"score": 0})
        appraisal.line_ids.filtered("compute_method").sudo().write(
            {"date_computed": "2025-12-31 10:00:00"}
        )
        appraisal._update_totals()

    def test_thresholds_follow_settings_at_opening(self):
        self.company.credit_award_commendation = 60
        period = self.make_period(2030)
        self.assertEqual(period.award_commendation, 60)
        self.assertEqual(self.period.award_commendation, 80)
        period.with_user(self.manager).action_generate_appraisals()
        # 69 points each: the items the records cannot measure given their points by hand
        for appraisal in period.appraisal_ids | self.period.appraisal_ids:
            self.score_entered(appraisal, self.full(appraisal))
        self.assertEqual(set(period.appraisal_ids.mapped("total")), {69})
        self.assertEqual(set(period.appraisal_ids.mapped("rating")), {"commendation"})
        self.assertEqual(set(self.period.appraisal_ids.mapped("rating")), {"pass"})
