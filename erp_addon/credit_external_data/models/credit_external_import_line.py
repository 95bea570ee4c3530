from odoo import fields, models


class CreditExternalImportLine(models.Model):
    """One line of an import's preview: a bad row with its column and reason, a row that
    matches no credit file, or what a matched row changes (old → new). Kept with the
    import as its log."""

    _name = "credit.external.import.line"
    _description = "External Credit Data Import Line"
    _inherit = ["credit.guard.mixin"]
    _order = "import_id, row, id"
    _rec_name = "credit_code"

    # guards (credit.guard.mixin): written by the preview only, kept as the import's log
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"
    _guard_state_field = None

    import_id = fields.Many2one(
        "credit.external.import", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="import_id.company_id", store=True)
    row = fields.Integer(help="The row of the file (1 is the header).")
    credit_code = fields.Char(string="Unified Social Credit Code")
    partner_id = fields.Many2one("res.partner", string="Credit File", ondelete="set null")
    status = fields.Selection(
        [
            ("error", "Bad row"),
            ("unmatched", "No credit file"),
            ("change", "Changes"),
            ("same", "No change"),
            ("older", "Older than the file"),
        ],
        required=True,
    )
    column = fields.Char()
    message = fields.Text(string="What Happens")
