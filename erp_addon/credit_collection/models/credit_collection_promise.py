from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

FLOW_FIELDS = {"state", "residual_at_promise", "closed_date", "user_id"}


class CreditCollectionPromise(models.Model):
    """A customer's promise to pay part or all of an invoice by a date.

    While open and not yet due it pauses the invoice's escalation. The daily action closes
    it: kept when the invoice received at least the promised amount since the promise,
    broken otherwise once the date has passed; a broken promise escalates the invoice at
    that run and notifies the collector and the credit managers.
    """

    _name = "credit.collection.promise"
    _description = "Promise to Pay"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

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
    residual_at_promise = fields.Monetary(readonly=True)
    closed_date = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded By", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            move = self.env["account.move"].browse(vals.get("move_id"))
            amount = vals.get("amount") or 0.0
            date = fields.Date.to_date(vals.get("date"))
            if move.state != "posted" or move.move_type not in ("out_invoice", "out_receipt"):
                raise ValidationError(
                    self.env._("A promise to pay is for a posted customer invoice.")
                )
            if date and date < today:
                raise ValidationError(self.env._("A promise to pay cannot be dated in the past."))
            if float_compare(amount, 0.0, precision_rounding=move.currency_id.rounding) <= 0:
                raise ValidationError(self.env._("The promised amount must be positive."))
            if (
                float_compare(
                    amount, move.amount_residual, precision_rounding=move.currency_id.rounding
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The promised amount %(amount)s is above what is open on %(invoice)s "
                        "(%(residual)s).",
                        amount=amount,
                        invoice=move.name,
                        residual=move.amount_residual,
                    )
                )
            if move.collection_promise_ids.filtered(lambda p: p.state == "open"):
                raise ValidationError(
                    self.env._(
                        "Invoice %(invoice)s already has an open promise.", invoice=move.name
                    )
                )
            # flow fields always start at their initial values
            vals.update(
                state="open",
                residual_at_promise=move.amount_residual,
                closed_date=False,
                user_id=self.env.uid,
            )
        promises = super(
            CreditCollectionPromise,
            self.with_context(**{f"default_{f}": False for f in FLOW_FIELDS}),
        ).create(vals_list)
        for promise in promises:
            promise.move_id.sudo().message_post(
                body=self.env._(
                    "Promise to pay %(amount)s by %(date)s recorded; escalation paused.",
                    amount=promise.amount,
                    date=promise.date,
                )
            )
        return promises

    def write(self, vals):
        if FLOW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._("The status of a promise changes only through its buttons.")
            )
        if {"amount", "date", "move_id"} & set(vals) and any(p.state != "open" for p in self):
            raise UserError(self.env._("Only an open promise can be changed."))
        if "date" in vals and fields.Date.to_date(vals["date"]) < fields.Date.context_today(self):
            raise ValidationError(self.env._("A promise to pay cannot be dated in the past."))
        if "amount" in vals:
            for promise in self:
                move = promise.move_id
                if (
                    float_compare(
                        vals["amount"],
                        move.amount_residual,
                        precision_rounding=move.currency_id.rounding,
                    )
                    > 0
                    or vals["amount"] <= 0
                ):
                    raise ValidationError(
                        self.env._(
                            "The promised amount must be positive and not above what is open "
                            "on %(invoice)s.",
                            invoice=move.name,
                        )
                    )
        return super().write(vals)

    def action_cancel(self):
        if not self.env.user.has_group("credit_management.group_credit_collector"):
            raise AccessError(self.env._("Only collectors cancel promises to pay."))
        if any(p.state != "open" for p in self):
            raise UserError(self.env._("Only an open promise can be cancelled."))
        self.sudo().write({"state": "cancel", "closed_date": fields.Date.context_today(self)})

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
        for promise in broken:
            move = promise.move_id.sudo()
            collector = move.collection_user_id
            move.message_post(
                body=self.env._(
                    "Promise to pay %(amount)s by %(date)s was broken: the invoice escalates "
                    "at this run.",
                    amount=promise.amount,
                    date=promise.date,
                ),
                partner_ids=(collector | managers).partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            for user in collector | managers:
                move.activity_schedule(
                    "credit_collection.mail_activity_type_collection_alert",
                    date_deadline=today,
                    summary=self.env._("Broken promise to pay"),
                    user_id=user.id,
                )
        return kept, broken
