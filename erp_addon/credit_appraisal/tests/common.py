from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import SQL

MANAGER = "credit_management.group_credit_manager"
COMMITTEE = "credit_management.group_credit_committee"
ADMINISTRATOR = "credit_management.group_credit_administrator"
HR = "credit_appraisal.group_credit_hr"


class AppraisalCase(TransactionCase):
    """A company with departments, administrators and least-privilege users; no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Appraisal Test Co"})
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        cls.company.write(
            {
                "credit_exam_pass_score": 60,
                "credit_makeup_fee": 30,
                "credit_sample_pass_mastery": 50,
                "credit_sample_fine": 20,
                "credit_training_per_half": 1,
                "credit_training_warning_days": 30,
                "credit_award_advanced": 95,
                "credit_award_excellent": 90,
                "credit_award_commendation": 80,
                "credit_fail_threshold": 60,
                "credit_revoke_after_failures": 2,
            }
        )
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.manager = new_test_user(
            cls.env, login="ca_manager", groups=f"base.group_user,{MANAGER}", **common
        )
        cls.committee = new_test_user(
            cls.env, login="ca_committee", groups=f"base.group_user,{COMMITTEE}", **common
        )
        cls.hr_user = new_test_user(
            cls.env, login="ca_hr", groups=f"base.group_user,{HR}", **common
        )
        cls.assessor = new_test_user(
            cls.env, login="ca_assessor", groups=f"base.group_user,{ADMINISTRATOR}", **common
        )
        cls.user_a = new_test_user(
            cls.env, login="ca_admin_a", groups=f"base.group_user,{ADMINISTRATOR}", **common
        )
        cls.user_b = new_test_user(
            cls.env, login="ca_admin_b", groups=f"base.group_user,{ADMINISTRATOR}", **common
        )
        cls.plain = new_test_user(cls.env, login="ca_plain", groups="base.group_user", **common)
        Dept = cls.env["hr.department"]
        cls.dept_1 = Dept.create({"name": "Sales One", "company_id": cls.company.id})
        cls.dept_2 = Dept.create({"name": "Sales Two", "company_id": cls.company.id})
        cls.dept_3 = Dept.create({"name": "Purchasing", "company_id": cls.company.id})
        Employee = cls.env["hr.employee"]
        cls.emp_a = Employee.create(
            {"name": "Admin A", "user_id": cls.user_a.id, "company_id": cls.company.id}
        )
        cls.emp_b = Employee.create(
            {"name": "Admin B", "user_id": cls.user_b.id, "company_id": cls.company.id}
        )
        cls.emp_assessor = Employee.create(
            {"name": "Assessor", "user_id": cls.assessor.id, "company_id": cls.company.id}
        )
        cls.emp_plain = Employee.create(
            {"name": "Plain Staff", "user_id": cls.plain.id, "company_id": cls.company.id}
        )
        Admin = cls.env["credit.administrator"]
        cls.admin_a = Admin.create(
            {
                "employee_id": cls.emp_a.id,
                "company_id": cls.company.id,
                "date_start": "2020-01-01",
                "department_ids": [Command.set((cls.dept_1 | cls.dept_2).ids)],
            }
        )
        cls.admin_b = Admin.create(
            {
                "employee_id": cls.emp_b.id,
                "company_id": cls.company.id,
                "date_start": "2020-01-01",
                "employment": "part_time",
                "department_ids": [Command.set(cls.dept_3.ids)],
            }
        )
        cls.rubric = cls.env.ref("credit_appraisal.rubric_2020")
        cls.partner = cls.env["res.partner"].create({"name": "Counterparty", "is_company": True})

    @classmethod
    def make_administrator(cls, name, departments=None, **values):
        """An employee registered as administrator since 2020, covering ``departments``."""
        employee = cls.env["hr.employee"].create({"name": name, "company_id": cls.company.id})
        vals = {
            "employee_id": employee.id,
            "company_id": cls.company.id,
            "date_start": "2020-01-01",
        }
        if departments:
            vals["department_ids"] = [Command.set(departments.ids)]
        return cls.env["credit.administrator"].create(dict(vals, **values))

    @classmethod
    def contract(cls, department, flags=None, **values):
        """A contract of ``department`` with its flow columns ``flags`` set in SQL (the
        formulas read only stored columns): in performance, signed on 1 February 2025
        unless told."""
        if flags is None:
            flags = {"state": "performance", "date_signed": "2025-02-01"}
        contract = cls.env["credit.contract"].create(
            {
                "title": "Supply",
                "contract_type": "sale",
                "partner_id": cls.partner.id,
                "amount": 1000,
                "company_id": cls.company.id,
                "department_id": department.id if department else False,
                **values,
            }
        )
        if flags:
            assignments = SQL(", ").join(
                SQL("%s = %s", SQL.identifier(name), value) for name, value in flags.items()
            )
            cls.env.cr.execute(
                SQL("UPDATE credit_contract SET %s WHERE id = %s", assignments, contract.id)
            )
            contract.invalidate_recordset()
        return contract

    @classmethod
    def followup(cls, contract, day, next_day, user=None):
        """A follow-up of ``contract`` made and recorded on ``day``, the next due on
        ``next_day`` (in SQL: the records of a past day as they were)."""
        cls.env.cr.execute(
            SQL(
                """INSERT INTO credit_contract_followup
                       (contract_id, company_id, date, date_recorded, next_date, note, user_id)
                   VALUES (%s, %s, %s, %s, %s, 'follow-up', %s)""",
                contract.id,
                cls.company.id,
                day,
                day,
                next_day,
                (user or cls.manager).id,
            )
        )

    @classmethod
    def seal_use(cls, seal, contract, day, passed, approved_by=None):
        """A use of ``seal`` for ``contract`` logged on ``day`` (in SQL, as logged then)."""
        cls.env.cr.execute(
            SQL(
                """INSERT INTO credit_contract_seal_use
                       (seal_id, contract_id, company_id, date, requested_by_id,
                        approved_by_id, review_passed_at_use, copies)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, 1)""",
                seal.id,
                contract.id,
                cls.company.id,
                day,
                cls.plain.id,
                (approved_by or cls.manager).id,
                passed,
            )
        )

    @contextmanager
    def assertRaisesText(self, exc_type, text):
        """The exact exception class (an AccessError is no UserError here) and its text."""
        with self.assertRaises(exc_type) as caught:
            yield caught
        self.assertIs(type(caught.exception), exc_type, str(caught.exception))
        self.assertIn(text, str(caught.exception))

    @classmethod
    def make_period(cls, year):
        return cls.env["credit.appraisal.period"].create(
            {"year": year, "company_id": cls.company.id, "rubric_id": cls.rubric.id}
        )

    @classmethod
    def make_session(cls, name, session_type, day, assessment="exam", attendees=None):
        attendees = attendees or (cls.emp_a | cls.emp_b)
        return cls.env["credit.training.session"].create(
            {
                "name": name,
                "session_type": session_type,
                "date": day,
                "assessment": assessment,
                "company_id": cls.company.id,
                "invited_ids": [Command.set(attendees.ids)],
                "attendee_ids": [Command.set(attendees.ids)],
            }
        )

    def score_entered(self, appraisal, scores, user=None):
        """Score the items scored by hand: {code: score}; others 0 but scored. These are the
        assessor's items and those the records cannot measure for this person, each with
        its evidence (a written reason here)."""
        user = user or self.manager
        for line in appraisal.line_ids.filtered("hand_scorable"):
            line.with_user(user).write(
                {"hand_score": scores.get(line.code, 0.0), "hand_evidence": "checked by hand"}
            )
        # the assessor's part of a measured item (2.4's lawful content)
        mixed = appraisal.line_ids.filtered(
            lambda item: item.hand_points and not item.not_measurable
        )
        for line in mixed:
            line.with_user(user).write(
                {
                    "hand_score": min(scores.get(line.code, 0.0), line.hand_points),
                    "hand_evidence": "checked by hand",
                }
            )

    @staticmethod
    def full(appraisal):
        """The items the records cannot measure, scored by hand at their points (a fixture
        for the years whose records would have given these points)."""
        return {line.code: line.points for line in appraisal.line_ids.filtered("not_measurable")}

    def line(self, appraisal, code):
        return appraisal.line_ids.filtered(lambda line: line.code == code)
