from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditCollectionProcedure(models.Model):
    """The standard collection procedure (标准催账程序): stages by days overdue."""

    _name = "credit.collection.procedure"
    _description = "Collection Procedure"
    _order = "company_id, name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    # copied with the procedure: Odoo's copy then copies every language of their names
    stage_ids = fields.One2many(
        "credit.collection.stage", "procedure_id", string="Stages", copy=True
    )
    stage_mode = fields.Selection(
        [
            ("days", "Stage of its days overdue"),
            ("step", "One stage per run"),
        ],
        string="Stages Follow",
        required=True,
        default="days",
        help="Stage of its days overdue: the daily action puts an invoice in the stage its "
        "days overdue call for, skipping the stages before it (an invoice imported or "
        "back-dated 200 days overdue lands in its stage on the first run and gets that "
        "stage's action only). One stage per run: the invoice moves one stage a day, so that "
        "no stage's action is skipped.",
    )
    note = fields.Html(string="Description")

    @api.constrains("stage_ids")
    def _check_stages(self):
        for procedure in self:
            procedure._check_stage_ranges()

    def _check_stage_ranges(self):
        """The stages start at 1 day overdue; two cannot start on the same day."""
        self.ensure_one()
        starts = sorted(self.stage_ids.mapped("days_from"))
        if not starts:
            return
        if starts[0] < 1:
            raise ValidationError(
                self.env._("A collection stage starts at 1 day overdue or later.")
            )
        if starts[0] != 1:
            raise ValidationError(
                self.env._(
                    "The stages of procedure %(procedure)s leave a gap: the first stage must "
                    "start at 1 day overdue so that every overdue invoice has a stage.",
                    procedure=self.name,
                )
            )
        if len(set(starts)) != len(starts):
            raise ValidationError(
                self.env._(
                    "Two stages of procedure %(procedure)s start on the same day: they would "
                    "overlap.",
                    procedure=self.name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self.stage_ids._unlink_except_used()

    def _stages_sorted(self):
        return self.stage_ids.sorted("days_from")
