"""The generic guard walk over credit_restructuring's guarded models (credit.guard.mixin):
the agreements and their instalments, in every state that locks something."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import RestructuringCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, RestructuringCase):
    guard_modules = ("credit_restructuring",)

    @classmethod
    def _guard_samples(cls):
        def agreement(amount):
            inv = cls.make_invoice(cls.debtor, amount, due="2026-05-01")
            return cls.create_agreement(
                inv, [("2026-07-01", amount / 2), ("2026-08-01", amount / 2)]
            )

        def decide(record, decision):
            record.with_user(cls.manager)._action_decide(decision, "Walk")

        draft = agreement(1000)
        submitted = agreement(2000)
        refused = agreement(3000)
        active = agreement(4000)
        breached = agreement(5000)
        for record in submitted | refused | active | breached:
            record.with_user(cls.collector).action_submit()
        decide(refused, "refuse")
        decide(active, "approve")
        decide(breached, "approve")
        breached.sudo()._breach(breached.instalment_ids[0], breached.date)
        cancelled = agreement(600)
        cancelled.with_user(cls.collector).action_cancel()
        records = draft | submitted | refused | active | cancelled | breached
        # spare invoices for the creates of the walk (an invoice is in one agreement)
        cls.spare = cls.make_invoice(cls.debtor, 700, due="2026-05-01")
        return {
            "credit.restructuring": records,
            "credit.restructuring.instalment": records.instalment_ids,
        }

    def _guard_create_vals(self, record):
        vals = super()._guard_create_vals(record)
        if record._name == "credit.restructuring":
            vals["move_ids"] = [(6, 0, self.spare.ids)]
            vals.pop("instalment_ids", None)
        return vals

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.restructuring"].mapped("state"),
            ["draft", "submitted", "refused", "active", "cancelled", "breached"],
        )
