from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.credit_management.tests.common import CreditCase


class GuaranteeCase(CreditCase):
    """The credit test company (its own bands: manager up to 200,000, committee above) with
    a customer under a limit, a guarantor with its own limit, and least-privilege users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "credit_block_overdue": False,
                "credit_guarantee_cover_mode": "limit",
                "credit_guarantee_max_share": 50.0,
                "credit_guarantee_reminder_days": 30,
                "credit_guarantee_revaluation_months": 12,
            }
        )
        cls.analyst_2 = new_test_user(
            cls.env,
            login="cg_analyst2",
            groups="base.group_user,credit_management.group_credit_analyst",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.set_limit(cls.customer, 10_000, cls.grade_a)
        cls.guarantor = cls.env["res.partner"].create(
            {"name": "Guarantor Holdings Ltd", "is_company": True, "customer_rank": 1}
        )
        cls.set_limit(cls.guarantor, 100_000, cls.grade_a)
        cls.customer.with_company(cls.company).sudo().credit_analyst_id = cls.analyst_2

    @classmethod
    def make_guarantee(cls, value=5_000, kind="mortgage", user=None, **vals):
        values = {
            "partner_id": cls.customer.id,
            "company_id": cls.company.id,
            "kind": kind,
            "value": value,
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
            "valuation_date": "2026-01-01",
        }
        if kind == "guarantee":
            values["guarantor_id"] = cls.guarantor.id
        values.update(vals)
        return cls.env["credit.guarantee"].with_user(user or cls.analyst).create(values)

    @classmethod
    def activate(cls, guarantee, approver=None):
        guarantee.with_user(guarantee.proposed_by_id).action_submit()
        guarantee.with_user(approver or cls.manager)._action_decide("approve", "documents checked")
        return guarantee

    def figures(self, partner):
        return partner.sudo()._credit_exposure_figures(self.company)[partner.id]
