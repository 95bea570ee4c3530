from odoo import fields, models, tools

CREDIT_SETTINGS = (
    "credit_check_sale", "credit_check_invoice", "credit_require_due_diligence",
    "credit_block_overdue", "credit_overdue_tolerance", "credit_overdue_grace_days",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_check_sale = fields.Boolean(string="Credit Check on Sales Orders", default=True)
    credit_check_invoice = fields.Boolean(string="Credit Check on Invoices", default=True)
    credit_require_due_diligence = fields.Boolean(
        string="Due Diligence Before Credit",
        help="A customer gets no credit until a due-diligence application is approved.",
    )
    credit_block_overdue = fields.Boolean(string="Block on Overdue", default=True)
    credit_overdue_tolerance = fields.Monetary(
        string="Overdue Tolerance", currency_field="currency_id"
    )
    credit_overdue_grace_days = fields.Integer(string="Overdue Grace Days")
    credit_score_model_id = fields.Many2one("credit.score.model", string="Scoring Model")

    def _credit_settings(self):
        """The credit check's settings, cached: the check runs on every confirmation."""
        self.ensure_one()
        return self._credit_settings_cached(self.id)

    @tools.ormcache("company_id")
    def _credit_settings_cached(self, company_id):
        company = self.browse(company_id).sudo()
        settings = {name: company[name] for name in CREDIT_SETTINGS}
        settings["currency_rounding"] = company.currency_id.rounding
        return settings

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & {*CREDIT_SETTINGS, "currency_id"}:
            self.env.registry.clear_cache()
        return res
