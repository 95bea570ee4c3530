from odoo.tests import tagged

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestExposureAgeing(CreditCommon):
    """The exposure analysis' ageing buckets: the one definition of overdue, on the server.

    The `credit exposure` report groups by them where the collections add-on is absent, so
    a salesperson reads them as they are, per customer, in one read_group.
    """

    def ageing(self, user=None):
        Line = self.env["credit.exposure.line"].with_user(user or self.salesman)
        groups = Line.read_group(
            [("partner_id", "=", self.customer.id), ("exposure_type", "=", "receivable")],
            ["amount:sum", "days_overdue:max"],
            ["ageing_bucket"],
            lazy=False,
        )
        return {g["ageing_bucket"]: (g["amount"], g["days_overdue"]) for g in groups}

    def test_buckets_by_days_overdue(self):
        # today is 2026-06-15 (CreditCommon)
        # an order first: overdue invoices would block its confirmation (not a receivable:
        # no bucket)
        self.make_order(self.customer, 999).action_confirm()
        self.make_invoice(self.customer, 100, due="2026-06-15")  # due today: not overdue
        self.make_invoice(self.customer, 200, due="2026-06-14")  # 1 day
        self.make_invoice(self.customer, 300, due="2026-05-16")  # 30 days
        self.make_invoice(self.customer, 400, due="2026-05-15")  # 31 days
        self.make_invoice(self.customer, 500, due="2026-03-17")  # 90 days
        self.make_invoice(self.customer, 600, due="2026-03-16")  # 91 days
        self.make_invoice(self.customer, 50, move_type="out_refund")  # a credit
        self.assertEqual(
            self.ageing(),
            {
                "not_due": (50.0, 0),
                "1_30": (500.0, 30),
                "31_60": (400.0, 31),
                "61_90": (500.0, 90),
                "over_90": (600.0, 91),
            },
        )
        order_lines = self.env["credit.exposure.line"].search(
            [("partner_id", "=", self.customer.id), ("exposure_type", "=", "sale_order")]
        )
        self.assertEqual(order_lines.mapped("ageing_bucket"), [False])

    def test_buckets_count_what_is_owed_once_credits_are_applied(self):
        """The figure the report's fallback ageing reads: credits go to the overdue items
        first, oldest first (credit_overdue.sql), so no bucket is negative and the overdue
        buckets add up to the check's overdue figure."""
        self.make_invoice(self.customer, 100, due="2026-06-15")  # not overdue
        self.make_invoice(self.customer, 200, due="2026-06-14")  # 1 day
        self.make_invoice(self.customer, 600, due="2026-03-16")  # 91 days
        self.make_invoice(self.customer, 650, move_type="out_refund")  # a credit
        groups = (
            self.env["credit.exposure.line"]
            .with_user(self.salesman)
            .read_group(
                [("partner_id", "=", self.customer.id), ("exposure_type", "=", "receivable")],
                ["ageing_amount:sum"],
                ["ageing_bucket"],
                lazy=False,
            )
        )
        owed = {g["ageing_bucket"]: g["ageing_amount"] for g in groups}
        self.assertEqual(owed, {"not_due": 100.0, "1_30": 150.0, "over_90": 0.0})
        partner = self.customer.with_company(self.company)
        self.assertAlmostEqual(partner.credit_overdue_amount, owed["1_30"] + owed["over_90"])

    def test_grace_days_keep_items_out_of_the_overdue_buckets(self):
        self.company.credit_overdue_grace_days = 10
        self.make_invoice(self.customer, 200, due="2026-06-06")  # 9 days: within the grace
        self.make_invoice(self.customer, 300, due="2026-06-04")  # 11 days: overdue
        self.assertEqual(self.ageing(), {"not_due": (200.0, 0), "1_30": (300.0, 11)})
        # the same cutoff as the credit check's overdue figure
        partner = self.customer.with_company(self.company)
        self.assertAlmostEqual(partner.credit_overdue_amount, 300)

    def test_bucket_names_are_translated_on_the_server(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_management"], ["zh_CN"])
        Line = self.env["credit.exposure.line"].with_user(self.salesman)
        selection = Line.with_context(lang="zh_CN").fields_get(["ageing_bucket"], ["selection"])[
            "ageing_bucket"
        ]["selection"]
        self.assertEqual(
            [value for value, _label in selection], ["not_due", "1_30", "31_60", "61_90", "over_90"]
        )
        self.assertEqual(tuple(selection[0]), ("not_due", "未逾期"))
        self.assertEqual(tuple(selection[-1]), ("over_90", "逾期90天以上"))
