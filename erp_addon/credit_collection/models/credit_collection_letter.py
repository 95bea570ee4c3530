import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

_logger = logging.getLogger(__name__)

COLLECTOR = "credit_management.group_credit_collector"


class CreditCollectionLetter(models.Model):
    """A dunning letter: one per customer, stage and currency per run of the daily action,
    listing every open item of the customer in that currency (remaining balance after
    partial payments) and its open credit notes.

    Once generated, what it says is frozen: the recipient, the documents listed and their
    amounts (its lines). A correction cancels it, keeping it with the reason, and makes a
    new letter from the customer's open items that day."""

    _name = "credit.collection.letter"
    _description = "Dunning Letter"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date desc, id desc"

    # made by the daily action (or a correction), changed only by its buttons
    _guard_flow_fields = (
        "name",
        "partner_id",
        "recipient_id",
        "company_id",
        "stage_id",
        "currency_id",
        "user_id",
        "date",
        "channel",
        "move_ids",
        "credit_move_ids",
        "line_ids",
        "amount_open",
        "amount_overdue",
        "amount_credit",
        "state",
        "failure_reason",
        "mail_id",
        "mail_message_id",
        "sent_date",
        "cancel_reason",
        "cancelled_by_id",
        "replaced_by_id",
    )
    _guard_undeletable_states = "__all__"

    name = fields.Char(readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, index=True
    )
    recipient_id = fields.Many2one(
        "res.partner",
        string="Sent To",
        readonly=True,
        help="The customer's invoice address when it has an email, else the customer.",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    stage_id = fields.Many2one("credit.collection.stage", required=True, readonly=True)
    currency_id = fields.Many2one("res.currency", required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Collector", readonly=True)
    date = fields.Date(required=True, readonly=True)
    channel = fields.Selection(
        [("email", "Email"), ("print", "Printed letter")], required=True, readonly=True
    )
    move_ids = fields.Many2many(
        "account.move",
        "credit_collection_letter_move_rel",
        "letter_id",
        "move_id",
        string="Open Items",
        readonly=True,
    )
    credit_move_ids = fields.Many2many(
        "account.move",
        "credit_collection_letter_credit_rel",
        "letter_id",
        "move_id",
        string="Open Credit Notes",
        readonly=True,
    )
    date_deadline = fields.Date(
        string="Pay By",
        compute="_compute_date_deadline",
        help="The deadline the letter sets: its date plus the stage's days to pay.",
    )
    line_ids = fields.One2many(
        "credit.collection.letter.line", "letter_id", string="Lines", readonly=True
    )
    # as on the letter's date, from its lines: a later payment does not change them
    amount_open = fields.Monetary(compute="_compute_amounts", store=True, string="Open Balance")
    amount_overdue = fields.Monetary(compute="_compute_amounts", store=True, string="Overdue")
    amount_credit = fields.Monetary(compute="_compute_amounts", store=True, string="Open Credits")
    state = fields.Selection(
        [
            ("draft", "To Send"),
            ("sent", "Sent"),
            ("to_print", "To Print"),
            ("printed", "Printed"),
            ("failed", "Not Delivered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    failure_reason = fields.Text(readonly=True)
    mail_id = fields.Many2one("mail.mail", readonly=True)
    # the letter's own message: a bounce arriving later refers to it (see mail_thread.py)
    mail_message_id = fields.Many2one("mail.message", string="Letter Message", readonly=True)
    sent_date = fields.Date(readonly=True)
    cancel_reason = fields.Text(string="Correction", readonly=True)
    cancelled_by_id = fields.Many2one("res.users", string="Cancelled by", readonly=True)
    replaced_by_id = fields.Many2one(
        "credit.collection.letter", string="Replaced by", readonly=True, index="btree_not_null"
    )
    replaces_id = fields.Many2one(
        "credit.collection.letter",
        compute="_compute_replaces_id",
        help="The cancelled letter this one corrects.",
    )

    @api.depends("line_ids.amount_residual", "line_ids.days_overdue", "line_ids.kind")
    def _compute_amounts(self):
        for letter in self:
            items = letter.line_ids.filtered(lambda line: line.kind == "item")
            credits = letter.line_ids - items
            letter.amount_open = sum(items.mapped("amount_residual"))
            letter.amount_credit = sum(credits.mapped("amount_residual"))
            # the credit check's rule: overdue items less the open credits, never below 0
            letter.amount_overdue = max(
                sum(items.filtered(lambda line: line.days_overdue > 0).mapped("amount_residual"))
                - letter.amount_credit,
                0.0,
            )

    @api.depends("date", "stage_id.payment_days")
    def _compute_date_deadline(self):
        for letter in self:
            days = letter.stage_id.payment_days
            letter.date_deadline = (
                fields.Date.add(letter.date, days=days) if letter.date and days > 0 else False
            )

    def _letter_kind(self):
        """Which letter the stage sends: a reminder, the formal dunning letter (正式催款函)
        or the final notice before legal action (report/report_dunning_letter.xml)."""
        self.ensure_one()
        action = self.stage_id.action_type
        if action in ("reminder", "call"):
            return "reminder"
        if action in ("letter", "visit"):
            return "formal"
        return "final"

    def _compute_replaces_id(self):
        ids = [letter_id for letter_id in self._origin.ids if isinstance(letter_id, int)]
        found = {
            old.replaced_by_id.id: old
            for old in self.sudo().search([("replaced_by_id", "in", ids)])
        }
        for letter in self:
            letter.replaces_id = found.get(letter.id, False)

    def _items(self):
        """The letter's lines as generated: open items oldest due first, then credit notes."""
        self.ensure_one()
        items = self.line_ids.filtered(lambda line: line.kind == "item")
        # a credit note with nothing left open says nothing: not printed
        credits = (self.line_ids - items).filtered(
            lambda line: not self.currency_id.is_zero(line.amount_residual)
        )
        return items.sorted(lambda line: (line.date_due or self.date, line.id)), credits

    # -------------------------------------------------------------- correction
    def action_correct(self):
        """The dialog of a correction: this letter cancelled with the reason, a new one."""
        self.ensure_one()
        self._check_may_correct()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct the Letter"),
            "res_model": "credit.collection.letter.correct.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_letter_id": self.id},
        }

    def _check_may_correct(self):
        if not self.env.user.has_group(COLLECTOR):
            raise AccessError(self.env._("Only collectors correct dunning letters."))
        for letter in self:
            if letter.state == "cancel":
                raise UserError(
                    self.env._(
                        "Letter %(letter)s is already cancelled.", letter=letter.display_name
                    )
                )

    def _correct(self, reason):
        """Cancel the letter with ``reason`` (it is kept) and make its replacement from the
        customer's open items today: same customer, stage, currency and collector."""
        self.ensure_one()
        self._check_may_correct()
        letter = self._guard_sudo("write")
        today = fields.Date.context_today(self)
        Run = self.env["credit.collection.run"].sudo().with_company(letter.company_id)
        setup = Run._collection_setup(letter.company_id)
        if letter.stage_id.id not in setup["stage_info"]:
            setup["stage_info"][letter.stage_id.id] = {"channel": letter.channel}
        key = (letter.partner_id.id, letter.stage_id.id, letter.currency_id.id)
        vals_list = Run._collection_letter_vals(
            letter.company_id, today, {key: letter.user_id.id}, setup, tolerance=False
        )
        if not vals_list:
            raise UserError(
                self.env._(
                    "Nothing of %(customer)s is open in %(currency)s any more: there is no "
                    "letter to make. The letter stays as it is.",
                    customer=letter.partner_id.display_name,
                    currency=letter.currency_id.name,
                )
            )
        new = Run._collection_create_letters(vals_list)
        letter.write(
            {
                "state": "cancel",
                "cancel_reason": reason,
                "cancelled_by_id": self.env.uid,
                "replaced_by_id": new.id,
            }
        )
        letter.activity_unlink(["credit_collection.mail_activity_type_collection_alert"])
        env = letter.company_id._credit_env()
        letter.message_post(
            body=env._(
                "Cancelled and replaced by %(new)s: %(reason)s", new=new.name, reason=reason
            ),
            subtype_xmlid="mail.mt_note",
        )
        new.message_post(
            body=env._("Replaces %(old)s: %(reason)s", old=letter.name, reason=reason),
            subtype_xmlid="mail.mt_note",
        )
        return new.with_env(self.env)

    # -------------------------------------------------------------- dispatch
    def action_send(self):
        if not self.env.user.has_group(COLLECTOR):
            raise AccessError(self.env._("Only collectors send dunning letters."))
        if any(letter.state not in ("draft", "failed") for letter in self):
            raise UserError(self.env._("Only letters to send or not delivered can be sent."))
        letters = self._guard_sudo("write")
        # sent again: back to "to send", so that a new failure is reported again
        letters.filtered(lambda letter: letter.state == "failed").write(
            {"state": "draft", "failure_reason": False}
        )
        letters._dispatch()

    def action_mark_printed(self):
        if not self.env.user.has_group(COLLECTOR):
            raise AccessError(self.env._("Only collectors mark letters as printed."))
        if any(letter.state != "to_print" for letter in self):
            raise UserError(self.env._("Only letters to print can be marked as printed."))
        letters = self._guard_sudo("write")
        letters.write({"state": "printed", "sent_date": fields.Date.context_today(self)})
        letters._log_sent()

    def action_print(self):
        return self.env.ref("credit_collection.action_report_dunning_letter").report_action(self)

    @api.model
    def _cron_send_letters(self, limit=500):
        letters = self.sudo().search([("state", "=", "draft")], limit=limit)
        for letter in letters:
            try:
                with self.env.cr.savepoint():
                    letter._dispatch()
            except Exception as exc:  # noqa: BLE001 - a failing letter must not stop the run
                _logger.exception("Dunning letter %s could not be sent", letter.id)
                letter._delivery_failed(str(exc))

    def _dispatch(self):
        """Email to the invoice contact, else a printed letter for the collector."""
        for letter in self:
            template = letter.stage_id.mail_template_id
            if letter.channel == "email" and template and letter.recipient_id.email:
                mail_id = template.send_mail(letter.id, force_send=False)
                mail = self.env["mail.mail"].browse(mail_id)
                letter.write({"mail_id": mail.id, "mail_message_id": mail.mail_message_id.id})
                # sent now, not left in the queue: a failure comes back at once
                mail.send(raise_exception=False)
                if letter.state == "failed":
                    continue  # already reported by the mail's post-processing
                if mail.exists() and mail.state == "exception":
                    letter._delivery_failed(mail.failure_reason or "")
                elif letter.state != "failed":
                    letter.write({"state": "sent", "sent_date": fields.Date.context_today(self)})
                    letter._log_sent()
            else:
                letter.write({"state": "to_print", "channel": "print"})
                if letter.user_id:
                    letter.activity_schedule(
                        "credit_collection.mail_activity_type_collection_alert",
                        summary=letter.company_id._credit_env(letter.user_id)._(
                            "Print and post the dunning letter"
                        ),
                        user_id=letter.user_id.id,
                    )

    def _delivery_failed(self, reason):
        """Back to the collector as an error: the letter is marked, an activity is given."""
        for letter in self.sudo():
            letter.write({"state": "failed", "failure_reason": reason})
            for move in letter.move_ids:
                move._collection_log("letter_failed", note=(reason or "")[:200])
            user = letter.user_id or letter.company_id.collection_default_user_id
            if user:
                letter.activity_schedule(
                    "credit_collection.mail_activity_type_collection_alert",
                    summary=letter.company_id._credit_env(user)._("Dunning letter not delivered"),
                    note=reason,
                    user_id=user.id,
                )
            env = letter.company_id._credit_env()
            letter.message_post(body=env._("Not delivered: %(reason)s", reason=reason or "?"))
            body = env._(
                "Dunning letter %(letter)s (%(stage)s) not delivered: %(reason)s",
                letter=letter.name,
                stage=letter.with_env(env).stage_id.name,
                reason=reason or "?",
            )
            letter.partner_id.message_post(body=body, subtype_xmlid="mail.mt_note")
            for move in letter.move_ids:
                move.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _collection_bounced(self, message, bounce_dict, email_message):
        """A bounce came back for ``message`` after the mail server had accepted it: when it
        is the letter's own mail, the letter was not delivered."""
        for letter in self.sudo():
            if letter.state == "failed" or not message or letter.mail_message_id != message:
                continue
            diagnostic = _bounce_diagnostic(email_message) or html2plaintext(
                bounce_dict.get("body") or ""
            )
            letter._delivery_failed(
                letter.company_id._credit_env()._(
                    "The mail to %(email)s bounced: %(diagnostic)s",
                    email=bounce_dict.get("bounced_email") or letter.recipient_id.email or "?",
                    diagnostic=(diagnostic or "?").strip()[:500],
                )
            )

    def _log_sent(self):
        """Every letter sent is logged on its invoices and on the customer."""
        for letter in self:
            env = letter.company_id._credit_env()
            how = dict(self._fields["channel"]._description_selection(env))[letter.channel]
            body = env._(
                "Dunning letter %(letter)s (%(stage)s, %(how)s) sent.",
                letter=letter.name,
                stage=letter.with_env(env).stage_id.name,
                how=how,
            )
            letter.partner_id.message_post(body=body, subtype_xmlid="mail.mt_note")
            for move in letter.move_ids:
                move.message_post(body=body, subtype_xmlid="mail.mt_note")
                move._collection_log("letter", stage_to=letter.stage_id, note=letter.name)
            letter.move_ids.write({"collection_dunned": True})


def _bounce_diagnostic(email_message):
    """The reasons a delivery status notification (RFC 3464) gives, one per failed
    recipient: its Diagnostic-Code, else its Status."""
    reasons = []
    for part in email_message.walk() if email_message else ():
        if part.get_content_type() != "message/delivery-status":
            continue
        # the per-message block first, then one block per recipient
        for block in (part.get_payload() or [])[1:]:
            if not hasattr(block, "get"):
                continue
            reason = block.get("Diagnostic-Code") or block.get("Status")
            if reason:
                reasons.append(str(reason).split(";", 1)[-1].strip())
    return "; ".join(reasons)
