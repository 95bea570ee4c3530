from dateutil.relativedelta import relativedelta

from odoo import fields, models


class CreditScore(models.Model):
    """A dated scoring snapshot: what each factor was worth on that day."""

    _name = "credit.score"
    _description = "Credit Score Snapshot"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    # guards (credit.guard.mixin): a snapshot records a scoring; only the scoring writes
    # one (as superuser), and it stays on record
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    model_id = fields.Many2one("credit.score.model", required=True, ondelete="restrict")
    date = fields.Date(required=True, default=fields.Date.context_today)
    score = fields.Float(required=True, aggregator="avg")
    grade_id = fields.Many2one("credit.grade", ondelete="restrict")
    line_ids = fields.One2many("credit.score.line", "score_id", string="Factors")
    user_id = fields.Many2one("res.users", string="Scored By", default=lambda self: self.env.user)

    def _apply_to_partners(self):
        """Make the snapshot the partner's current grade and schedule its re-review."""
        for snapshot in self:
            partner = snapshot.partner_id.with_company(snapshot.company_id).sudo()
            vals = {
                "credit_score": snapshot.score,
                "credit_score_date": snapshot.date,
                "credit_grade_id": snapshot.grade_id.id,
            }
            if snapshot.grade_id:
                vals["credit_next_review_date"] = snapshot.date + relativedelta(
                    months=snapshot.grade_id.review_interval_months
                )
            partner.write(vals)
            env = self.with_context(lang=snapshot.company_id._credit_lang()).env
            partner.message_post(
                body=env._(
                    "Credit score %(score).2f, grade %(grade)s (model %(model)s).",
                    score=snapshot.score,
                    grade=snapshot.grade_id.with_env(env).name or "-",
                    model=snapshot.model_id.with_env(env).name,
                )
            )
