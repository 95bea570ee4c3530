import logging
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from ..models.credit_legal_review_schedule import period_before
from .common import LegalReviewCase


@tagged("post_install", "-at_install")
class TestLegalReviewSchedule(LegalReviewCase):
    def test_period_before(self):
        day = self.today().replace(month=7, day=2)
        self.assertEqual(
            [d.isoformat() for d in period_before(day, "quarter")], ["2026-04-01", "2026-06-30"]
        )
        self.assertEqual(
            [d.isoformat() for d in period_before(day, "month")], ["2026-06-01", "2026-06-30"]
        )
        self.assertEqual(
            [d.isoformat() for d in period_before(day, "half")], ["2026-01-01", "2026-06-30"]
        )
        self.assertEqual(
            [d.isoformat() for d in period_before(day, "year")], ["2025-01-01", "2025-12-31"]
        )

    @freeze_time("2026-07-02")
    def test_cron_creates_once_and_skips_failing_companies(self):
        Review = self.env["credit.legal.review"]
        self.env["res.company"].search([]).credit_legal_review_period = "none"
        self.company.credit_legal_review_period = "quarter"
        failing = self.env["res.company"].create(
            {"name": "Failing Co", "credit_legal_review_period": "month"}
        )
        original = type(Review)._legal_compute_figures

        def compute(reviews):
            if failing in reviews.company_id:
                raise ValueError("broken ledger")
            return original(reviews)

        with (
            patch.object(type(Review), "_legal_compute_figures", compute),
            self.assertLogs(
                "odoo.addons.credit_legal_review.models.credit_legal_review_schedule",
                logging.ERROR,
            ),
        ):
            created = Review._cron_create_reviews()
        self.assertRecordValues(
            created,
            [
                {
                    "company_id": self.company.id,
                    "state": "draft",
                    "date_to": self.today().replace(month=6, day=30),
                }
            ],
        )
        self.assertFalse(Review.sudo().search([("company_id", "=", failing.id)]))
        # the next run catches up with the company that failed, and only with it
        self.assertRecordValues(
            Review._cron_create_reviews(),
            [{"company_id": failing.id, "date_from": self.today().replace(month=6, day=1)}],
        )
        self.assertFalse(Review._cron_create_reviews(), "a period gets one review")
