from odoo import api, fields, models
from odoo.exceptions import ValidationError

# formulas the period's recompute knows (see credit_appraisal_period._compute_items)
COMPUTE_METHODS = [
    ("legal_exam", "Legal-knowledge exam results"),
    ("training_attendance", "Required sessions attended"),
    ("three_properties", "Reviewed contracts passing the three properties"),
    ("five_reviews", "Reviewed contracts passing the five reviews"),
    ("written_contract", "Orders above the threshold with a signed contract"),
    ("template_clauses", "Contracts on the right template with its clauses"),
    ("within_authority", "Contracts signed within the power of attorney"),
    ("no_invalid", "No invalid contract"),
    ("review_before_signing", "Review complete before signing"),
    ("followups", "Performance follow-ups on schedule"),
    ("amendments", "Changes and terminations processed in time"),
    ("ledger_complete", "Ledger entries complete"),
    ("registered_on_time", "Ledger entries timely, uncorrected and complete"),
    ("seal_backed", "Seal uses reviewed, in custody, seals checked"),
    ("archived", "Ended contracts archived with documents"),
]


class CreditAppraisalRubricItem(models.Model):
    _name = "credit.appraisal.rubric.item"
    _description = "Appraisal Scorecard Item"
    _inherit = ["credit.guard.mixin"]
    _order = "rubric_id, sequence, id"

    # the items of a scorecard in use are kept: a change is a new version
    _guard_flow_fields = ("rubric_state",)
    _guard_state_field = "rubric_state"
    _guard_locks = [
        (
            (
                "rubric_id",
                "sequence",
                "code",
                "section",
                "name",
                "points",
                "compute_method",
                "hand_points",
                "description",
            ),
            ("draft",),
        )
    ]
    _guard_undeletable_states = ("active", "retired")

    rubric_id = fields.Many2one(
        "credit.appraisal.rubric", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="1.1, 1.2, ...")
    section = fields.Char(required=True, translate=True)
    name = fields.Char(required=True, translate=True)
    points = fields.Float(required=True)
    compute_method = fields.Selection(
        COMPUTE_METHODS,
        string="Measured From",
        help="Empty: the assessor scores the item.",
    )
    hand_points = fields.Float(
        string="Assessor's Points",
        help="Of the item's points, those the assessor scores by hand with evidence (what "
        "the records cannot judge); the rest is measured. Only for a measured item.",
    )
    description = fields.Text(string="Formula", translate=True)
    rubric_state = fields.Selection(related="rubric_id.state", string="Scorecard State")

    _sql_constraints = [
        ("code_uniq", "unique(rubric_id, code)", "Each item number appears once in a scorecard."),
        ("points_positive", "CHECK(points > 0)", "An item is worth more than zero points."),
        (
            "hand_points_range",
            "CHECK(hand_points >= 0 AND hand_points < points)",
            "The assessor's points lie between 0 and under the item's points.",
        ),
    ]

    @api.constrains("hand_points", "compute_method")
    def _check_hand_points(self):
        for item in self:
            if item.hand_points and not item.compute_method:
                raise ValidationError(
                    self.env._(
                        "Item %(code)s is scored by the assessor in full: only a measured item "
                        "has a part the assessor scores.",
                        code=item.code,
                    )
                )

    @api.constrains("points", "rubric_id")
    def _check_rubric_total(self):
        for rubric in self.rubric_id:
            rubric._check_sums_to_100()

    @api.model
    def _guard_check_create(self, vals_list):
        rubrics = self.env["credit.appraisal.rubric"].browse(
            [vals["rubric_id"] for vals in vals_list if vals.get("rubric_id")]
        )
        rubrics._check_draft()

    def _guard_check_write(self, vals):
        self.rubric_id._check_unused()
        if vals.get("rubric_id"):
            self.env["credit.appraisal.rubric"].browse(vals["rubric_id"])._check_draft()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self.rubric_id._check_unused()
