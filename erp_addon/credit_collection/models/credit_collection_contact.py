from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

CONTACT_TYPES = [
    ("call", "Phone call"),
    ("visit", "Visit"),
    ("letter", "Letter"),
    ("email", "Email"),
    ("message", "Message"),
]
OUTCOMES = [
    ("reached", "Reached, no commitment"),
    ("promise", "Promised to pay"),
    ("dispute", "Disputes the invoice"),
    ("refused", "Refuses to pay"),
    ("no_answer", "No answer"),
    ("paid", "Says it has paid"),
    ("other", "Other"),
]


class CreditCollectionContact(models.Model):
    """One contact with a customer about what it owes: who, how, outcome, next step.

    Its author (the collector who logs it) edits it on the day only; its company is the
    invoice's, else the customer's, else the current one; it is posted on the invoice or
    the customer only when the author may read that record."""

    _name = "credit.collection.contact"
    _description = "Collection Contact"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"

    _guard_flow_fields = ("user_id", "company_id", "logged_on")

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        domain="[('is_company', '=', True)]",
    )
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        index=True,
        domain="[('move_type', 'in', ('out_invoice', 'out_receipt')), ('state', '=', 'posted'),"
        " ('commercial_partner_id', '=', partner_id)]",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=True,
        precompute=True,
        index=True,
        help="The invoice's company, else the customer's, else the current company.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Collector",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        help="Who logged the contact: only they edit it, on the day.",
    )
    logged_on = fields.Date(
        default=fields.Date.context_today,
        readonly=True,
        help="The day the contact was logged: its author may change it that day only.",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    contact_type = fields.Selection(CONTACT_TYPES, string="Contact", required=True, default="call")
    contact_person = fields.Char(string="Spoke With")
    outcome = fields.Selection(OUTCOMES, required=True, default="reached")
    note = fields.Text(string="Notes")
    next_step = fields.Char()
    next_date = fields.Date(string="Next Step On")

    @api.depends("move_id", "partner_id", "contact_type", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for contact in self:
            types = dict(contact._fields["contact_type"]._description_selection(contact.env))
            contact.display_name = contact.env._(
                "%(record)s: %(type)s, %(date)s",
                record=(contact.move_id or contact.partner_id).display_name or "-",
                type=types.get(contact.contact_type, "-"),
                date=format_date(contact.env, contact.date),
            )

    @api.depends("move_id", "partner_id")
    def _compute_company_id(self):
        for contact in self:
            contact.company_id = (
                contact.move_id.company_id
                or contact.partner_id.commercial_partner_id.company_id
                or contact.partner_id.company_id
                or self.env.company
            )

    @api.onchange("move_id")
    def _onchange_move_id(self):
        if self.move_id:
            self.partner_id = self.move_id.commercial_partner_id

    @api.constrains("partner_id", "move_id", "company_id")
    def _check_company(self):
        for contact in self:
            partner_company = contact.partner_id.commercial_partner_id.company_id
            if partner_company and partner_company != contact.company_id:
                raise ValidationError(
                    self.env._(
                        "%(customer)s belongs to %(company)s: the contact is logged there.",
                        customer=contact.partner_id.display_name,
                        company=partner_company.name,
                    )
                )
            customer = contact.partner_id.commercial_partner_id
            if contact.move_id and contact.move_id.commercial_partner_id != customer:
                raise ValidationError(
                    self.env._(
                        "Invoice %(invoice)s is not an invoice of %(customer)s.",
                        invoice=contact.move_id.name,
                        customer=contact.partner_id.display_name,
                    )
                )

    @api.model
    def _guard_check_create(self, vals_list):
        """The author may read the customer and the invoice the contact is about."""
        for vals in vals_list:
            partner = self.env["res.partner"].browse(vals.get("partner_id")).exists()
            move = self.env["account.move"].browse(vals.get("move_id")).exists()
            for record in (partner, move):
                if record:
                    record.check_access("read")
            company = move.company_id or partner.commercial_partner_id.company_id
            if company and company not in self.env.user.company_ids:
                raise AccessError(
                    self.env._(
                        "%(customer)s belongs to %(company)s, a company you do not work for.",
                        customer=partner.display_name,
                        company=company.name,
                    )
                )

    def _guard_check_write(self, vals):
        """Its author edits a contact, on the day it was logged."""
        user = self.env.user
        today = fields.Date.context_today(self)
        for contact in self:
            if contact.user_id != user:
                raise AccessError(
                    self.env._(
                        "Only %(author)s, who logged this contact, may change it.",
                        author=contact.user_id.name,
                    )
                )
            logged = contact.logged_on
            if logged != today:
                raise UserError(
                    self.env._(
                        "This contact was logged on %(day)s: it can only be changed on the day "
                        "it was logged.",
                        day=logged,
                    )
                )
        if {"partner_id", "move_id"} & set(vals):
            self._guard_check_create([vals])

    @api.ondelete(at_uninstall=False)
    def _unlink_by_author_on_the_day(self):
        """Deleting an entry is changing it: its author, on the day."""
        if not self.env.su:
            self._guard_check_write({})

    @api.model_create_multi
    def create(self, vals_list):
        contacts = super().create(vals_list)
        for contact in contacts:
            record = contact.move_id or contact.partner_id
            # posted as superuser only on a record its author may read
            record.check_access("read")
            record = record.sudo()
            env = contact.company_id._credit_env()
            record.message_post(
                body=env._(
                    "Collection contact (%(type)s) by %(user)s: %(outcome)s. %(note)s",
                    type=dict(self._fields["contact_type"]._description_selection(env))[
                        contact.contact_type
                    ],
                    user=contact.user_id.name,
                    outcome=dict(self._fields["outcome"]._description_selection(env))[
                        contact.outcome
                    ],
                    note=contact.note or "",
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            if contact.next_date and contact.next_step:
                record.activity_schedule(
                    "credit_collection.mail_activity_type_collection",
                    date_deadline=contact.next_date,
                    summary=contact.next_step,
                    user_id=contact.user_id.id,
                )
        return contacts
