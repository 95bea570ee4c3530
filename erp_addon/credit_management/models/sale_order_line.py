from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        before = orders._credit_snapshot()
        lines = super().create(vals_list)
        # a line added to a confirmed order raises its exposure
        lines.order_id._credit_enforce_later(before)
        return lines

    def write(self, vals):
        orders = self.order_id
        before = orders._credit_snapshot()
        res = super().write(vals)
        (orders | self.order_id)._credit_enforce_later(before)
        return res
