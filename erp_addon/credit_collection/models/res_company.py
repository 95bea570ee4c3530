from odoo import api, fields, models


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
    collection_writeoff_account_id = fields.Many2one(
        "account.account",
        string="Bad-Debt Write-off Account",
        domain="[('account_type', 'in', ('expense', 'asset_current'))]",
        help="Debited when an approved bad-debt write-off is posted (or the allowance for "
        "doubtful debts, 坏帐准备).",
    )
    collection_writeoff_journal_id = fields.Many2one(
        "account.journal",
        string="Write-off Journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
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
                buckets = Bucket.search([("company_id", "=", template.id)])
                Bucket.create(
                    [
                        dict(vals, name=bucket.name, company_id=company.id)
                        for bucket, vals in zip(buckets, buckets.copy_data(), strict=True)
                    ]
                )
            if not company.sudo().collection_procedure_id:
                source = template.sudo().collection_procedure_id
                if source:
                    procedure = source.copy({"company_id": company.id, "name": source.name})
                    company.sudo().collection_procedure_id = procedure
