"""The generic guard walk over credit_supplier's guarded models: evaluations in every
state and their factors."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import TODAY, SupplierCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, SupplierCase):
    guard_modules = ("credit_supplier",)

    @classmethod
    def _guard_samples(cls):
        draft = cls.evaluation()
        draft.action_compute_figures()
        submitted = cls.evaluation()
        submitted.action_compute_figures()
        submitted.action_submit()
        signed = cls.evaluation()
        signed.action_compute_figures()
        signed.action_submit()
        cls.decide(signed, cls.signer, "approve", "OK")
        cancelled = cls.evaluation()
        cancelled.action_cancel()
        return {
            "credit.supplier.evaluation": draft | submitted | signed | cancelled,
            "credit.supplier.evaluation.line": draft.line_ids[:1] | signed.line_ids[:1],
        }

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.supplier.evaluation"].mapped("state"),
            ["draft", "submitted", "signed", "cancelled"],
        )
