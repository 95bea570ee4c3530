from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import freeze_time
from odoo.tools import SQL

from .common import AppraisalCase

AWARD = {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9}


@tagged("post_install", "-at_install", "credit_appraisal")
class TestPenalties(AppraisalCase):
    """Issue 17 items 9 and 10: penalties and awards act, one decision per person."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        # Admin B's department and its head, who reads Chinese
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.head = new_test_user(
            cls.env, login="ca_head", groups="base.group_user", lang="zh_CN", **common
        )
        cls.emp_head = cls.env["hr.employee"].create(
            {"name": "Head of Purchasing", "user_id": cls.head.id, "company_id": cls.company.id}
        )
        cls.dept_3.manager_id = cls.emp_head
        cls.emp_b.department_id = cls.dept_3

    # ------------------------------------------------------------------ helpers
    def _complete(self, appraisal, scores):
        self.score_entered(appraisal, scores)
        appraisal.with_user(self.manager).action_submit()
        appraisal.with_user(self.manager).action_approve()

    def _force_low(self, appraisal):
        measured = appraisal.line_ids.filtered("compute_method")
        measured.sudo().write({"score": 0, "date_computed": "2025-12-31 10:00:00"})
        appraisal._update_totals()

    def _year(self, year, company=None, fail_b=True, scores_a=None):
        """A year in which Admin B fails (unless told otherwise) and Admin A scores
        ``scores_a`` above the measurable items' points; every appraisal approved."""
        period = self.env["credit.appraisal.period"].create(
            {"year": year, "company_id": (company or self.company).id, "rubric_id": self.rubric.id}
        )
        period.with_user(self.manager).action_generate_appraisals()
        appraisal_b = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        appraisal_a = period.appraisal_ids - appraisal_b
        if fail_b:
            self._force_low(appraisal_b)
            self._complete(appraisal_b, {})
        else:
            self._complete(appraisal_b, self.full(appraisal_b))
        self._complete(appraisal_a, self.full(appraisal_a) | (scores_a or {"6.1": 10}))
        return period, appraisal_a, appraisal_b

    def _lock(self, period):
        period.with_user(self.manager).action_submit_lists()
        period.with_user(self.committee).action_approve_lists()

    # ------------------------------------------------------------------ issue 19
    @freeze_time("2026-01-15")
    def test_lists_worded_in_the_company_language(self):
        """The disqualification's reason and the approval message are stored: in the
        company's language, though the credit manager and the legal representative work
        in English."""
        self.env["ir.module.module"]._load_module_terms(
            ["credit_appraisal"], ["zh_CN"], overwrite=True
        )
        self.company.partner_id.lang = "zh_CN"
        (self.manager | self.committee).write({"lang": "en_US"})
        old, _appraisal_a, _appraisal_b = self._year(2024)
        old.with_user(self.manager).action_draw_lists()
        self._lock(old)
        period, _appraisal_a, appraisal_b = self._year(2025)
        period.with_user(self.manager).action_draw_lists()
        self.assertRecordValues(appraisal_b, [{"failure_number": 2, "outcome": "revocation"}])
        self._lock(period)
        event = self.admin_b.event_ids.filtered(lambda e: e.kind == "revocation")
        self.assertEqual(len(event), 1)
        self.assertIn("2025 年考核：总分", event.reason)
        self.assertIn("为第 2 次不合格", event.reason)
        approved = period.message_ids.filtered(lambda m: "批准" in (m.body or ""))
        self.assertIn("表彰名单和取消资格名单已由", approved.body)

    # ------------------------------------------------------------------ item 9
    @freeze_time("2026-01-15")
    def test_first_failure_followup_and_bonus(self):
        period, appraisal_a, appraisal_b = self._year(2025)
        self._lock(period)
        self.assertRecordValues(appraisal_b, [{"outcome": "first_failure", "failure_number": 1}])
        self.assertTrue(appraisal_b.bonus_withheld)
        self.assertFalse(appraisal_a.bonus_withheld)
        Followup = self.env["credit.appraisal.followup"]
        followup = Followup.search([("appraisal_id", "=", appraisal_b.id)])
        self.assertRecordValues(
            followup,
            [
                {
                    "employee_id": self.emp_b.id,
                    "user_id": self.head.id,
                    "year": 2025,
                    "state": "open",
                    "date_deadline": date(2026, 2, 14),
                }
            ],
        )
        self.assertFalse(Followup.search([("appraisal_id", "=", appraisal_a.id)]))
        # the head's activity, with its deadline, worded in the head's language
        activity = followup.activity_ids
        self.assertRecordValues(
            activity, [{"user_id": self.head.id, "date_deadline": date(2026, 2, 14)}]
        )
        self.assertIn("首次考核不合格", activity.summary)
        self.assertIn("Admin B", activity.summary)
        # the person reads it, does not write its outcome; nor may another employee
        self.assertEqual(Followup.with_user(self.user_b).search([]), followup)
        with self.assertRaisesText(AccessError, "Nobody records the outcome of their own"):
            followup.with_user(self.user_b).write({"outcome": "all fine"})
        self.assertFalse(Followup.with_user(self.plain).search([]))
        # done needs its outcome
        with self.assertRaisesText(UserError, "Write the outcome of the education and help"):
            followup.with_user(self.head).action_done()
        with self.assertRaisesText(UserError, "Write the outcome of the education and help"):
            activity.with_user(self.head).action_feedback()
        followup.with_user(self.head).write({"outcome": "Two sessions on the ledger; improved"})
        followup.with_user(self.head).action_done()
        self.assertRecordValues(
            followup,
            [{"state": "done", "done_by_id": self.head.id, "date_done": date(2026, 1, 15)}],
        )
        self.assertFalse(followup.activity_ids)
        with self.assertRaisesText(UserError, "is Done: Outcome can no longer be changed"):
            followup.with_user(self.head).write({"outcome": "changed"})

    @freeze_time("2026-01-15")
    def test_followup_done_from_the_activity_records_its_outcome(self):
        period, _appraisal_a, appraisal_b = self._year(2025)
        self._lock(period)
        followup = self.env["credit.appraisal.followup"].search(
            [("appraisal_id", "=", appraisal_b.id)]
        )
        followup.activity_ids.with_user(self.head).action_feedback(feedback="Mentored weekly")
        self.assertRecordValues(
            followup, [{"state": "done", "outcome": "Mentored weekly", "done_by_id": self.head.id}]
        )

    # ------------------------------------------------------------------ two failures
    @freeze_time("2026-01-15")
    def test_second_failure_across_companies(self):
        """Admin B failed in 2024 in a sister company, as the same user: the 2025 failure
        here is the second, revocation is proposed and decided with the lists."""
        sister = self.env["res.company"].create({"name": "Sister Co"})
        self.env.user.company_ids |= sister
        for user in (self.manager, self.committee, self.user_b):
            user.company_ids |= sister
        env = self.env(context=dict(self.env.context, allowed_company_ids=[sister.id]))
        sister_emp_b = env["hr.employee"].create(
            {"name": "Admin B", "user_id": self.user_b.id, "company_id": sister.id}
        )
        sister_dept = env["hr.department"].create({"name": "Sister Sales", "company_id": sister.id})
        sister_admin = env["credit.administrator"].create(
            {
                "employee_id": sister_emp_b.id,
                "company_id": sister.id,
                "date_start": "2020-01-01",
                "department_ids": [Command.set(sister_dept.ids)],
            }
        )
        old = env["credit.appraisal.period"].create(
            {"year": 2024, "company_id": sister.id, "rubric_id": self.rubric.id}
        )
        old.with_user(self.manager).with_context(
            allowed_company_ids=[sister.id]
        ).action_generate_appraisals()
        self._force_low(old.appraisal_ids)
        self._complete(old.appraisal_ids.with_context(allowed_company_ids=[sister.id]), {})
        old_ctx = old.with_context(allowed_company_ids=[sister.id])
        self._lock(old_ctx)
        self.assertRecordValues(old.appraisal_ids, [{"failure_number": 1, "state": "locked"}])
        self.assertEqual(sister_admin.qualification_state, "qualified")

        period, _appraisal_a, appraisal_b = self._year(2025)
        period.with_user(self.manager).action_draw_lists()
        self.assertRecordValues(appraisal_b, [{"failure_number": 2, "outcome": "revocation"}])
        self.assertEqual(period.disqualification_ids, appraisal_b)
        self._lock(period)
        self.assertEqual(self.admin_b.qualification_state, "revoked")
        # the sister company's register entry is its own
        self.assertEqual(sister_admin.qualification_state, "qualified")

    @freeze_time("2026-01-15")
    def test_person_by_identification_number(self):
        """Employees without a user are the same person by their identification number."""
        sister = self.env["res.company"].create({"name": "Sister Co"})
        self.emp_b.sudo().identification_id = "110101199003074518"
        other = (
            self.env["hr.employee"]
            .sudo()
            .create(
                {
                    "name": "B elsewhere",
                    "company_id": sister.id,
                    "identification_id": "110101199003074518",
                }
            )
        )
        admin = (
            self.env["credit.administrator"]
            .sudo()
            .create({"employee_id": other.id, "company_id": sister.id, "date_start": "2020-01-01"})
        )
        old = (
            self.env["credit.appraisal.period"]
            .sudo()
            .create({"year": 2024, "company_id": sister.id, "rubric_id": self.rubric.id})
        )
        self.env["credit.appraisal"].sudo().create(
            {
                "period_id": old.id,
                "administrator_id": admin.id,
                "department_ids": [Command.set(self.dept_1.ids)],
            }
        )
        old.appraisal_ids.sudo().write({"state": "locked"})
        self._force_low(old.appraisal_ids)
        self.assertTrue(old.appraisal_ids.failed)
        period, _appraisal_a, appraisal_b = self._year(2025)
        period.with_user(self.manager).action_draw_lists()
        self.assertEqual(appraisal_b.failure_number, 2)
        # a different number is another person
        self.emp_b.sudo().identification_id = "110101199003070000"
        appraisal_b._compute_outcome()
        self.assertRecordValues(appraisal_b, [{"failure_number": 1, "outcome": "first_failure"}])

    # ------------------------------------------------------------------ one decision
    @freeze_time("2026-01-15")
    def test_register_lists_and_appraisal_agree(self):
        old, _a, _b = self._year(2024)
        self._lock(old)
        period, appraisal_a, appraisal_b = self._year(2025, scores_a=AWARD)
        period.with_user(self.manager).action_submit_lists()
        entry = period.disqualification_entry_ids
        event = entry.event_id
        # sent: pending everywhere
        self.assertRecordValues(event, [{"state": "pending", "source": "appraisal"}])
        self.assertEqual(self.admin_b.qualification_state, "revocation_pending")
        self.assertEqual(entry.decision, "submitted")
        self.assertEqual(appraisal_b.list_decision, "submitted")
        self.assertEqual(period.list_status, "submitted")
        # returned: the request goes back with the lists
        period.with_user(self.committee).action_return_lists()
        self.assertEqual(event.state, "withdrawn")
        self.assertEqual(self.admin_b.qualification_state, "qualified")
        self.assertEqual(entry.decision, "draft")
        self.assertEqual(period.list_status, "draft")
        # sent again and approved: revoked everywhere, by the legal representative
        period.with_user(self.manager).action_submit_lists()
        event = period.disqualification_entry_ids.event_id
        self.assertNotEqual(event.state, "withdrawn")
        period.with_user(self.committee).action_approve_lists()
        self.assertRecordValues(
            event,
            [
                {
                    "state": "done",
                    "approved_by_id": self.committee.id,
                    "date_decided": date(2026, 1, 15),
                }
            ],
        )
        self.assertRecordValues(
            self.admin_b, [{"qualification_state": "revoked", "date_revoked": date(2026, 1, 15)}]
        )
        self.assertFalse(self.admin_b.event_ids.filtered(lambda e: e.state == "pending"))
        self.assertEqual(period.disqualification_entry_ids.decision, "approved")
        self.assertEqual(appraisal_b.list_decision, "approved")
        self.assertEqual(appraisal_a.list_decision, "approved")
        self.assertEqual(period.list_status, "approved")

    @freeze_time("2026-01-15")
    def test_refused_on_the_register_stays_refused(self):
        old, _a, _b = self._year(2024)
        self._lock(old)
        period, _appraisal_a, appraisal_b = self._year(2025)
        period.with_user(self.manager).action_submit_lists()
        event = period.disqualification_entry_ids.event_id
        event.with_user(self.committee).action_refuse()
        self.assertEqual(appraisal_b.list_decision, "refused")
        period.with_user(self.committee).action_approve_lists()
        self.assertEqual(event.state, "refused")
        self.assertEqual(self.admin_b.qualification_state, "qualified")
        self.assertEqual(appraisal_b.list_decision, "refused")

    # ------------------------------------------------------------------ item 10
    @freeze_time("2026-01-15")
    def test_award_list_drawn_kept_or_removed(self):
        cny = self.env.ref("base.CNY")
        self.company.write(
            {
                "credit_reward_excellent_text": "Excellent Administrator certificate",
                "credit_reward_excellent_amount": 500,
                "credit_reward_commendation_text": "Commendation letter",
                "credit_reward_commendation_amount": 100,
            }
        )
        # Admin A excellent, Admin B a pass reopened into a commendation (3.2, 3.4 and 6.1)
        period, appraisal_a, appraisal_b = self._year(2025, fail_b=False, scores_a=AWARD)
        line = self.line(appraisal_b, "6.1")
        self.assertEqual(appraisal_b.rating, "pass")
        self.assertEqual(period.list_status, "none")
        Entry = self.env["credit.appraisal.list.entry"]
        # reopen B to give the innovation points (a commendation)
        appraisal_b.with_user(self.manager).action_reset_draft()
        line.with_user(self.manager).write({"hand_score": 4, "hand_evidence": "ledger in Odoo"})
        for code in ("3.2", "3.4"):
            self.line(appraisal_b, code).with_user(self.manager).write(
                {"hand_score": 6, "hand_evidence": "checked"}
            )
        appraisal_b.with_user(self.manager).action_submit()
        appraisal_b.with_user(self.manager).action_approve()
        self.assertEqual(appraisal_b.rating, "commendation")
        # only the credit department draws the lists
        with self.assertRaisesText(AccessError, "Only the credit manager runs the annual"):
            period.with_user(self.assessor).action_draw_lists()
        period.with_user(self.manager).action_draw_lists()
        entries = period.award_entry_ids
        self.assertEqual(entries.appraisal_id, appraisal_a | appraisal_b)
        entry_a = entries.filtered(lambda e: e.appraisal_id == appraisal_a)
        entry_b = entries - entry_a
        self.assertRecordValues(
            entry_a,
            [
                {
                    "tier": "excellent",
                    "recognition": "Excellent Administrator certificate",
                    "amount": 500,
                    "currency_id": cny.id,
                    "state": "proposed",
                    "decision": "draft",
                }
            ],
        )
        self.assertRecordValues(entry_b, [{"tier": "commendation", "amount": 100}])
        # HR and the legal representative read the list; others open the period's form
        self.assertEqual(period.with_user(self.hr_user).award_entry_ids, entries)
        self.assertEqual(period.with_user(self.committee).award_entry_ids, entries)
        for user in (self.plain, self.assessor, self.hr_user, self.committee):
            Period = self.env["credit.appraisal.period"].with_user(user)
            views = Period.get_views([(False, "form")])
            fields = list(views["models"]["credit.appraisal.period"]["fields"])
            self.assertEqual(period.with_user(user).read(fields)[0]["list_status"], "draft")
        # a draft list is never called approved
        self.assertEqual(period.list_status, "draft")
        self.assertEqual(set(entries.mapped("decision")), {"draft"})
        # removing needs a reason, and the credit department's role
        with self.assertRaisesText(UserError, "Give the reason for removing Admin B"):
            entry_b.with_user(self.manager).action_remove()
        with self.assertRaisesText(AccessError, "Only the credit department keeps or removes"):
            entry_b.with_user(self.hr_user).action_remove()
        with self.assertRaisesText(AccessError, "You may not change Reason"):
            entry_b.with_user(self.user_a).write({"reason": "x"})
        with self.assertRaisesText(AccessError, "set by its workflow"):
            entry_b.with_user(self.manager).write({"state": "removed"})
        entry_b.with_user(self.manager).write({"reason": "Warned for a late ledger in May"})
        entry_b.with_user(self.manager).action_remove()
        self.assertRecordValues(
            entry_b, [{"state": "removed", "decision": "removed", "decided_by_id": self.manager.id}]
        )
        self.assertEqual(period.award_ids, appraisal_a)
        # put back, then removed again (the reason kept)
        entry_b.with_user(self.manager).action_reconsider()
        self.assertRecordValues(entry_b, [{"state": "proposed", "decision": "draft"}])
        self.assertEqual(period.award_ids, appraisal_a | appraisal_b)
        entry_b.with_user(self.manager).action_remove()
        # drawing again keeps the removal
        period.with_user(self.manager).action_draw_lists()
        self.assertEqual(entry_b.state, "removed")
        self.assertEqual(Entry.search_count([("period_id", "=", period.id)]), 2)
        # sent, then approved by the legal representative only
        period.with_user(self.manager).action_submit_lists()
        self.assertEqual(period.list_status, "submitted")
        self.assertEqual(entry_a.decision, "submitted")
        with self.assertRaisesText(UserError, "kept as sent"):
            entry_a.with_user(self.manager).write({"reason": "late remark"})
        with self.assertRaisesText(UserError, "were sent"):
            entry_a.with_user(self.manager).action_remove()
        with self.assertRaisesText(AccessError, "Only the legal representative approves"):
            period.with_user(self.manager).action_approve_lists()
        period.with_user(self.committee).action_approve_lists()
        self.assertEqual(period.list_status, "approved")
        self.assertRecordValues(
            entry_a | entry_b, [{"decision": "approved"}, {"decision": "removed"}]
        )
        self.assertEqual(appraisal_a.list_decision, "approved")

    # ------------------------------------------------------------------ accountability
    def _name_misuse(self, contract, employee):
        field = contract._fields["misuse_employee_ids"]
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s, %s) VALUES (%s, %s)",
                SQL.identifier(field.relation),
                SQL.identifier(field.column1),
                SQL.identifier(field.column2),
                contract.id,
                employee.id,
            )
        )
        contract.invalidate_recordset(["misuse_employee_ids"])

    @freeze_time("2026-01-15")
    def test_unlawful_use_records_the_accountability_decision(self):
        period, _appraisal_a, appraisal_b = self._year(2025, fail_b=False)
        partner = self.env["res.partner"].create({"name": "Misuse Customer"})
        contract = self.env["credit.contract"].create(
            {
                "title": "Forged supply contract",
                "amount": 1000,
                "partner_id": partner.id,
                "company_id": self.company.id,
                "department_id": self.dept_3.id,
            }
        )
        self._name_misuse(contract, self.emp_b)
        self._lock(period)
        self.assertEqual(self.admin_b.qualification_state, "revoked")
        Accountability = self.env["credit.appraisal.accountability"]
        record = Accountability.search([("administrator_id", "=", self.admin_b.id)])
        self.assertRecordValues(
            record,
            [
                {
                    "state": "to_decide",
                    "appraisal_id": appraisal_b.id,
                    "contract_ids": contract.ids,
                    "event_id": appraisal_b.list_entry_ids.event_id.id,
                }
            ],
        )
        self.assertIn(contract.name, record.description)
        self.assertEqual(record.activity_ids.user_id, self.committee)
        # the revocation and the accountability are two records
        self.assertEqual(record.event_id.state, "done")
        # what was decided: by the legal representative only, with its outcome
        with self.assertRaisesText(AccessError, "You may not change Decision"):
            record.with_user(self.manager).write({"decision": "legal"})
        with self.assertRaisesText(AccessError, "Only the legal representative decides"):
            record.with_user(self.manager).action_decide()
        with self.assertRaisesText(UserError, "Choose the accountability pursued"):
            record.with_user(self.committee).action_decide()
        record.with_user(self.committee).write(
            {"decision": "administrative", "outcome": "Demerit recorded; bonus of 2026 cut"}
        )
        record.with_user(self.committee).action_decide()
        self.assertRecordValues(
            record,
            [
                {
                    "state": "decided",
                    "decided_by_id": self.committee.id,
                    "date_decided": date(2026, 1, 15),
                }
            ],
        )
        self.assertFalse(record.activity_ids)
        with self.assertRaisesText(UserError, "is Decided: Outcome can no longer be changed"):
            record.with_user(self.committee).write({"outcome": "changed"})
        # the person reads none of it
        with self.assertRaisesText(AccessError, "not allowed to access"):
            record.with_user(self.user_b).read(["outcome"])

    @freeze_time("2026-01-15")
    def test_revoked_on_the_register_before_the_lists(self):
        """Unlawful use found during the year, the revocation approved on the register at
        once: the lists carry that same decision, not a second one."""
        period, _appraisal_a, appraisal_b = self._year(2025, fail_b=False)
        partner = self.env["res.partner"].create({"name": "Misuse Customer"})
        contract = self.env["credit.contract"].create(
            {
                "title": "Side deal",
                "amount": 500,
                "partner_id": partner.id,
                "company_id": self.company.id,
                "department_id": self.dept_3.id,
            }
        )
        self._name_misuse(contract, self.emp_b)
        period.with_user(self.manager).action_draw_lists()
        event = self.admin_b.event_ids.filtered(lambda e: e.state == "pending")
        self.assertEqual(event.source, "misuse")
        event.with_user(self.committee).action_approve()
        self.assertEqual(self.admin_b.qualification_state, "revoked")
        self._lock(period)
        revocations = self.admin_b.event_ids.filtered(lambda e: e.kind == "revocation")
        self.assertEqual(revocations, event)
        self.assertEqual(appraisal_b.list_entry_ids.event_id, event)
        self.assertEqual(appraisal_b.list_decision, "approved")
        self.assertEqual(
            self.env["credit.appraisal.accountability"].search_count(
                [("administrator_id", "=", self.admin_b.id)]
            ),
            1,
        )

    def test_accountability_raised_by_hand(self):
        """The credit department raises it by hand (the form, as the web client)."""
        form = Form(self.env["credit.appraisal.accountability"].with_user(self.manager))
        form.administrator_id = self.admin_a
        form.description = "Signed a contract outside the power of attorney"
        record = form.save()
        self.assertRecordValues(
            record, [{"state": "to_decide", "requested_by_id": self.manager.id}]
        )
        with self.assertRaisesText(AccessError, "Only the credit department raises"):
            self.env["credit.appraisal.accountability"].with_user(self.assessor).create(
                {"administrator_id": self.admin_b.id, "description": "x"}
            )


@tagged("post_install", "-at_install", "credit_appraisal")
class TestFeesInYuan(AppraisalCase):
    """Issue 17 item 11: 30 and 20 are yuan whatever the company's currency."""

    def test_fees_in_cny_in_a_usd_company(self):
        usd, cny = self.env.ref("base.USD"), self.env.ref("base.CNY")
        usd_company = self.env["res.company"].create({"name": "Dollar Co", "currency_id": usd.id})
        self.assertEqual(usd_company.credit_fee_currency_id, cny)
        self.assertEqual(usd_company.credit_makeup_fee, 30)
        self.assertEqual(usd_company.credit_sample_fine, 20)
        self.company.write({"currency_id": usd.id, "credit_fee_currency_id": cny.id})
        exam = self.make_session("Contract law", "legal", "2025-03-01")
        sample = self.make_session("Integrity", "integrity", "2025-04-01", assessment="sample")
        Result = self.env["credit.training.result"].with_user(self.manager)
        fee = Result.create(
            {"session_id": exam.id, "employee_id": self.emp_a.id, "score": 40}
        ).fee_id
        fine = Result.create(
            {"session_id": sample.id, "employee_id": self.emp_a.id, "mastery": 30}
        ).fee_id
        self.assertRecordValues(
            fee | fine,
            [
                {"kind": "makeup_fee", "amount": 30, "currency_id": cny.id},
                {"kind": "fine", "amount": 20, "currency_id": cny.id},
            ],
        )
        # a fee keeps the currency it was recorded in
        self.company.credit_fee_currency_id = usd
        later = Result.create(
            {"session_id": exam.id, "employee_id": self.emp_b.id, "score": 10}
        ).fee_id
        self.assertEqual(later.currency_id, usd)
        self.assertEqual(fee.currency_id, cny)
        with self.assertRaisesText(AccessError, "set by its workflow"):
            fee.with_user(self.manager).write({"currency_id": usd.id})
        # the settings (the administrator's) show the fee currency
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.credit_fee_currency_id, usd)
