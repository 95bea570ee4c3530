from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import AppraisalCase

CONTRACT_FLAGS = (
    "date_signed",
    "date_end",
    "state",
    "review_completed_date",
    "three_properties_passed",
    "five_reviews_passed",
    "signed_within_authority",
    "review_complete_before_signing",
    "ledger_complete",
    "registration_on_time",
    "followups_on_schedule",
    "archived_with_documents",
    "is_invalid",
    "create_date",
)


class FormulaFixture(AppraisalCase):
    """Fixed records for 2025; flags set in SQL: the formulas read only stored columns."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.credit_contract_threshold = 100
        cls.salesman = cls.env["res.users"].create(
            {
                "name": "Seller",
                "login": "ca_seller",
                "company_id": cls.company.id,
                "company_ids": [Command.set(cls.company.ids)],
                "groups_id": [Command.set(cls.env.ref("sales_team.group_sale_salesman").ids)],
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Seller",
                "user_id": cls.salesman.id,
                "department_id": cls.dept_1.id,
                "company_id": cls.company.id,
            }
        )
        ok = dict.fromkeys(CONTRACT_FLAGS[4:13], True) | {"is_invalid": False}
        year = {"review_completed_date": "2025-01-20"}
        cls.c1 = cls.contract(
            cls.dept_1,
            ok | year | {"date_signed": "2025-02-01", "state": "performance"},
        )
        cls.c2 = cls.contract(
            cls.dept_2,
            ok
            | year
            | {
                "date_signed": "2025-03-01",
                "state": "completed",
                "date_end": "2025-10-01",
                "five_reviews_passed": False,
                "signed_within_authority": False,
                "review_complete_before_signing": False,
                "registration_on_time": False,
            },
        )
        cls.c3 = cls.contract(
            cls.dept_1,
            ok
            | year
            | {
                "date_signed": "2025-05-01",
                "state": "completed",
                "date_end": "2025-11-01",
                "three_properties_passed": False,
                "ledger_complete": False,
                "archived_with_documents": False,
                "is_invalid": True,
            },
        )
        # unsigned, created in 2025, review not complete: counts nowhere
        cls.c4 = cls.contract(cls.dept_1, {"state": "review", "create_date": "2025-08-01 10:00:00"})
        # signed the year before, still in performance, follow-ups late
        cls.c5 = cls.contract(
            cls.dept_2,
            ok
            | {
                "date_signed": "2024-06-01",
                "state": "performance",
                "review_completed_date": "2024-05-01",
                "followups_on_schedule": False,
                "is_invalid": True,
            },
        )
        # Admin B's department: all in order
        cls.c6 = cls.contract(
            cls.dept_3, ok | year | {"date_signed": "2025-02-02", "state": "performance"}
        )
        # follow-ups: c1 and c6 on schedule at the year's end, c5 followed up late once
        cls.followup(cls.c1, "2025-03-01", "2025-06-01")
        cls.followup(cls.c1, "2025-05-20", "2026-01-31")
        cls.followup(cls.c5, "2024-07-01", "2024-09-01")
        cls.followup(cls.c5, "2024-10-15", "2026-03-01")
        cls.followup(cls.c6, "2025-11-01", "2026-02-01")
        cls.amendment(cls.c1, "2025-04-01", "done", True, True)
        cls.amendment(cls.c2, "2025-06-01", "done", False, True)
        cls.amendment(cls.c1, "2025-07-01", "refused", False, False)
        cls.amendment(cls.c5, "2024-07-01", "done", False, False)
        seal = cls.env["credit.contract.seal"].create(
            {"name": "Contract seal", "company_id": cls.company.id, "custodian_id": cls.manager.id}
        )
        # in the manager's custody since 2024, checked in the first half of 2025 only
        cls.env.cr.execute(
            "UPDATE credit_contract_seal_custody SET date = '2024-01-01' WHERE seal_id = %s",
            [seal.id],
        )
        cls.env["credit.contract.seal.check"].create(
            {"seal_id": seal.id, "date": "2025-03-31", "result": "in_order"}
        )
        cls.seal_use(seal, cls.c1, "2025-02-01", True)
        cls.seal_use(seal, cls.c2, "2025-03-01", True)
        cls.seal_use(seal, cls.c3, "2025-05-01", False)
        cls.seal_use(seal, cls.c1, "2024-12-31", False)
        cls.o1 = cls.order("2025-02-01", True, True)
        cls.o2 = cls.order("2025-03-01", True, False)
        cls.order("2025-04-01", False, False)
        cls.order("2024-04-01", True, False)
        # training: two legal exams, two integrity sessions in the first half
        cls.l1 = cls.make_session("Contract law", "legal", "2025-03-10", attendees=cls.emp_a)
        cls.l1.invited_ids |= cls.emp_b
        cls.l2 = cls.make_session("Company law", "legal", "2025-09-10", attendees=cls.emp_a)
        cls.make_session("Integrity I", "integrity", "2025-04-01", "sample", cls.emp_a)
        cls.make_session("Integrity II", "integrity", "2025-05-01", "none", cls.emp_a)
        Result = cls.env["credit.training.result"]
        Result.create({"session_id": cls.l1.id, "employee_id": cls.emp_a.id, "score": 80})
        failed = Result.create({"session_id": cls.l2.id, "employee_id": cls.emp_a.id, "score": 40})
        Result.create(
            {
                "session_id": cls.l2.id,
                "employee_id": cls.emp_a.id,
                "score": 70,
                "makeup_of_id": failed.id,
            }
        )
        cls.period = cls.make_period(2025)
        cls.period.action_generate_appraisals()
        cls.appraisal_a = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal_b = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_b)

    @classmethod
    def contract(cls, department, flags=None, **values):
        return super().contract(department, flags, **dict({"user_id": cls.salesman.id}, **values))

    @classmethod
    def followup(cls, contract, day, next_day, user=None):
        return super().followup(contract, day, next_day, user or cls.salesman)

    @classmethod
    def amendment(cls, contract, requested, state, on_time, formalities):
        cls.env.cr.execute(
            SQL(
                """INSERT INTO credit_contract_amendment
                       (contract_id, company_id, kind, date_requested, reason, state,
                        date_processed, processed_on_time, formalities_complete)
                   VALUES (%s, %s, 'change', %s, 'fixture', %s, %s, %s, %s)""",
                contract.id,
                cls.company.id,
                requested,
                state,
                requested if state == "done" else None,
                on_time,
                formalities,
            )
        )

    @classmethod
    def order(cls, day, required, signed):
        """A confirmed order of ``day``: above the threshold of 100 when ``required``,
        covered by the signed contract c1 when ``signed`` (in SQL)."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.partner.id,
                "company_id": cls.company.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.env.cr.execute(
            SQL(
                """UPDATE sale_order SET state = 'sale', date_order = %s, amount_total = %s,
                          currency_rate = 1
                    WHERE id = %s""",
                f"{day} 09:00:00",
                5000 if required else 50,
                order.id,
            )
        )
        if signed:
            cls.env.cr.execute(
                SQL(
                    """INSERT INTO credit_contract_sale_order_rel (contract_id, order_id)
                       VALUES (%s, %s)""",
                    cls.c1.id,
                    order.id,
                )
            )
        order.invalidate_recordset()
        return order


@tagged("post_install", "-at_install", "credit_appraisal")
class TestFormulas(FormulaFixture):
    def assertItem(self, appraisal, code, score, *evidence):
        line = self.line(appraisal, code)
        self.assertAlmostEqual(line.score, score, places=2, msg=f"item {code}")
        self.assertTrue(line.date_computed)
        for text in evidence:
            self.assertIn(text, line.evidence, f"item {code}")

    def test_items_of_administrator_a(self):
        a = self.appraisal_a
        # 1.1 best scores 80 and 70 (make-up): 75% x 3 = 2.25 -> 2.3
        self.assertItem(a, "1.1", 2.3, "Contract law: 80", "Company law: 70")
        # 1.2 legal H1, legal H2, integrity H1 (two held, one counts): 3 of 4 x 5
        self.assertItem(
            a, "1.2", 3.8, "3 of 4", "Missing: Integrity Education, Second Half: 0 of 1."
        )
        # 2.1 three properties: c1, c2 of c1-c3 -> 2/3 x 3
        self.assertItem(a, "2.1", 2.0, "2 of 3", self.c3.name)
        # 2.2 five reviews: c1, c3 -> 2/3 x 3
        self.assertItem(a, "2.2", 2.0, self.c2.name)
        # 2.3 orders needing a contract in 2025: o1 signed, o2 not -> 1/2 x 3
        self.assertItem(a, "2.3", 1.5, "1 of 2", self.o2.name)
        # 2.5 signed within authority: c1, c3 -> 2/3 x 4 = 2.67
        self.assertItem(a, "2.5", 2.7, self.c2.name)
        # 2.6 c3 invalid in 2025 (c5's invalidity is 2024's)
        self.assertItem(a, "2.6", 0.0, self.c3.name)
        self.assertNotIn(self.c5.name, self.line(a, "2.6").evidence)
        # 3.1 review complete before signing: c1, c3 -> 2/3 x 5
        self.assertItem(a, "3.1", 3.3)
        # 3.3 in performance: c1 on schedule, c5 late -> 1/2 x 5
        self.assertItem(a, "3.3", 2.5, self.c5.name)
        # 4.1 amendments of 2025 not refused: c1 in time, c2 late -> 1/2 x 6
        self.assertItem(a, "4.1", 3.0, "1 of 2")
        # 5.1 ledger complete: c1, c2 -> 2/3 x 6
        self.assertItem(a, "5.1", 4.0, self.c3.name)
        # 2.4 no contract on a template: 0 of 3, measured 0 of 4 points
        self.assertItem(a, "2.4", 0.0, "0 of 3", f"{self.c1.name}: no template")
        # 5.2 registered in time: c1, c3; none corrected; no entry complete (no start
        # date, no signatory, not registered) -> (2 + 3 + 0) / 9 x 10
        self.assertItem(
            a,
            "5.2",
            5.6,
            "Registered in time: 2 of 3 (not: " + self.c2.name + ").",
            "Not corrected after registration: 3 of 3.",
            "Ledger fields complete: 0 of 3.",
        )
        # 5.3 seal uses of 2025: 2 of 3 backed by a passed review, 3 of 3 approved by the
        # custodian of record, checked in 1 of 2 half-years -> (2/3 + 1 + 1/2) / 3 x 5
        self.assertItem(a, "5.3", 3.6, "2 of 3", "Seal checks recorded: 1 of 2 half-years")
        # 5.4 completed in 2025: c2 archived, c3 not -> 1/2 x 6
        self.assertItem(a, "5.4", 3.0, self.c3.name)
        self.assertIn("Sales One", self.line(a, "5.4").evidence)
        measured = 2.3 + 3.8 + 2 + 2 + 1.5 + 0 + 2.7 + 0 + 3.3 + 2.5 + 3 + 4 + 5.6 + 3.6 + 3
        self.assertAlmostEqual(a.total, round(measured, 1))

    def test_items_of_administrator_b(self):
        b = self.appraisal_b
        # invited to a legal exam without sitting it: 0
        self.assertItem(b, "1.1", 0.0, "Contract law: -")
        self.assertItem(b, "1.2", 0.0, "0 of 4")
        for code, points in (("2.1", 3), ("2.2", 3), ("2.5", 4), ("2.6", 4), ("3.1", 5)):
            self.assertItem(b, code, points)
        self.assertItem(b, "3.3", 5)
        self.assertItem(b, "5.1", 6)
        # in time and uncorrected, incomplete: 2/3 x 10
        self.assertItem(b, "5.2", 6.7)
        self.assertItem(b, "2.4", 0.0, "0 of 1")
        # nothing to measure: not measurable, 0 until the assessor scores it, said so
        for code in ("2.3", "4.1", "5.3", "5.4"):
            self.assertItem(b, code, 0, "Nothing to measure", "Not measurable from the records")
            self.assertTrue(self.line(b, code).not_measurable)
        self.assertEqual(
            self.line(b, "5.4").not_measurable_reason,
            "No contract of the departments covered (Purchasing) was completed, terminated or "
            "expired in 2025.",
        )
        measured = b.line_ids.filtered(lambda line: line.compute_method and not line.not_measurable)
        self.assertFalse(measured.filtered("not_measurable_reason"))
        self.assertEqual(
            sorted(measured.mapped("code")),
            ["1.1", "1.2", "2.1", "2.2", "2.4", "2.5", "2.6", "3.1", "3.3", "5.1", "5.2"],
        )

    def test_recompute_follows_records_and_keeps_entered(self):
        self.line(self.appraisal_a, "6.1").with_user(self.manager).write(
            {"hand_score": 8, "hand_evidence": "Two cases seen"}
        )
        self.env.cr.execute(
            "UPDATE credit_contract SET three_properties_passed = TRUE WHERE id = %s",
            [self.c3.id],
        )
        (result,) = self.period.with_user(self.manager).action_recompute()
        self.assertEqual(result["period_id"], self.period.id)
        self.assertEqual(result["appraisals"], 2)
        self.assertEqual(result["lines"], 30)
        self.assertIn("three_properties", result["items"])
        self.assertItem(self.appraisal_a, "2.1", 3.0, "3 of 3")
        self.assertEqual(self.line(self.appraisal_a, "6.1").score, 8)
        # a submitted appraisal is no longer recomputed
        self.score_entered(self.appraisal_b, {})
        self.appraisal_b.with_user(self.manager).action_submit()
        before = self.line(self.appraisal_b, "2.1").score
        self.env.cr.execute(
            "UPDATE credit_contract SET three_properties_passed = FALSE WHERE id = %s",
            [self.c6.id],
        )
        self.period.with_user(self.manager).action_recompute()
        self.assertEqual(self.line(self.appraisal_b, "2.1").score, before)

    def test_year_keeps_its_coverage(self):
        """A later change of the departments covered does not rewrite the year measured."""
        self.assertEqual(self.appraisal_a.department_ids, self.admin_a.department_ids)
        before = self.line(self.appraisal_a, "2.1").score
        self.admin_a.department_ids = self.dept_3
        self.period.with_user(self.manager).action_recompute()
        self.assertEqual(self.line(self.appraisal_a, "2.1").score, before)
        self.assertEqual(self.appraisal_a.department_ids, self.dept_1 | self.dept_2)
        # the manager may correct a draft's coverage; the appraised person may not
        with self.assertRaisesText(AccessError, "You may not change Departments Covered"):
            self.appraisal_a.with_user(self.user_a).department_ids = self.dept_3
        self.appraisal_a.with_user(self.manager).department_ids = self.dept_3
        self.period.with_user(self.manager).action_recompute()
        # now measured on Purchasing's contracts, as administrator B's appraisal is
        self.assertEqual(
            self.line(self.appraisal_a, "2.1").score, self.line(self.appraisal_b, "2.1").score
        )
        self.assertNotEqual(self.line(self.appraisal_a, "2.1").score, before)

    def test_recompute_rights(self):
        for user in (self.assessor, self.hr_user, self.user_a):
            with self.assertRaisesText(AccessError, "Only the credit manager runs"):
                self.period.with_user(user).action_recompute()

    def test_queries_do_not_grow(self):
        def count():
            # pending writes of the fixture are not the recompute's, and a first run
            # refills Odoo's caches that creating records cleared
            self.period.sudo()._recompute()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.period.sudo()._recompute()
            return self.env.cr.sql_log_count - before

        small = count()
        # five more administrators, each with its department and contracts
        for n in range(5):
            dept = self.env["hr.department"].create(
                {"name": f"Dept {n}", "company_id": self.company.id}
            )
            self.make_administrator(f"Extra {n}", dept)
            for _i in range(3):
                self.contract(dept, {"date_signed": "2025-03-03", "state": "signed"})
        self.period.action_generate_appraisals()
        self.assertEqual(len(self.period.appraisal_ids), 7)
        self.assertEqual(count(), small)

    def name_misuse(self, contract, employees):
        """The employees a contract was used by for unlawful acts (credit_contract records
        them by a manager's decision; the fixture sets them in SQL, as the flags)."""
        field = contract._fields["misuse_employee_ids"]
        for employee in employees:
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

    def test_misuse_proposes_revocation(self):
        self.name_misuse(self.c3, self.emp_a)
        self.period.with_user(self.manager).action_recompute()
        self.assertEqual(self.appraisal_a.misuse_contract_ids, self.c3)
        self.assertEqual(self.admin_a.qualification_state, "revocation_pending")
        event = self.admin_a.event_ids.filtered(lambda e: e.state == "pending")
        self.assertEqual(event.source, "misuse")
        self.assertIn(self.c3.name, event.reason)
        self.assertEqual(event.contract_ids, self.c3)
        self.assertEqual(self.admin_b.qualification_state, "qualified")
        event.with_user(self.committee).action_approve()
        self.assertEqual(self.admin_a.qualification_state, "revoked")
        # the appraisal shows it too
        self.score_entered(self.appraisal_a, {})
        self.appraisal_a.with_user(self.manager).action_submit()
        self.appraisal_a.with_user(self.manager).action_approve()
        self.appraisal_a._compute_outcome()
        self.assertEqual(self.appraisal_a.outcome, "revocation")

    def test_misuse_recorded_late_still_counts(self):
        for appraisal in self.period.appraisal_ids:
            self.score_entered(appraisal, {"6.1": 10})
            appraisal.with_user(self.manager).action_submit()
            appraisal.with_user(self.manager).action_approve()
        # recorded after the appraisals were approved
        self.name_misuse(self.c6, self.emp_b)
        self.period.with_user(self.manager).action_submit_lists()
        self.assertEqual(self.appraisal_b.outcome, "revocation")
        self.assertEqual(self.period.disqualification_ids, self.appraisal_b)
        self.assertEqual(self.admin_b.qualification_state, "revocation_pending")
        pending = self.admin_b.event_ids.filtered(lambda e: e.state == "pending")
        self.period.with_user(self.committee).action_approve_lists()
        # one request, decided by the legal representative with the lists
        self.assertEqual(len(pending), 1)
        self.assertRecordValues(
            pending, [{"source": "misuse", "state": "done", "approved_by_id": self.committee.id}]
        )
        self.assertEqual(self.admin_b.qualification_state, "revoked")
