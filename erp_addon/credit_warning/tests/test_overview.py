"""The overview's early-warning cards: customers by warning level, open rescue cases."""

import json

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import TODAY, WarningCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestOverview(WarningCase):
    def test_cards(self):
        self.only_rules("limit_usage", "warning_list")
        self.set_limit(self.customer, 1000)
        self.invoice(self.customer, 950, "2026-06-01", "2026-07-01")
        self.set_limit(self.customer_2, 1000)
        self.invoice(self.customer_2, 990, "2026-06-01", "2026-07-01")
        self.customer.credit_legal_representative = "Zhao Gang"
        self.env["credit.warning.entry"].create(
            {"name": "Zhao Gang", "entry_type": "person", "reason": "Court list"}
        )
        self.run_warning()
        self.env["credit.rescue"].with_user(self.analyst).create({"partner_id": self.customer.id})
        levels = self.env.ref("credit_warning.overview_card_warning_levels").with_user(self.manager)
        self.assertEqual(levels.card_count, 2)
        graph = json.loads(levels.card_graph)
        self.assertEqual(graph["labels"], ["Severe", "Warning", "Watch"])
        self.assertEqual(graph["datasets"][0]["data"], [0, 1, 1])
        self.assertEqual(
            json.loads(levels.card_lines)[0],
            {"name": self.customer.display_name, "value": "Warning"},
        )
        action = levels.action_open()
        self.assertEqual(action["res_model"], "res.partner")
        rescues = self.env.ref("credit_warning.overview_card_rescue_open").with_user(self.manager)
        self.assertEqual(rescues.card_count, 1)
        self.assertEqual(
            self.env["credit.rescue"]
            .with_user(self.manager)
            .search(rescues.action_open()["domain"])
            .partner_id,
            self.customer,
        )
        # a salesperson sees no rescue cases it may not read... but may read them: count
        self.assertEqual(rescues.with_user(self.salesman).card_count, 1)

    def test_export_for_the_command(self):
        self.only_rules("limit_usage", "warning_list")
        self.set_limit(self.customer, 1000)
        self.invoice(self.customer, 950, "2026-06-01", "2026-07-01")
        self.customer.credit_legal_representative = "Zhao Gang"
        self.env["credit.warning.entry"].create(
            {"name": "Zhao Gang", "entry_type": "person", "reason": "Court list"}
        )
        self.run_warning()
        rescue = (
            self.env["credit.rescue"]
            .with_user(self.analyst)
            .create({"partner_id": self.customer.id})
        )
        answer = (
            self.env["credit.warning.signal"]
            .with_user(self.analyst)
            .credit_warnings(self.company.id, "en_US")
        )
        self.assertEqual(answer["company"], self.company.name)
        self.assertEqual(answer["thresholds"], {"watch": 2.0, "warning": 4.0, "severe": 7.0})
        [customer] = answer["customers"]
        self.assertEqual(
            (customer["name"], customer["level"], customer["level_label"], customer["score"]),
            (self.customer.display_name, "warning", "Warning", 6.0),
        )
        self.assertEqual(
            [s["type_label"] for s in customer["signals"]],
            ["Related person on the warning list", "Limit usage high and rising"],
        )
        self.assertEqual(customer["rescues"][0]["name"], rescue.name)
        self.assertEqual(customer["rescues"][0]["state_label"], "Draft")
        # a salesperson reads it too (credit standing), nothing more
        self.assertEqual(
            len(
                self.env["credit.warning.signal"]
                .with_user(self.salesman)
                .credit_warnings()["customers"]
            ),
            1,
        )
