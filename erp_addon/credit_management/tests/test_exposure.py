from odoo.tests import tagged
from odoo.tools import SQL

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestExposure(CreditCommon):
    def figures(self, partner=None):
        partner = partner or self.customer
        return partner._credit_exposure_figures(self.company)[partner.id]

    def test_components(self):
        self.make_invoice(self.contact, 1000)  # posted, on a contact: counts for the company
        self.make_invoice(self.customer, 300, post=False)  # draft
        self.make_invoice(self.customer, 50, post=False, move_type="out_refund")
        order = self.make_order(self.customer, 2000)
        order.action_confirm()
        self.make_order(self.customer, 999)  # quotation: not exposure
        fig = self.figures()
        self.assertAlmostEqual(fig["receivable"], 1000)
        self.assertAlmostEqual(fig["draft_invoice"], 250)
        self.assertAlmostEqual(fig["sale_order"], 2000)
        self.assertAlmostEqual(fig["exposure"], 3250)
        partner = self.customer.with_company(self.company)
        self.assertAlmostEqual(partner.credit_exposure, 3250)
        self.assertAlmostEqual(self.contact.with_company(self.company).credit_exposure, 3250)
        lines = self.env["credit.exposure.line"].search([("partner_id", "=", self.customer.id)])
        self.assertAlmostEqual(sum(lines.mapped("amount")), 3250)
        self.assertEqual(
            set(lines.mapped("exposure_type")), {"receivable", "draft_invoice", "sale_order"}
        )

    def test_invoicing_an_order_does_not_double_count(self):
        order = self.make_order(self.customer, 1000, qty=10)
        order.action_confirm()
        order.order_line.qty_delivered = 4
        invoice = order._create_invoices()
        invoice.invoice_line_ids.quantity = 4
        fig = self.figures()
        self.assertAlmostEqual(fig["draft_invoice"], 400)
        self.assertAlmostEqual(fig["sale_order"], 600)
        self.assertAlmostEqual(fig["exposure"], 1000)
        invoice.action_post()
        fig = self.figures()
        self.assertAlmostEqual(fig["receivable"], 400)
        self.assertAlmostEqual(fig["exposure"], 1000)

    def test_payments_reduce_exposure_and_overdue(self):
        invoice = self.make_invoice(self.customer, 800, due="2026-05-01")
        self.assertAlmostEqual(self.figures()["overdue"], 800)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 300})._create_payments()
        fig = self.figures()
        self.assertAlmostEqual(fig["receivable"], 500)
        self.assertAlmostEqual(fig["overdue"], 500)
        self.company.credit_overdue_grace_days = 60
        self.assertAlmostEqual(self.figures()["overdue"], 0)

    def test_other_company_not_counted(self):
        other = self.env["res.company"].create({"name": "Other Co 2"})
        self.make_invoice(self.customer, 100)
        self.assertAlmostEqual(
            self.customer._credit_exposure_figures(other)[self.customer.id]["exposure"], 0
        )

    def test_query_count_is_constant(self):
        small = self.env["res.partner"].create({"name": "Small", "is_company": True})
        big = self.env["res.partner"].create({"name": "Big", "is_company": True})
        self.make_invoice(small, 10)
        for _i in range(30):
            self.make_invoice(big, 10)
        for partner in (small, big):
            self.make_order(partner, 5).action_confirm()
        counts = []
        for partner in (small, big, small, big):  # the first pass warms Odoo's caches
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            partner._credit_exposure_figures(self.company)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[2], counts[3])
        self.assertLessEqual(counts[3], 3)
        self.assertAlmostEqual(big._credit_exposure_figures(self.company)[big.id]["exposure"], 305)

    def _kept_and_recounted(self, table, model, domain, partner_field, amount_field):
        """(kept, recounted) amounts per partner and company: the add-on's kept balance
        table, and a recount through the ORM, independent of the add-on's SQL."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT partner_id, company_id, ROUND(SUM(amount), 2) FROM %s "
                "GROUP BY 1, 2 HAVING ROUND(SUM(amount), 2) <> 0 ORDER BY 1, 2",
                SQL.identifier(table),
            )
        )
        kept = [(p, c, float(a)) for p, c, a in self.env.cr.fetchall()]
        groups = (
            self.env[model]
            .sudo()
            ._read_group(domain, [partner_field, "company_id"], [f"{amount_field}:sum"])
        )
        recounted = sorted(
            (partner.id, company.id, round(amount, 2))
            for partner, company, amount in groups
            if round(amount, 2)
        )
        return kept, recounted

    def _balances(self):
        """(kept, recounted) open receivables per partner and company."""
        return self._kept_and_recounted(
            "credit_receivable_balance",
            "account.move.line",
            [
                ("parent_state", "=", "posted"),
                ("reconciled", "=", False),
                ("account_id.account_type", "=", "asset_receivable"),
                ("partner_id", "!=", False),
            ],
            "partner_id",
            "amount_residual",
        )

    def test_receivable_balance_follows_every_change(self):
        other = self.env["res.partner"].create({"name": "Other buyer", "is_company": True})
        invoice = self.make_invoice(self.customer, 1000)
        self.make_invoice(self.customer, 200, move_type="out_refund")
        self.assertEqual(*self._balances())
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 300})._create_payments()
        self.assertEqual(*self._balances())
        invoice.button_draft()
        self.assertEqual(*self._balances())
        invoice.partner_id = other
        invoice.action_post()
        self.assertEqual(*self._balances())
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(*self._balances())
        draft = self.make_invoice(self.customer, 50)
        draft.button_draft()
        draft.button_cancel()
        self.assertEqual(*self._balances())
        maintained, _recomputed = self._balances()
        self.assertTrue(maintained)
        # a rebuild, and the daily compaction, give the same figures
        self.env["account.move.line"]._credit_rebuild_receivable_balance()
        self.assertEqual(self._balances()[0], maintained)
        self.env["res.partner"]._cron_credit_compact_balances()
        self.assertEqual(self._balances()[0], maintained)
        self.env.cr.execute(
            "SELECT COUNT(*) = COUNT(DISTINCT (partner_id, company_id)) "
            "FROM credit_receivable_balance"
        )
        self.assertTrue(self.env.cr.fetchone()[0], "one row per partner once compacted")

    def test_order_balance_follows_every_change(self):
        def balances():
            """(kept, recounted) uninvoiced confirmed orders per partner and company."""
            return self._kept_and_recounted(
                "credit_order_balance",
                "sale.order",
                [("state", "=", "sale")],
                "partner_invoice_id",
                "credit_uninvoiced_amount",
            )

        order = self.make_order(self.customer, 1000, qty=10)
        order.action_confirm()
        self.assertEqual(*balances())
        order.order_line.product_uom_qty = 20
        self.assertEqual(*balances())
        order._create_invoices()
        self.assertEqual(*balances())
        self.assertAlmostEqual(
            self.customer._credit_exposure_figures(self.company)[self.customer.id]["sale_order"],
            0.0,
        )
        order._action_cancel()
        self.assertEqual(*balances())
