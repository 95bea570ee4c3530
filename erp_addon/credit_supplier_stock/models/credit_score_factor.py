from odoo import api, fields, models

ON_TIME = [("on_time_rate", "On-time receipts % (Inventory)")]


class CreditScoreFactor(models.Model):
    _inherit = "credit.score.factor"

    source = fields.Selection(selection_add=ON_TIME, ondelete={"on_time_rate": "cascade"})

    @api.model
    def _supplier_only_sources(self):
        return super()._supplier_only_sources() | {"on_time_rate"}
