from odoo import fields, models


class CreditExceptionRequest(models.TransientModel):
    """The exception request covers a blocked supplier's purchase order too."""

    _inherit = "credit.exception.request"

    res_model = fields.Selection(
        selection_add=[("purchase.order", "Purchase Order")],
        ondelete={"purchase.order": "cascade"},
    )
