from odoo import fields, models

from odoo.addons.credit_management.models.res_partner import OPERATING_STATUSES

from .credit_external_import import SOURCE_TYPES


class CreditExternalRecord(models.Model):
    """What a source reported about a customer on a date (one applied row), kept with its
    source and date whatever came after."""

    _name = "credit.external.record"
    _description = "External Credit Record"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    # guards (credit.guard.mixin): written by the import only, a record of what came in
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"
    _guard_state_field = None

    import_id = fields.Many2one(
        "credit.external.import", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="restrict")
    credit_code = fields.Char(string="Unified Social Credit Code", required=True)
    source_name = fields.Char(string="Source", required=True)
    source_type = fields.Selection(SOURCE_TYPES, required=True)
    date = fields.Date(required=True, index=True)
    rating = fields.Char()
    registered_capital = fields.Float(digits="Account")
    operating_status = fields.Selection(OPERATING_STATUSES)
    adverse_count = fields.Integer(string="Adverse Records Reported")
    older = fields.Boolean(
        string="Older Than the File",
        help="Reported before the values on file: kept, the values were not changed.",
    )
