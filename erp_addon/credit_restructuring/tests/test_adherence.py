from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import RestructuringCase


@tagged("post_install", "-at_install")
class TestAdherence(RestructuringCase):
    def test_figures_per_agreement_and_in_total(self):
        with freeze_time("2026-06-15"):
            inv_a = self.make_invoice(self.debtor, 3000, due="2026-05-01")
            a = self.create_agreement(
                inv_a, [("2026-07-01", 1000), ("2026-08-01", 1000), ("2026-09-01", 1000)]
            )
            self.activate(a)
            inv_b = self.make_invoice(self.customer, 2000, due="2026-05-01")
            b = self.create_agreement(inv_b, [("2026-07-01", 1200), ("2026-08-01", 800)])
            self.activate(b)
        # a: the first on time, the second late (paid 5 days after), the third missed
        # b: 500 of its first paid (not enough: missed after the grace), nothing after
        self.pay(inv_a, 1000, "2026-06-28")
        self.pay(inv_a, 1000, "2026-08-06")
        self.pay(inv_b, 500, "2026-06-30")
        with freeze_time("2026-09-10"):
            self.env.invalidate_all()
            self.assertRecordValues(
                a,
                [
                    {
                        "instalment_count": 3,
                        "on_time_count": 1,
                        "late_count": 1,
                        "missed_count": 1,
                        "amount_paid": 2000.0,
                        "amount_open": 1000.0,
                        "adherence_rate": 100.0 / 3,
                    }
                ],
            )
            self.assertRecordValues(
                a.instalment_ids,
                [
                    {"status": "on_time", "amount_paid": 1000.0},
                    {"status": "late", "amount_paid": 1000.0},
                    {"status": "missed", "amount_paid": 0.0},
                ],
            )
            self.assertEqual(str(a.instalment_ids[1].date_paid), "2026-08-06")
            self.assertRecordValues(
                b.instalment_ids,
                [
                    {"status": "missed", "amount_paid": 500.0},
                    {"status": "missed", "amount_paid": 0.0},
                ],
            )
            # in total, as the collector reads the report (list/pivot)
            Adherence = self.env["credit.restructuring.adherence"].with_user(self.collector)
            totals = {
                status: (count, amount, paid)
                for status, count, amount, paid in Adherence._read_group(
                    [("company_id", "=", self.company.id)],
                    ["status"],
                    ["__count", "amount:sum", "amount_paid:sum"],
                )
            }
            self.assertEqual(
                totals,
                {
                    "on_time": (1, 1000.0, 1000.0),
                    "late": (1, 1000.0, 1000.0),
                    "missed": (3, 3000.0, 500.0),
                },
            )
            # the overview's card: the agreements in force, what is still due, the chart
            card = self.env.ref("credit_restructuring.overview_card_restructuring")
            card = card.with_user(self.manager).with_company(self.company)
            data = card._card_restructuring(self.company)
            self.assertEqual(data["count"], 2)
            self.assertEqual(data["amount"], 2500.0)
            self.assertEqual(data["graph"]["datasets"][0]["data"], [1, 1, 3, 0, 0])
            action = card.action_open()
            self.assertEqual(
                action["domain"], [("company_id", "=", self.company.id), ("state", "=", "active")]
            )

    def test_payments_before_submission_do_not_count(self):
        with freeze_time("2026-06-15"):
            inv = self.make_invoice(self.debtor, 3000, due="2026-05-01")
            self.pay(inv, 1000, "2026-06-15")  # before the agreement: not restructured
            agreement = self.create_agreement(inv, [("2026-07-01", 2000)])
            self.assertEqual(agreement.amount_restructured, 2000.0)
            self.activate(agreement)
        with freeze_time("2026-06-20"):
            self.env.invalidate_all()
            self.assertRecordValues(
                agreement.instalment_ids, [{"status": "upcoming", "amount_paid": 0.0}]
            )
