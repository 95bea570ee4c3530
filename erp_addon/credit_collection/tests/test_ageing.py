from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import freeze_time
from odoo.tools import SQL

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestAgeing(CollectionCase):
    def test_as_at_with_partial_payments(self):
        inv1 = self.make_invoice(self.customer, 1000, due="2026-03-01")
        inv2 = self.make_invoice(self.customer, 500, due="2026-06-10")
        self.make_invoice(self.customer, 200, move_type="out_refund", due="2026-06-01")
        self.pay(inv1, 300, "2026-05-15")
        self.pay(inv1, 700, "2026-06-20")
        Ageing = self.env["credit.collection.ageing"].with_user(self.collector)

        def rows(day):
            lines = Ageing.with_context(collection_as_at=day).search(
                [("partner_id", "=", self.customer.id), ("company_id", "=", self.company.id)]
            )
            return {
                (line.move_id, line.bucket_id.name, line.days_overdue): line.amount_residual
                for line in lines
            }

        on_may = rows("2026-05-20")
        self.assertEqual(on_may, {(inv1, "31-90", 80): 700.0})
        on_june = rows("2026-06-15")
        # the credit note (200) is applied to the oldest overdue item (issue 19 item 6)
        self.assertEqual(on_june[(inv1, "90+", 106)], 500.0)
        self.assertEqual(on_june[(inv2, "1-30", 5)], 500.0)
        self.assertEqual(sum(on_june.values()), 700 + 500 - 200)
        documents = Ageing.with_context(collection_as_at="2026-06-15").search(
            [("partner_id", "=", self.customer.id), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(
            sorted(documents.mapped("amount_document")), [-200.0, 500.0, 700.0], "own balances"
        )
        after = rows("2026-06-25")
        self.assertNotIn(inv1, [k[0] for k in after], "paid in full by then")
        groups = Ageing.with_context(collection_as_at="2026-06-15")._read_group(
            [("company_id", "=", self.company.id)], ["bucket_id"], ["amount_residual:sum"]
        )
        self.assertEqual(
            {bucket.name: total for bucket, total in groups},
            {"Current": 0.0, "1-30": 500.0, "90+": 500.0},
        )

    @freeze_time("2026-06-30")
    def test_partner_ageing_and_dso(self):
        self.make_invoice(self.customer, 900, due="2026-06-29")  # 1 day overdue
        paid = self.make_invoice(self.customer, 900, due="2026-06-01")
        self.pay(paid, 900, "2026-06-10")
        customer = self.customer.with_company(self.company).with_user(self.collector)
        # open 900 / sales of 90 days 1800 x 90 days
        self.assertAlmostEqual(customer.collection_dso, 45.0)
        self.assertEqual(customer.collection_overdue_count, 1)
        self.assertIn("1-30", customer.collection_ageing_html)
        self.assertIn("DSO", type(customer)._fields["collection_dso"].help)

    @freeze_time("2026-06-30")
    def test_as_at_shows_stage_and_collector_of_that_day(self):
        """A past day shows the stage and the collector the invoice had on that day."""
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        with freeze_time("2026-06-01"):
            inv.with_user(self.collection_manager).write({"collection_user_id": self.collector.id})
        self.run_daily("2026-06-02")  # 1 day overdue: Reminder
        with freeze_time("2026-06-04"):
            inv.with_user(self.collection_manager).write(
                {"collection_user_id": self.collector_2.id}
            )
        self.run_daily("2026-06-16")  # 15 days overdue: Call
        with freeze_time("2026-06-20"):
            inv.with_user(self.collector_2).action_collection_escalate()  # Formal letter
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        changes = inv.collection_history_ids.filtered(lambda h: h.event == "collector")
        self.assertEqual(
            [(str(h.date), h.collector_id, h.user_id) for h in changes.sorted("id")],
            [
                ("2026-06-01", self.collector, self.collection_manager),
                ("2026-06-04", self.collector_2, self.collection_manager),
            ],
        )
        manual = inv.collection_history_ids.filtered(lambda h: h.event == "manual")
        self.assertEqual(manual.collector_id, self.collector_2)
        Ageing = self.env["credit.collection.ageing"].with_user(self.collector)

        def on(day):
            line = Ageing.with_context(collection_as_at=day).search([("move_id", "=", inv.id)])
            self.assertEqual(len(line), 1)
            return line.stage_id, line.collector_id

        self.assertEqual(on("2026-06-01"), (self.env["credit.collection.stage"], self.collector))
        self.assertEqual(on("2026-06-03"), (self.s_reminder, self.collector))
        self.assertEqual(on("2026-06-10"), (self.s_reminder, self.collector_2))
        self.assertEqual(on("2026-06-17"), (self.s_call, self.collector_2))
        self.assertEqual(on("2026-06-25"), (self.s_letter, self.collector_2))
        # today: the invoice's own stage and collector
        self.assertEqual(on("2026-06-30"), (self.s_letter, self.collector_2))
        # grouped by stage as at a past day, in one query
        groups = Ageing.with_context(collection_as_at="2026-06-10")._read_group(
            [("move_id", "=", inv.id)], ["stage_id", "collector_id"], ["amount_residual:sum"]
        )
        self.assertEqual(groups, [(self.s_reminder, self.collector_2, 1000.0)])
        # paid on 26 June: out of the procedure afterwards, still in its stage before
        self.pay(inv, 1000, "2026-06-26")
        self.run_daily("2026-06-27")
        self.assertEqual(on("2026-06-25"), (self.s_letter, self.collector_2))
        self.assertFalse(
            Ageing.with_context(collection_as_at="2026-06-28").search([("move_id", "=", inv.id)])
        )

    def test_as_at_stage_in_one_query(self):
        """The stage on a past day comes from the history within the view's statement: as
        many statements on the view for many invoices as for one, none on the history."""
        Ageing = self.env["credit.collection.ageing"].with_context(collection_as_at="2026-06-10")
        cursor_class = type(self.env.cr)
        execute = cursor_class.execute

        def read_stages():
            self.env.invalidate_all()
            queries = []

            def spy(cr, query, params=None, log_exceptions=True):
                queries.append(str(query.code if isinstance(query, SQL) else query))
                return execute(cr, query, params, log_exceptions)

            with patch.object(cursor_class, "execute", spy):
                lines = Ageing.search([("partner_id", "=", self.customer.id)])
                names = {line.move_id.id: line.stage_id.name for line in lines}
            self.assertFalse([q for q in queries if "credit_collection_history" in q])
            return names, len([q for q in queries if '"credit_collection_ageing"' in q])

        first = self.make_invoice(self.customer, 100, due="2026-06-01")
        self.run_daily("2026-06-02")
        self.run_daily("2026-06-16")
        names, statements_one = read_stages()
        self.assertEqual(names, {first.id: "Reminder"})
        others = [self.make_invoice(self.customer, 100, due="2026-06-01") for _i in range(4)]
        self.run_daily("2026-06-02")
        names, statements_five = read_stages()
        self.assertEqual(names, {inv.id: "Reminder" for inv in [first, *others]})
        self.assertEqual(statements_five, statements_one)
        self.assertIn(statements_one, (1, 2))  # the search, the rows' fields
