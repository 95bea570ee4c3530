from odoo import fields, models


class CreditSeminarConclusion(models.Model):
    _inherit = "credit.seminar.conclusion"

    contract_id = fields.Many2one(
        "credit.contract",
        ondelete="restrict",
        help="The contract the conclusion is about, when a contract case.",
    )
