from odoo import fields, models


class CreditDecision(models.TransientModel):
    """The decision dialog of credit_management records guarantee decisions too (approval,
    release, revaluation): one dialog, one reason, whoever decides."""

    _inherit = "credit.decision"

    res_model = fields.Selection(
        selection_add=[
            ("credit.guarantee", "Guarantee"),
            ("credit.guarantee.valuation", "Guarantee Revaluation"),
        ],
        ondelete={"credit.guarantee": "cascade", "credit.guarantee.valuation": "cascade"},
    )
