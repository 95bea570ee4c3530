from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..sql import load_all

STATES = [
    ("draft", "Being Evaluated"),
    ("submitted", "Awaiting Sign-off"),
    ("signed", "Signed Off"),
    ("cancelled", "Cancelled"),
]
EVALUATOR = "credit_supplier.group_credit_supplier_evaluator"
SIGNER = "credit_supplier.group_credit_supplier_signer"
MANAGER = "credit_management.group_credit_manager"


class CreditSupplierEvaluation(models.Model):
    """A periodic evaluation of one supplier (供应商信用评价): the purchase figures of the
    period and the evaluator's factors scored by the company's supplier model, signed off
    by the labour and wages section (劳资科) before the grade applies."""

    _name = "credit.supplier.evaluation"
    _description = "Supplier Evaluation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "credit.guard.mixin",
        "credit.decision.mixin",
    ]
    _order = "date_to desc, id desc"

    # guards (credit.guard.mixin): the evaluator fills in the period and the factors while
    # it is being evaluated; its state, who evaluated, submitted and signed off and the
    # figures move with its buttons; a submitted or signed evaluation is kept
    _guard_sequence = "credit.supplier.evaluation"
    _guard_flow_fields = (
        "name",
        "state",
        "evaluator_id",
        "submitted_date",
        "signed_by_id",
        "signed_date",
        "sign_note",
        "figures_date",
        "order_count",
    )
    _guard_locks = [("__all__", ("draft",))]
    _guard_undeletable_states = ("submitted", "signed")

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    model_id = fields.Many2one(
        "credit.score.model",
        string="Scoring Model",
        required=True,
        domain="[('applies_to', '=', 'supplier'), ('company_id', '=', company_id)]",
        default=lambda self: self.env.company.credit_supplier_score_model_id,
    )
    date_from = fields.Date(
        string="Period From",
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(months=12),
    )
    date_to = fields.Date(
        string="Period To", required=True, default=lambda self: fields.Date.context_today(self)
    )
    date_deadline = fields.Date(string="Evaluate By")
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, index=True)
    evaluator_id = fields.Many2one(
        "res.users",
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    submitted_date = fields.Date(readonly=True, copy=False)
    signed_by_id = fields.Many2one(
        "res.users", string="Signed Off By (劳资科)", readonly=True, copy=False
    )
    signed_date = fields.Date(string="Signed Off On", readonly=True, copy=False)
    sign_note = fields.Text(string="Sign-off Note", readonly=True, copy=False)
    figures_date = fields.Date(string="Figures Read On", readonly=True, copy=False)
    order_count = fields.Integer(string="Purchase Orders", readonly=True, copy=False)
    note = fields.Text(string="Evaluator's Comments")
    line_ids = fields.One2many(
        "credit.supplier.evaluation.line", "evaluation_id", string="Factors", copy=False
    )
    score = fields.Float(
        compute="_compute_score", store=True, aggregator="avg", groups="base.group_user"
    )
    grade_id = fields.Many2one("credit.supplier.grade", compute="_compute_score", store=True)
    purchase_policy = fields.Selection(related="grade_id.purchase_policy")
    can_sign = fields.Boolean(compute="_compute_can_sign")

    @api.depends("line_ids.weighted_points", "line_ids.weight", "company_id")
    def _compute_score(self):
        Grade = self.env["credit.supplier.grade"].sudo()
        for evaluation in self:
            weight = sum(evaluation.line_ids.mapped("weight"))
            if not weight:
                evaluation.score = 0.0
                evaluation.grade_id = False
                continue
            score = round(sum(evaluation.line_ids.mapped("weighted_points")) / weight, 2)
            evaluation.score = score
            evaluation.grade_id = Grade._grade_for_score(score, evaluation.company_id)

    @api.depends_context("uid")
    @api.depends("state", "evaluator_id")
    def _compute_can_sign(self):
        user = self.env.user
        signer = user.has_group(SIGNER)
        for evaluation in self:
            evaluation.can_sign = (
                signer and evaluation.state == "submitted" and evaluation.evaluator_id != user
            )

    @api.depends("partner_id", "date_to")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = f"{evaluation.name} {evaluation.partner_id.name or ''}"

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for evaluation in self:
            if evaluation.date_from > evaluation.date_to:
                raise ValidationError(self.env._("The evaluation period must end after it starts."))

    @api.constrains("model_id", "company_id")
    def _check_model(self):
        for evaluation in self:
            model = evaluation.model_id
            if model.applies_to != "supplier" or model.company_id != evaluation.company_id:
                raise ValidationError(
                    self.env._(
                        "Scoring model %(model)s does not score the suppliers of %(company)s.",
                        model=model.name,
                        company=evaluation.company_id.name,
                    )
                )

    @api.model
    def _guard_start_values(self, vals):
        # whoever creates an evaluation by hand evaluates it
        return dict(super()._guard_start_values(vals), evaluator_id=self.env.user.id)

    def _guard_check_write(self, vals):
        if vals.keys() - {"message_main_attachment_id"}:
            self._check_evaluator()

    def _check_evaluator(self):
        """Only the evaluator (or a credit manager) works on an evaluation."""
        user = self.env.user
        if self.env.su or user.has_group(MANAGER):
            return
        for evaluation in self:
            if evaluation.evaluator_id != user:
                raise AccessError(
                    self.env._(
                        "Only the evaluator of %(name)s or a credit manager may change it.",
                        name=evaluation.name,
                    )
                )

    def init(self):
        # the SQL functions of sql/ read other add-ons' tables: created once every table
        # of the module exists
        res = super().init()
        self.pool.post_init(load_all, self.env.cr)
        return res
