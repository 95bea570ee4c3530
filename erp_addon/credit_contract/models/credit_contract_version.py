from odoo import api, fields, models
from odoo.exceptions import AccessError

VERSION_FIELDS = (
    "contract_id",
    "company_id",
    "version",
    "date",
    "user_id",
    "amendment_id",
    "changes",
    "title",
    "amount",
    "currency_id",
    "date_start",
    "date_end",
    "body",
)


class CreditContractVersion(models.Model):
    """A version of a signed contract, kept when an amendment changes it."""

    _name = "credit.contract.version"
    _description = "Contract Version"
    _inherit = ["credit.guard.mixin"]
    _order = "contract_id, version desc"

    # kept by signing and amendments, as they were
    _guard_flow_fields = VERSION_FIELDS
    _guard_undeletable_states = "__all__"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    version = fields.Integer(required=True)
    date = fields.Date(required=True)
    user_id = fields.Many2one("res.users", string="By", required=True)
    amendment_id = fields.Many2one("credit.contract.amendment")
    changes = fields.Text(string="What Changed")
    title = fields.Char()
    amount = fields.Monetary()
    currency_id = fields.Many2one("res.currency")
    date_start = fields.Date(string="Effective Date")
    date_end = fields.Date(string="End Date")
    body = fields.Html(string="Clauses", sanitize=False)

    @api.depends("contract_id", "version")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for version in self:
            version.display_name = version.env._(
                "%(contract)s, version %(version)s",
                contract=version.contract_id.name or "-",
                version=version.version,
            )

    @api.model
    def _guard_check_create(self, vals_list):
        raise AccessError(self.env._("Versions are kept by signing and amendments."))
