"""Issue 16, appraisal items 22-26: each rule as the acting user, through create, write and
the methods the buttons call."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import AppraisalCase


class OwnCase(AppraisalCase):
    """The credit manager and the legal representative are employees too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.emp_manager = Employee.create(
            {"name": "Manager Self", "user_id": cls.manager.id, "company_id": cls.company.id}
        )
        cls.emp_committee = Employee.create(
            {"name": "Legal Rep Self", "user_id": cls.committee.id, "company_id": cls.company.id}
        )
        cls.everyone = cls.emp_a | cls.emp_b | cls.emp_manager | cls.emp_committee


@tagged("post_install", "-at_install", "credit_appraisal")
class TestNobodyRecordsTheirOwn(OwnCase):
    """22. Nobody records their own exam result, sample check or attendance, managers
    included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.exam = cls.make_session("Contract law", "legal", "2025-03-10", attendees=cls.everyone)
        cls.sample = cls.make_session(
            "Integrity", "integrity", "2025-04-10", assessment="sample", attendees=cls.everyone
        )
        cls.training = cls.env["credit.training.session"].create(
            {
                "name": "Company law",
                "session_type": "legal",
                "date": "2025-05-10",
                "company_id": cls.company.id,
                "invited_ids": [Command.set(cls.everyone.ids)],
            }
        )

    def test_own_exam_result_refused(self):
        Result = self.env["credit.training.result"]
        for user, employee in (
            (self.manager, self.emp_manager),
            (self.committee, self.emp_committee),
        ):
            with self.assertRaisesText(AccessError, "Nobody records their own exam result"):
                Result.with_user(user).create(
                    {"session_id": self.exam.id, "employee_id": employee.id, "score": 100}
                )
        # nor through a context default (the results list opened from the session)
        with self.assertRaisesText(AccessError, "Nobody records their own exam result"):
            Result.with_user(self.manager).with_context(
                default_session_id=self.exam.id, default_employee_id=self.emp_manager.id
            ).create({"score": 100})
        self.assertFalse(self.exam.result_ids)
        # someone else's result is recorded as before
        other = Result.with_user(self.manager).create(
            {"session_id": self.exam.id, "employee_id": self.emp_committee.id, "score": 90}
        )
        self.assertTrue(other.passed)

    def test_own_sample_check_refused(self):
        Result = self.env["credit.training.result"].with_user(self.manager)
        with self.assertRaisesText(AccessError, "Nobody records their own exam result or sample"):
            Result.create(
                {"session_id": self.sample.id, "employee_id": self.emp_manager.id, "mastery": 90}
            )
        # a make-up exam of one's own failed exam neither
        failed = (
            self.env["credit.training.result"]
            .with_user(self.committee)
            .create({"session_id": self.exam.id, "employee_id": self.emp_manager.id, "score": 10})
        )
        with self.assertRaisesText(AccessError, "Nobody records their own exam result"):
            Result.create(
                {
                    "session_id": self.exam.id,
                    "employee_id": self.emp_manager.id,
                    "score": 95,
                    "makeup_of_id": failed.id,
                }
            )
        self.assertFalse(failed.makeup_ids)

    def test_own_attendance_refused(self):
        session = self.training.with_user(self.manager)
        for command in (
            Command.link(self.emp_manager.id),
            Command.set((self.emp_a | self.emp_manager).ids),
        ):
            with self.assertRaisesText(AccessError, "Nobody records their own attendance"):
                session.write({"attendee_ids": [command]})
        self.assertFalse(self.training.attendee_ids)
        # the form saves the same way
        form = Form(session)
        form.attendee_ids.add(self.emp_manager)
        with self.assertRaisesText(AccessError, "Nobody records their own attendance"):
            form.save()
        # nor takes their name off, once someone else recorded it
        self.training.with_user(self.committee).write(
            {"attendee_ids": [Command.set((self.emp_a | self.emp_manager).ids)]}
        )
        with self.assertRaisesText(AccessError, "Nobody records their own attendance"):
            session.write({"attendee_ids": [Command.unlink(self.emp_manager.id)]})
        with self.assertRaisesText(AccessError, "Nobody records their own attendance"):
            session.write({"attendee_ids": [Command.clear()]})
        # others' attendance as before
        session.write({"attendee_ids": [Command.link(self.emp_b.id)]})
        self.assertEqual(self.training.attendee_ids, self.emp_a | self.emp_b | self.emp_manager)
        # a new session listing oneself as attending
        with self.assertRaisesText(AccessError, "Nobody records their own attendance"):
            self.env["credit.training.session"].with_user(self.committee).create(
                {
                    "name": "Self-attended",
                    "session_type": "integrity",
                    "date": "2025-06-01",
                    "company_id": self.company.id,
                    "invited_ids": [Command.set(self.everyone.ids)],
                    "attendee_ids": [Command.set(self.emp_committee.ids)],
                }
            )
        with self.assertRaisesText(AccessError, "Nobody records their own attendance"):
            self.env["credit.training.session"].with_user(self.committee).with_context(
                default_attendee_ids=self.emp_committee.ids
            ).create(
                {
                    "name": "Self-attended by default",
                    "session_type": "integrity",
                    "date": "2025-06-01",
                    "company_id": self.company.id,
                    "invited_ids": [Command.set(self.everyone.ids)],
                }
            )


@tagged("post_install", "-at_install", "credit_appraisal")
class TestAppraisalsKept(AppraisalCase):
    """23. An appraisal cannot be deleted once its period has generated appraisals; the
    lists cannot be submitted while an administrator of the register lacks an appraisal
    for the year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls.make_period(2025)

    def _complete_all(self):
        for appraisal in self.period.appraisal_ids.filtered(lambda a: a.state == "draft"):
            self.score_entered(appraisal, {"6.1": 10})
            appraisal.with_user(self.manager).action_submit()
            appraisal.with_user(self.manager).action_approve()

    def test_generated_appraisal_not_deleted(self):
        # an appraisal opened by hand before the year's generation may still go
        manual = (
            self.env["credit.appraisal"]
            .with_user(self.manager)
            .create({"period_id": self.period.id, "administrator_id": self.admin_a.id})
        )
        manual.with_user(self.manager).unlink()
        self.period.with_user(self.manager).action_generate_appraisals()
        self.assertTrue(self.period.date_generated)
        appraisal = self.period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_b)
        self.assertEqual(appraisal.state, "draft")
        with self.assertRaisesText(UserError, "were generated"):
            appraisal.with_user(self.manager).unlink()
        with self.assertRaisesText(UserError, "were generated"):
            appraisal.with_user(self.committee).unlink()
        self.assertTrue(appraisal.exists())
        # the generation date is the flow's
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.period.with_user(self.manager).write({"date_generated": False})

    def test_lists_wait_for_every_administrator(self):
        self.period.with_user(self.manager).action_generate_appraisals()
        # registered in the year, after the appraisals were opened
        employee = self.env["hr.employee"].create(
            {"name": "Late Admin", "company_id": self.company.id}
        )
        late = self.env["credit.administrator"].create(
            {
                "employee_id": employee.id,
                "company_id": self.company.id,
                "date_start": "2025-11-02",
                "department_ids": [Command.set(self.dept_3.ids)],
            }
        )
        self._complete_all()
        with self.assertRaisesText(UserError, "without an appraisal for 2025: Late Admin"):
            self.period.with_user(self.manager).action_submit_lists()
        self.assertEqual(self.period.state, "open")
        # opening the missing appraisal lets the lists go once it is approved
        self.assertEqual(self.period.with_user(self.manager).action_generate_appraisals(), 1)
        self.assertEqual(
            self.period.appraisal_ids.administrator_id, self.admin_a | self.admin_b | late
        )
        self._complete_all()
        self.period.with_user(self.manager).action_submit_lists()
        self.assertEqual(self.period.state, "submitted")

    def test_lists_wait_for_appraisals_not_generated(self):
        """Before generating, a manual appraisal only: the others are still missing."""
        (
            self.env["credit.appraisal"]
            .with_user(self.manager)
            .create({"period_id": self.period.id, "administrator_id": self.admin_a.id})
        )
        self.period.with_user(self.manager).action_recompute()
        self._complete_all()
        with self.assertRaisesText(UserError, "without an appraisal for 2025: Admin B"):
            self.period.with_user(self.manager).action_submit_lists()


@tagged("post_install", "-at_install", "credit_appraisal")
class TestPrivateNotesDeletion(AppraisalCase):
    """24. Private notes: only their author deletes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        period = cls.make_period(2025)
        period.with_user(cls.manager).action_generate_appraisals()
        cls.appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal.with_user(cls.manager).write(
            {"assessor_ids": [Command.set((cls.assessor | cls.user_b).ids)]}
        )

    def test_only_the_author_deletes(self):
        Note = self.env["credit.appraisal.note"]
        note = Note.with_user(self.assessor).create(
            {"appraisal_id": self.appraisal.id, "body": "Ledger kept on paper"}
        )
        for user in (self.manager, self.committee, self.user_b):
            with self.assertRaisesText(AccessError, "Only its author may delete a private note"):
                note.with_user(user).unlink()
            self.assertTrue(note.exists())
        # through the appraisal form's list of notes neither
        with self.assertRaisesText(AccessError, "Only its author may delete a private note"):
            self.appraisal.with_user(self.manager).write({"note_ids": [Command.delete(note.id)]})
        self.assertTrue(note.exists())
        note.with_user(self.assessor).unlink()
        self.assertFalse(note.exists())
        # the manager deletes their own
        own = Note.with_user(self.manager).create({"appraisal_id": self.appraisal.id, "body": "x"})
        own.with_user(self.manager).unlink()
        self.assertFalse(own.exists())


@tagged("post_install", "-at_install", "credit_appraisal")
class TestListsAndQualificationConfidential(AppraisalCase):
    """25. Award and disqualification names are not posted where every employee reads
    them; qualification events and their reasons are read by HR, the credit manager and
    the legal representative only, not by fellow administrators."""

    def _period_messages(self, period, user):
        return (
            self.env["mail.message"]
            .with_user(user)
            .search([("model", "=", period._name), ("res_id", "=", period.id)])
        )

    def test_list_names_not_in_the_chatter(self):
        # a first failure disqualifies in this company
        self.company.credit_revoke_after_failures = 1
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal_a = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        appraisal_b = period.appraisal_ids - appraisal_a
        # Admin A excellent (award), Admin B failing (the second time: disqualified)
        self.score_entered(
            appraisal_a, self.full(appraisal_a) | {"2.4": 6, "3.2": 6, "3.4": 6, "4.2": 4, "6.1": 9}
        )
        appraisal_b.line_ids.filtered("compute_method").sudo().write(
            {"score": 0, "date_computed": "2025-12-31 10:00:00"}
        )
        appraisal_b._update_totals()
        self.score_entered(appraisal_b, {})
        for appraisal in period.appraisal_ids:
            appraisal.with_user(self.manager).action_submit()
            appraisal.with_user(self.manager).action_approve()
        period.with_user(self.manager).action_submit_lists()
        self.assertEqual(period.award_ids, appraisal_a)
        self.assertEqual(period.disqualification_ids, appraisal_b)
        period.with_user(self.committee).action_approve_lists()
        # every employee reads the period and its chatter (each in a request of their own)
        self.env.invalidate_all()
        messages = self._period_messages(period, self.plain)
        self.assertTrue(messages)
        bodies = " ".join(str(body) for body in messages.mapped("body"))
        self.assertIn("approved by", bodies)
        for name in ("Admin A", "Admin B"):
            self.assertNotIn(name, bodies)
        for user in (self.plain, self.user_a, self.assessor):
            self.env.invalidate_all()
            lists = period.with_user(user).read(["award_ids", "disqualification_ids"])[0]
            self.assertNotIn(appraisal_b.id, lists["disqualification_ids"], user.login)
        # the disqualified person reads their own line of it
        self.env.invalidate_all()
        lists = period.with_user(self.user_b).read(["disqualification_ids"])[0]
        self.assertEqual(lists["disqualification_ids"], appraisal_b.ids)
        # the lists are read by those they are for
        self.env.invalidate_all()
        self.assertEqual(period.with_user(self.hr_user).award_ids, appraisal_a)
        self.env.invalidate_all()
        self.assertEqual(period.with_user(self.committee).disqualification_ids, appraisal_b)

    def test_events_read_by_hr_manager_and_legal_representative(self):
        self.admin_a.with_user(self.manager).action_propose_revocation("Forged a seal use")
        event = self.admin_a.event_ids.filtered(lambda e: e.state == "pending")
        # a fellow administrator reads neither the event nor its reason
        with self.assertRaisesText(AccessError, "top-secret records"):
            event.with_user(self.user_b).read(["reason"])
        Event = self.env["credit.administrator.event"]
        self.assertFalse(Event.with_user(self.user_b).search([("employee_id", "=", self.emp_a.id)]))
        self.env.invalidate_all()
        self.assertFalse(self.admin_a.with_user(self.user_b).read(["event_ids"])[0]["event_ids"])
        # nor through the register's activities (they need the right to write it) or
        # its chatter
        activities = (
            self.env["mail.activity"]
            .with_user(self.user_b)
            .search([("res_model", "=", "credit.administrator"), ("res_id", "=", self.admin_a.id)])
        )
        self.assertFalse(activities)
        event.with_user(self.committee).action_approve()
        messages = self.admin_a.with_user(self.user_b).message_ids
        self.assertNotIn("Forged", " ".join(str(body) for body in messages.mapped("body")))
        # HR, the credit manager and the legal representative read it
        for user in (self.hr_user, self.manager, self.committee):
            self.assertEqual(event.with_user(user).reason, "Forged a seal use", user.login)
        # the person reads their own history
        self.assertEqual(event.with_user(self.user_a).reason, "Forged a seal use")


@tagged("post_install", "-at_install", "credit_appraisal")
class TestOwnRegisterEntry(OwnCase):
    """26. A manager cannot change their own register entry (departments covered,
    qualification)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Admin = cls.env["credit.administrator"]
        cls.own_manager = Admin.create(
            {
                "employee_id": cls.emp_manager.id,
                "company_id": cls.company.id,
                "date_start": "2020-01-01",
                "department_ids": [Command.set(cls.dept_1.ids)],
            }
        )
        cls.own_committee = Admin.create(
            {"employee_id": cls.emp_committee.id, "company_id": cls.company.id}
        )

    def test_own_entry_unchanged(self):
        entry = self.own_manager.with_user(self.manager)
        for vals in (
            {"department_ids": [Command.set((self.dept_1 | self.dept_2 | self.dept_3).ids)]},
            {"employment": "part_time"},
            {"date_start": "2024-01-01"},
            {"active": False},
        ):
            with self.assertRaisesText(AccessError, "Nobody changes their own register entry"):
                entry.write(vals)
        self.assertEqual(self.own_manager.department_ids, self.dept_1)
        self.assertTrue(self.own_manager.active)
        # through the form as well
        form = Form(entry)
        form.department_ids.add(self.dept_2)
        with self.assertRaisesText(AccessError, "Nobody changes their own register entry"):
            form.save()
        # the legal representative neither, theirs
        with self.assertRaisesText(AccessError, "Nobody changes their own register entry"):
            self.own_committee.with_user(self.committee).write(
                {"department_ids": [Command.set(self.dept_3.ids)]}
            )
        # another credit manager may
        self.own_manager.with_user(self.committee).write(
            {"department_ids": [Command.set((self.dept_1 | self.dept_2).ids)]}
        )
        self.assertEqual(self.own_manager.department_ids, self.dept_1 | self.dept_2)

    def test_own_qualification_unchanged(self):
        with self.assertRaisesText(AccessError, "set by its workflow"):
            self.own_committee.with_user(self.committee).write({"qualification_state": "revoked"})
        with self.assertRaisesText(AccessError, "Nobody changes their own register entry"):
            self.own_manager.with_user(self.manager).action_propose_revocation("self")
        # revoked on the manager's proposal and the legal representative's approval...
        self.own_committee.with_user(self.manager).action_propose_revocation("Misused a seal")
        event = self.own_committee.event_ids.filtered(lambda e: e.state == "pending")
        with self.assertRaisesText(AccessError, "Nobody may decide on the revocation of their own"):
            event.with_user(self.committee).action_approve()
        with self.assertRaisesText(AccessError, "Nobody changes the record of their own"):
            event.with_user(self.committee).write({"reason": "nothing happened"})
        event.sudo()._guard_sudo("write").write({"state": "done"})
        self.own_committee.sudo().write({"qualification_state": "revoked"})
        # ...the legal representative does not reinstate themselves
        with self.assertRaisesText(AccessError, "Nobody changes their own register entry"):
            self.own_committee.with_user(self.committee).action_reinstate()
        self.assertEqual(self.own_committee.qualification_state, "revoked")

    def test_nobody_registers_themselves(self):
        self.own_manager.sudo().unlink()
        with self.assertRaisesText(AccessError, "Nobody registers themselves"):
            self.env["credit.administrator"].with_user(self.manager).create(
                {"employee_id": self.emp_manager.id, "company_id": self.company.id}
            )
        with self.assertRaisesText(AccessError, "Nobody registers themselves"):
            self.env["credit.administrator"].with_user(self.manager).with_context(
                default_employee_id=self.emp_manager.id
            ).create({"company_id": self.company.id})

    def test_person_of_an_entry_fixed(self):
        """Whose entry it is cannot be rewritten: the appraisals and history hang on it."""
        with self.assertRaisesText(UserError, "Employee can no longer be changed"):
            self.admin_a.with_user(self.manager).write({"employee_id": self.emp_manager.id})
        self.assertEqual(self.admin_a.employee_id, self.emp_a)


@tagged("post_install", "-at_install", "credit_appraisal")
class TestButtons(OwnCase):
    """Issue 22 item 1: the object buttons no other test calls, as a user of their groups,
    the returned actions opened as the web client does."""

    @freeze_time("2025-06-10")
    def test_session_results_button_opens_a_result_form(self):
        session = self.make_session("Contract law", "legal", "2025-03-10")
        action = session.with_user(self.manager).action_view_results()
        self.assertEqual(action["res_model"], "credit.training.result")
        Result = self.env[action["res_model"]].with_user(self.manager)
        form = Form(Result.with_context(**action["context"]))
        form.employee_id = self.emp_a
        form.score = 55
        result = form.save()
        self.assertEqual(result.session_id, session)
        self.assertFalse(result.passed)
        self.assertEqual(Result.search(action["domain"]), result)
        # the fee it cost: HR records the payment, then takes it back
        fee = result.fee_id.with_user(self.hr_user)
        fee.action_mark_paid()
        self.assertTrue(fee.paid)
        fee.action_mark_unpaid()
        self.assertFalse(fee.paid)
        self.assertFalse(fee.date_paid)
        with self.assertRaisesText(UserError, "not paid"):
            fee.action_mark_unpaid()
        with self.assertRaisesText(AccessError, "Only HR or the credit manager"):
            result.fee_id.with_user(self.user_a).action_mark_unpaid()

    def test_nobody_records_the_payment_of_their_own_fee(self):
        session = self.make_session("Contract law", "legal", "2025-03-10", attendees=self.everyone)
        result = (
            self.env["credit.training.result"]
            .with_user(self.committee)
            .create({"session_id": session.id, "employee_id": self.emp_manager.id, "score": 1})
        )
        with self.assertRaisesText(AccessError, "their own fee or fine"):
            result.fee_id.with_user(self.manager).action_mark_paid()
        self.assertFalse(result.fee_id.paid)

    def test_register_and_employee_buttons(self):
        # the employee form is HR's: an HR officer with the credit roles opens it
        hr_officer = self.env["res.users"].create(
            {
                "name": "HR Officer",
                "login": "ca_hr_officer",
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "groups_id": [
                    Command.set(
                        (
                            self.env.ref("hr.group_hr_user")
                            | self.env.ref("credit_appraisal.group_credit_hr")
                        ).ids
                    )
                ],
            }
        )
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        session = self.make_session("Integrity", "integrity", "2025-03-10", assessment="sample")
        self.env["credit.training.result"].with_user(self.manager).create(
            {"session_id": session.id, "employee_id": self.emp_a.id, "mastery": 10}
        )
        self.manager.groups_id |= self.env.ref("hr.group_hr_user")
        for user in (hr_officer, self.manager):
            action = self.admin_a.with_user(user).action_view_appraisals()
            found = self.env[action["res_model"]].with_user(user).search(action["domain"])
            self.assertEqual(found.employee_id, self.emp_a, user.login)
            employee = self.emp_a.with_user(user)
            for action, model, expected in (
                (employee.action_view_credit_trainings(), "credit.training.session", session),
                (employee.action_view_credit_appraisals(), "credit.appraisal", found),
                (
                    employee.action_view_credit_fees(),
                    "credit.training.fee",
                    self.emp_a.credit_fee_ids,
                ),
            ):
                self.assertEqual(action["res_model"], model)
                records = self.env[model].with_user(user).search(action["domain"])
                self.assertEqual(records, expected, f"{model} as {user.login}")
                self.assertTrue(records)

    def test_appraisal_recompute_button(self):
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        (summary,) = appraisal.with_user(self.manager).action_recompute()
        self.assertEqual(summary["appraisals"], 2)
        self.assertTrue(period.date_recomputed)
        with self.assertRaisesText(AccessError, "Only the credit manager runs"):
            appraisal.with_user(self.user_a).action_recompute()

    def test_reinstate_button_without_reason(self):
        self.admin_b.with_user(self.manager).action_propose_revocation("Suspicion")
        self.admin_b.event_ids.filtered(lambda e: e.state == "pending").with_user(
            self.committee
        ).action_approve()
        self.assertEqual(self.admin_b.qualification_state, "revoked")
        # the button passes no argument
        self.admin_b.with_user(self.committee).action_reinstate()
        self.assertEqual(self.admin_b.qualification_state, "qualified")
        self.assertEqual(self.admin_b.event_ids[0].kind, "reinstated")
        with self.assertRaisesText(AccessError, "Only the legal representative"):
            self.admin_b.with_user(self.manager).action_reinstate()
