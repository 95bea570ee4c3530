from odoo import models

from ..sql import load_all


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _credit_supplier_figures(self, company, date_from, date_to):
        """The purchase figures, with the contract performance and disputes of the
        period (one SQL call, sql/credit_supplier_contracts.sql)."""
        figures = super()._credit_supplier_figures(company, date_from, date_to)
        if not self:
            return figures
        self.env.cr.execute(
            "SELECT * FROM credit_supplier_contract_figures(%s, %s, %s, %s)",
            (company.id, date_from, date_to, self.ids),
        )
        for row in self.env.cr.dictfetchall():
            values = figures.setdefault(row["partner_id"], {})
            values["contracts_ended"] = row["contracts_ended"]
            performance = row["contract_performance"]
            values["contract_performance"] = None if performance is None else float(performance)
            values["contract_disputes"] = row["contract_disputes"]
        return figures

    def init(self):
        # the SQL functions of sql/ read other add-ons' tables: created once every table
        # of the module exists
        res = super().init()
        self.pool.post_init(load_all, self.env.cr)
        return res
