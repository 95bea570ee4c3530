from odoo import api, fields, models
from odoo.exceptions import UserError

SIGNED_STATES = ("signed", "performance", "completed", "expired")
# figured by the add-on, never written by anyone
ORDER_FLOW_FIELDS = ("credit_contract_required", "credit_contract_signed", "credit_contract_count")


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "credit.guard.mixin"]
    # what this add-on guards of an order are its figures; the order's state is Odoo's
    _guard_state_field = None

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

    # ------------------------------------------------------------ guards
    @api.model
    def _guard_flow(self):
        return super()._guard_flow() | frozenset(ORDER_FLOW_FIELDS)

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        for order in orders:
            for contract in order.sudo().credit_contract_ids:
                contract.with_env(self.env)._check_order_link(order)
        # the written-contract rule ran with the credit check (_credit_enforce_changes)
        return orders

    def write(self, vals):
        links = (
            {order.id: order.sudo().credit_contract_ids for order in self}
            if "credit_contract_ids" in vals
            else {}
        )
        # the written-contract rule runs with the credit check (_credit_enforce_changes)
        res = super().write(vals)
        # linked from the order's side: the same checks as from the contract's
        for order in self.filtered(lambda o: o.id in links):
            for contract in order.sudo().credit_contract_ids - links[order.id]:
                contract.with_env(self.env)._check_order_link(order)
        return res

    def _credit_snapshot(self):
        """With the exposure, the orders already missing their written contract: one
        snapshot of an order or line change serves both rules (credit_management's
        sale.order and sale.order.line overrides take it and enforce it)."""
        before = super()._credit_snapshot()
        before["contract_missing"] = self._credit_contract_snapshot()
        return before

    def _credit_enforce_changes(self, before):
        """The credit check, then the written-contract rule: a line added, changed or
        removed, a new term or a confirmation may leave a confirmed order needing a
        signed contract; the rule holds for the order's whole life."""
        res = super()._credit_enforce_changes(before)
        self._credit_contract_enforce(before.get("contract_missing", frozenset()))
        return res

    def _credit_contract_missing(self):
        """The confirmed orders that need a signed contract and have none."""
        return self.filtered(
            lambda o: (
                o.state == "sale" and o.credit_contract_required and not o.credit_contract_signed
            )
        )

    def _credit_contract_snapshot(self):
        """The orders missing their written contract already, before a change."""
        return frozenset(self._credit_contract_missing().ids)

    def _credit_contract_enforce(self, before=frozenset()):
        """Refuse a change that leaves a confirmed order needing a signed contract without
        one: confirming it, switching it to credit terms, raising it above the threshold or
        unlinking its contract, whatever path made the change. Orders already missing
        their contract ``before`` (confirmed before the rule applied) are left alone."""
        missing = self._credit_contract_missing().filtered(lambda o: o.id not in before)
        if missing:
            order = missing[0]
            raise UserError(
                self.env._(
                    "Order %(order)s (%(amount)s) is above the written-contract threshold of "
                    "%(threshold).2f on credit terms: a signed contract covering it is "
                    "required, unless it is settled immediately (即时清结).",
                    order=order.name,
                    amount=order.amount_total,
                    threshold=order.company_id.credit_contract_threshold,
                )
            )

    def action_view_credit_contracts(self):
        self.ensure_one()
        return self.env["credit.contract"]._action_for_order(
            self, "sale_order_ids", contract_type="sale"
        )
