from odoo import fields, models


class CreditCollectionHistory(models.Model):
    _inherit = "credit.collection.history"

    event = fields.Selection(
        selection_add=[("guarantee_call", "Guarantee called")],
        ondelete={"guarantee_call": "cascade"},
    )
