from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ProspectCase


@tagged("post_install", "-at_install")
class TestRanking(ProspectCase):
    def test_figures_of_a_good_payer(self):
        """Payment behaviour of the last 12 months, growth against the 12 before, the
        check's exposure and the score from the company's weights."""
        self.assertRecordValues(
            self.row(self.good),
            [
                {
                    "kind": "customer",
                    "user_id": self.seller.id,
                    "grade_id": self.grade_a.id,
                    "credit_policy": "normal",
                    "credit_limit": 100_000,
                    "exposure": 0,
                    "overdue": 0,
                    "available": 100_000,
                    "paid_amount": 70_000,
                    "avg_days_late": 0,
                    "on_time_share": 100,
                    "sales_12m": 70_000,
                    "sales_prev_12m": 60_000,
                    "sales_growth": 16.7,
                    # 30 + 25 + 15 + 15 of the grade, on time, days late, available;
                    # growth 0.5 + 16.7% / 2 of 15
                    "score": 93.8,
                    "good_payer": True,
                    # the limit raised by 20%
                    "proposed_limit": 120_000,
                    "can_propose": True,
                }
            ],
        )

    def test_figures_of_a_late_payer_and_a_prospect(self):
        self.assertRecordValues(
            self.row(self.slow),
            [
                {
                    "kind": "customer",
                    "exposure": 20_000,
                    "available": 80_000,
                    "paid_amount": 50_000,
                    "avg_days_late": 20,
                    "on_time_share": 0,
                    "sales_12m": 70_000,
                    "sales_prev_12m": 0,
                    # grade 30, days late 15 x (1 - 20/60), available 15 x 0.8, new sales 15
                    "score": 67.0,
                    "good_payer": False,
                    "can_propose": False,
                }
            ],
        )
        self.assertRecordValues(
            self.row(self.fresh),
            [
                {
                    "kind": "prospect",
                    "user_id": self.seller_2.id,
                    "grade_id": self.grade_b.id,
                    "credit_limit": 0,
                    "paid_amount": 0,
                    "sales_12m": 0,
                    # grade B: 50 of the top grade's 70
                    "score": 21.4,
                    "good_payer": False,
                }
            ],
        )
        # what cannot be measured is empty, not zero: the command says "—"
        data = self.env["credit.prospect"].credit_prospects(self.company.id)
        fresh = next(r for r in data["rows"] if r["partner_id"] == self.fresh.id)
        self.assertEqual(
            [fresh[k] for k in ("available", "avg_days_late", "on_time_share", "sales_growth")],
            [None, None, None, None],
        )

    def test_ranked_by_score(self):
        rows = self.rows(partners=self.good | self.slow | self.fresh)
        self.assertEqual(rows.partner_id, self.good | self.slow | self.fresh)
        self.assertEqual(rows.mapped("score"), sorted(rows.mapped("score"), reverse=True))

    def test_weights_per_company(self):
        """Only growth counts: the late payer's new sales rank it first."""
        self.company.write(
            {
                "credit_prospect_weight_grade": 0,
                "credit_prospect_weight_on_time": 0,
                "credit_prospect_weight_days_late": 0,
                "credit_prospect_weight_available": 0,
                "credit_prospect_weight_growth": 1,
            }
        )
        rows = self.rows(partners=self.good | self.slow | self.fresh)
        self.assertEqual(rows.partner_id, self.slow | self.good | self.fresh)
        self.assertEqual(rows.mapped("score"), [100.0, 58.3, 0.0])

    def test_weights_checked(self):
        with self.assertRaisesExact(ValidationError, "at least one must be greater than zero"):
            self.company.write(
                {
                    "credit_prospect_weight_grade": 0,
                    "credit_prospect_weight_on_time": 0,
                    "credit_prospect_weight_days_late": 0,
                    "credit_prospect_weight_available": 0,
                    "credit_prospect_weight_growth": 0,
                }
            )
        with self.assertRaisesExact(ValidationError, "may not be negative"):
            self.company.credit_prospect_weight_grade = -1
        with self.assertRaisesExact(ValidationError, "between 0 and 100%"):
            self.company.credit_prospect_good_min_on_time = 120

    def test_good_payer_rule(self):
        """The company's thresholds decide; anything overdue or a grade that does not sell
        on credit takes the flag away."""
        self.company.credit_prospect_good_max_days_late = 25
        self.company.credit_prospect_good_min_on_time = 0
        self.assertTrue(self.row(self.slow).good_payer)
        self.company.credit_prospect_good_min_on_time = 50
        self.assertFalse(self.row(self.slow).good_payer)
        self.invoice(self.good, 1_000, "2026-05-01", "2026-06-01")
        self.assertRecordValues(
            self.row(self.good), [{"overdue": 1_000, "good_payer": False, "can_propose": False}]
        )

    def test_proposal_capped_by_grade_and_raised_by_sales(self):
        # two months of the last 12 months' sales when more than the raise
        self.company.credit_prospect_raise_percent = 5
        self.set_limit(self.good, 10_000)
        self.assertEqual(self.row(self.good).proposed_limit, 12_000)
        # at most the grade's maximum limit: nothing to propose at the maximum
        self.grade_a.max_credit_limit = 100_000
        self.set_limit(self.good, 100_000)
        self.assertRecordValues(
            self.row(self.good),
            [{"good_payer": True, "proposed_limit": 100_000, "can_propose": False}],
        )

    def test_one_query_whatever_the_number_of_customers(self):
        """The ranking is read in a fixed number of queries: set-based, not per row."""

        def read_ranking():
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            rows = self.env["credit.prospect"].search([])
            rows.mapped("score")
            return self.env.cr.sql_log_count - start, len(rows)

        read_ranking()  # warm up the caches of rules and fields
        queries, count = read_ranking()
        more = self.env["res.partner"].create(
            [{"name": f"Customer {n}", "is_company": True, "customer_rank": 1} for n in range(20)]
        )
        for partner in more[:5]:
            self.invoice(partner, 100, "2026-05-01", "2026-07-01")
        read_ranking()
        self.assertEqual(read_ranking(), (queries, count + 20))
        self.assertLessEqual(queries, 6)
