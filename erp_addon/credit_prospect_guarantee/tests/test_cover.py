from odoo.tests import tagged

from odoo.addons.credit_prospect.tests.common import ProspectCase

from ..hooks import uninstall_hook


@tagged("post_install", "-at_install")
class TestProspectCover(ProspectCase):
    """With the guarantees add-on, available credit counts the active cover backing a
    customer (limit + cover - exposure) and a guarantor's contingent liability (in its
    exposure): the same figures as the credit check's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "credit_guarantee_cover_mode": "limit",
                "credit_guarantee_max_share": 50.0,
            }
        )
        # the good payer guarantees 10,000 of the late payer's credit
        guarantee = (
            cls.env["credit.guarantee"]
            .with_user(cls.analyst)
            .create(
                {
                    "partner_id": cls.slow.id,
                    "company_id": cls.company.id,
                    "kind": "guarantee",
                    "guarantor_id": cls.good.id,
                    "value": 10_000,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "valuation_date": "2026-01-01",
                }
            )
        )
        guarantee.with_user(cls.analyst).action_submit()
        guarantee.with_user(cls.manager)._action_decide("approve", "documents checked")
        cls.guarantee = guarantee

    def test_cover_counted_as_the_check_counts_it(self):
        self.assertEqual(self.guarantee.state, "active")
        partners = (self.slow | self.good).sudo()
        check = partners._credit_exposure_figures(self.company)
        slow, good = check[self.slow.id], check[self.good.id]
        self.assertGreater(slow["guarantee_cover"], 0)
        self.assertRecordValues(
            self.row(self.slow, self.seller),
            [
                {
                    "guarantee_cover": slow["guarantee_cover"],
                    "credit_limit": 100_000,
                    "exposure": 20_000,
                    # the check's limit with the cover, less its exposure
                    "available": slow["limit"] - slow["exposure"],
                }
            ],
        )
        self.assertEqual(self.row(self.slow).available, 80_000 + slow["guarantee_cover"])
        # the guarantor: its contingent liability is exposure
        self.assertEqual(good["guarantee_contingent"], 10_000)
        self.assertRecordValues(
            self.row(self.good),
            [{"guarantee_cover": 0, "exposure": 10_000, "available": 90_000}],
        )
        data = self.env["credit.prospect"].with_user(self.seller).credit_prospects(self.company.id)
        self.assertTrue(data["guarantees"])

    def test_uninstall_hook_restores_no_cover(self):
        uninstall_hook(self.env)
        self.assertRecordValues(self.row(self.slow), [{"guarantee_cover": 0, "available": 80_000}])
