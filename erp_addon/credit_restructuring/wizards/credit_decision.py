from odoo import fields, models


class CreditDecision(models.TransientModel):
    """The credit decision dialog (why approved or refused) decides agreements too."""

    _inherit = "credit.decision"

    res_model = fields.Selection(
        selection_add=[("credit.restructuring", "Debt Restructuring Agreement")],
        ondelete={"credit.restructuring": "cascade"},
    )
