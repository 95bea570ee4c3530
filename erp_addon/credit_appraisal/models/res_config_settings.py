from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_exam_pass_score = fields.Float(
        related="company_id.credit_exam_pass_score", readonly=False
    )
    credit_fee_currency_id = fields.Many2one(
        related="company_id.credit_fee_currency_id", readonly=False
    )
    credit_makeup_fee = fields.Monetary(
        related="company_id.credit_makeup_fee",
        readonly=False,
        currency_field="credit_fee_currency_id",
    )
    credit_sample_pass_mastery = fields.Float(
        related="company_id.credit_sample_pass_mastery", readonly=False
    )
    credit_sample_fine = fields.Monetary(
        related="company_id.credit_sample_fine",
        readonly=False,
        currency_field="credit_fee_currency_id",
    )
    credit_training_per_half = fields.Integer(
        related="company_id.credit_training_per_half", readonly=False
    )
    credit_training_warning_days = fields.Integer(
        related="company_id.credit_training_warning_days", readonly=False
    )
    credit_award_advanced = fields.Float(related="company_id.credit_award_advanced", readonly=False)
    credit_award_excellent = fields.Float(
        related="company_id.credit_award_excellent", readonly=False
    )
    credit_award_commendation = fields.Float(
        related="company_id.credit_award_commendation", readonly=False
    )
    credit_fail_threshold = fields.Float(related="company_id.credit_fail_threshold", readonly=False)
    credit_revoke_after_failures = fields.Integer(
        related="company_id.credit_revoke_after_failures", readonly=False
    )
    credit_followup_days = fields.Integer(related="company_id.credit_followup_days", readonly=False)
    credit_reward_advanced_text = fields.Char(
        related="company_id.credit_reward_advanced_text", readonly=False
    )
    credit_reward_advanced_amount = fields.Monetary(
        related="company_id.credit_reward_advanced_amount",
        readonly=False,
        currency_field="credit_fee_currency_id",
    )
    credit_reward_excellent_text = fields.Char(
        related="company_id.credit_reward_excellent_text", readonly=False
    )
    credit_reward_excellent_amount = fields.Monetary(
        related="company_id.credit_reward_excellent_amount",
        readonly=False,
        currency_field="credit_fee_currency_id",
    )
    credit_reward_commendation_text = fields.Char(
        related="company_id.credit_reward_commendation_text", readonly=False
    )
    credit_reward_commendation_amount = fields.Monetary(
        related="company_id.credit_reward_commendation_amount",
        readonly=False,
        currency_field="credit_fee_currency_id",
    )
