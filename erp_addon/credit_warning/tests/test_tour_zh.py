from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import WarningCase


@tagged("post_install", "-at_install")
class TestWarningTourZh(WarningCase, HttpCase):
    """The rescue flow walked in Chinese by each role, least privilege
    (static/tests/tours/credit_warning_zh_tour.js): the analyst opens the case from the
    customer's warning and starts its plan, the credit manager closes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        company = cls.company
        common = {
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "lang": "zh_CN",
        }
        # the password of each is its login
        cls.zh_analyst = new_test_user(
            cls.env,
            login="zh_cw_analyst",
            name="ZH Analyst",
            groups="base.group_user,credit_management.group_credit_analyst",
            **common,
        )
        cls.zh_manager = new_test_user(
            cls.env,
            login="zh_cw_manager",
            name="ZH Credit Manager",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        company.partner_id.lang = "zh_CN"
        cls.debtor = cls.env["res.partner"].create(
            {
                "name": "ZH 钢贸客户",
                "is_company": True,
                "customer_rank": 1,
                "credit_legal_representative": "钱多多",
            }
        )
        cls.set_limit(cls.debtor, 1000)
        cls.make_invoice(cls.debtor, 950)
        cls.env["credit.warning.entry"].create(
            {"name": "钱多多", "entry_type": "person", "reason": "失信被执行人"}
        )
        rules = cls.Rule.search([("company_id", "=", company.id)])
        rules.filtered(lambda r: r.signal_type != "warning_list").active = False
        cls.env["credit.warning.signal"]._warning_run(company, cls.env.cr.now().date())

    def test_rescue_zh(self):
        self.assertEqual(self.debtor.with_company(self.company).credit_warning_level, "warning")
        self.start_tour("/odoo", "credit_warning_zh_open", login=self.zh_analyst.login)
        rescue = self.env["credit.rescue"].search([("partner_id", "=", self.debtor.id)])
        self.assertRecordValues(
            rescue,
            [{"state": "open", "warning_level": "warning", "user_id": self.zh_analyst.id}],
        )
        self.assertRecordValues(
            rescue.action_ids,
            [
                {
                    "action_type": "prepayment",
                    "name": "新订单一律款到发货",
                    "state": "todo",
                    "user_id": self.zh_analyst.id,
                }
            ],
        )
        self.assertEqual(rescue.action_ids.activity_id.user_id, self.zh_analyst)
        self.start_tour("/odoo", "credit_warning_zh_close", login=self.zh_manager.login)
        self.assertRecordValues(
            rescue,
            [
                {
                    "state": "closed",
                    "outcome": "recovered",
                    "closed_by_id": self.zh_manager.id,
                    "conclusion": "客户已付清逾期欠款，额度维持。",
                }
            ],
        )
        self.assertEqual(rescue.action_ids.state, "done")
