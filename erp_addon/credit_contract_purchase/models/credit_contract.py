from odoo import api, fields, models
from odoo.tools import SQL


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

    @api.model
    def _guard_flow(self):
        return super()._guard_flow() | {"purchase_order_count"}

    def _compute_purchase_order_count(self):
        for contract in self:
            contract.purchase_order_count = len(contract.purchase_order_ids)

    @api.model
    def _order_link_fields(self):
        # purchase orders are linked like sales orders: to a signed contract in force of
        # their own supplier and company, from either side
        return (*super()._order_link_fields(), "purchase_order_ids")

    @api.constrains("partner_id", "purchase_order_ids", "company_id")
    def _check_purchase_orders(self):
        for contract in self:
            contract._check_order_parties(contract.sudo().purchase_order_ids)

    @api.model
    def _written_contract_order_sources(self):
        # confirmed purchase orders need a written contract as sales orders do
        return [
            *super()._written_contract_order_sources(),
            self._order_source_sql(
                "purchase.order",
                "purchase_order",
                "credit_contract_purchase_order_rel",
                ("purchase", "done"),
                date_order=SQL("COALESCE(o.date_approve, o.date_order)"),
            ),
        ]

    def action_view_purchase_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_form_action")
        action["domain"] = [("id", "in", self.purchase_order_ids.ids)]
        action["context"] = {}
        return action
