from odoo import fields, models

from .credit_external_import import SOURCE_TYPES


class CreditExternalShare(models.Model):
    """The log of one sharing of customer credit data: who sent what customers' data to
    whom, when, and the file as sent. Written by the share wizard only; undeletable."""

    _name = "credit.external.share"
    _description = "External Credit Data Share Log"
    _inherit = ["credit.guard.mixin"]
    _order = "id desc"

    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"
    _guard_state_field = None
    _guard_sequence = "credit.external.share"

    name = fields.Char(readonly=True, default="/")
    company_id = fields.Many2one("res.company", required=True, index=True)
    user_id = fields.Many2one("res.users", string="Shared By", required=True)
    date = fields.Datetime(string="Shared On", required=True)
    recipient = fields.Char(required=True)
    recipient_type = fields.Selection(SOURCE_TYPES, required=True)
    purpose = fields.Text()
    partner_ids = fields.Many2many(
        "res.partner",
        "credit_external_share_partner_rel",
        "share_id",
        "partner_id",
        string="Customers",
    )
    partner_count = fields.Integer(string="Customers Shared")
    file_format = fields.Selection([("xlsx", "XLSX"), ("csv", "CSV")], required=True)
    file_data = fields.Binary(string="File", attachment=True)
    file_name = fields.Char()
