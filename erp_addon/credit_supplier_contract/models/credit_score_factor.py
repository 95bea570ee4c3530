from odoo import api, fields, models

CONTRACT_SOURCES = [
    ("contract_performance", "Contracts performed % (Contracts)"),
    ("contract_disputes", "Contract disputes opened (Contracts)"),
]


class CreditScoreFactor(models.Model):
    _inherit = "credit.score.factor"

    source = fields.Selection(
        selection_add=CONTRACT_SOURCES,
        ondelete={key: "cascade" for key, _label in CONTRACT_SOURCES},
    )

    @api.model
    def _supplier_only_sources(self):
        return super()._supplier_only_sources() | {key for key, _label in CONTRACT_SOURCES}
