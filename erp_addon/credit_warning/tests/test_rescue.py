"""Rescue cases (挽救): opened from a warning, the action plan and its tasks, the limit
reduced or frozen through the credit application, closed by a credit manager with its
outcome and conclusion; the state machine through its methods only."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, WarningCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestRescue(WarningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rescue = cls.env["credit.rescue"]
        cls.only_rules_cls("limit_usage", "warning_list")
        cls.set_limit(cls.customer, 1000)
        cls.invoice(cls.customer, 950, "2026-06-01", "2026-07-01")
        cls.customer.credit_legal_representative = "Zhao Gang"
        cls.env["credit.warning.entry"].create(
            {"name": "Zhao Gang", "entry_type": "person", "reason": "Court list"}
        )
        cls.run_warning()

    @classmethod
    def only_rules_cls(cls, *types):
        rules = cls.Rule.search([("company_id", "=", cls.company.id)])
        rules.filtered(lambda r: r.signal_type not in types).active = False

    def new_case(self, user=None):
        """A case opened from the customer's form as the web client does."""
        user = user or self.analyst
        action = self.customer.with_user(user).action_credit_open_rescue()
        form = Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))
        form.situation = "Usage at 95 %, its legal representative on the court list."
        return form.save()

    def add_action(self, case, action_type, user=None, **values):
        return (
            self.env["credit.rescue.action"]
            .with_user(user or self.analyst)
            .create(
                {
                    "rescue_id": case.id,
                    "action_type": action_type,
                    "name": values.pop("name", action_type),
                    "user_id": values.pop("owner", self.analyst).id,
                    "date_deadline": values.pop("deadline", "2026-06-30"),
                    **values,
                }
            )
        )

    def test_opened_from_the_warning(self):
        case = self.new_case()
        self.assertEqual(case.partner_id, self.customer)
        self.assertEqual(
            (case.state, case.warning_level, case.warning_score), ("draft", "warning", 6.0)
        )
        self.assertEqual(
            sorted(case.signal_ids.mapped("signal_type")), ["limit_usage", "warning_list"]
        )
        self.assertTrue(case.name.startswith("RS/"))
        self.assertEqual(self.customer.with_user(self.analyst).credit_rescue_count, 1)
        # the customer's smart button lists its cases
        action = self.customer.with_user(self.salesman).action_credit_view_rescues()
        self.assertEqual(self.Rescue.with_user(self.salesman).search(action["domain"]), case)

    def test_no_case_without_a_warning(self):
        with self.assertRaisesExact(
            UserError,
            "Steady Trading Ltd has no early warning: a rescue case is opened from a warning.",
        ):
            self.Rescue.with_user(self.analyst).create({"partner_id": self.customer_2.id})

    def test_flow_to_closed(self):
        case = self.new_case()
        with self.assertRaisesExact(UserError, "has no action plan: add at least one action."):
            case.with_user(self.analyst).action_open()
        prepay = self.add_action(
            case, "prepayment", owner=self.salesman, name="Cash before delivery"
        )
        reduce = self.add_action(case, "reduce_limit", new_limit=600, name="Limit to 600")
        case.with_user(self.analyst).action_open()
        self.assertEqual(case.state, "open")
        # each owner has the task, with its deadline
        self.assertEqual(prepay.activity_id.user_id, self.salesman)
        self.assertEqual(prepay.activity_id.summary, "Require prepayment: Cash before delivery")
        self.assertEqual(str(reduce.activity_id.date_deadline), "2026-06-30")
        # the limit through credit_management's limit change: a draft application
        action = reduce.with_user(self.analyst).action_request_limit()
        application = reduce.application_id
        self.assertEqual(action["res_id"], application.id)
        self.assertEqual(
            (
                application.state,
                application.application_type,
                application.requested_limit,
                application.requested_by_id,
            ),
            ("draft", "limit_change", 600.0, self.analyst),
        )
        with self.assertRaisesExact(
            UserError, "it is done once its credit application is approved"
        ):
            reduce.with_user(self.analyst).action_done()
        application.with_user(self.analyst).action_submit()
        self.open_dialog(
            application.with_user(self.manager).action_approve(), self.manager, note="Rescue"
        ).action_confirm()
        self.assertEqual(application.state, "approved")
        self.assertEqual(self.customer.with_company(self.company).credit_limit, 600.0)
        reduce.with_user(self.analyst).action_done()
        prepay.with_user(self.salesman).action_done()
        self.assertEqual((reduce.state, prepay.state), ("done", "done"))
        self.assertFalse(prepay.activity_id, "the task's activity is gone once done")
        # closing: a credit manager, with an outcome and a conclusion
        with self.assertRaisesExact(AccessError, "Only a credit manager may close a rescue case."):
            case.with_user(self.analyst).action_close()
        with self.assertRaisesExact(UserError, "needs its outcome and a conclusion to be closed."):
            case.with_user(self.manager).action_close()
        with self.assertRaisesExact(AccessError, "You may not change Outcome of Rescue Case."):
            case.with_user(self.analyst).outcome = "recovered"
        case.with_user(self.manager).write({"outcome": "recovered", "conclusion": "Paid down."})
        case.with_user(self.manager).action_close()
        self.assertEqual((case.state, case.closed_by_id), ("closed", self.manager))
        with self.assertRaisesExact(UserError, "can no longer be changed."):
            case.with_user(self.manager).conclusion = "Rewritten"
        with self.assertRaisesExact(UserError, "its action plan can no longer be changed."):
            self.add_action(case, "legal", user=self.manager)
        with self.assertRaisesExact(UserError, "is a record of a decision"):
            case.with_user(self.manager).unlink()

    def test_close_needs_the_plan_done(self):
        case = self.new_case()
        legal = self.add_action(case, "legal", name="Lawyer's letter")
        case.with_user(self.analyst).action_open()
        case.with_user(self.manager).write({"outcome": "written_off", "conclusion": "Gone."})
        with self.assertRaisesExact(UserError, "still has 1 actions to do"):
            case.with_user(self.manager).action_close()
        legal.with_user(self.analyst).action_cancel()
        case.with_user(self.manager).action_close()
        self.assertEqual(case.outcome, "written_off")

    def test_freeze_applies_for_what_is_owed(self):
        case = self.new_case()
        freeze = self.add_action(case, "freeze_limit", name="Freeze")
        freeze.with_user(self.analyst).action_request_limit()
        self.assertEqual(freeze.application_id.requested_limit, 950.0)

    def test_state_by_methods_only(self):
        case = self.new_case()
        with self.assertRaisesExact(AccessError, "is set by its workflow, not by hand"):
            case.with_user(self.manager).state = "closed"
        with self.assertRaisesExact(AccessError, "is set by its workflow, not by hand"):
            self.Rescue.with_user(self.analyst).create(
                {"partner_id": self.customer.id, "state": "open"}
            )
        with self.assertRaisesExact(AccessError, "Only a credit manager may cancel a rescue case."):
            case.with_user(self.analyst).action_cancel()
        case.with_user(self.manager).action_cancel()
        self.assertEqual(case.state, "cancelled")
        # a draft case may go; a decided one stays
        draft = self.new_case()
        draft.with_user(self.manager).unlink()
        with self.assertRaisesExact(UserError, "is a record of a decision"):
            case.with_user(self.manager).unlink()

    def test_bad_action_input(self):
        case = self.new_case()
        with self.assertRaisesExact(UserError, "Reducing the limit needs the new limit."):
            self.add_action(case, "reduce_limit")
        with self.assertRaisesExact(UserError, "A rescue action's new limit cannot be negative."):
            self.add_action(case, "reduce_limit", new_limit=-5)
        self.assertFalse(case.action_ids)

    def test_task_owner_marks_it(self):
        case = self.new_case()
        task = self.add_action(
            case, "guarantee", owner=self.collector, name="Guarantee from parent"
        )
        case.with_user(self.analyst).action_open()
        with self.assertRaisesExact(
            UserError, "Only the owner of Guarantee from parent or a credit analyst may mark it."
        ):
            task.with_user(self.collector_2).action_done()
        task.with_user(self.collector).action_done()
        self.assertEqual(task.state, "done")
        with self.assertRaisesExact(UserError, "is a record of a decision"):
            task.with_user(self.analyst).unlink()
