from odoo import models

from ..sql import load_all


class CreditProspect(models.Model):
    _inherit = "credit.prospect"

    def init(self):
        # after credit_prospect's own SQL (queued first): the cover function that reads
        # credit_guarantee's cover replaces the one that has none
        result = super().init()
        self.pool.post_init(load_all, self.env.cr)
        return result
