from odoo.tests import tagged

from ..hooks import uninstall_hook
from .common import ProspectCoverCase


@tagged("post_install", "-at_install")
class TestProspectCover(ProspectCoverCase):
    """With the guarantees add-on, available credit counts the active cover backing a
    customer (limit + cover - exposure) and a guarantor's contingent liability (in its
    exposure): the same figures as the credit check's."""

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
