"""The generic guard walk over credit_legal_review's reviews in every state."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import LegalReviewCase


@freeze_time("2026-07-02")
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, LegalReviewCase):
    guard_modules = ("credit_legal_review",)

    @classmethod
    def _guard_samples(cls):
        draft = cls.make_review("2026-04-01", "2026-06-30")
        submitted = cls.make_review("2026-01-01", "2026-03-31")
        submitted.with_user(cls.admin_1).action_submit()
        signed = cls.make_review("2026-05-01", "2026-05-31")
        signed.with_user(cls.admin_1).action_submit()
        signed.with_user(cls.legal_rep).opinion = "Agreed"
        signed.with_user(cls.legal_rep).action_sign()
        return {"credit.legal.review": draft | submitted | signed}

    def _guard_create_vals(self, record):
        # a copy would review the same period again (one review per period)
        vals = super()._guard_create_vals(record)
        vals.update(date_from="2026-02-01", date_to="2026-02-28")
        return vals

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.legal.review"].mapped("state"), ["draft", "submitted", "signed"]
        )
