"""Issue 19, item f: the overview's cards write their dates as the reader does, inside
their Chinese sentences ("华南五金贸易有限公司，2026年06月11日 到期"), never ISO
("2026-06-11", "2026-06"): read as a Chinese credit manager in the demo company, every
card of every add-on installed."""

import json
import re

from odoo.tests import TransactionCase, new_test_user, tagged

from .demo import is_chinese, require_demo

ISO = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")
CHINESE_DATE = re.compile(r"\d{4}年\d{1,2}月(\d{1,2}日)?")


@tagged("post_install", "-at_install", "credit_management", "credit_demo")
class TestDemoOverviewDates(TransactionCase):
    def test_card_dates_in_the_reader_format(self):
        company = require_demo(self)
        manager = new_test_user(
            self.env,
            login="demo_overview_zh",
            groups="base.group_user,credit_management.group_credit_manager,"
            "account.group_account_readonly",
            company_id=company.id,
            company_ids=[company.id],
            lang="zh_CN",
        )
        cards = (
            self.env["credit.overview.card"]
            .with_user(manager)
            .with_company(company)
            .with_context(lang="zh_CN")
            .search([])
        )
        self.assertGreaterEqual(len(cards), 7)
        texts = []
        for card in cards:
            texts.append(card.card_amount_label or "")
            for line in json.loads(card.card_lines or "[]"):
                texts += [str(line.get("name") or ""), str(line.get("value") or "")]
            graph = json.loads(card.card_graph or "null") or {}
            texts += [str(label) for label in graph.get("labels", [])]
        iso = [text for text in texts if ISO.search(text)]
        self.assertEqual(iso, [], "dates written as ISO on the overview")
        dated = [text for text in texts if CHINESE_DATE.search(text)]
        self.assertTrue(dated, "the demo's cards show dates")
        # a date inside a sentence: the sentence is Chinese around it
        sentences = [text for text in dated if CHINESE_DATE.sub("", text).strip()]
        self.assertTrue(sentences)
        self.assertEqual(
            [text for text in sentences if not is_chinese(CHINESE_DATE.sub("", text))], []
        )
