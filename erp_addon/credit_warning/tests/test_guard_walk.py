"""The generic guard walk over credit_warning's guarded models: rescue cases and their
actions in every state, signals (in force and ended) and the level history."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import TODAY, WarningCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, WarningCase):
    guard_modules = ("credit_warning",)

    @classmethod
    def _guard_samples(cls):
        rules = cls.Rule.search([("company_id", "=", cls.company.id)])
        rules.filtered(
            lambda r: r.signal_type not in ("limit_usage", "warning_list")
        ).active = False
        cls.set_limit(cls.customer, 1000)
        invoice = cls.invoice(cls.customer, 950, "2026-06-01", "2026-07-01")
        cls.customer.credit_legal_representative = "Zhao Gang"
        cls.env["credit.warning.entry"].create(
            {"name": "Zhao Gang", "entry_type": "person", "reason": "Court list"}
        )
        cls.run_warning("2026-06-14")
        cls.pay(invoice, 950, "2026-06-14")
        cls.run_warning()  # the usage signal ends
        Rescue = cls.env["credit.rescue"].with_user(cls.analyst)
        Action = cls.env["credit.rescue.action"].with_user(cls.analyst)

        def case(*actions):
            rescue = Rescue.create({"partner_id": cls.customer.id, "situation": "Court list"})
            for action_type in actions:
                Action.create(
                    {
                        "rescue_id": rescue.id,
                        "action_type": action_type,
                        "name": action_type,
                        "user_id": cls.analyst.id,
                        "date_deadline": "2026-06-30",
                    }
                )
            return rescue

        draft = case("prepayment")
        opened = case("legal", "guarantee", "other")
        opened.action_open()
        todo, done, cancelled = opened.action_ids
        done.action_done()
        cancelled.action_cancel()
        closed = case("prepayment")
        closed.action_open()
        closed.action_ids.action_done()
        closed.with_user(cls.manager).write({"outcome": "recovered", "conclusion": "Paid"})
        closed.with_user(cls.manager).action_close()
        gone = case()
        gone.with_user(cls.manager).action_cancel()
        Signal = cls.env["credit.warning.signal"].with_context(active_test=False)
        signals = Signal.search([("partner_id", "=", cls.customer.id)])
        assert sorted(signals.mapped("active")) == [False, True], signals
        return {
            "credit.rescue": draft | opened | closed | gone,
            "credit.rescue.action": draft.action_ids | todo | done | cancelled,
            "credit.warning.signal": signals,
            "credit.warning.history": cls.customer.credit_warning_history_ids,
        }

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.rescue"].mapped("state"), ["draft", "open", "closed", "cancelled"]
        )
        self.assertEqual(
            self.samples["credit.rescue.action"].mapped("state"),
            ["todo", "todo", "done", "cancelled"],
        )
        self.assertEqual(len(self.samples["credit.warning.history"]), 2)
