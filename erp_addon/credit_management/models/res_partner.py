from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

ENTITY_TYPES = [
    ("llc", "Limited liability company"),
    ("joint_stock", "Joint-stock company"),
    ("state_owned", "State-owned enterprise"),
    ("collective", "Collective enterprise"),
    ("partnership", "Partnership"),
    ("sole_proprietorship", "Sole proprietorship"),
    ("individual_business", "Individual business"),
    ("public_institution", "Public institution"),
    ("foreign_invested", "Foreign-invested enterprise"),
    ("other", "Other"),
]
OPERATING_STATUSES = [
    ("active", "Active (存续/在业)"),
    ("moved_out", "Moved out"),
    ("suspended", "Suspended"),
    ("liquidation", "In liquidation"),
    ("revoked", "Licence revoked"),
    ("deregistered", "Deregistered"),
]

# who may read credit figures: the credit roles (every salesperson and invoicing user has
# the first) and accounting's read-only auditors
CREDIT_FIGURES_GROUPS = "credit_management.group_credit_user,account.group_account_readonly"
# Odoo keeps its limit for accounting; the credit roles read it too (they decide it)
ODOO_LIMIT_GROUPS = (
    "account.group_account_invoice,account.group_account_readonly,"
    "credit_management.group_credit_user"
)
CREDIT_LIMIT_FIELDS = {"credit_limit", "use_partner_credit_limit"}
# computed by the add-on, never written by anyone
CREDIT_COMPUTED_FIELDS = {"credit_on_warning_list"}
CREDIT_STANDING_FIELDS = {
    "credit_grade_id",
    "credit_score",
    "credit_score_date",
    "credit_next_review_date",
    "credit_due_diligence_date",
}
CREDIT_FILE_FIELDS = {
    "credit_code",
    "credit_entity_type",
    "credit_registered_capital",
    "credit_legal_representative",
    "credit_business_scope",
    "credit_date_established",
    "credit_operating_status",
    "credit_last_investigation_date",
    "credit_analyst_id",
}


def uscc_error(env, code):
    """Why a unified social credit code (GB 32100-2015) is invalid, or None."""
    try:
        uscc.validate(code)
    except InvalidLength:
        return env._("A unified social credit code has 18 characters: %(code)s", code=code)
    except (InvalidFormat, InvalidComponent):
        return env._(
            "%(code)s contains characters a unified social credit code cannot have "
            "(digits and capital letters except I, O, S, V, Z).",
            code=code,
        )
    except InvalidChecksum:
        return env._(
            "The check character of unified social credit code %(code)s is wrong.", code=code
        )
    return None


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "credit.guard.mixin"]

    # guards (credit.guard.mixin): the warning-list flag follows the list; grades, scores
    # and review dates are the credit manager's (or scoring's and approvals'); the credit
    # file is the analysts'. The limit is a credit manager's only while the company grants
    # limits through applications: a setting, so a hook (_guard_check_write/_create).
    _guard_flow_fields = tuple(sorted(CREDIT_COMPUTED_FIELDS))
    _guard_field_groups = dict(
        dict.fromkeys(sorted(CREDIT_STANDING_FIELDS), "credit_management.group_credit_manager"),
        **dict.fromkeys(sorted(CREDIT_FILE_FIELDS), "credit_management.group_credit_analyst"),
    )

    # credit file (资信档案)
    credit_code = fields.Char(
        string="Unified Social Credit Code", tracking=True, copy=False, index="btree_not_null"
    )
    credit_entity_type = fields.Selection(ENTITY_TYPES, string="Legal-Entity Status", tracking=True)
    credit_registered_capital = fields.Monetary(
        string="Registered Capital", tracking=True, currency_field="credit_currency_id"
    )
    credit_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_credit_currency_id",
    )
    credit_legal_representative = fields.Char(string="Legal Representative", tracking=True)
    credit_business_scope = fields.Text(string="Business Scope", tracking=True)
    credit_date_established = fields.Date(string="Date Established", tracking=True)
    credit_operating_status = fields.Selection(
        OPERATING_STATUSES, string="Operating Status", tracking=True
    )
    industry_id = fields.Many2one(tracking=True)
    credit_last_investigation_date = fields.Date(string="Last Investigation", tracking=True)
    credit_analyst_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_analyst").ids)
        ],
    )
    # the credit file's records: read by the credit roles (their models' access rights)
    credit_financial_ids = fields.One2many(
        "credit.partner.financial",
        "partner_id",
        string="Financial Figures",
        groups="credit_management.group_credit_user",
    )
    credit_score_ids = fields.One2many(
        "credit.score",
        "partner_id",
        string="Score History",
        groups="credit_management.group_credit_user",
    )
    credit_application_ids = fields.One2many(
        "credit.application",
        "partner_id",
        string="Credit Applications",
        groups="credit_management.group_credit_user",
    )
    credit_exposure_line_ids = fields.One2many(
        "credit.exposure.line",
        "partner_id",
        string="Exposure Lines",
        groups="credit_management.group_credit_user",
    )
    credit_warning_entry_ids = fields.One2many(
        "credit.warning.entry",
        "partner_id",
        string="Warning List Entries",
        groups="credit_management.group_credit_user",
    )
    credit_on_warning_list = fields.Boolean(
        string="On Warning List",
        compute="_compute_credit_on_warning_list",
        search="_search_credit_on_warning_list",
        help="An active warning-list entry of this company (or of every company) names "
        "this partner, its commercial partner or one of its contacts.",
    )
    # standing, per company
    # Odoo's own limit, under the one name the add-on uses for it (zh_CN: 授信额度)
    credit_limit = fields.Float(
        help="Checked against the customer's exposure in this company; changed by approved "
        "credit applications or by a credit manager.",
        groups=ODOO_LIMIT_GROUPS,
    )
    use_partner_credit_limit = fields.Boolean(groups=ODOO_LIMIT_GROUPS)
    credit_grade_id = fields.Many2one("credit.grade", company_dependent=True, tracking=True)
    credit_policy = fields.Selection(related="credit_grade_id.credit_policy")
    credit_score = fields.Float(company_dependent=True, tracking=True)
    credit_score_date = fields.Date(string="Scored On", company_dependent=True)
    credit_next_review_date = fields.Date(
        string="Next Credit Review", company_dependent=True, tracking=True
    )
    credit_due_diligence_date = fields.Date(
        string="Due Diligence Passed", company_dependent=True, tracking=True
    )
    credit_review_overdue = fields.Boolean(compute="_compute_credit_review_overdue")

    credit_can_edit_file = fields.Boolean(compute="_compute_credit_can_edit_file")

    @api.depends_context("company")
    @api.depends("credit_next_review_date")
    def _compute_credit_review_overdue(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.credit_review_overdue = bool(
                partner.credit_next_review_date and partner.credit_next_review_date <= today
            )

    @api.depends_context("uid")
    def _compute_credit_can_edit_file(self):
        self.credit_can_edit_file = self.env.user.has_group(
            "credit_management.group_credit_analyst"
        )

    @api.depends_context("company")
    def _compute_credit_currency_id(self):
        self.credit_currency_id = self.env.company.currency_id

    def _credit_warning_domain(self, company):
        return [
            ("active", "=", True),
            ("company_id", "in", [False, company.id]),
            ("partner_id", "!=", False),
        ]

    @api.depends_context("company")
    @api.depends("commercial_partner_id")
    def _compute_credit_on_warning_list(self):
        self.credit_on_warning_list = False
        commercial = self.commercial_partner_id.filtered("id")
        if not commercial:
            return
        listed = (
            self.env["credit.warning.entry"]
            .sudo()
            .search(
                self._credit_warning_domain(self.env.company)
                + [("partner_id.commercial_partner_id", "in", commercial.ids)]
            )
            .partner_id.commercial_partner_id
        )
        for partner in self:
            partner.credit_on_warning_list = partner.commercial_partner_id in listed

    def _search_credit_on_warning_list(self, operator, value):
        if operator not in ("=", "!="):
            raise ValidationError(self.env._("Unsupported search on the warning list."))
        listed = (
            self.env["credit.warning.entry"]
            .sudo()
            .search(self._credit_warning_domain(self.env.company))
            .partner_id.commercial_partner_id
        )
        positive = (operator == "=") == bool(value)
        return [("commercial_partner_id", "in" if positive else "not in", listed.ids)]

    @api.constrains("credit_code")
    def _check_credit_code(self):
        for partner in self.filtered("credit_code"):
            error = uscc_error(self.env, partner.credit_code)
            if error:
                raise ValidationError(error)

    @api.onchange("credit_code")
    def _onchange_credit_code(self):
        if self.credit_code:
            self.credit_code = self.credit_code.strip().upper()

    # ------------------------------------------------------------ guards
    def _credit_check_limit_rights(self):
        """The limit is a credit manager's while the company grants limits by application."""
        if self.env.company._credit_settings()[
            "credit_limit_by_application"
        ] and not self.env.user.has_group("credit_management.group_credit_manager"):
            raise AccessError(
                self.env._(
                    "Only a credit manager may change a credit limit; request it through "
                    "a credit application."
                )
            )

    def _guard_check_write(self, vals):
        if not CREDIT_LIMIT_FIELDS.isdisjoint(vals):
            self._credit_check_limit_rights()

    @api.model
    def _guard_check_create(self, vals_list):
        # a new partner's limit counts when it is not the company's default one, given
        # in the values or by a context default (default_credit_limit)
        fallback = self._fields["credit_limit"].get_company_dependent_fallback(self)
        context_limit = self.env.context.get("default_credit_limit")
        for vals in vals_list:
            limit = vals.get("credit_limit", context_limit)
            if limit is not None and limit is not False and float(limit) != fallback:
                self._credit_check_limit_rights()
                return

    @api.model
    def _credit_normalise(self, vals):
        if vals.get("credit_code"):
            vals["credit_code"] = vals["credit_code"].strip().upper()
        if (vals.get("credit_limit") or 0.0) < 0:
            raise ValidationError(self.env._("A credit limit cannot be negative."))

    def write(self, vals):
        self._credit_normalise(vals)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        context_limit = self.env.context.get("default_credit_limit")
        for vals in vals_list:
            self._credit_normalise(vals)
            if "credit_limit" not in vals and (context_limit or 0.0) < 0:
                raise ValidationError(self.env._("A credit limit cannot be negative."))
        return super().create(vals_list)

    # ------------------------------------------------------------ actions
    def action_credit_score(self):
        company = self.env.company
        model = company.credit_score_model_id
        if not model:
            raise ValidationError(
                self.env._("Choose a scoring model in Settings > Credit Management first.")
            )
        if not self.env.user.has_group("credit_management.group_credit_analyst"):
            raise AccessError(self.env._("Only credit analysts may score a partner."))
        partners = self.commercial_partner_id
        if len(partners) == 1:
            score, grade, _lines = model.sudo()._compute_scores(partners)[partners]
            limit = partners.with_company(company).sudo().credit_limit
            if grade.max_credit_limit and limit > grade.max_credit_limit:
                # the grade would not allow the limit in place: ask first
                return self.env["credit.score.confirm"]._action_open(
                    partners, company, score, grade
                )
        model.sudo()._score_partners(partners)
        return True

    def action_view_credit_exposure(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_credit_exposure_line"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_group_exposure_type": 1}
        return action

    def action_new_credit_application(self):
        """Open the partner's application in progress, or a new one.

        A draft or submitted application of this company is opened instead of a second
        one (the application model refuses a duplicate anyway).
        """
        self.ensure_one()
        partner = self.commercial_partner_id
        pending = self.env["credit.application"].search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", self.env.company.id),
                ("state", "in", ("draft", "submitted")),
            ],
            order="id desc",
            limit=1,
        )
        if pending:
            return {
                "type": "ir.actions.act_window",
                "res_model": "credit.application",
                "res_id": pending.id,
                "views": [(False, "form")],
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.application",
            "views": [(False, "form")],
            "context": {
                "default_partner_id": partner.id,
                "default_application_type": "due_diligence"
                if not partner.credit_due_diligence_date
                else "limit_change",
            },
        }
