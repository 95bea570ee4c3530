from datetime import date

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk


def build_appraisal_samples(env, users):
    """Records of every guarded model of credit_appraisal in each state that locks
    something, made as superuser through the models' own flows, in a company of their own
    (so that no demo record takes part) which every role user may work in.

    Returns ``(company, samples, create values)``; shared with credit_appraisal_survey's
    walk."""
    company = env["res.company"].create({"name": "Guard Walk Appraisal Co"})
    for user in users:
        user.company_ids |= company
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    Employee = env["hr.employee"]
    dept = env["hr.department"].create({"name": "Walk Sales", "company_id": company.id})
    employees = Employee.create(
        [{"name": f"Walk Admin {n}", "company_id": company.id} for n in range(4)]
    )
    Admin = env["credit.administrator"]
    admins = Admin.create(
        [
            {
                "employee_id": employee.id,
                "company_id": company.id,
                "date_start": "2015-01-01",
                "department_ids": [Command.set(dept.ids)],
            }
            for employee in employees
        ]
    )
    samples = {}

    # training: an open session, one with results; a passed and a failed result
    Session = env["credit.training.session"]
    open_session = Session.create(
        {
            "name": "Walk integrity",
            "session_type": "integrity",
            "date": "2018-03-01",
            "assessment": "sample",
            "company_id": company.id,
            "invited_ids": [Command.set(employees.ids)],
        }
    )
    exam = Session.create(
        {
            "name": "Walk contract law",
            "session_type": "legal",
            "date": "2018-04-01",
            "assessment": "exam",
            "company_id": company.id,
            "invited_ids": [Command.set(employees.ids)],
            "attendee_ids": [Command.set(employees.ids)],
        }
    )
    Result = env["credit.training.result"]
    passed = Result.create(
        {"session_id": exam.id, "employee_id": employees[0].id, "score": 80, "date": "2018-04-01"}
    )
    failed = Result.create(
        {"session_id": exam.id, "employee_id": employees[1].id, "score": 40, "date": "2018-04-01"}
    )
    samples["credit.training.session"] = open_session | exam
    samples["credit.training.result"] = passed | failed
    # fees: unpaid, then paid
    unpaid = failed.fee_id
    paid_fee = Result.create(
        {"session_id": exam.id, "employee_id": employees[2].id, "score": 10, "date": "2018-04-01"}
    ).fee_id
    paid_fee.action_mark_paid()
    samples["credit.training.fee"] = unpaid | paid_fee
    samples["credit.training.plan"] = env["credit.training.plan"]._plan_for(
        company, date(2018, 12, 15)
    )

    # scorecards: a draft, one in use, a retired one
    Rubric = env["credit.appraisal.rubric"]
    items = [
        Command.create({"code": "1", "section": "S", "name": "All", "points": 100}),
    ]
    rubrics = Rubric.create(
        [
            {"name": f"Walk {n}", "version": 900 + n, "company_id": company.id, "item_ids": items}
            for n in range(3)
        ]
    )
    rubrics[1:].action_activate()
    rubrics[2].action_retire()
    samples["credit.appraisal.rubric"] = rubrics
    samples["credit.appraisal.rubric.item"] = rubrics.item_ids

    # appraisal periods: open, lists awaiting approval, locked (the shipped scorecard)
    shipped = env.ref("credit_appraisal.rubric_2020")
    Period = env["credit.appraisal.period"]
    periods = Period.create(
        [
            {"year": year, "company_id": company.id, "rubric_id": shipped.id}
            for year in (2016, 2017, 2018)
        ]
    )
    periods.action_generate_appraisals()
    for period in periods[1:]:
        for appraisal in period.appraisal_ids:
            appraisal.line_ids.filtered("hand_scorable").write(
                {"hand_score": 0, "hand_evidence": "walk"}
            )
            appraisal.action_submit()
            appraisal.action_approve()
        period.action_submit_lists()
    periods[2].action_approve_lists()
    samples["credit.appraisal.period"] = periods

    # work records (3.2's register): not cited, cited by a draft, backing a submitted one
    WorkRecord = env["credit.work.record"]
    work_records = WorkRecord.create(
        [
            {
                "name": f"Walk reconciliation {n}",
                "kind": "reconciliation",
                "date": f"2016-0{n + 3}-15",
                "department_id": dept.id,
                "employee_ids": [Command.set(employees[3].ids)],
                "content": "Receivables compared with the salespeople.",
                "outcome": "No difference.",
                "company_id": company.id,
            }
            for n in range(3)
        ]
    )

    # appraisals: draft, submitted, approved (another open year), locked
    draft = periods[0].appraisal_ids.sorted("id")
    for appraisal in draft[1:3]:
        appraisal.line_ids.filtered("hand_scorable").write(
            {"hand_score": 1, "hand_evidence": "walk"}
        )
    for appraisal, record in ((draft[0], work_records[1]), (draft[1], work_records[2])):
        appraisal.line_ids.filtered(lambda line: line.code == "3.2").write(
            {"hand_score": 2, "work_record_ids": [Command.set(record.ids)]}
        )
    draft[1].action_submit()
    draft[2].action_submit()
    draft[2].action_approve()
    locked = periods[2].appraisal_ids[:1]
    samples["credit.appraisal"] = draft[0] | draft[1] | draft[2] | locked
    samples["credit.work.record"] = work_records
    samples["credit.appraisal.line"] = (
        draft[0].line_ids[:2] | draft[1].line_ids[:2] | draft[2].line_ids[:2] | locked.line_ids[:2]
    )
    Note = env["credit.appraisal.note"]
    samples["credit.appraisal.note"] = Note.create(
        [
            {"appraisal_id": draft[0].id, "body": "walk draft note"},
            {"appraisal_id": locked.id, "body": "walk locked note"},
        ]
    )

    # the year's lists: on the list and removed (open year), on an approved list
    Entry = env["credit.appraisal.list.entry"]
    samples["credit.appraisal.list.entry"] = Entry.create(
        [
            {"period_id": periods[0].id, "appraisal_id": draft[0].id, "list_type": "award"},
            {
                "period_id": periods[0].id,
                "appraisal_id": draft[1].id,
                "list_type": "award",
                "state": "removed",
                "reason": "walk",
            },
            {"period_id": periods[2].id, "appraisal_id": locked.id, "list_type": "award"},
        ]
    )
    # the first failures of the locked year: education and help to do, and done
    followups = env["credit.appraisal.followup"].search([("company_id", "=", company.id)])
    followups[1:2].write({"outcome": "walk"})
    followups[1:2].action_done()
    samples["credit.appraisal.followup"] = followups[:2]
    # accountability: to decide, decided
    Accountability = env["credit.appraisal.accountability"]
    accountabilities = Accountability.create(
        [{"administrator_id": admin.id, "description": "walk misuse"} for admin in admins[:2]]
    )
    accountabilities[1].write({"decision": "none", "outcome": "walk"})
    accountabilities[1].action_decide()
    samples["credit.appraisal.accountability"] = accountabilities

    # the register: qualified, revocation pending, revoked; and its events
    admins[1].action_propose_revocation("walk: pending")
    admins[2].action_propose_revocation("walk: revoked")
    admins[2].event_ids.filtered(lambda e: e.state == "pending").action_approve()
    samples["credit.administrator"] = admins[0] | admins[1] | admins[2]
    samples["credit.administrator.event"] = (
        admins[1].event_ids.filtered(lambda e: e.state == "pending")
        | admins[0].event_ids
        | admins[2].event_ids.filtered(lambda e: e.state == "done" and e.kind == "revocation")
    )
    # what a new record made by hand differs in from a copy of the first sample (a copy
    # would break a unique key: one entry per employee, one period per year...)
    spare_employee = Employee.create({"name": "Walk Spare", "company_id": company.id})
    spare_admin = Admin.create(
        {
            "employee_id": Employee.create({"name": "Walk Late", "company_id": company.id}).id,
            "company_id": company.id,
            "date_start": "2015-01-01",
            "department_ids": [Command.set(dept.ids)],
        }
    )
    create_vals = {
        "credit.administrator": {"employee_id": spare_employee.id},
        "credit.appraisal.rubric": {"version": 999},
        "credit.appraisal.rubric.item": {"code": "W"},
        "credit.appraisal.period": {"year": 2019},
        "credit.appraisal": {"administrator_id": spare_admin.id},
    }
    return company, samples, create_vals


@tagged("post_install", "-at_install", "credit_appraisal")
class TestGuardWalk(guard_walk.GuardWalkCase):
    guard_modules = ("credit_appraisal",)

    @classmethod
    def _guard_samples(cls):
        with freeze_time("2019-01-15"):
            _company, samples, cls.create_vals = build_appraisal_samples(
                cls.env, cls.role_users.values()
            )
        return samples

    def _guard_create_vals(self, record):
        return dict(super()._guard_create_vals(record), **self.create_vals.get(record._name, {}))

    def test_samples_in_their_states(self):
        states = {
            name: [record.sudo()[record._guard_state_field] for record in records]
            for name, records in self.samples.items()
            if records._guard_state_field in records._fields
        }
        self.assertEqual(states["credit.appraisal"], ["draft", "submitted", "approved", "locked"])
        self.assertEqual(states["credit.appraisal.period"], ["open", "submitted", "locked"])
        self.assertEqual(states["credit.appraisal.rubric"], ["draft", "active", "retired"])
        self.assertEqual(states["credit.training.session"], ["open", "assessed"])
        self.assertEqual(
            states["credit.administrator"], ["qualified", "revocation_pending", "revoked"]
        )
        self.assertEqual(states["credit.administrator.event"][0], "pending")
        self.assertEqual(states["credit.work.record"], ["unused", "cited", "used"])
        self.assertEqual(self.samples["credit.training.fee"].mapped("paid"), [False, True])
        self.assertEqual(states["credit.appraisal.list.entry"], ["proposed", "removed", "proposed"])
        self.assertEqual(states["credit.appraisal.followup"], ["open", "done"])
        self.assertEqual(states["credit.appraisal.accountability"], ["to_decide", "decided"])
