from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

ADMINISTRATOR = "credit_management.group_credit_administrator"
COMMITTEE = "credit_management.group_credit_committee"
# the ledger's figures: computed by the add-on, frozen when submitted
FIGURES = (
    "contract_signed_count",
    "contract_signed_amount",
    "review_failed_count",
    "override_count",
    "dispute_count",
    "seal_use_count",
    "late_registration_count",
    "invalid_count",
)
FIGURE_GROUPS = "credit_management.group_credit_administrator,account.group_account_readonly"


class CreditLegalReview(models.Model):
    """The legal representative's regular review of how contracts are signed and performed
    (法定代表人定期审查合同签订、履行情况): the contract ledger's statistics for a period,
    prepared by the credit (contract) administrators, frozen when submitted, then the
    legal representative's opinion and sign-off. Draft → submitted → signed through the
    methods only (credit.guard.mixin); whoever submits never signs."""

    _name = "credit.legal.review"
    _description = "Legal Representative's Contract Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date_to desc, id desc"

    _guard_sequence = "credit.legal.review"
    _guard_flow_fields = (
        "name",
        "state",
        "figures_date",
        "date_submitted",
        "submitted_by_id",
        "date_signed",
        "signed_by_id",
        *FIGURES,
    )
    _guard_locks = [
        (("date_from", "date_to", "company_id", "note"), ("draft",)),
        (("opinion",), ("submitted",)),
    ]
    _guard_undeletable_states = ("submitted", "signed")

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Period From", required=True)
    date_to = fields.Date(string="Period To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("signed", "Signed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    note = fields.Text(
        string="Administrators' Remarks",
        help="What the credit (contract) administrators add to the figures.",
    )
    opinion = fields.Text(string="Legal Representative's Opinion", tracking=True, copy=False)
    figures_date = fields.Date(string="Figures As Of", readonly=True, copy=False)
    contract_signed_count = fields.Integer(
        string="Contracts Signed", readonly=True, copy=False, groups=FIGURE_GROUPS
    )
    contract_signed_amount = fields.Monetary(
        string="Amount Signed", readonly=True, copy=False, groups=FIGURE_GROUPS
    )
    review_failed_count = fields.Integer(
        string="Contracts Failing Review",
        readonly=True,
        copy=False,
        groups=FIGURE_GROUPS,
        help="Contracts with at least one review item failed in the period.",
    )
    override_count = fields.Integer(
        string="Review Overrides", readonly=True, copy=False, groups=FIGURE_GROUPS
    )
    dispute_count = fields.Integer(
        string="Disputes Opened", readonly=True, copy=False, groups=FIGURE_GROUPS
    )
    seal_use_count = fields.Integer(
        string="Contract Seal Uses", readonly=True, copy=False, groups=FIGURE_GROUPS
    )
    late_registration_count = fields.Integer(
        string="Late Registrations",
        readonly=True,
        copy=False,
        groups=FIGURE_GROUPS,
        help="Contracts signed in the period registered in the ledger after the company's "
        "deadline, or not registered once the deadline passed.",
    )
    invalid_count = fields.Integer(
        string="Invalid Contracts", readonly=True, copy=False, groups=FIGURE_GROUPS
    )
    date_submitted = fields.Date(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_signed = fields.Date(readonly=True, copy=False)
    signed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    can_sign = fields.Boolean(compute="_compute_can_sign")

    _sql_constraints = [
        (
            "period_uniq",
            "unique(company_id, date_from, date_to)",
            "A review of this period already exists for this company.",
        ),
    ]

    @api.depends_context("uid")
    @api.depends("state", "submitted_by_id", "company_id")
    def _compute_can_sign(self):
        for review in self:
            review.can_sign = review.state == "submitted" and review._legal_may_sign(self.env.user)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for review in self:
            if review.date_from > review.date_to:
                raise ValidationError(
                    self.env._(
                        "A review's period ends after it starts (%(name)s).", name=review.name
                    )
                )
            if review.date_from > fields.Date.context_today(self):
                raise ValidationError(
                    self.env._(
                        "A review covers a period that has begun (%(name)s).", name=review.name
                    )
                )

    # ------------------------------------------------------------ who signs
    def _legal_signer_users(self):
        """Who may sign this review: the company's legal representative user when named,
        else the credit committee (the legal representative's group) of the company."""
        self.ensure_one()
        company = self.company_id.sudo()
        if company.credit_legal_representative_user_id:
            return company.credit_legal_representative_user_id
        return (
            self.env.ref(COMMITTEE)
            .sudo()
            .users.filtered(lambda u: company in u.company_ids and u.active)
        )

    def _legal_may_sign(self, user):
        self.ensure_one()
        return user in self._legal_signer_users() and user != self.submitted_by_id

    def _legal_check_signer(self):
        for review in self:
            if self.env.user == review.submitted_by_id:
                raise AccessError(
                    self.env._(
                        "%(review)s was submitted by you: someone else signs it.",
                        review=review.display_name,
                    )
                )
            if not review._legal_may_sign(self.env.user):
                raise AccessError(
                    self.env._(
                        "Only the legal representative signs or returns %(review)s.",
                        review=review.display_name,
                    )
                )

    # ------------------------------------------------------------ guards
    def _guard_check_write(self, vals):
        if "opinion" in vals:
            for review in self:
                if review._guard_unchanged("opinion", vals["opinion"]):
                    continue
                review._legal_check_signer()

    @api.model
    def _guard_check_create(self, vals_list):
        for vals in vals_list:
            if vals.get("opinion"):
                raise UserError(
                    self.env._("The legal representative's opinion is written once submitted.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._legal_compute_figures()
        return reviews

    # ------------------------------------------------------------ flow
    def _check_state(self, state, what):
        for review in self:
            if review.state != state:
                raise UserError(
                    self.env._(
                        "%(review)s is %(state)s: it cannot be %(what)s.",
                        review=review.display_name,
                        state=review._guard_state_label(),
                        what=what,
                    )
                )

    def _check_administrator(self):
        if not self.env.user.has_group(ADMINISTRATOR):
            raise AccessError(
                self.env._("Only the credit (contract) administrators prepare the review.")
            )

    def action_refresh(self):
        """The figures again from the ledger (a draft only)."""
        self._check_administrator()
        self._check_state("draft", self.env._("recomputed"))
        self._guard_sudo("write")._legal_compute_figures()
        return True

    def action_submit(self):
        """Freeze the figures and hand the review to the legal representative: an activity
        for each who may sign, in their language, created together."""
        self._check_administrator()
        self._check_state("draft", self.env._("submitted"))
        reviews = self._guard_sudo("write")
        reviews._legal_compute_figures()
        reviews.write(
            {
                "state": "submitted",
                "date_submitted": fields.Date.context_today(self),
                "submitted_by_id": self.env.user.id,
            }
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for review in reviews:
            signers = review._legal_signer_users() - self.env.user
            if not signers:
                raise UserError(
                    self.env._(
                        "Nobody may sign %(review)s: name the company's legal representative "
                        "or give someone the credit committee role.",
                        review=review.display_name,
                    )
                )
            for user in signers:
                env = review.company_id._credit_env(user)
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": review.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        # the flow's own: removed by the flow when signed or returned
                        "automated": True,
                        "summary": env._(
                            "Review and sign the contract review %(name)s", name=review.name
                        ),
                    }
                )
            review.message_post(
                body=review.company_id._credit_env()._(
                    "Figures frozen and submitted to the legal representative."
                )
            )
        self.env["mail.activity"].sudo().create(vals_list)
        return True

    def action_sign(self):
        """The legal representative signs with an opinion; never who submitted."""
        self._check_state("submitted", self.env._("signed"))
        self._legal_check_signer()
        for review in self:
            if not (review.opinion or "").strip():
                raise UserError(
                    self.env._(
                        "Write your opinion on %(review)s before signing.",
                        review=review.display_name,
                    )
                )
        reviews = self._guard_sudo("write")
        reviews.write(
            {
                "state": "signed",
                "date_signed": fields.Date.context_today(self),
                "signed_by_id": self.env.user.id,
            }
        )
        reviews.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_return(self):
        """The legal representative sends the review back to the administrators (its
        figures are computed again on the next submission)."""
        self._check_state("submitted", self.env._("returned"))
        self._legal_check_signer()
        reviews = self._guard_sudo("write")
        reviews.write({"state": "draft", "date_submitted": False, "submitted_by_id": False})
        reviews.activity_unlink(["mail.mail_activity_data_todo"])
        for review in reviews:
            review.message_post(
                body=review.company_id._credit_env()._(
                    "Returned by the legal representative for completion."
                )
            )
        return True

    def action_print(self):
        self.ensure_one()
        return self.env.ref("credit_legal_review.action_report_legal_review").report_action(self)
