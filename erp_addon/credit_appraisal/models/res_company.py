from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # training and exams (SPEC section 5)
    credit_exam_pass_score = fields.Float(string="Exam Pass Mark", default=60.0)
    credit_makeup_fee = fields.Monetary(
        string="Make-up Exam Fee", currency_field="currency_id", default=30.0
    )
    credit_sample_pass_mastery = fields.Float(string="Sample Check Pass Mastery (%)", default=50.0)
    credit_sample_fine = fields.Monetary(
        string="Sample Check Fine", currency_field="currency_id", default=20.0
    )
    credit_training_per_half = fields.Integer(
        string="Required Sessions per Type and Half-year",
        default=1,
        help="Integrity education and legal knowledge: sessions required of each type in "
        "each half-year (twice a year, one per half-year).",
    )
    credit_training_warning_days = fields.Integer(
        string="Warn Days Before Half-year End", default=30
    )
    # appraisal (SPEC section 6)
    credit_award_advanced = fields.Float(string="Advanced From", default=95.0)
    credit_award_excellent = fields.Float(string="Excellent From", default=90.0)
    credit_award_commendation = fields.Float(string="Commendation From", default=80.0)
    credit_fail_threshold = fields.Float(string="Failure Below", default=60.0)
    credit_revoke_after_failures = fields.Integer(string="Revoke at Failure Number", default=2)

    @api.constrains(
        "credit_exam_pass_score",
        "credit_sample_pass_mastery",
        "credit_makeup_fee",
        "credit_sample_fine",
        "credit_award_advanced",
        "credit_award_excellent",
        "credit_award_commendation",
        "credit_fail_threshold",
        "credit_revoke_after_failures",
        "credit_training_per_half",
        "credit_training_warning_days",
    )
    def _check_credit_appraisal_settings(self):
        for company in self:
            marks = (
                company.credit_exam_pass_score,
                company.credit_sample_pass_mastery,
                company.credit_award_advanced,
                company.credit_award_excellent,
                company.credit_award_commendation,
                company.credit_fail_threshold,
            )
            if any(mark < 0 or mark > 100 for mark in marks):
                raise ValidationError(
                    self.env._("Pass marks, award tiers and thresholds lie between 0 and 100.")
                )
            if not (
                company.credit_award_advanced
                >= company.credit_award_excellent
                >= company.credit_award_commendation
                >= company.credit_fail_threshold
            ):
                raise ValidationError(
                    self.env._(
                        "Award tiers must descend: Advanced ≥ Excellent ≥ Commendation ≥ "
                        "failure threshold."
                    )
                )
            if company.credit_makeup_fee < 0 or company.credit_sample_fine < 0:
                raise ValidationError(self.env._("Fees and fines cannot be negative."))
            if (
                company.credit_revoke_after_failures < 1
                or company.credit_training_per_half < 0
                or company.credit_training_warning_days < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The failure count for revocation is at least 1; session counts and "
                        "warning days cannot be negative."
                    )
                )
