from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import CreditCase

#: Odoo's add-ons whose Chinese terms (menus, views, fields) the tours' screens show
ZH_ODOO_MODULES = ["sale", "account", "hr"]


def load_zh_cn(env, modules=()):
    """zh_CN active with the Chinese terms of every installed credit add-on and of
    ``modules`` loaded (a test database may be built without the language)."""
    env["res.lang"]._activate_lang("zh_CN")
    credit = env["ir.module.module"].search(
        [("name", "=like", "credit\\_%"), ("state", "=", "installed")]
    )
    env["ir.module.module"]._load_module_terms(
        credit.mapped("name") + list(modules or ZH_ODOO_MODULES), ["zh_CN"]
    )


@tagged("post_install", "-at_install", "credit_management")
class TestCreditTourZh(CreditCase, HttpCase):
    """The credit-granting flow walked in Chinese by each role, least privilege
    (static/tests/tours/credit_management_zh_tour.js): score, apply, approve, the limit on
    the partner; an order over the limit blocked, the exception requested and granted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        cls.grade_a.write({"name": "ZA", "code": "ZA"})
        (cls.salesman | cls.analyst | cls.manager).write({"lang": "zh_CN"})
        cls.manager.name = "ZH Manager"
        cls.company.credit_score_model_id = cls.env["credit.score.model"].create(
            {
                "name": "ZH model",
                "company_id": cls.company.id,
                "factor_ids": [
                    Command.create(
                        {
                            "name": "Operating status",
                            "factor_type": "qualitative",
                            "source": "operating_status",
                            "weight": 100,
                            "option_ids": [
                                Command.create(
                                    {"value": "active", "name": "Active", "points": 100}
                                ),
                                Command.create(
                                    {"value": "revoked", "name": "Revoked", "points": 0}
                                ),
                            ],
                        }
                    ),
                ],
            }
        )
        cls.zh_customer = cls.env["res.partner"].create(
            {
                "name": "ZH Steel Trading",
                "is_company": True,
                "customer_rank": 1,
                "credit_operating_status": "active",
            }
        )

    def test_credit_flow_zh(self):
        partner = self.zh_customer.with_company(self.company)
        self.start_tour("/odoo", "credit_management_zh_score", login=self.analyst.login)
        self.assertRecordValues(
            partner, [{"credit_grade_id": self.grade_a.id, "credit_score": 100}]
        )

        self.start_tour("/odoo", "credit_management_zh_apply", login=self.salesman.login)
        application = self.env["credit.application"].search([("partner_id", "=", partner.id)])
        self.assertRecordValues(
            application,
            [
                {
                    "state": "submitted",
                    "requested_limit": 50_000,
                    "requested_by_id": self.salesman.id,
                    "grade_id": self.grade_a.id,
                    "required_level": "manager",
                    "justification": "年采购量稳定，三年无逾期",
                }
            ],
        )
        self.assertTrue(application.score_id, "the submission takes the score")

        self.start_tour("/odoo", "credit_management_zh_approve", login=self.manager.login)
        self.assertRecordValues(
            application, [{"state": "approved", "decided_by_id": self.manager.id}]
        )
        self.assertRecordValues(
            partner, [{"credit_limit": 50_000, "use_partner_credit_limit": True}]
        )

        order = self.make_order(partner, 80_000, user=self.salesman)
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "credit_management_zh_order_blocked",
            login=self.salesman.login,
        )
        self.assertEqual(order.state, "draft")
        exception = self.env["credit.exception"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        )
        self.assertRecordValues(
            exception,
            [
                {
                    "state": "requested",
                    "requested_by_id": self.salesman.id,
                    "request_note": "周一到账 50% 预付款",
                }
            ],
        )

        self.start_tour("/odoo", "credit_management_zh_grant", login=self.manager.login)
        self.assertRecordValues(exception, [{"state": "granted", "decided_by_id": self.manager.id}])
