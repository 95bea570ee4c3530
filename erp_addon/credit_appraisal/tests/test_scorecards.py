"""Issue 17, item 13: the year's scorecards as the server computed them (credit_scorecards)."""

import logging

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import AppraisalCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install", "credit_appraisal")
@freeze_time("2025-12-20")
class TestScorecards(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emp_a.barcode = "E1001"
        cls.emp_a.department_id = cls.dept_1
        cls.period = cls.make_period(2025)
        cls.period.with_user(cls.manager).action_generate_appraisals()
        cls.appraisal_a = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal_b = cls.period.appraisal_ids - cls.appraisal_a
        cls.salesperson = new_test_user(
            cls.env,
            login="ca_salesperson",
            groups="base.group_user,sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def scorecards(self, user=None, year=2025, lang="en_US", company=None):
        Period = self.env["credit.appraisal.period"].with_user(user or self.manager)
        return Period.credit_scorecards(year, (company or self.company).id, lang)

    def card(self, answer, appraisal):
        return next(c for c in answer["scorecards"] if c["appraisal_id"] == appraisal.id)

    def test_the_servers_scorecards(self):
        # A: the hand-scored items scored by the assessor, with evidence
        self.score_entered(
            self.appraisal_a,
            self.full(self.appraisal_a) | {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9},
        )
        answer = self.scorecards()
        self.assertEqual(answer["company_id"], self.company.id)
        self.assertEqual(answer["company"], "Appraisal Test Co")
        self.assertEqual(answer["lang"], "en_US")
        self.assertEqual(answer["period"]["state"], "open")
        self.assertEqual(
            answer["lists"],
            {
                "status": "none",
                "submitted_by": False,
                "date_submitted": False,
                "approved_by": False,
                "date_approved": False,
            },
        )
        self.assertEqual(
            answer["thresholds"],
            {
                "advanced": 95.0,
                "excellent": 90.0,
                "commendation": 80.0,
                "fail_below": 60.0,
                "revoke_at_failure": 2,
            },
        )
        # highest total first
        self.assertEqual(
            [c["appraisal_id"] for c in answer["scorecards"]],
            [self.appraisal_a.id, self.appraisal_b.id],
        )
        card = self.card(answer, self.appraisal_a)
        self.assertEqual(card["name"], "Admin A")
        self.assertEqual(card["employee_number"], "E1001")
        self.assertEqual(card["department"], "Sales One")
        self.assertEqual(sorted(card["departments_covered"]), ["Sales One", "Sales Two"])
        self.assertEqual(card["total"], 94.0)
        self.assertEqual(card["total"], self.appraisal_a.total)
        # the tier is the server's rating, never worked out by the caller
        self.assertEqual(card["tier"], "excellent")
        self.assertEqual(card["tier"], self.appraisal_a.rating)
        self.assertEqual(card["state"], "draft")
        self.assertFalse(card["bonus_withheld"])
        self.assertTrue(card["on_award_list"])
        self.assertEqual(len(card["lines"]), 19)
        self.assertEqual(card["lines"][0]["code"], "1.1")
        self.assertEqual(sum(line["score"] for line in card["lines"]), 94.0)
        line_21 = next(line for line in card["lines"] if line["code"] == "2.1")
        self.assertTrue(line_21["computed"])
        self.assertTrue(line_21["not_measurable"])
        self.assertEqual(
            line_21["not_measurable_reason"],
            self.line(self.appraisal_a, "2.1").with_context(lang="en_US").not_measurable_reason,
        )
        self.assertIn("(Sales One, Sales Two)", line_21["not_measurable_reason"])
        self.assertTrue(line_21["hand_scored"])
        self.assertEqual(line_21["hand_evidence"], "checked by hand")
        self.assertEqual(line_21["hand_score"], line_21["points"])
        # 2.4 is measured with an assessor's part: here nothing to measure, scored by hand
        line_24 = next(line for line in card["lines"] if line["code"] == "2.4")
        self.assertTrue(line_24["computed"])
        self.assertTrue(line_24["hand_scored"])
        self.assertEqual((line_24["score"], line_24["hand_evidence"]), (6.0, "checked by hand"))
        # 3.4 is the assessor's in full: its evidence is theirs, as written
        line_34 = next(line for line in card["lines"] if line["code"] == "3.4")
        self.assertFalse(line_34["computed"])
        self.assertFalse(line_34["not_measurable"])
        self.assertEqual((line_34["score"], line_34["evidence"]), (6.0, "checked by hand"))
        # B: nothing scored by hand, nothing measured: not measurable, 0, a failure
        card_b = self.card(answer, self.appraisal_b)
        self.assertEqual(card_b["tier"], "fail")
        self.assertTrue(card_b["failed"])
        unmeasured = [line for line in card_b["lines"] if line["not_measurable"]]
        self.assertTrue(unmeasured)
        self.assertFalse(any(line["hand_scored"] for line in unmeasured))
        self.assertFalse(any(line["hand_score"] for line in unmeasured))

    def test_list_status_and_bonus_withheld(self):
        self.score_entered(
            self.appraisal_a,
            self.full(self.appraisal_a) | {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9},
        )
        self.score_entered(self.appraisal_b, {})
        for appraisal in self.appraisal_a | self.appraisal_b:
            appraisal.with_user(self.manager).action_submit()
            appraisal.with_user(self.manager).action_approve()
        self.period.with_user(self.manager).action_submit_lists()
        answer = self.scorecards(self.hr_user)
        self.assertEqual(
            answer["lists"],
            {
                "status": "submitted",
                "submitted_by": self.manager.name,
                "date_submitted": "2025-12-20",
                "approved_by": False,
                "date_approved": False,
            },
        )
        card_b = self.card(answer, self.appraisal_b)
        self.assertEqual(card_b["outcome"], "first_failure")
        self.assertEqual(card_b["failure_number"], 1)
        self.assertTrue(card_b["bonus_withheld"])
        self.assertTrue(self.appraisal_b.bonus_withheld)
        self.assertFalse(self.card(answer, self.appraisal_a)["bonus_withheld"])
        self.period.with_user(self.committee).action_approve_lists()
        lists = self.scorecards(self.hr_user)["lists"]
        self.assertEqual(lists["status"], "approved")
        self.assertEqual(lists["approved_by"], self.committee.name)
        self.assertEqual(lists["date_approved"], "2025-12-20")
        # a flow field: nobody writes it by hand
        with self.assertRaisesText(AccessError, "Bonus Withheld"):
            self.appraisal_b.with_user(self.manager).write({"bonus_withheld": False})

    def test_hr_reads_what_the_credit_manager_reads(self):
        self.score_entered(self.appraisal_a, self.full(self.appraisal_a))
        self.assertEqual(self.scorecards(self.hr_user), self.scorecards(self.manager))
        self.assertEqual(self.scorecards(self.committee), self.scorecards(self.manager))

    def test_refused_to_others(self):
        for user in (self.salesperson, self.plain, self.assessor, self.user_a):
            with self.assertRaisesText(
                AccessError,
                "Only the credit manager, the legal representative and HR read the year's "
                "scorecards.",
            ):
                self.scorecards(user)
        other = self.env["res.company"].create({"name": "Not Theirs Co"})
        with self.assertRaisesText(
            AccessError, "You can only read the scorecards of your own companies."
        ):
            self.env["credit.appraisal.period"].with_user(self.manager).credit_scorecards(
                2025, other.id
            )
        with self.assertRaisesText(UserError, "Name the year as a number."):
            self.scorecards(year="2025")
        with self.assertRaisesText(UserError, "The language xx_XX is not installed."):
            self.scorecards(lang="xx_XX")

    def test_a_year_without_period_names_the_years(self):
        answer = self.scorecards(year=1999)
        self.assertFalse(answer["period"])
        self.assertEqual(answer["years"], [2025])

    def test_in_the_language_asked(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_appraisal"], ["zh_CN"])
        english = self.card(self.scorecards(lang="en_US"), self.appraisal_b)
        chinese = self.card(self.scorecards(lang="zh_CN"), self.appraisal_b)
        self.assertEqual(self.scorecards(lang="zh_CN")["lang"], "zh_CN")
        line_en = next(line for line in english["lines"] if line["code"] == "5.4")
        line_zh = next(line for line in chinese["lines"] if line["code"] == "5.4")
        self.assertEqual(
            line_en["not_measurable_reason"],
            "No contract of the departments covered (Purchasing) was completed, terminated or "
            "expired in 2025.",
        )
        self.assertIn("2025", line_zh["not_measurable_reason"])
        self.assertNotIn("No contract", line_zh["not_measurable_reason"])
        self.assertNotEqual(line_zh["name"], line_en["name"])
        # the evidence is the line's, read in the language asked
        line = self.line(self.appraisal_b, "5.4")
        self.assertEqual(line_zh["evidence"], line.with_context(lang="zh_CN").evidence)
        self.assertEqual(line_en["evidence"], line.with_context(lang="en_US").evidence)
        # the same figures whatever the language
        self.assertEqual(
            [(ln["code"], ln["score"]) for ln in chinese["lines"]],
            [(ln["code"], ln["score"]) for ln in english["lines"]],
        )

    def test_queries_do_not_grow_with_administrators(self):
        counts = []
        for year, people in ((2023, 2), (2024, 10)):
            company = self._year_of(year, people)
            self.env.invalidate_all()
            self.scorecards(year=year, company=company)  # the ORM's caches (rules, groups)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            answer = self.scorecards(year=year, company=company)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(answer["scorecards"]), people)
            self.assertEqual(sum(len(card["lines"]) for card in answer["scorecards"]), 19 * people)
        _logger.info("credit_scorecards: %s queries for 2 and 10 administrators", counts)
        self.assertEqual(counts[0], counts[1], f"queries for 2 and 10 administrators: {counts}")

    def _year_of(self, year, people):
        """A period of ``year`` in a company of its own with ``people`` administrators."""
        company = self.env["res.company"].create({"name": f"Scorecards {year} Co"})
        self.manager.write({"company_ids": [Command.link(company.id)]})
        department = self.env["hr.department"].create(
            {"name": f"Sales {year}", "company_id": company.id}
        )
        for number in range(people):
            employee = self.env["hr.employee"].create(
                {
                    "name": f"Administrator {year}-{number:02d}",
                    "company_id": company.id,
                    "department_id": department.id,
                }
            )
            self.env["credit.administrator"].create(
                {
                    "employee_id": employee.id,
                    "company_id": company.id,
                    "date_start": "2020-01-01",
                    "department_ids": [Command.set(department.ids)],
                }
            )
        period = self.env["credit.appraisal.period"].create(
            {"year": year, "company_id": company.id, "rubric_id": self.rubric.id}
        )
        period.with_user(self.manager).with_company(company).action_generate_appraisals()
        return company
