from odoo import models

from ..sql import load_all


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _credit_supplier_figures(self, company, date_from, date_to):
        """The purchase figures, with the on-time receipts of the period (one SQL call,
        sql/credit_supplier_on_time.sql); no receipt done in the period: no figure."""
        figures = super()._credit_supplier_figures(company, date_from, date_to)
        if not self:
            return figures
        self.env.cr.execute(
            "SELECT * FROM credit_supplier_on_time_receipts(%s, %s, %s, %s)",
            (company.id, date_from, date_to, self.ids),
        )
        for row in self.env.cr.dictfetchall():
            values = figures.setdefault(row["partner_id"], {})
            values["receipt_count"] = row["receipt_count"]
            values["on_time_rate"] = float(row["on_time_rate"])
        return figures

    def init(self):
        # the SQL functions of sql/ read other add-ons' tables: created once every table
        # of the module exists
        res = super().init()
        self.pool.post_init(load_all, self.env.cr)
        return res
