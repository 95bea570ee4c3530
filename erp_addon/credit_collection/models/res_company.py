from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    collection_procedure_id = fields.Many2one(
        "credit.collection.procedure",
        domain="[('company_id', '=', id)]",
        help="The standard collection procedure of the company's customer invoices, unless "
        "the customer or the invoice names another one.",
    )
    collection_default_user_id = fields.Many2one(
        "res.users",
        string="Default Collector",
        help="Gets the collection activities of invoices no assignment rule matches.",
    )
    collection_dso_days = fields.Integer(
        string="DSO Period (Days)",
        default=90,
        help="DSO = open receivables / credit sales of the last N days x N.",
    )
    collection_promise_horizon_days = fields.Integer(
        string="Promise Horizon (Days)",
        default=90,
        help="A promise to pay is for a date at most this many days after the day it is recorded.",
    )
    collection_promise_min_share = fields.Float(
        string="Promise Minimum Share (%)",
        default=10.0,
        help="A promise to pay is for at least this share of what is open on the invoice "
        "when it is recorded; a smaller promise does not pause the collection procedure.",
    )
    collection_writeoff_account_id = fields.Many2one(
        "account.account",
        string="Bad-Debt Write-off Account",
        domain="[('account_type', 'in', ('expense', 'asset_current'))]",
        help="Debited when an approved bad-debt write-off is posted (or the allowance for "
        "doubtful debts, 坏账准备).",
    )
    collection_writeoff_journal_id = fields.Many2one(
        "account.journal",
        string="Write-off Journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
    )

    @api.constrains("collection_promise_horizon_days", "collection_promise_min_share")
    def _check_collection_promise_settings(self):
        for company in self:
            if company.collection_promise_horizon_days < 1:
                raise ValidationError(
                    self.env._("The horizon of a promise to pay is at least one day.")
                )
            if not 0 <= company.collection_promise_min_share <= 100:
                raise ValidationError(
                    self.env._(
                        "The minimum share of a promise to pay is a percentage from 0 to 100."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._collection_copy_defaults()
        return companies

    def _collection_copy_defaults(self):
        """Give companies the main company's ageing buckets and standard procedure.

        Only where the company has none yet; stages keep their owning groups.
        """
        template = self.env.ref("base.main_company")
        Bucket = self.env["credit.collection.bucket"].sudo()
        for company in self - template:
            if not Bucket.search_count([("company_id", "=", company.id)], limit=1):
                # copies (not creates from their values): Odoo's copy keeps every
                # language of the names, of the procedure's stages too
                Bucket.search([("company_id", "=", template.id)]).copy({"company_id": company.id})
            if not company.sudo().collection_procedure_id:
                source = template.sudo().collection_procedure_id
                if source:
                    procedure = source.copy({"company_id": company.id})
                    company.sudo().collection_procedure_id = procedure
