from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # a line added, changed or removed may raise a confirmed order above the threshold of
    # the written-contract rule: the rule holds for the order's whole life

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        missing = orders._credit_contract_snapshot()
        lines = super().create(vals_list)
        (orders | lines.order_id)._credit_contract_enforce(missing)
        return lines

    def write(self, vals):
        orders = self.order_id
        missing = orders._credit_contract_snapshot()
        res = super().write(vals)
        (orders | self.order_id)._credit_contract_enforce(missing)
        return res

    def unlink(self):
        orders = self.order_id
        missing = orders._credit_contract_snapshot()
        res = super().unlink()
        orders.exists()._credit_contract_enforce(missing)
        return res
