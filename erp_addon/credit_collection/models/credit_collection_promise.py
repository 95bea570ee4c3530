from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_round
from odoo.tools.misc import format_date

COLLECTOR = "credit_management.group_credit_collector"


class CreditCollectionPromise(models.Model):
    """A customer's promise to pay part or all of an invoice by a date.

    While open and not yet due it pauses the invoice's escalation. The daily action closes
    it: kept when the invoice received at least the promised amount since the promise,
    broken otherwise once the date has passed; a broken promise escalates the invoice at
    that run and notifies the collector and the credit managers. A promise is for a date
    within the company's horizon (90 days by default) and at least the company's minimum
    share of what is open; escalating the invoice by hand while it is open breaks it, with
    the reason.
    """

    _name = "credit.collection.promise"
    _description = "Promise to Pay"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "date desc, id desc"

    _guard_flow_fields = (
        "state",
        "residual_at_promise",
        "closed_date",
        "user_id",
        "break_reason",
    )
    # the invoice never changes; the promise itself only while open
    _guard_locks = [(("move_id",), ()), ("__all__", ("open",))]
    _guard_undeletable_states = "__all__"

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('move_type', 'in', ('out_invoice', 'out_receipt')), ('state', '=', 'posted'),"
        " ('payment_state', 'in', ('not_paid', 'partial'))]",
    )
    partner_id = fields.Many2one(
        related="move_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="move_id.currency_id")
    amount = fields.Monetary(string="Promised Amount", required=True, tracking=True)
    date = fields.Date(string="Promised Date", required=True, tracking=True)
    note = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("kept", "Kept"), ("broken", "Broken"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    # what was open when the promise was made (its invoice never changes)
    residual_at_promise = fields.Monetary(
        compute="_compute_residual_at_promise", store=True, readonly=True
    )
    closed_date = fields.Date(readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user, readonly=True
    )
    break_reason = fields.Text(string="Why Broken", readonly=True, tracking=True)

    @api.depends("move_id", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for promise in self:
            promise.display_name = promise.env._(
                "Promise to pay %(invoice)s by %(date)s",
                invoice=promise.move_id.name or "-",
                date=format_date(promise.env, promise.date),
            )

    @api.depends("move_id")
    def _compute_residual_at_promise(self):
        for promise in self:
            if not promise.residual_at_promise:
                promise.residual_at_promise = promise.move_id.amount_residual

    @api.constrains("move_id", "amount", "date")
    def _check_promise(self):
        today = fields.Date.context_today(self)
        for promise in self.filtered(lambda p: p.state == "open"):
            move = promise.move_id
            company = move.company_id
            rounding = move.currency_id.rounding
            if move.state != "posted" or move.move_type not in ("out_invoice", "out_receipt"):
                raise ValidationError(
                    self.env._("A promise to pay is for a posted customer invoice.")
                )
            if self.sudo().search_count([("move_id", "=", move.id), ("state", "=", "open")]) > 1:
                raise ValidationError(
                    self.env._(
                        "Invoice %(invoice)s already has an open promise.", invoice=move.name
                    )
                )
            if promise.date < today:
                raise ValidationError(self.env._("A promise to pay cannot be dated in the past."))
            horizon = company.collection_promise_horizon_days or 90
            if promise.date > fields.Date.add(today, days=horizon):
                raise ValidationError(
                    self.env._(
                        "A promise to pay is for a date within %(days)s days: %(date)s is "
                        "further away.",
                        days=horizon,
                        date=format_date(self.env, promise.date),
                    )
                )
            if float_compare(promise.amount, 0.0, precision_rounding=rounding) <= 0:
                raise ValidationError(self.env._("The promised amount must be positive."))
            residual = promise.residual_at_promise or move.amount_residual
            if float_compare(promise.amount, residual, precision_rounding=rounding) > 0:
                raise ValidationError(
                    self.env._(
                        "The promised amount %(amount)s is above what is open on %(invoice)s "
                        "(%(residual)s).",
                        amount=promise.amount,
                        invoice=move.name,
                        residual=residual,
                    )
                )
            share = company.collection_promise_min_share
            minimum = float_round(residual * share / 100.0, precision_rounding=rounding)
            if float_compare(promise.amount, minimum, precision_rounding=rounding) < 0:
                raise ValidationError(
                    self.env._(
                        "A promise to pay is for at least %(share)s%% of what is open on "
                        "%(invoice)s: %(minimum)s.",
                        share=share,
                        invoice=move.name,
                        minimum=minimum,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        promises = super().create(vals_list)
        for promise in promises:
            env = promise.company_id._credit_env()
            promise.move_id._guard_sudo("read").message_post(
                body=env._(
                    "Promise to pay %(amount)s by %(date)s recorded; escalation paused.",
                    amount=promise.amount,
                    date=format_date(env, promise.date),
                )
            )
        return promises

    def action_cancel(self):
        if not self.env.user.has_group(COLLECTOR):
            raise AccessError(self.env._("Only collectors cancel promises to pay."))
        if any(p.state != "open" for p in self):
            raise UserError(self.env._("Only an open promise can be cancelled."))
        self._guard_sudo("write").write(
            {"state": "cancel", "closed_date": fields.Date.context_today(self)}
        )

    def _collection_break(self, reason):
        """Broken by the collector escalating the invoice by hand, with ``reason``."""
        today = fields.Date.context_today(self)
        for promise in self._guard_sudo("write"):
            if promise.state != "open":
                raise UserError(self.env._("Only an open promise can be broken."))
            promise.write({"state": "broken", "closed_date": today, "break_reason": reason})
            move = promise.move_id
            move._collection_log("promise_broken", stage_to=False, note=reason[:200])
            env = promise.company_id._credit_env()
            move.message_post(
                body=env._(
                    "Promise to pay %(amount)s by %(date)s broken by %(user)s, who escalated "
                    "the invoice: %(reason)s",
                    amount=promise.amount,
                    date=format_date(env, promise.date),
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _paid_since(self):
        self.ensure_one()
        return self.residual_at_promise - self.move_id.amount_residual

    @api.model
    def _collection_settle(self, company, today):
        """Close the open promises of ``company``: kept when paid, broken once past due.

        Returns (kept, broken). Promises are few (people record them): plain ORM.
        """
        promises = self.sudo().search([("state", "=", "open"), ("company_id", "=", company.id)])
        kept = broken = self.browse()
        for promise in promises:
            rounding = promise.move_id.currency_id.rounding
            paid = (
                float_compare(promise._paid_since(), promise.amount, precision_rounding=rounding)
                >= 0
            )
            if paid or promise.move_id.payment_state in ("paid", "in_payment", "reversed"):
                kept |= promise
            elif promise.date < today:
                broken |= promise
        kept.write({"state": "kept", "closed_date": today})
        broken.write({"state": "broken", "closed_date": today})
        History = self.env["credit.collection.history"].sudo()
        History.create(
            [
                {
                    "move_id": p.move_id.id,
                    "partner_id": p.partner_id.id,
                    "company_id": company.id,
                    "date": today,
                    "event": "promise_kept" if p in kept else "promise_broken",
                    "stage_from_id": p.move_id.collection_stage_id.id,
                    "days_overdue": p.move_id.collection_days_overdue,
                    "collector_id": p.move_id.collection_user_id.id,
                }
                for p in kept | broken
            ]
        )
        kept.move_id.sudo().write({"collection_allow_back": True})
        broken.move_id.sudo().write({"collection_escalate_now": True})
        managers = (
            self.env.ref("credit_management.group_credit_manager")
            .sudo()
            .users.filtered(lambda u: company in u.company_ids)
        )
        env = company._credit_env()
        for promise in broken:
            move = promise.move_id.sudo()
            collector = move.collection_user_id
            move.message_post(
                body=env._(
                    "Promise to pay %(amount)s by %(date)s was broken: the invoice escalates "
                    "at this run.",
                    amount=promise.amount,
                    date=format_date(env, promise.date),
                ),
                partner_ids=(collector | managers).partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            for user in collector | managers:
                move.activity_schedule(
                    "credit_collection.mail_activity_type_collection_alert",
                    date_deadline=today,
                    summary=company._credit_env(user)._("Broken promise to pay"),
                    user_id=user.id,
                )
        return kept, broken
