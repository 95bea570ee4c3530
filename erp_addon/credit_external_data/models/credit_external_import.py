import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..providers import get_provider, provider_selection

SOURCE_TYPES = [
    ("bank", "Bank"),
    ("association", "Industry association"),
    ("rating_agency", "Rating agency"),
    ("other", "Other"),
]
ANALYST = "credit_management.group_credit_analyst"


class CreditExternalImport(models.Model):
    """One import of external credit data (外部征信导入): a file (or an online provider's
    answer) read, previewed (what will change, old → new; rows that match no credit file;
    bad rows with their reasons) and applied all or nothing. Applied, it is the log of what
    came from where: undeletable."""

    _name = "credit.external.import"
    _description = "External Credit Data Import"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "id desc"

    # guards (credit.guard.mixin): the preview, the apply and their figures only through
    # the buttons; what is imported is fixed once previewed (back to draft to change it);
    # an applied import is the record of what changed the credit files
    _guard_flow_fields = (
        "name",
        "state",
        "user_id",
        "date_preview",
        "date_applied",
        "row_count",
        "matched_count",
        "unmatched_count",
        "error_count",
        "change_count",
        "adverse_new_count",
    )
    _guard_locks = [("__all__", ("draft",))]
    _guard_undeletable_states = ("applied",)
    _guard_sequence = "credit.external.import"

    name = fields.Char(readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    provider = fields.Selection(
        selection="_selection_provider",
        required=True,
        default=lambda self: self.env.company.credit_external_provider or "file",
        help="Where the data comes from: the file import, or an online provider installed "
        "later (Settings choose the default).",
    )
    source_name = fields.Char(
        string="Source",
        required=True,
        tracking=True,
        help="The bank, industry association or rating agency that delivered the data; "
        "a row's own source column, when filled, says more precisely.",
    )
    source_type = fields.Selection(SOURCE_TYPES, required=True, default="bank", tracking=True)
    file_data = fields.Binary(string="File", attachment=True, copy=False)
    file_name = fields.Char(copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("previewed", "Previewed"), ("applied", "Applied")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users", string="Imported By", default=lambda self: self.env.user, copy=False
    )
    date_preview = fields.Datetime(string="Previewed On", copy=False)
    date_applied = fields.Datetime(string="Applied On", copy=False)
    row_count = fields.Integer(string="Rows", copy=False)
    matched_count = fields.Integer(string="Matched", copy=False)
    unmatched_count = fields.Integer(string="Not Matched", copy=False)
    error_count = fields.Integer(string="Bad Rows", copy=False)
    change_count = fields.Integer(string="Values Changed", copy=False)
    adverse_new_count = fields.Integer(string="New Adverse Records", copy=False)
    line_ids = fields.One2many("credit.external.import.line", "import_id", string="Preview")
    record_ids = fields.One2many("credit.external.record", "import_id", string="Records")
    value_ids = fields.One2many("credit.external.value", "import_id", string="Value History")
    adverse_ids = fields.One2many("credit.external.adverse", "import_id", string="Adverse Records")

    @api.model
    def _selection_provider(self):
        return provider_selection(self.env)

    def _external_provider(self):
        self.ensure_one()
        return get_provider(self.env, self.provider)

    def _external_content(self):
        self.ensure_one()
        return base64.b64decode(self.file_data or b"")

    def _external_check_analyst(self):
        if not self.env.user.has_group(ANALYST):
            raise AccessError(self.env._("Only a credit analyst may import external credit data."))
        self.check_access("write")

    def action_reset_draft(self):
        """Back to draft (the file or the source can be changed again); the preview goes."""
        self._external_check_analyst()
        for record in self:
            if record.state != "previewed":
                continue
            record._guard_sudo("write").line_ids.unlink()
            record._guard_sudo("write").write(
                {
                    "state": "draft",
                    "date_preview": False,
                    "row_count": 0,
                    "matched_count": 0,
                    "unmatched_count": 0,
                    "error_count": 0,
                    "change_count": 0,
                    "adverse_new_count": 0,
                }
            )
        return True

    def action_download_template(self):
        return {
            "type": "ir.actions.act_url",
            "url": "/credit_external_data/template.xlsx",
            "target": "download",
        }

    def action_download_template_csv(self):
        return {
            "type": "ir.actions.act_url",
            "url": "/credit_external_data/template.csv",
            "target": "download",
        }

    def _external_open(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("import_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_open_records(self):
        return self._external_open("credit.external.record", self.env._("Records"))

    def action_open_values(self):
        return self._external_open("credit.external.value", self.env._("Value History"))

    def action_open_adverse(self):
        return self._external_open("credit.external.adverse", self.env._("Adverse Records"))
