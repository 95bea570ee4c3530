from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditContract(models.Model):
    _inherit = "credit.contract"

    purchase_order_ids = fields.Many2many(
        "purchase.order",
        "credit_contract_purchase_order_rel",
        "contract_id",
        "order_id",
        string="Purchase Orders",
        domain="[('partner_id.commercial_partner_id', '=', partner_id), "
        "('company_id', '=', company_id)]",
        copy=False,
    )
    purchase_order_count = fields.Integer(compute="_compute_purchase_order_count")

    def _compute_purchase_order_count(self):
        for contract in self:
            contract.purchase_order_count = len(contract.purchase_order_ids)

    @api.constrains("partner_id", "purchase_order_ids", "company_id")
    def _check_purchase_orders(self):
        for contract in self:
            for order in contract.purchase_order_ids:
                if (
                    order.partner_id.commercial_partner_id != contract.partner_id
                    or order.company_id != contract.company_id
                ):
                    raise ValidationError(
                        self.env._(
                            "Purchase order %(order)s is not an order of %(partner)s in "
                            "%(company)s.",
                            order=order.name,
                            partner=contract.partner_id.display_name,
                            company=contract.company_id.name,
                        )
                    )

    @api.model
    def _content_fields(self):
        # the orders a signed contract covers change only through an amendment
        return super()._content_fields() | {"purchase_order_ids"}

    def action_view_purchase_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_form_action")
        action["domain"] = [("id", "in", self.purchase_order_ids.ids)]
        action["context"] = {}
        return action
