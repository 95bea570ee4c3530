from odoo import api, fields, models

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
    """One contact with a customer about what it owes: who, how, outcome, next step."""

    _name = "credit.collection.contact"
    _description = "Collection Contact"
    _order = "date desc, id desc"

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
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Collector", required=True, default=lambda self: self.env.user
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    contact_type = fields.Selection(CONTACT_TYPES, string="Contact", required=True, default="call")
    contact_person = fields.Char(string="Spoke With")
    outcome = fields.Selection(OUTCOMES, required=True, default="reached")
    note = fields.Text(string="Notes")
    next_step = fields.Char()
    next_date = fields.Date(string="Next Step On")

    @api.onchange("move_id")
    def _onchange_move_id(self):
        if self.move_id:
            self.partner_id = self.move_id.commercial_partner_id
            self.company_id = self.move_id.company_id

    @api.model_create_multi
    def create(self, vals_list):
        contacts = super().create(vals_list)
        for contact in contacts:
            record = contact.move_id or contact.partner_id
            record.sudo().message_post(
                body=self.env._(
                    "Collection contact (%(type)s) by %(user)s: %(outcome)s. %(note)s",
                    type=dict(CONTACT_TYPES)[contact.contact_type],
                    user=contact.user_id.name,
                    outcome=dict(OUTCOMES)[contact.outcome],
                    note=contact.note or "",
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            if contact.next_date and contact.next_step:
                record.sudo().activity_schedule(
                    "credit_collection.mail_activity_type_collection",
                    date_deadline=contact.next_date,
                    summary=contact.next_step,
                    user_id=contact.user_id.id,
                )
        return contacts
