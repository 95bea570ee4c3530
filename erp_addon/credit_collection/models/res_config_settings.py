from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    collection_procedure_id = fields.Many2one(
        related="company_id.collection_procedure_id", readonly=False
    )
    collection_default_user_id = fields.Many2one(
        related="company_id.collection_default_user_id", readonly=False
    )
    collection_dso_days = fields.Integer(related="company_id.collection_dso_days", readonly=False)
    collection_promise_horizon_days = fields.Integer(
        related="company_id.collection_promise_horizon_days", readonly=False
    )
    collection_promise_min_share = fields.Float(
        related="company_id.collection_promise_min_share", readonly=False
    )
    collection_writeoff_account_id = fields.Many2one(
        related="company_id.collection_writeoff_account_id", readonly=False
    )
    collection_writeoff_journal_id = fields.Many2one(
        related="company_id.collection_writeoff_journal_id", readonly=False
    )
