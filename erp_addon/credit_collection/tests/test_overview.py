import json

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@tagged("post_install", "-at_install", "credit_collection")
@freeze_time("2026-06-30")
class TestCollectionOverviewCards(CollectionCase):
    """Issue 19 #8: ageing and the DSO trend on the credit manager's overview, read from
    the receivable ageing as the acting role sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"collection_dso_days": 90, "credit_overdue_grace_days": 0})

    def card(self, card_type, user):
        card = self.env["credit.overview.card"].search([("card_type", "=", card_type)], limit=1)
        self.assertTrue(card, f"the {card_type} card ships with credit_collection")
        # figured afresh (as each request of the web client does)
        card.invalidate_model()
        return card.with_user(user).with_company(self.company)

    def listed(self, card, user):
        action = card.action_open()
        self.assertEqual(action["res_model"], "credit.collection.ageing")
        self.assertEqual(action["views"][0][1], "list", "the card opens the list it counts")
        Ageing = self.env["credit.collection.ageing"].with_user(user).with_company(self.company)
        return Ageing.with_context(**action["context"]).search(action["domain"])

    def test_ageing_card(self):
        recent = self.make_invoice(self.customer, 900, due="2026-06-29")
        old = self.make_invoice(self.customer, 1000, due="2026-03-01")
        self.make_invoice(self.customer, 200, move_type="out_refund", due="2026-06-20")
        for user in (self.collector, self.manager):
            card = self.card("collection_ageing", user)
            listed = self.listed(card, user)
            self.assertEqual(card.card_count, len(listed))
            self.assertEqual(listed.move_id, recent | old)
            # the credit note is applied to the oldest overdue invoice (credit_overdue.sql):
            # 1000 - 200 + 900 overdue, and no bucket below zero
            self.assertEqual(card.card_amount, 1700)
            self.assertEqual(card.currency_id, self.company.currency_id)
            graph = json.loads(card.card_graph)
            self.assertEqual(graph["labels"], ["Current", "1-30", "31-90", "90+"])
            self.assertEqual(graph["datasets"][0]["data"], [0.0, 900.0, 0.0, 800.0])
            self.assertEqual(graph["x_title"], "Ageing bucket")
            self.assertEqual(graph["y_title"], f"Amount ({self.company.currency_id.name})")
            self.assertEqual(graph["datasets"][0]["label"], "Open receivables")
            self.assertEqual(json.loads(card.card_lines)[0]["name"], self.customer.display_name)

    def test_dso_trend_card(self):
        open_invoice = self.make_invoice(self.customer, 900, due="2026-06-29")
        june = self.make_invoice(self.customer, 900, due="2026-06-01")
        self.pay(june, 900, "2026-06-10")
        may = self.make_invoice(self.customer, 300, due="2026-05-10")
        self.pay(may, 300, "2026-06-05")
        card = self.card("collection_dso", self.collector)
        listed = self.listed(card, self.collector)
        self.assertEqual(listed.move_id, open_invoice)
        self.assertEqual(card.card_count, 1)
        self.assertEqual(card.card_amount, 900)
        graph = json.loads(card.card_graph)
        self.assertEqual(graph["type"], "line")
        self.assertEqual(len(graph["labels"]), 12)
        # the month as the reader writes it, not ISO
        self.assertEqual(graph["labels"][0], "Jul 2025")
        self.assertEqual(graph["labels"][-1], "Jun 2026")
        self.assertEqual((graph["x_title"], graph["y_title"]), ("Month", "Days"))
        # end of May: 300 open / 300 sold in 90 days x 90; end of June: 900 / 2,100 x 90
        self.assertEqual(graph["datasets"][0]["data"][-2:], [90.0, 38.6])
        self.assertEqual(graph["datasets"][0]["data"][:-2], [0.0] * 10)
        # one definition: today's DSO is the customer's
        customer = self.customer.with_company(self.company).with_user(self.collector)
        self.assertAlmostEqual(customer.collection_dso, 38.6, places=1)
        lines = json.loads(card.card_lines)
        self.assertEqual(lines[0], {"name": "DSO Jun 2026", "value": "38.6 days"})
        # in Chinese: the month and the days in the reader's words
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_collection"], ["zh_CN"])
        chinese = card.with_context(lang="zh_CN")
        graph = json.loads(chinese.card_graph)
        self.assertEqual((graph["labels"][0], graph["labels"][-1]), ("2025年7月", "2026年6月"))
        self.assertEqual(
            json.loads(chinese.card_lines)[0],
            {"name": "2026年6月 应收账款周转天数", "value": "38.6 天"},
        )

    def test_all_cards_at_once(self):
        """The web client reads every card in one go: the ageing read as at other days
        (which clears the cache) does not lose the other cards' figures."""
        self.make_invoice(self.customer, 900, due="2026-06-29")
        cards = (
            self.env["credit.overview.card"]
            .with_user(self.manager)
            .with_company(self.company)
            .search([])
        )
        self.assertIn("collection_dso", cards.mapped("card_type"))
        values = cards.read(["card_type", "card_count", "card_graph"])
        counts = {value["card_type"]: value["card_count"] for value in values}
        self.assertEqual(counts["collection_ageing"], 1)
        self.assertEqual(counts["collection_dso"], 1)

    def test_other_company_not_counted(self):
        self.make_invoice(self.customer, 900, due="2026-06-29")
        other = self.env["res.company"].create({"name": "Other Co"})
        card = self.card("collection_ageing", self.manager)
        self.assertEqual(card.card_count, 1)
        self.assertEqual(card.with_company(other).sudo().card_count, 0)


@tagged("post_install", "-at_install", "credit_collection")
class TestOverviewTourZh(CollectionCase, HttpCase):
    """Issue 19 #8: the credit manager opens the overview and a card in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["credit_management", "credit_collection"], ["zh_CN"], overwrite=True
        )
        cls.manager.lang = "zh_CN"
        today = fields.Date.context_today(cls.env["res.users"])
        cls.make_invoice(cls.customer, 900, due=fields.Date.subtract(today, days=5))
        cls.make_invoice(cls.customer, 1000, due=fields.Date.subtract(today, days=100))

    def test_overview_in_chinese(self):
        card = (
            self.env["credit.overview.card"]
            .with_user(self.manager)
            .with_company(self.company)
            .search([("card_type", "=", "collection_ageing")])
        )
        self.assertEqual(card.with_context(lang="zh_CN").name, "应收账款账龄")
        self.assertEqual(card.card_count, 2)
        self.start_tour(
            "/odoo/action-credit_management.action_credit_overview",
            "credit_collection_overview_zh",
            login=self.manager.login,
        )
