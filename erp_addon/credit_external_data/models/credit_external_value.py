from odoo import fields, models


class CreditExternalValue(models.Model):
    """The history of a credit-file value an import changed: one record per change, with
    the old and the new value, the source and the date."""

    _name = "credit.external.value"
    _description = "External Credit Value History"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"
    _rec_name = "field_name"

    # guards (credit.guard.mixin): written by the import only, a record of what changed
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"
    _guard_state_field = None

    import_id = fields.Many2one(
        "credit.external.import", required=True, index=True, ondelete="restrict"
    )
    record_id = fields.Many2one("credit.external.record", index=True, ondelete="restrict")
    company_id = fields.Many2one("res.company", required=True, index=True)
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="restrict")
    field_name = fields.Selection(
        [
            ("rating", "External rating"),
            ("registered_capital", "Registered capital"),
            ("operating_status", "Operating status"),
        ],
        string="Value",
        required=True,
    )
    old_value = fields.Char(string="Old")
    new_value = fields.Char(string="New")
    source_name = fields.Char(string="Source", required=True)
    date = fields.Date(required=True)
