from odoo import fields, models


class CreditDecision(models.TransientModel):
    """The decision dialog of credit_management records guarantee decisions too (approval,
    release): one dialog, one reason, whoever decides."""

    _inherit = "credit.decision"

    res_model = fields.Selection(
        selection_add=[("credit.guarantee", "Guarantee")],
        ondelete={"credit.guarantee": "cascade"},
    )
