from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.credit_appraisal.models.credit_training_result import RESULT_FLOW_FIELDS


class CreditTrainingResult(models.Model):
    _inherit = "credit.training.result"

    # an attempt is linked by the survey only; the validity follows from it
    _guard_flow_fields = (*RESULT_FLOW_FIELDS, "user_input_id", "certification_valid_until")

    user_input_id = fields.Many2one(
        "survey.user_input", string="Certification Attempt", readonly=True, index="btree_not_null"
    )
    certification_valid_until = fields.Date(
        compute="_compute_certification_valid_until", store=True
    )

    @api.depends("passed", "date", "user_input_id", "session_id.certification_validity_months")
    def _compute_certification_valid_until(self):
        for result in self:
            months = result.session_id.certification_validity_months
            result.certification_valid_until = (
                result.date + relativedelta(months=months)
                if result.passed and result.user_input_id and months
                else False
            )

    @api.model
    def _record_attempts(self, user_inputs):
        """One result per finished certification attempt of a credit exam.

        The first attempt is the exam; after a fail, the next attempt is the make-up exam
        (and a fail costs the make-up fee, as for any exam). Attempts after a pass, test
        entries and participants who are no employees of the session's company are ignored.
        """
        sessions = (
            self.env["credit.training.session"]
            .sudo()
            .search([("survey_id", "in", user_inputs.survey_id.ids), ("assessment", "=", "exam")])
        )
        if not sessions:
            return self.browse()
        Result = self.sudo()
        created = self.browse()
        for user_input in user_inputs.sorted("id"):
            if user_input.test_entry or user_input.state != "done" or not user_input.partner_id:
                continue
            if Result.search_count([("user_input_id", "=", user_input.id)]):
                continue
            for session in sessions.filtered(lambda s, ui=user_input: s.survey_id == ui.survey_id):
                employee = (
                    self.env["hr.employee"]
                    .sudo()
                    .search(
                        [
                            ("company_id", "=", session.company_id.id),
                            "|",
                            ("work_contact_id", "=", user_input.partner_id.id),
                            ("user_id.partner_id", "=", user_input.partner_id.id),
                        ],
                        limit=1,
                    )
                )
                if not employee:
                    continue
                previous = Result.search(
                    [("session_id", "=", session.id), ("employee_id", "=", employee.id)],
                    order="attempt desc",
                    limit=1,
                )
                if previous.passed:
                    continue
                created |= Result.create(
                    {
                        "session_id": session.id,
                        "employee_id": employee.id,
                        "score": min(max(user_input.scoring_percentage, 0.0), 100.0),
                        "date": fields.Date.context_today(self),
                        "makeup_of_id": previous.id,
                        "user_input_id": user_input.id,
                    }
                )
        return created
