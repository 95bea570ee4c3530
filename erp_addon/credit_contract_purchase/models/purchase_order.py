from odoo import fields, models


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

    def action_view_credit_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_contract.action_credit_contract"
        )
        action["domain"] = [("purchase_order_ids", "in", self.ids)]
        action["context"] = {
            "default_partner_id": self.partner_id.commercial_partner_id.id,
            "default_purchase_order_ids": [(6, 0, self.ids)],
            "default_amount": self.amount_total,
            "default_contract_type": "purchase",
        }
        return action
