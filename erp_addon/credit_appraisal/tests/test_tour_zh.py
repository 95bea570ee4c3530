from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import ADMINISTRATOR, COMMITTEE, MANAGER, AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestAppraisalTourZh(AppraisalCase, HttpCase):
    """The annual appraisal walked in Chinese by each role, least privilege
    (static/tests/tours/credit_appraisal_zh_tour.js): the period opened and its appraisals
    generated, an item scored by hand with its evidence, submitted and approved; the lists
    drawn, a name removed and put back, sent and approved with the disqualification list;
    education and help recorded, accountability decided."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        common = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
        }
        # the password of each is its login
        cls.zh_manager = new_test_user(
            cls.env,
            login="zh_ap_manager",
            name="ZH Credit Manager",
            groups=f"base.group_user,{MANAGER}",
            **common,
        )
        cls.zh_legal = new_test_user(
            cls.env,
            login="zh_ap_legal",
            name="ZH Legal Representative",
            groups=f"base.group_user,{COMMITTEE}",
            **common,
        )
        cls.zh_assessor = new_test_user(
            cls.env,
            login="zh_ap_assessor",
            name="ZH Assessor",
            groups=f"base.group_user,{ADMINISTRATOR}",
            **common,
        )
        # Admin B's department head, who follows a first failure up
        cls.zh_head = new_test_user(
            cls.env, login="zh_ap_head", name="ZH Head", groups="base.group_user", **common
        )
        cls.dept_3.manager_id = cls.env["hr.employee"].create(
            {"name": "ZH Head", "user_id": cls.zh_head.id, "company_id": cls.company.id}
        )
        cls.emp_b.department_id = cls.dept_3

    # ------------------------------------------------------------------ fixtures
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
        """A year with every appraisal approved: Admin B failed, Admin A ``scores_a``."""
        period = self.make_period(year)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal_b = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        appraisal_a = period.appraisal_ids - appraisal_b
        self._force_low(appraisal_b)
        self._complete(appraisal_b, {})
        self._complete(appraisal_a, self.full(appraisal_a) | scores_a)
        return period, appraisal_a, appraisal_b

    # ------------------------------------------------------------------ tours
    def test_appraisal_flow_zh(self):
        self.start_tour("/odoo", "credit_appraisal_zh_open_period", login=self.zh_manager.login)
        period = self.env["credit.appraisal.period"].search([("company_id", "=", self.company.id)])
        self.assertRecordValues(period, [{"year": 2025, "rubric_id": self.rubric.id}])
        self.assertEqual(period.appraisal_ids.employee_id, self.emp_a | self.emp_b)
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        self.assertEqual(len(appraisal.line_ids), 19)

        # the assessor's other hand items are scored; item 3.2 is scored in the browser
        appraisal.with_user(self.manager).write(
            {"assessor_ids": [Command.set(self.zh_assessor.ids)]}
        )
        others = appraisal.line_ids.filtered(lambda line: line.code != "3.2")
        for line in others.filtered("hand_scorable"):
            line.with_user(self.zh_assessor).write(
                {"hand_score": 0.0, "hand_evidence": "checked by hand"}
            )
        self.start_tour("/odoo", "credit_appraisal_zh_score_submit", login=self.zh_assessor.login)
        line = self.line(appraisal, "3.2")
        self.assertRecordValues(
            line,
            [
                {
                    "hand_score": 5,
                    "score": 5,
                    "hand_scored": True,
                    "hand_evidence": "每季度与销售人员对账，记录齐全",
                    "scored_by_id": self.zh_assessor.id,
                }
            ],
        )
        self.assertRecordValues(
            appraisal, [{"state": "submitted", "submitted_by_id": self.zh_assessor.id}]
        )

        self.start_tour("/odoo", "credit_appraisal_zh_approve", login=self.zh_manager.login)
        self.assertRecordValues(
            appraisal, [{"state": "approved", "approved_by_id": self.zh_manager.id}]
        )

    def test_lists_zh(self):
        # Admin B failed the year before: a second failure disqualifies them
        old, _old_a, _old_b = self._period(2024, {"6.1": 10})
        old.with_user(self.manager).action_submit_lists()
        old.with_user(self.committee).action_approve_lists()
        period, appraisal_a, appraisal_b = self._period(
            2025, {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9}
        )
        self.start_tour("/odoo", "credit_appraisal_zh_lists_submit", login=self.zh_manager.login)
        entry = period.award_entry_ids
        self.assertEqual(entry.appraisal_id, appraisal_a)
        # removed with its reason, then put back: on the list again, the choice the manager's
        self.assertRecordValues(
            entry,
            [
                {
                    "state": "proposed",
                    "reason": "年内有一份合同未按时登记台账",
                    "decided_by_id": self.zh_manager.id,
                    "decision": "submitted",
                }
            ],
        )
        self.assertRecordValues(
            period, [{"state": "submitted", "lists_submitted_by_id": self.zh_manager.id}]
        )
        self.assertEqual(period.disqualification_entry_ids.appraisal_id, appraisal_b)

        self.start_tour("/odoo", "credit_appraisal_zh_lists_approve", login=self.zh_legal.login)
        self.assertRecordValues(
            period, [{"state": "locked", "lists_approved_by_id": self.zh_legal.id}]
        )
        self.assertEqual(appraisal_b.list_decision, "approved")
        self.assertEqual(self.admin_b.qualification_state, "revoked")

    def test_followup_and_accountability_zh(self):
        # Admin B's first failure: the head of the department educates and helps
        period, _appraisal_a, appraisal_b = self._period(2025, {"6.1": 10})
        period.with_user(self.manager).action_submit_lists()
        period.with_user(self.committee).action_approve_lists()
        followup = self.env["credit.appraisal.followup"].search(
            [("appraisal_id", "=", appraisal_b.id)]
        )
        self.assertRecordValues(followup, [{"user_id": self.zh_head.id, "state": "open"}])
        self.start_tour(
            f"/odoo/action-credit_appraisal.action_credit_appraisal_followup/{followup.id}",
            "credit_appraisal_zh_followup_done",
            login=self.zh_head.login,
        )
        self.assertRecordValues(
            followup,
            [
                {
                    "state": "done",
                    "outcome": "两次台账专题辅导，已改进",
                    "done_by_id": self.zh_head.id,
                }
            ],
        )
        self.assertFalse(followup.activity_ids, "the head's activity is done")

        # unlawful use of a contract raised by the credit department, decided by the
        # legal representative
        accountability = (
            self.env["credit.appraisal.accountability"]
            .with_user(self.zh_manager)
            .create(
                {
                    "administrator_id": self.admin_a.id,
                    "description": "超越授权委托书签订合同",
                }
            )
        )
        self.start_tour(
            "/odoo", "credit_appraisal_zh_accountability_decide", login=self.zh_legal.login
        )
        self.assertRecordValues(
            accountability,
            [
                {
                    "state": "decided",
                    "decision": "administrative",
                    "outcome": "通报批评，扣发年度奖金",
                    "decided_by_id": self.zh_legal.id,
                }
            ],
        )
