from odoo import fields, models


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
