from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

SIGNED_STATES = ("signed", "performance", "completed", "expired")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_contract_ids = fields.Many2many(
        "credit.contract",
        "credit_contract_sale_order_rel",
        "order_id",
        "contract_id",
        string="Contracts",
        copy=False,
        groups="credit_management.group_credit_user",
    )
    credit_contract_count = fields.Integer(
        compute="_compute_credit_contract_count", groups="credit_management.group_credit_user"
    )
    credit_contract_required = fields.Boolean(
        string="Written Contract Required",
        compute="_compute_credit_contract_required",
        store=True,
        help="The company requires a signed contract for orders above its threshold, "
        "except immediate settlement (即时清结).",
    )
    credit_contract_signed = fields.Boolean(
        string="Covered by a Signed Contract",
        compute="_compute_credit_contract_signed",
        store=True,
        compute_sudo=True,
    )

    @api.depends(
        "amount_total",
        "currency_id",
        "currency_rate",
        "payment_term_id.credit_immediate_settlement",
        "company_id.credit_contract_sale_required",
        "company_id.credit_contract_threshold",
    )
    def _compute_credit_contract_required(self):
        for order in self:
            company = order.company_id
            amount = order.amount_total / (order.currency_rate or 1.0)
            order.credit_contract_required = bool(
                company.credit_contract_sale_required
                and not order.payment_term_id.credit_immediate_settlement
                and company.currency_id.compare_amounts(amount, company.credit_contract_threshold)
                > 0
            )

    @api.depends("credit_contract_ids.state")
    def _compute_credit_contract_signed(self):
        for order in self:
            order.credit_contract_signed = any(
                state in SIGNED_STATES for state in order.sudo().credit_contract_ids.mapped("state")
            )

    def _compute_credit_contract_count(self):
        for order in self:
            order.credit_contract_count = len(order.credit_contract_ids)

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders.filtered(lambda o: o.state == "sale")._credit_contract_enforce()
        return orders

    def write(self, vals):
        if {"credit_contract_required", "credit_contract_signed"} & set(vals) and not self.env.su:
            raise AccessError(
                self.env._("Whether an order needs and has a signed contract is computed.")
            )
        before = {order.id for order in self if order.state == "sale"}
        res = super().write(vals)
        # checked when the order gets confirmed, whatever path confirms it
        self.filtered(lambda o: o.state == "sale" and o.id not in before)._credit_contract_enforce()
        return res

    def _credit_contract_enforce(self):
        """Refuse confirmed orders that need a signed contract and have none."""
        missing = self.filtered(
            lambda o: o.credit_contract_required and not o.credit_contract_signed
        )
        if missing:
            order = missing[0]
            raise UserError(
                self.env._(
                    "Order %(order)s (%(amount)s) is above the written-contract threshold of "
                    "%(threshold).2f: a signed contract covering it is required before "
                    "confirmation, unless it is settled immediately (即时清结).",
                    order=order.name,
                    amount=order.amount_total,
                    threshold=order.company_id.credit_contract_threshold,
                )
            )

    def action_view_credit_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_contract.action_credit_contract"
        )
        action["domain"] = [("sale_order_ids", "in", self.ids)]
        action["context"] = {
            "default_partner_id": self.partner_id.commercial_partner_id.id,
            "default_sale_order_ids": [(6, 0, self.ids)],
            "default_amount": self.amount_total,
            "default_contract_type": "sale",
        }
        return action
