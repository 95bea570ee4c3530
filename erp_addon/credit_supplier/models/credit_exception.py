from odoo import fields, models


class CreditException(models.Model):
    """A recorded exception lets one purchase order of a blocked supplier be confirmed,
    as it lets a blocked sales order through the credit check."""

    _inherit = "credit.exception"

    res_model = fields.Selection(
        selection_add=[("purchase.order", "Purchase Order")],
        ondelete={"purchase.order": "cascade"},
    )
