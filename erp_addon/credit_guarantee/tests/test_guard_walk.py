"""The generic guard walk over credit_guarantee's guarded model (credit.guard.mixin):
guarantees in every state that locks something, and their valuations (every field the
flow's, none deleted) applied, awaiting approval and refused."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import GuaranteeCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, GuaranteeCase):
    guard_modules = ("credit_guarantee",)

    @classmethod
    def _guard_samples(cls):
        draft = cls.make_guarantee(1_000)
        to_approve = cls.make_guarantee(2_000)
        to_approve.action_submit()
        active = cls.activate(cls.make_guarantee(3_000, kind="guarantee"))
        released = cls.activate(cls.make_guarantee(4_000))
        released.with_user(cls.analyst).action_request_release()
        released.with_user(cls.manager)._action_decide("approve", "paid")
        refused = cls.make_guarantee(5_000)
        refused.action_submit()
        refused.with_user(cls.manager)._action_decide("refuse", "no")
        mortgage = cls.activate(cls.make_guarantee(6_000))
        lower = mortgage._record_valuation(5_000, 0.0, "2026-06-01", "评估报告")
        higher = mortgage._record_valuation(7_000, 0.0, "2026-06-10", "复评")
        higher.with_user(cls.manager)._action_decide("refuse", "no")
        pending = mortgage._record_valuation(8_000, 0.0, "2026-06-15", "复评")
        return {
            "credit.guarantee": draft | to_approve | active | released | refused,
            "credit.guarantee.valuation": lower | higher | pending,
        }

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.guarantee"].mapped("state"),
            ["draft", "to_approve", "active", "released", "refused"],
        )
        self.assertEqual(
            self.samples["credit.guarantee.valuation"].mapped("state"),
            ["applied", "refused", "to_approve"],
        )
