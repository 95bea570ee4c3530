from odoo import api, fields, models, tools

CREDIT_SETTINGS = (
    "credit_check_sale",
    "credit_check_invoice",
    "credit_require_due_diligence",
    "credit_block_overdue",
    "credit_overdue_tolerance",
    "credit_overdue_grace_days",
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

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._credit_copy_defaults()
        return companies

    def _credit_copy_defaults(self):
        """Give a new company the shipped grades, approval bands and scoring model."""
        template = self.env.ref("base.main_company")
        Grade = self.env["credit.grade"].sudo()
        Band = self.env["credit.authority.band"].sudo()
        for company in self:
            grades = Grade.search([("company_id", "=", template.id)])
            for grade in grades:
                grade.copy({"company_id": company.id, "name": grade.name})
            for band in Band.search([("company_id", "=", template.id)], order="amount_from"):
                band.copy({"company_id": company.id})
            model = template.sudo().credit_score_model_id
            if model:
                company.sudo().credit_score_model_id = model.copy(
                    {"company_id": company.id, "name": model.name}
                )

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & {*CREDIT_SETTINGS, "currency_id"}:
            self.env.registry.clear_cache()
        return res
