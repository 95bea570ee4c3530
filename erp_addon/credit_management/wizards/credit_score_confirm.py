from odoo import api, fields, models
from odoo.exceptions import AccessError


class CreditScoreConfirm(models.TransientModel):
    """Asks before scoring a partner into a grade whose maximum is below its limit.

    Scoring changes the grade but never the limit (limits change by application): the
    analyst confirms, and is offered a limit-change application down to the grade's
    maximum, so that a limit the grade does not allow is not left in place unnoticed.
    Nothing here is trusted: confirming scores the partner anew.
    """

    _name = "credit.score.confirm"
    _description = "Confirm Credit Score"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    score = fields.Float(readonly=True)
    grade_id = fields.Many2one("credit.grade", string="New Grade", readonly=True)
    current_limit = fields.Monetary(readonly=True)
    grade_max_limit = fields.Monetary(related="grade_id.max_credit_limit")
    propose_application = fields.Boolean(
        string="Propose a Limit Change",
        default=True,
        help="Start a limit-change application down to the new grade's maximum limit.",
    )

    @api.model
    def _action_open(self, partner, company, score, grade):
        wizard = self.create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "score": score,
                "grade_id": grade.id,
                "current_limit": partner.with_company(company).sudo().credit_limit,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confirm Credit Score"),
            "res_model": self._name,
            "res_id": wizard.id,
            "views": [(False, "form")],
            "target": "new",
        }

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group("credit_management.group_credit_analyst"):
            raise AccessError(self.env._("Only credit analysts may score a partner."))
        partner = self.partner_id.commercial_partner_id
        model = self.company_id.credit_score_model_id
        scores = model.sudo()._score_partners(partner)
        grade = scores[:1].grade_id
        limit = partner.with_company(self.company_id).sudo().credit_limit
        if not (
            self.propose_application and grade.max_credit_limit and limit > grade.max_credit_limit
        ):
            return {"type": "ir.actions.act_window_close"}
        Application = self.env["credit.application"].with_company(self.company_id)
        pending = Application.search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("draft", "submitted")),
            ],
            limit=1,
        )
        application = pending or Application.create(
            {
                "partner_id": partner.id,
                "company_id": self.company_id.id,
                "application_type": "limit_change",
                "requested_limit": grade.max_credit_limit,
                "justification": self.env._(
                    "Scored %(score).2f, grade %(grade)s: its maximum limit is below the "
                    "current limit.",
                    score=scores[:1].score,
                    grade=grade.name,
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.application",
            "res_id": application.id,
            "views": [(False, "form")],
        }
