from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.credit_appraisal.models.credit_training_session import SESSION_LOCKS


class CreditTrainingSession(models.Model):
    _inherit = "credit.training.session"

    # the certification the results were taken with, and how long they stay valid
    _guard_locks = [
        *SESSION_LOCKS,
        (("survey_id", "certification_validity_months"), ("open",)),
    ]

    survey_id = fields.Many2one(
        "survey.survey",
        string="Certification",
        domain="[('certification', '=', True)]",
        help="The exam is taken as this survey certification; each finished attempt "
        "records a result, a failed one followed by the next attempt as make-up exam.",
    )
    certification_validity_months = fields.Integer(
        string="Certification Valid (Months)",
        default=12,
        help="How long a passed certification stays valid on the employee; 0: no end.",
    )

    @api.constrains("survey_id", "assessment", "certification_validity_months")
    def _check_survey(self):
        for session in self:
            if session.survey_id and session.assessment != "exam":
                raise ValidationError(
                    self.env._("Only an exam session can be taken as a survey certification.")
                )
            if session.certification_validity_months < 0:
                raise ValidationError(self.env._("The validity cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._sync_survey()
        return sessions

    def write(self, vals):
        res = super().write(vals)
        if "survey_id" in vals:
            self._sync_survey()
        return res

    def _sync_survey(self):
        """The certification's pass mark is the exam's (the company setting, 60 by default)."""
        for session in self.filtered("survey_id"):
            survey = session.survey_id.sudo()
            vals = {
                "certification": True,
                "scoring_success_min": session.company_id.credit_exam_pass_score,
            }
            if survey.scoring_type == "no_scoring":
                vals["scoring_type"] = "scoring_with_answers"
            survey.write(vals)
