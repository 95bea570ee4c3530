from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_guarantee.models.res_partner import ResPartner as GuaranteePartner
from odoo.addons.credit_management.exceptions import CreditCheckBlocked

from .common import GuaranteeCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuaranteeCheck(GuaranteeCase):
    """The check counts active cover (limit + cover, or exposure - cover as the company
    sets), a guarantor's contingent liability, and stops counting cover on its end date."""

    def test_cover_adds_to_the_limit(self):
        order = self.make_order(self.customer, 14_000)
        with self.assertRaisesText(CreditCheckBlocked, "over the credit limit"):
            order.action_confirm()
        # 8,000 after a 20 % haircut: limit 10,000 + 8,000 = 18,000
        guarantee = self.activate(self.make_guarantee(10_000, haircut=20))
        fig = self.figures(self.customer)
        self.assertEqual((fig["limit"], fig["guarantee_cover"]), (18_000, 8_000))
        self.assertTrue(fig["guarantee_cover_in_limit"])
        partner = self.customer.with_user(self.manager)
        self.assertEqual(partner.credit_guarantee_cover, 8_000)
        self.assertEqual(partner.credit_limit_in_force, 18_000)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        # the message says what the cover did
        second = self.make_order(self.customer, 5_000)
        with self.assertRaisesText(
            CreditCheckBlocked,
            "Guarantees: active guarantee cover of",
        ) as caught:
            second.action_confirm()
        self.assertIn("is included in the limit", str(caught.exception))
        self.assertIn("8,000.00", str(caught.exception))
        self.assertTrue(guarantee.counting)

    def test_cover_reduces_exposure(self):
        self.company.credit_guarantee_cover_mode = "exposure"
        self.activate(self.make_guarantee(6_000))
        fig = self.figures(self.customer)
        self.assertEqual((fig["limit"], fig["exposure"]), (10_000, -6_000))
        self.assertTrue(fig["guarantee_cover_in_exposure"])
        order = self.make_order(self.customer, 15_000)
        order.action_confirm()
        self.assertEqual(self.figures(self.customer)["exposure"], 9_000)
        second = self.make_order(self.customer, 2_000)
        with self.assertRaisesText(CreditCheckBlocked, "is deducted from the exposure"):
            second.action_confirm()

    def test_cover_without_a_limit_does_not_make_one(self):
        self.set_limit(self.customer, 0)
        self.activate(self.make_guarantee(6_000))
        fig = self.figures(self.customer)
        self.assertEqual((fig["has_limit"], fig["limit"]), (False, 0))

    def test_cover_ending_today_stops_counting_today(self):
        guarantee = self.activate(self.make_guarantee(5_000, date_end="2026-06-20"))
        self.assertEqual(self.figures(self.customer)["limit"], 15_000)
        with freeze_time("2026-06-19"):
            self.assertEqual(self.figures(self.customer)["limit"], 15_000)
        with freeze_time("2026-06-20"):
            # before the daily job: the check already stops counting it
            self.assertEqual(guarantee.state, "active")
            self.assertEqual(self.figures(self.customer)["limit"], 10_000)
            guarantee.invalidate_recordset(["counting"])
            self.assertFalse(guarantee.counting)
        self.assertEqual(guarantee.state, "active")

    def test_cover_released_today_stops_counting_today(self):
        guarantee = self.activate(self.make_guarantee(5_000))
        guarantee.with_user(self.analyst).action_request_release()
        self.assertEqual(self.figures(self.customer)["limit"], 15_000)
        guarantee.with_user(self.manager)._action_decide("approve", "paid up")
        self.assertEqual(self.figures(self.customer)["limit"], 10_000)

    def test_not_yet_started_cover_does_not_count(self):
        self.activate(self.make_guarantee(5_000, date_start="2026-07-01"))
        self.assertEqual(self.figures(self.customer)["guarantee_cover"], 0)

    def test_contingent_liability_counts_against_the_guarantor(self):
        self.activate(self.make_guarantee(30_000, kind="guarantee", haircut=50))
        fig = self.figures(self.guarantor)
        self.assertEqual((fig["guarantee_contingent"], fig["exposure"]), (30_000, 30_000))
        self.assertEqual(self.guarantor.with_user(self.manager).credit_guarantee_contingent, 30_000)
        self.assertEqual(self.figures(self.customer)["guarantee_cover"], 15_000)
        given = self.guarantor.with_user(self.manager).action_credit_guarantees_given()
        self.assertEqual(
            self.env["credit.guarantee"].with_user(self.manager).search(given["domain"]).partner_id,
            self.customer,
        )
        # the guarantor's own order: 30,000 guaranteed + 75,000 > its 100,000 limit
        order = self.make_order(self.guarantor, 75_000)
        with self.assertRaisesText(CreditCheckBlocked, "contingent liability as guarantor of"):
            order.action_confirm()
        self.make_order(self.guarantor, 70_000).action_confirm()

    def test_preview_and_card_show_cover(self):
        self.activate(self.make_guarantee(5_000))
        preview = (
            self.env["res.partner"]
            .with_user(self.manager)
            .credit_block_preview([self.customer.id], self.company.id)
        )
        self.assertEqual(preview["reasons"][self.customer.id], [])
        card = self.env.ref("credit_guarantee.overview_card_guarantee_cover").with_user(
            self.manager
        )
        card = card.with_company(self.company)
        self.assertEqual((card.card_count, card.card_amount), (1, 5_000))
        action = card.action_open()
        self.assertEqual(
            self.env["credit.guarantee"].with_user(self.manager).search_count(action["domain"]), 1
        )

    def test_check_query_count_unchanged(self):
        """Counting cover costs the check no query: the check of a customer with cover
        issues as many queries as with the guarantees' columns left out of its query."""
        self.activate(self.make_guarantee(5_000))
        order = self.make_order(self.customer, 100)

        def queries():
            counts = []
            for _i in range(2):  # the first pass warms Odoo's caches
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                self.assertFalse(order._credit_check())
                counts.append(self.env.cr.sql_log_count - before)
            return counts[1]

        with_cover = queries()
        self.assertEqual(self.figures(self.customer)["guarantee_cover"], 5_000)

        with patch.object(GuaranteePartner, "_credit_block_figures_sql", _without_guarantees):
            self.assertEqual(self.figures(self.customer)["guarantee_cover"], 0)
            self.assertEqual(with_cover, queries())


def _without_guarantees(partner, company):
    """The check's extra columns as the add-ons below credit_guarantee give them."""
    return super(GuaranteePartner, partner)._credit_block_figures_sql(company)
