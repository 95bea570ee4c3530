from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import SeminarCase


@tagged("post_install", "-at_install")
class TestSeminarTourZh(SeminarCase, HttpCase):
    """A case review walked in Chinese by the head of the department, a credit manager
    (static/tests/tours/credit_seminar_zh_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        common = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
        }
        cls.zh_manager = new_test_user(
            cls.env,
            login="zh_sem_manager",
            name="ZH 信用经理",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        cls.zh_analyst = new_test_user(
            cls.env,
            login="zh_sem_analyst",
            name="ZH 分析员",
            groups="base.group_user,credit_management.group_credit_analyst",
            **common,
        )
        cls.company.partner_id.lang = "zh_CN"
        cls.env["hr.employee"].create(
            {"name": "ZH 信用经理", "user_id": cls.zh_manager.id, "company_id": cls.company.id}
        )

    def test_case_review_zh(self):
        self.start_tour("/odoo", "credit_seminar_zh", login=self.zh_manager.login)
        seminar = self.env["credit.seminar"].search([("title", "=", "ZH 逾期客户案例评析")])
        self.assertRecordValues(
            seminar,
            [{"state": "closed", "kind": "case_review", "closed_by_id": self.zh_manager.id}],
        )
        self.assertEqual(seminar.conclusion_ids.name, "付清逾期货款前暂停赊销。")
        activity = seminar.action_ids.activity_id
        self.assertEqual(activity.user_id, self.zh_analyst)
        self.assertEqual(activity.summary, f"案例评析会 {seminar.name}：发出催款函")
