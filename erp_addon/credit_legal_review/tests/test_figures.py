from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import LegalReviewCase


@tagged("post_install", "-at_install")
class TestLegalReviewFigures(LegalReviewCase):
    """The ledger's statistics of the period, counted set-based; frozen when submitted."""

    def test_period_figures_frozen_on_submit(self):
        before = self.signed_on("2026-03-20", title="First quarter")
        on_time = self.signed_on("2026-04-10", title="On time", amount=100_000)
        self.register_on(on_time, "2026-04-12")
        late = self.signed_on("2026-05-05", title="Late", amount=50_000)
        self.register_on(late, "2026-05-20")
        unregistered = self.signed_on("2026-06-01", title="Unregistered", amount=20_000)
        recent = self.signed_on("2026-06-29", title="Signed at the end", amount=30_000)
        with freeze_time("2026-05-10"):
            failing = self.make_contract(title="Failing")
            failing.with_user(self.salesman).action_submit_review()
            failing.review_line_ids[0].with_user(self.admin_1).action_fail()
            self.override(failing, "The counterparty's licence is being renewed")
        self.dispute_on(on_time, "2026-06-01")
        self.dispute_on(before, "2026-03-25")
        self.seal_use_on(late, "2026-05-06")
        with freeze_time("2026-07-02"):
            review = self.make_review()
            expected = {
                "contract_signed_count": 4,
                "contract_signed_amount": 200_000.0,
                "review_failed_count": 1,
                "override_count": 1,
                "dispute_count": 1,
                # late: registered after 7 days, and not registered 29 days on; the contract
                # signed on the 29th has until 6 July
                "late_registration_count": 2,
                "invalid_count": 0,
                "state": "draft",
            }
            self.assertRecordValues(review, [expected])
            # seal uses: one logged when each contract was signed, and the one added
            signing_uses = (on_time | late | unregistered | recent).seal_use_ids
            self.assertEqual(
                review.seal_use_count,
                len(signing_uses.filtered(lambda u: u.date.month in (4, 5, 6))),
            )
            review.with_user(self.admin_1).action_submit()
            self.assertEqual(review.state, "submitted")
            self.assertEqual(review.submitted_by_id, self.admin_1)
            # what happens after the submission no longer changes the review
            self.dispute_on(late, "2026-06-15")
            review.invalidate_recordset()
            self.assertEqual(review.dispute_count, 1)
            review.with_user(self.legal_rep).action_return()
            review.with_user(self.admin_1).action_refresh()
            self.assertEqual(review.dispute_count, 2)

    def test_figures_set_based(self):
        """Reviews of several companies and periods are counted with a fixed number of
        queries, whatever their number."""
        other = self.env["res.company"].create({"name": "Second Co"})
        Review = self.env["credit.legal.review"].sudo()
        with freeze_time("2026-07-02"):
            one = Review.create(
                {"company_id": self.company.id, "date_from": "2026-04-01", "date_to": "2026-06-30"}
            )
            with self.assertQueryCount(30):
                many = Review.create(
                    [
                        {"company_id": company.id, "date_from": start, "date_to": end}
                        for company in (self.company, other)
                        for start, end in (
                            ("2026-01-01", "2026-03-31"),
                            ("2026-05-01", "2026-05-31"),
                        )
                    ]
                )
        self.assertEqual(len(many), 4)
        self.assertTrue(one.figures_date)
