from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# a scorecard in use is kept as it is: a change is a new version
RUBRIC_LOCKS = [(("version", "date_from", "company_id", "item_ids"), ("draft",))]


class CreditAppraisalRubric(models.Model):
    """A version of the appraisal scorecard; a period keeps the version it was scored with."""

    _name = "credit.appraisal.rubric"
    _description = "Appraisal Scorecard Version"
    _inherit = ["credit.guard.mixin"]
    _order = "date_from desc, id desc"

    _guard_flow_fields = ("state", "total_points")
    _guard_locks = RUBRIC_LOCKS

    name = fields.Char(required=True, translate=True)
    version = fields.Integer(required=True, default=1)
    date_from = fields.Date(string="Valid From", required=True, default=fields.Date.context_today)
    company_id = fields.Many2one("res.company", help="Empty: shared by all companies.")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Use"), ("retired", "Retired")],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
    )
    item_ids = fields.One2many("credit.appraisal.rubric.item", "rubric_id", copy=True)
    total_points = fields.Float(compute="_compute_total_points", store=True)
    period_ids = fields.One2many("credit.appraisal.period", "rubric_id")

    _sql_constraints = [
        ("version_uniq", "unique(company_id, version)", "This scorecard version already exists.")
    ]

    @api.depends("item_ids.points")
    def _compute_total_points(self):
        for rubric in self:
            rubric.total_points = round(sum(rubric.item_ids.mapped("points")), 2)

    @api.constrains("state", "item_ids")
    def _check_total(self):
        for rubric in self:
            rubric._check_sums_to_100()

    def _check_sums_to_100(self):
        self.ensure_one()
        total = round(sum(self.item_ids.mapped("points")), 2)
        if self.state != "draft" and total != 100:
            raise ValidationError(
                self.env._(
                    "The items of scorecard %(name)s sum to %(total)s points; they must sum "
                    "to 100.",
                    name=self.name,
                    total=total,
                )
            )

    def _check_unused(self):
        for rubric in self:
            if rubric.period_ids and not self.env.su:
                raise UserError(
                    self.env._(
                        "Scorecard %(name)s was used by an appraisal period and is kept as it "
                        "was; create a new version.",
                        name=rubric.name,
                    )
                )

    def _check_in_use(self):
        """A period is scored with a scorecard in use."""
        for rubric in self:
            if rubric.state != "active" and not self.env.su:
                raise UserError(
                    self.env._(
                        "Scorecard %(name)s is not in use: a period is scored with the "
                        "scorecard in use.",
                        name=rubric.name,
                    )
                )

    def _check_draft(self):
        """Items are added to or moved into a draft scorecard only."""
        self._check_unused()
        for rubric in self:
            if rubric.state != "draft" and not self.env.su:
                raise UserError(
                    self.env._(
                        "Scorecard %(name)s is in use; create a new version to change its items.",
                        name=rubric.name,
                    )
                )

    def action_activate(self):
        for rubric in self:
            if rubric.state == "active":
                raise UserError(
                    self.env._("Scorecard %(name)s is already in use.", name=rubric.name)
                )
            rubric._guard_sudo("write").write({"state": "active"})
        return True

    def action_retire(self):
        if any(rubric.state != "active" for rubric in self):
            raise UserError(self.env._("Only a scorecard in use is retired."))
        self._guard_sudo("write").write({"state": "retired"})
        return True

    def action_new_version(self):
        """Copy into a draft with the next version number: past periods keep theirs."""
        self.ensure_one()
        self.check_access("write")
        last = self.search([("company_id", "=", self.company_id.id)], order="version desc", limit=1)
        new = self.copy({"version": last.version + 1, "name": self.name})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.period_ids:
            raise UserError(self.env._("A scorecard used by an appraisal period is kept."))
