from odoo import api, fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    credit_contract_ids = fields.Many2many(
        "credit.contract",
        "credit_contract_purchase_order_rel",
        "order_id",
        "contract_id",
        string="Contracts",
        copy=False,
        groups="credit_management.group_credit_user",
    )
    credit_contract_count = fields.Integer(
        compute="_compute_credit_contract_count", groups="credit_management.group_credit_user"
    )

    def _compute_credit_contract_count(self):
        for order in self:
            order.credit_contract_count = len(order.credit_contract_ids)

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        for order in orders:
            for contract in order.sudo().credit_contract_ids:
                contract.with_env(self.env)._check_order_link(order)
        return orders

    def write(self, vals):
        if "credit_contract_ids" not in vals:
            return super().write(vals)
        links = {order.id: order.sudo().credit_contract_ids for order in self}
        res = super().write(vals)
        # linked from the order's side: the same checks as from the contract's
        for order in self:
            for contract in order.sudo().credit_contract_ids - links[order.id]:
                contract.with_env(self.env)._check_order_link(order)
        return res

    def action_view_credit_contracts(self):
        self.ensure_one()
        return self.env["credit.contract"]._action_for_order(
            self, "purchase_order_ids", contract_type="purchase", counterparty_pays="nothing"
        )
