from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # training and exams (SPEC section 5)
    credit_exam_pass_score = fields.Float(string="Exam Pass Mark", default=60.0)
    # fees, fines and rewards are amounts in yuan (SPEC section 5) whatever the company's
    # own currency: 30 is CNY 30 in a USD company as well
    credit_fee_currency_id = fields.Many2one(
        "res.currency",
        string="Currency of Fees, Fines and Rewards",
        default=lambda self: self._default_credit_fee_currency(),
        help="The currency of the make-up exam fee, the sample-check fine and the award "
        "rewards (yuan unless set otherwise). Each fee or fine keeps the currency it was "
        "recorded in.",
    )
    credit_makeup_fee = fields.Monetary(
        string="Make-up Exam Fee", currency_field="credit_fee_currency_id", default=30.0
    )
    credit_sample_pass_mastery = fields.Float(string="Sample Check Pass Mastery (%)", default=50.0)
    credit_sample_fine = fields.Monetary(
        string="Sample Check Fine", currency_field="credit_fee_currency_id", default=20.0
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
    # the reward of each award tier: recognition first, a modest material reward
    credit_reward_advanced_text = fields.Char(string="Advanced Recognition")
    credit_reward_advanced_amount = fields.Monetary(
        string="Advanced Reward", currency_field="credit_fee_currency_id"
    )
    credit_reward_excellent_text = fields.Char(string="Excellent Recognition")
    credit_reward_excellent_amount = fields.Monetary(
        string="Excellent Reward", currency_field="credit_fee_currency_id"
    )
    credit_reward_commendation_text = fields.Char(string="Commendation Recognition")
    credit_reward_commendation_amount = fields.Monetary(
        string="Commendation Reward", currency_field="credit_fee_currency_id"
    )
    credit_followup_days = fields.Integer(
        string="Days to Educate and Help After a First Failure",
        default=30,
        help="The deadline of the department head's education-and-help follow-up, counted "
        "from the approval of the year's lists.",
    )

    @api.model
    def _default_credit_fee_currency(self):
        return self.env.ref("base.CNY", raise_if_not_found=False)

    def _credit_reward(self, tier):
        """The recognition text and amount of an award tier (advanced, excellent,
        commendation) configured on this company."""
        self.ensure_one()
        return (
            self[f"credit_reward_{tier}_text"] or False,
            self[f"credit_reward_{tier}_amount"],
        )

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
        "credit_reward_advanced_amount",
        "credit_reward_excellent_amount",
        "credit_reward_commendation_amount",
        "credit_followup_days",
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
                min(
                    company.credit_reward_advanced_amount,
                    company.credit_reward_excellent_amount,
                    company.credit_reward_commendation_amount,
                )
                < 0
                or company.credit_followup_days < 0
            ):
                raise ValidationError(
                    self.env._("Rewards and the follow-up days cannot be negative.")
                )
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
