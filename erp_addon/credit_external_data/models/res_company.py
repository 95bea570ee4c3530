from odoo import api, fields, models

from ..providers import provider_selection


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_external_provider = fields.Selection(
        selection="_selection_credit_external_provider",
        string="External Credit Data Provider",
        default="file",
        help="Where imports of external credit data come from unless the import says "
        "otherwise: the file import, or an online provider's add-on.",
    )

    @api.model
    def _selection_credit_external_provider(self):
        return provider_selection(self.env)
