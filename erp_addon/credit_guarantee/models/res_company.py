from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

GUARANTEE_SETTINGS = ("credit_guarantee_cover_mode",)


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_guarantee_cover_mode = fields.Selection(
        [
            ("limit", "Cover adds to the limit"),
            ("exposure", "Cover reduces exposure"),
        ],
        string="Guarantee Cover",
        default="limit",
        required=True,
        help="How the credit check counts active guarantees and collateral (after haircut): "
        "what a customer may owe is its approved limit plus the cover, or the cover is "
        "deducted from what it owes.",
    )
    credit_guarantee_max_share = fields.Float(
        string="Guarantor's Share of Its Own Limit (%)",
        default=50.0,
        help="A guarantor guaranteeing more than this share of its own credit limit (all its "
        "guarantees for others together) needs the credit committee's approval and a "
        "recorded reason.",
    )
    credit_guarantee_reminder_days = fields.Integer(
        string="Guarantee Expiry Reminder (Days)",
        default=30,
        help="The customer's analyst is reminded this many days before a guarantee ends.",
    )
    credit_guarantee_revaluation_months = fields.Integer(
        string="Collateral Revaluation (Months)",
        default=12,
        help="Mortgages and pledges valued longer ago than this are to be revalued "
        "(0: no reminder).",
    )

    @api.constrains(
        "credit_guarantee_max_share",
        "credit_guarantee_reminder_days",
        "credit_guarantee_revaluation_months",
    )
    def _check_credit_guarantee_settings(self):
        for company in self:
            if not 0 <= company.credit_guarantee_max_share <= 100:
                raise ValidationError(
                    self.env._("The guarantor's share must be between 0 and 100%.")
                )
            if (
                company.credit_guarantee_reminder_days < 0
                or company.credit_guarantee_revaluation_months < 0
            ):
                raise ValidationError(
                    self.env._("Reminder days and revaluation months cannot be negative.")
                )

    @tools.ormcache("company_id")
    def _credit_settings_cached(self, company_id):
        settings = dict(super()._credit_settings_cached(company_id))
        company = self.browse(company_id).sudo()
        settings.update((name, company[name]) for name in GUARANTEE_SETTINGS)
        return settings

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & set(GUARANTEE_SETTINGS):
            self.env.registry.clear_cache()
        return res
