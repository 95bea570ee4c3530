from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # a line added or changed is checked by credit_management's sale.order.line overrides,
    # whose snapshot and enforcement this add-on extends with the written-contract rule
    # (sale.order ``_credit_snapshot`` / ``_credit_enforce_changes``); a line removed
    # lowers what the order adds to exposure, so only the written-contract rule runs

    def unlink(self):
        orders = self.order_id
        missing = orders._credit_contract_snapshot()
        res = super().unlink()
        orders.exists()._credit_contract_enforce(missing)
        return res
