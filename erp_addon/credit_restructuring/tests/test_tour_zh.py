from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import RestructuringCase


@tagged("post_install", "-at_install")
class TestRestructuringTourZh(RestructuringCase, HttpCase):
    """Debt restructuring walked in Chinese by each role, least privilege
    (static/tests/tours/credit_restructuring_zh_tour.js): the collector proposes an
    agreement with its schedule and submits it, the credit manager approves it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        common = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
        }
        # the password of each is its login
        cls.zh_collector = new_test_user(
            cls.env,
            login="zh_dr_collector",
            name="ZH Collector",
            groups="base.group_user,credit_management.group_credit_collector",
            **common,
        )
        cls.zh_manager = new_test_user(
            cls.env,
            login="zh_dr_manager",
            name="ZH Credit Manager",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.zh_debtor = cls.env["res.partner"].create(
            {"name": "ZH Debtor", "is_company": True, "customer_rank": 1}
        )
        cls.invoice = cls.make_invoice(
            cls.zh_debtor, 8000, due=fields.Date.subtract(cls.today, days=60)
        )

    def test_restructuring_zh(self):
        self.start_tour("/odoo", "credit_restructuring_zh_propose", login=self.zh_collector.login)
        agreement = self.env["credit.restructuring"].search(
            [("partner_id", "=", self.zh_debtor.id)]
        )
        self.assertRecordValues(
            agreement,
            [
                {
                    "state": "submitted",
                    "proposed_by_id": self.zh_collector.id,
                    "amount_restructured": 8000.0,
                    "reason": "下游客户停产，资金周转困难，同意一个月后一次付清",
                    "required_level": "manager",
                }
            ],
        )
        self.assertEqual(agreement.move_ids, self.invoice)
        self.assertRecordValues(
            agreement.instalment_ids,
            [{"amount": 8000.0, "date_due": fields.Date.add(self.today, days=30)}],
        )
        self.start_tour("/odoo", "credit_restructuring_zh_approve", login=self.zh_manager.login)
        self.assertRecordValues(
            agreement, [{"state": "active", "decided_by_id": self.zh_manager.id}]
        )
        self.assertEqual(self.invoice.collection_restructuring_id, agreement)
