import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

_logger = logging.getLogger(__name__)

FLOW_FIELDS = {"state", "failure_reason", "mail_id", "mail_message_id", "sent_date"}


class CreditCollectionLetter(models.Model):
    """A dunning letter: one per customer, stage and currency per run of the daily action,
    listing every open item of the customer in that currency (remaining balance after
    partial payments) and its open credit notes."""

    _name = "credit.collection.letter"
    _description = "Dunning Letter"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

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
    amount_open = fields.Monetary(compute="_compute_amounts", string="Open Balance")
    amount_overdue = fields.Monetary(compute="_compute_amounts", string="Overdue")
    amount_credit = fields.Monetary(compute="_compute_amounts", string="Open Credits")
    state = fields.Selection(
        [
            ("draft", "To Send"),
            ("sent", "Sent"),
            ("to_print", "To Print"),
            ("printed", "Printed"),
            ("failed", "Not Delivered"),
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

    @api.depends("move_ids.amount_residual", "credit_move_ids.amount_residual")
    def _compute_amounts(self):
        days = {}
        for day in set(self.mapped("date")):
            days.update(
                {(day, move_id): n for move_id, n in self.move_ids._collection_days_on(day).items()}
            )
        for letter in self:
            letter.amount_open = sum(letter.move_ids.mapped("amount_residual"))
            # overdue on the letter's date
            letter.amount_overdue = sum(
                m.amount_residual
                for m in letter.move_ids
                if days.get((letter.date, m._origin.id), 0) > 0
            )
            letter.amount_credit = sum(letter.credit_move_ids.mapped("amount_residual"))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Dunning letters are made by the daily collection action.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if FLOW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._("The status of a letter changes only through its buttons.")
            )
        return super().write(vals)

    def _items(self):
        """The letter's lines: open items oldest due first, then credit notes."""
        self.ensure_one()
        return self.move_ids.sorted(
            lambda m: (m.invoice_date_due or m.date, m.id)
        ), self.credit_move_ids

    # -------------------------------------------------------------- dispatch
    def action_send(self):
        if not self.env.user.has_group("credit_management.group_credit_collector"):
            raise AccessError(self.env._("Only collectors send dunning letters."))
        if any(letter.state not in ("draft", "failed") for letter in self):
            raise UserError(self.env._("Only letters to send or not delivered can be sent."))
        # sent again: back to "to send", so that a new failure is reported again
        self.sudo().filtered(lambda letter: letter.state == "failed").write(
            {"state": "draft", "failure_reason": False}
        )
        self.sudo()._dispatch()

    def action_mark_printed(self):
        if not self.env.user.has_group("credit_management.group_credit_collector"):
            raise AccessError(self.env._("Only collectors mark letters as printed."))
        if any(letter.state != "to_print" for letter in self):
            raise UserError(self.env._("Only letters to print can be marked as printed."))
        self.sudo().write({"state": "printed", "sent_date": fields.Date.context_today(self)})
        self.sudo()._log_sent()

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
                        summary=self.env._("Print and post the dunning letter"),
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
                    summary=self.env._("Dunning letter not delivered"),
                    note=reason,
                    user_id=user.id,
                )
            letter.message_post(body=self.env._("Not delivered: %(reason)s", reason=reason or "?"))
            body = self.env._(
                "Dunning letter %(letter)s (%(stage)s) not delivered: %(reason)s",
                letter=letter.name,
                stage=letter.stage_id.name,
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
                self.env._(
                    "The mail to %(email)s bounced: %(diagnostic)s",
                    email=bounce_dict.get("bounced_email") or letter.recipient_id.email or "?",
                    diagnostic=(diagnostic or "?").strip()[:500],
                )
            )

    def _log_sent(self):
        """Every letter sent is logged on its invoices and on the customer."""
        for letter in self:
            how = dict(self._fields["channel"].selection)[letter.channel]
            body = self.env._(
                "Dunning letter %(letter)s (%(stage)s, %(how)s) sent.",
                letter=letter.name,
                stage=letter.stage_id.name,
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
