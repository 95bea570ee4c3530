from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditGuaranteeCall(models.TransientModel):
    """Calling a guarantee on the customer's default (the demand: date, amount, the overdue
    invoices it covers), then what it recovered."""

    _name = "credit.guarantee.call"
    _description = "Call a Guarantee"

    guarantee_id = fields.Many2one("credit.guarantee", required=True, ondelete="cascade")
    mode = fields.Selection([("demand", "Demand"), ("recovery", "Recovery")], required=True)
    currency_id = fields.Many2one(related="guarantee_id.currency_id")
    partner_id = fields.Many2one(related="guarantee_id.partner_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(required=True, currency_field="currency_id")
    note = fields.Text(required=True)
    move_ids = fields.Many2many(
        "account.move",
        string="Overdue Invoices",
        domain="[('commercial_partner_id', '=', partner_id), ('move_type', '=', 'out_invoice'),"
        " ('state', '=', 'posted'), ('payment_state', 'in', ('not_paid', 'partial'))]",
    )

    @api.model
    def _action_open(self, guarantee, mode):
        today = fields.Date.context_today(self)
        context = {"default_guarantee_id": guarantee.id, "default_mode": mode}
        if mode == "demand":
            overdue = self.env["account.move"].search(
                [
                    ("commercial_partner_id", "=", guarantee.partner_id.commercial_partner_id.id),
                    ("company_id", "=", guarantee.company_id.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", today),
                ]
            )
            amount = min(sum(overdue.mapped("amount_residual")), guarantee.value)
            context.update(
                default_move_ids=[fields.Command.set(overdue.ids)], default_amount=amount
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Call Guarantee")
            if mode == "demand"
            else self.env._("Record Recovery"),
            "res_model": self._name,
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

    def action_confirm(self):
        self.ensure_one()
        if not (self.note or "").strip():
            raise UserError(self.env._("Say what was demanded or recovered."))
        guarantee = self.guarantee_id
        if self.mode == "demand":
            guarantee._record_call(self.date, self.amount, self.note.strip(), self.move_ids)
        else:
            guarantee._record_recovery(self.date, self.amount, self.note.strip())
        return {"type": "ir.actions.act_window_close"}
