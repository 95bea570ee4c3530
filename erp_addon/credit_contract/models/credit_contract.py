import logging

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount, format_date

from .credit_contract_clause import CONTRACT_TYPES

_logger = logging.getLogger(__name__)

STATES = [
    ("draft", "Draft"),
    ("review", "Under Review"),
    ("approved", "Approved"),
    ("signed", "Signed"),
    ("performance", "In Performance"),
    ("completed", "Completed"),
    ("expired", "Expired"),
    ("terminated", "Terminated"),
    ("dispute", "In Dispute"),
]
SIGNED_STATES = ("signed", "performance", "completed", "expired", "dispute")
# set only by the action methods, never by hand
FLOW_FIELDS = {
    "state",
    "date_submitted",
    "submitted_by_id",
    "date_approved",
    "approved_by_id",
    "date_signed",
    "signed_by_id",
    "date_registered",
    "registered_by_id",
    "review_override",
    "review_override_reason",
    "review_override_by_id",
    "review_override_date",
    "is_invalid",
    "invalid_reason",
    "invalid_by_id",
    "invalid_date",
    "misuse_employee_ids",
    "archived_with_documents",
    "date_archived",
    "archived_by_id",
    "date_terminated",
    "terminated_by_id",
    "termination_reason",
    "date_expired",
    "version",
}
# computed by the add-on, never written by anyone
COMPUTED_FIELDS = {
    "amount_company",
    "registration_days",
    "registration_on_time",
    "ledger_complete",
    "signed_within_authority",
    "three_properties_passed",
    "five_reviews_passed",
    "review_passed",
    "review_complete",
    "review_completed_date",
    "review_complete_before_signing",
    "joint_review_required",
    "joint_review_done",
    "next_followup_date",
    "followups_on_schedule",
}
# what the contract says: changed in draft and under review, afterwards only by amendment
CONTENT_FIELDS = {
    "title",
    "contract_type",
    "partner_id",
    "amount",
    "currency_id",
    "company_id",
    "date_start",
    "date_end",
    "template_id",
    "body",
    "subject_matter",
    "signatory_id",
    "power_of_attorney_id",
    "partner_signatory",
    "sale_order_ids",
    "settlement_method",
}
# a change of these re-evaluates the checklist items the ERP judges
EVALUATED_FIELDS = {
    "contract_type",
    "partner_id",
    "amount",
    "currency_id",
    "company_id",
    "subject_matter",
    "signatory_id",
    "power_of_attorney_id",
    "date_start",
}
ADMINISTRATOR = "credit_management.group_credit_administrator"
MANAGER = "credit_management.group_credit_manager"


class CreditContract(models.Model):
    """A contract (合同): reviewed before signing, registered in the ledger (合同台帐)."""

    _name = "credit.contract"
    _description = "Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _rec_names_search = ["name", "title"]

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    title = fields.Char(required=True, tracking=True)
    contract_type = fields.Selection(
        CONTRACT_TYPES, string="Type", required=True, default="sale", tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Counterparty",
        required=True,
        tracking=True,
        index=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    amount = fields.Monetary(required=True, tracking=True)
    amount_company = fields.Monetary(
        string="Amount (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_amount_company",
        store=True,
    )
    subject_matter = fields.Char(
        help="What the contract is about (goods, services, works), in the words of the "
        "business scope; the review compares it with the counterparty's registered scope."
    )
    settlement_method = fields.Char(help="How and when the contract is paid.")
    template_id = fields.Many2one(
        "credit.contract.template",
        domain="[('contract_type', '=', contract_type), ('company_id', 'in', [company_id, False])]",
    )
    body = fields.Html(string="Clauses", sanitize_style=True)
    date_start = fields.Date(string="Effective Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    date_signed = fields.Date(readonly=True, copy=False, tracking=True)
    signed_by_id = fields.Many2one(
        "res.users", string="Signing Recorded By", readonly=True, copy=False
    )
    signatory_id = fields.Many2one(
        "hr.employee", string="Our Signatory", tracking=True, check_company=True
    )
    power_of_attorney_id = fields.Many2one(
        "credit.power.attorney",
        string="Power of Attorney",
        tracking=True,
        domain="[('employee_id', '=', signatory_id), ('state', '=', 'valid')]",
    )
    partner_signatory = fields.Char(string="Counterparty Signatory", tracking=True)
    department_id = fields.Many2one(
        "hr.department", string="Responsible Department", tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    sale_order_ids = fields.Many2many(
        "sale.order",
        "credit_contract_sale_order_rel",
        "contract_id",
        "order_id",
        string="Sales Orders",
        domain="[('partner_id.commercial_partner_id', '=', partner_id), "
        "('company_id', '=', company_id)]",
        copy=False,
    )
    sale_order_count = fields.Integer(compute="_compute_sale_order_count")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    version = fields.Integer(readonly=True, copy=False, default=0)
    version_ids = fields.One2many("credit.contract.version", "contract_id", string="Versions")
    # review
    date_submitted = fields.Date(string="Submitted for Review", readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_line_ids = fields.One2many(
        "credit.contract.review.line", "contract_id", string="Review Checklist", copy=False
    )
    three_properties_passed = fields.Boolean(compute="_compute_review", store=True)
    five_reviews_passed = fields.Boolean(compute="_compute_review", store=True)
    review_complete = fields.Boolean(compute="_compute_review", store=True)
    review_passed = fields.Boolean(compute="_compute_review", store=True)
    review_completed_date = fields.Date(compute="_compute_review", store=True)
    review_complete_before_signing = fields.Boolean(
        compute="_compute_review_complete_before_signing", store=True
    )
    review_override = fields.Boolean(readonly=True, copy=False, tracking=True)
    review_override_reason = fields.Text(readonly=True, copy=False)
    review_override_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_override_date = fields.Date(readonly=True, copy=False)
    joint_review_required = fields.Boolean(
        compute="_compute_joint_review_required",
        store=True,
        help="The amount reaches the company's joint review (会审) threshold.",
    )
    joint_review_ids = fields.One2many("credit.contract.joint.review", "contract_id", copy=False)
    joint_review_done = fields.Boolean(compute="_compute_joint_review_done", store=True)
    # authority
    signed_within_authority = fields.Boolean(compute="_compute_signed_within_authority", store=True)
    # ledger
    date_registered = fields.Date(readonly=True, copy=False, tracking=True)
    registered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    registration_days = fields.Integer(compute="_compute_registration", store=True)
    registration_on_time = fields.Boolean(compute="_compute_registration", store=True)
    ledger_complete = fields.Boolean(compute="_compute_ledger_complete", store=True)
    is_invalid = fields.Boolean(string="Invalid Contract", readonly=True, copy=False, tracking=True)
    invalid_reason = fields.Text(readonly=True, copy=False)
    invalid_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    invalid_date = fields.Date(readonly=True, copy=False)
    misuse_employee_ids = fields.Many2many(
        "hr.employee",
        "credit_contract_misuse_employee_rel",
        "contract_id",
        "employee_id",
        string="Used for Unlawful Acts By",
        readonly=True,
        copy=False,
    )
    followup_ids = fields.One2many(
        "credit.contract.followup", "contract_id", string="Follow-ups", copy=False
    )
    next_followup_date = fields.Date(compute="_compute_followups", store=True)
    followups_on_schedule = fields.Boolean(compute="_compute_followups", store=True)
    followup_overdue = fields.Boolean(
        compute="_compute_followup_overdue", search="_search_followup_overdue"
    )
    amendment_ids = fields.One2many(
        "credit.contract.amendment", "contract_id", string="Changes and Terminations", copy=False
    )
    dispute_ids = fields.One2many(
        "credit.contract.dispute", "contract_id", string="Disputes", copy=False
    )
    seal_use_ids = fields.One2many(
        "credit.contract.seal.use", "contract_id", string="Seal Uses", copy=False
    )
    seal_use_count = fields.Integer(compute="_compute_seal_use_count")
    archived_with_documents = fields.Boolean(readonly=True, copy=False)
    date_archived = fields.Date(readonly=True, copy=False, tracking=True)
    archived_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_terminated = fields.Date(readonly=True, copy=False)
    terminated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    termination_reason = fields.Text(readonly=True, copy=False)
    date_expired = fields.Date(readonly=True, copy=False)
    can_administer = fields.Boolean(compute="_compute_can_administer")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The contract number must be unique."),
    ]

    # ------------------------------------------------------------ computes
    @api.depends("amount", "currency_id", "company_id", "date_signed")
    def _compute_amount_company(self):
        today = fields.Date.context_today(self)
        for contract in self:
            company = contract.company_id or self.env.company
            if not contract.currency_id or contract.currency_id == company.currency_id:
                contract.amount_company = contract.amount
            else:
                contract.amount_company = contract.currency_id._convert(
                    contract.amount, company.currency_id, company, contract.date_signed or today
                )

    def _compute_sale_order_count(self):
        for contract in self:
            contract.sale_order_count = len(contract.sale_order_ids)

    def _compute_seal_use_count(self):
        counts = dict(
            self.env["credit.contract.seal.use"]._read_group(
                [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]
            )
        )
        for contract in self:
            contract.seal_use_count = counts.get(contract, 0)

    @api.depends_context("uid")
    def _compute_can_administer(self):
        self.can_administer = self.env.user.has_group(ADMINISTRATOR)

    @api.depends(
        "review_line_ids.result",
        "review_line_ids.required",
        "review_line_ids.category",
        "review_line_ids.date",
        "review_override",
        "review_override_date",
    )
    def _compute_review(self):
        for contract in self:
            lines = contract.review_line_ids
            required = lines.filtered("required")

            def passed(subset):
                return all(line.result in ("pass", "na") for line in subset)

            contract.three_properties_passed = bool(lines) and passed(
                required.filtered(lambda line: line.category == "property")
            )
            contract.five_reviews_passed = bool(lines) and passed(
                required.filtered(lambda line: line.category == "review")
            )
            complete = bool(lines) and all(line.result for line in required)
            contract.review_complete = complete
            contract.review_passed = contract.review_override or (bool(lines) and passed(required))
            dates = [line.date for line in lines if line.result and line.date]
            if complete:
                contract.review_completed_date = max(dates) if dates else False
            elif contract.review_override:
                contract.review_completed_date = contract.review_override_date
            else:
                contract.review_completed_date = False

    @api.depends("review_completed_date", "date_signed")
    def _compute_review_complete_before_signing(self):
        for contract in self:
            contract.review_complete_before_signing = bool(
                contract.review_completed_date
                and contract.date_signed
                and contract.review_completed_date <= contract.date_signed
            )

    @api.depends("amount_company", "company_id.credit_contract_joint_review_amount")
    def _compute_joint_review_required(self):
        for contract in self:
            threshold = contract.company_id.credit_contract_joint_review_amount
            contract.joint_review_required = bool(threshold) and (
                contract.company_id.currency_id.compare_amounts(contract.amount_company, threshold)
                >= 0
            )

    @api.depends("joint_review_ids.decision", "joint_review_ids.role_id")
    def _compute_joint_review_done(self):
        for contract in self:
            opinions = contract.joint_review_ids
            approving = opinions.filtered(lambda o: o.decision == "approve")
            contract.joint_review_done = (
                not opinions.filtered(lambda o: o.decision == "reject")
                and len(approving.role_id) >= 2
            )

    @api.depends(
        "signatory_id",
        "power_of_attorney_id.employee_id",
        "power_of_attorney_id.date_from",
        "power_of_attorney_id.date_to",
        "power_of_attorney_id.date_issued",
        "power_of_attorney_id.date_revoked",
        "power_of_attorney_id.max_amount",
        "power_of_attorney_id.allow_sale",
        "power_of_attorney_id.allow_purchase",
        "power_of_attorney_id.allow_technical",
        "power_of_attorney_id.allow_other",
        "contract_type",
        "amount_company",
        "date_signed",
    )
    def _compute_signed_within_authority(self):
        for contract in self:
            contract.signed_within_authority = bool(
                contract.date_signed
                and contract.power_of_attorney_id
                and not contract.power_of_attorney_id.sudo()._covers(
                    contract.signatory_id,
                    contract.contract_type,
                    contract.amount_company,
                    contract.date_signed,
                )
            )

    @api.depends("date_registered", "date_signed", "company_id.credit_contract_registration_days")
    def _compute_registration(self):
        for contract in self:
            if contract.date_registered and contract.date_signed:
                days = (contract.date_registered - contract.date_signed).days
                contract.registration_days = days
                contract.registration_on_time = (
                    days <= contract.company_id.credit_contract_registration_days
                )
            else:
                contract.registration_days = 0
                contract.registration_on_time = False

    @api.depends(
        "name",
        "title",
        "contract_type",
        "partner_id",
        "amount",
        "date_signed",
        "date_start",
        "date_end",
        "department_id",
        "user_id",
        "signatory_id",
        "date_registered",
    )
    def _compute_ledger_complete(self):
        for contract in self:
            contract.ledger_complete = bool(
                contract.name
                and contract.name != "/"
                and contract.title
                and contract.contract_type
                and contract.partner_id
                and contract.amount
                and contract.date_signed
                and contract.date_start
                and contract.date_end
                and contract.department_id
                and contract.user_id
                and contract.signatory_id
                and contract.date_registered
            )

    @api.depends("followup_ids.date", "followup_ids.next_date")
    def _compute_followups(self):
        for contract in self:
            followups = contract.followup_ids.sorted(lambda f: (f.date, f.id))
            contract.next_followup_date = followups[-1:].next_date if followups else False
            on_schedule = True
            for previous, current in zip(followups, followups[1:], strict=False):
                if previous.next_date and current.date > previous.next_date:
                    on_schedule = False
            contract.followups_on_schedule = on_schedule

    @api.depends("next_followup_date", "state")
    @api.depends_context("date")
    def _compute_followup_overdue(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.followup_overdue = bool(
                contract.state in ("signed", "performance", "dispute")
                and contract.next_followup_date
                and contract.next_followup_date < today
            )

    def _search_followup_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise ValidationError(self.env._("Unsupported search on overdue follow-ups."))
        domain = [
            ("state", "in", ("signed", "performance", "dispute")),
            ("next_followup_date", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.depends("name", "title")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = (
                f"{contract.name} {contract.title}" if contract.title else contract.name
            )

    # ------------------------------------------------------------ constraints
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if (
                contract.date_start
                and contract.date_end
                and contract.date_end < contract.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "Contract %(name)s cannot end (%(end)s) before it takes effect "
                        "(%(start)s).",
                        name=contract.name,
                        end=contract.date_end,
                        start=contract.date_start,
                    )
                )

    @api.constrains("amount")
    def _check_amount(self):
        for contract in self:
            if contract.currency_id.compare_amounts(contract.amount, 0.0) < 0:
                raise ValidationError(self.env._("A contract amount cannot be negative."))

    @api.constrains("partner_id", "sale_order_ids", "company_id")
    def _check_orders(self):
        for contract in self:
            for order in contract.sale_order_ids:
                if (
                    order.partner_id.commercial_partner_id != contract.partner_id
                    or order.company_id != contract.company_id
                ):
                    raise ValidationError(
                        self.env._(
                            "Order %(order)s is not an order of %(partner)s in %(company)s.",
                            order=order.name,
                            partner=contract.partner_id.display_name,
                            company=contract.company_id.name,
                        )
                    )

    @api.constrains("signatory_id", "power_of_attorney_id")
    def _check_power_of_attorney(self):
        for contract in self:
            poa = contract.power_of_attorney_id
            if poa and poa.employee_id != contract.signatory_id:
                raise ValidationError(
                    self.env._(
                        "Power of attorney %(name)s was issued to %(holder)s, not to the "
                        "signatory.",
                        name=poa.name,
                        holder=poa.employee_id.name,
                    )
                )
            if poa and poa.company_id != contract.company_id:
                raise ValidationError(
                    self.env._("The power of attorney belongs to another company.")
                )

    # ------------------------------------------------------------ ORM guards
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # the flow starts anew whatever the values or context defaults say
            guarded = FLOW_FIELDS | COMPUTED_FIELDS
            self = self.with_context(
                **{
                    key: False
                    for key in self.env.context
                    if key.startswith("default_") and key[8:] in guarded
                }
            )
            for vals in vals_list:
                for fname in COMPUTED_FIELDS:
                    vals.pop(fname, None)
                vals.update(dict.fromkeys(FLOW_FIELDS - {"misuse_employee_ids"}, False))
                vals.update(state="draft", version=0, misuse_employee_ids=[])
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("credit.contract") or "/"
        contracts = super().create(vals_list)
        for contract in contracts:
            if contract.template_id and not contract.body:
                contract.body = contract._render_template()
        return contracts

    def write(self, vals):
        if not self.env.su:
            if (FLOW_FIELDS | COMPUTED_FIELDS) & set(vals):
                raise AccessError(
                    self.env._(
                        "Status, review results, approvals, signing and ledger entries follow "
                        "the contract flow; use its buttons."
                    )
                )
            if self._content_fields() & set(vals):
                locked = self.filtered(lambda c: c.state not in ("draft", "review"))
                if locked:
                    raise UserError(
                        self.env._(
                            "Contract %(name)s is %(state)s: it changes only through an amendment.",
                            name=locked[0].name,
                            state=dict(self._fields["state"]._description_selection(self.env))[
                                locked[0].state
                            ],
                        )
                    )
        res = super().write(vals)
        if EVALUATED_FIELDS & set(vals):
            self.filtered(lambda c: c.state == "review")._evaluate_review()
        return res

    @api.model
    def _content_fields(self):
        """What the contract says: changed in draft and under review, then by amendment."""
        return set(CONTENT_FIELDS)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(contract.state != "draft" for contract in self):
            raise UserError(self.env._("Only a draft contract can be deleted."))

    # ------------------------------------------------------------ templates
    def _placeholder_values(self):
        self.ensure_one()
        env = self.env
        return {
            "number": self.name,
            "title": self.title or "",
            "company": self.company_id.name,
            "partner": self.partner_id.name or "",
            "amount": format_amount(env, self.amount, self.currency_id) if self.currency_id else "",
            "currency": self.currency_id.name or "",
            "date_start": format_date(env, self.date_start) if self.date_start else "",
            "date_end": format_date(env, self.date_end) if self.date_end else "",
            "signatory": self.signatory_id.name or "",
            "partner_signatory": self.partner_signatory or "",
            "subject_matter": self.subject_matter or "",
        }

    def _render_template(self):
        """The template's clauses, placeholders filled from the contract (HTML)."""
        self.ensure_one()
        values = self._placeholder_values()
        parts = []
        lang_template = self.template_id.with_context(lang=self.env.lang)
        for index, clause in enumerate(lang_template.clause_ids.sorted("sequence"), start=1):
            text = str(clause.body or "")
            for key, value in values.items():
                text = text.replace("{{" + key + "}}", str(escape(value)))
            parts.append(
                Markup("<h4>%s. %s</h4>%s") % (index, clause.name, Markup(text))  # noqa: UP031
            )
        return Markup("").join(parts)

    def action_apply_template(self):
        """Re-apply the template (after it changed) to draft contracts."""
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "A template can be re-applied to a draft contract only (%(name)s).",
                        name=contract.name,
                    )
                )
            if not contract.template_id:
                raise UserError(self.env._("Choose a template first."))
            contract.body = contract._render_template()
        return True

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id and self.state == "draft":
            self.body = self._render_template()

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.partner_signatory:
            self.partner_signatory = self.partner_id.credit_legal_representative

    @api.onchange("user_id")
    def _onchange_user_id(self):
        employee = self.user_id.employee_ids[:1]
        if employee.department_id and not self.department_id:
            self.department_id = employee.department_id

    # ------------------------------------------------------------ rights
    def _check_administrator(self):
        if not self.env.user.has_group(ADMINISTRATOR):
            raise AccessError(self.env._("Only contract administrators may do this."))

    def _check_owner_or_administrator(self):
        user = self.env.user
        if user.has_group(ADMINISTRATOR):
            return
        for contract in self:
            if user not in (contract.user_id, contract.create_uid):
                raise AccessError(
                    self.env._(
                        "Only the person responsible for contract %(name)s or a contract "
                        "administrator may do this.",
                        name=contract.name,
                    )
                )

    def _check_state(self, states, action):
        for contract in self:
            if contract.state not in states:
                raise UserError(
                    self.env._(
                        "Contract %(name)s cannot be %(action)s in state %(state)s.",
                        name=contract.name,
                        action=action,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            contract.state
                        ],
                    )
                )

    # ------------------------------------------------------------ review
    def _review_template(self):
        self.ensure_one()
        template = self.company_id.credit_contract_review_template_id
        if not template:
            template = (
                self.env["credit.contract.review.template"]
                .sudo()
                .search([("company_id", "in", [self.company_id.id, False])], limit=1)
            )
        return template

    def action_submit_review(self):
        self._check_owner_or_administrator()
        self._check_state(("draft",), self.env._("submitted for review"))
        for contract in self:
            if contract.currency_id.is_zero(contract.amount):
                raise UserError(
                    self.env._("Give the amount of contract %(name)s.", name=contract.name)
                )
            if not contract.date_start or not contract.date_end:
                raise UserError(
                    self.env._(
                        "Give the effective and end dates of contract %(name)s.",
                        name=contract.name,
                    )
                )
            if not contract.review_line_ids:
                template = contract._review_template()
                if not template.line_ids:
                    raise UserError(
                        self.env._("Set up a contract review checklist in the configuration.")
                    )
                self.env["credit.contract.review.line"].sudo().create(
                    [
                        {
                            "contract_id": contract.id,
                            "sequence": item.sequence,
                            "name": item.name,
                            "description": item.description,
                            "category": item.category,
                            "required": item.required,
                            "auto_check": item.auto_check,
                        }
                        for item in template.line_ids
                    ]
                )
            contract.sudo().write(
                {
                    "state": "review",
                    "date_submitted": fields.Date.context_today(self),
                    "submitted_by_id": self.env.user.id,
                }
            )
        self._evaluate_review()
        self._notify_reviewers()
        return True

    def _notify_reviewers(self):
        activity_type = self.env.ref("credit_contract.mail_activity_type_contract_review")
        admins = self.env.ref(ADMINISTRATOR).sudo().users
        for contract in self:
            users = admins.filtered(
                lambda u, c=contract: (
                    c.company_id in u.company_ids
                    and not u.share
                    and u != c.user_id
                    and not u.has_group(MANAGER)
                )
            )
            for user in users[:5]:
                contract.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=self.env._("Review contract %(name)s", name=contract.name),
                )

    def _evaluate_review(self):
        """Pre-fill the items the ERP can judge with their evidence and result."""
        for contract in self:
            for line in contract.review_line_ids.filtered(lambda ln: ln.auto_check != "none"):
                result, evidence = getattr(contract, f"_review_evidence_{line.auto_check}")()
                line.sudo().write(
                    {
                        "evidence": evidence,
                        "auto_result": result,
                        "result": result,
                        "reviewer_id": False,
                        "date": fields.Date.context_today(self) if result else False,
                        "auto_evaluated": True,
                    }
                )

    def _review_evidence_subject(self):
        partner = self.partner_id.sudo()
        env = self.env
        status = dict(partner._fields["credit_operating_status"]._description_selection(env))
        entity = dict(partner._fields["credit_entity_type"]._description_selection(env))
        facts = env._(
            "Credit code: %(code)s; entity: %(entity)s; legal representative: %(rep)s; "
            "operating status: %(status)s.",
            code=partner.credit_code or "-",
            entity=entity.get(partner.credit_entity_type, "-"),
            rep=partner.credit_legal_representative or "-",
            status=status.get(partner.credit_operating_status, "-"),
        )
        if partner.credit_operating_status and partner.credit_operating_status != "active":
            return "fail", facts + " " + env._("The counterparty is not operating.")
        if partner.credit_code and partner.credit_operating_status == "active":
            return "pass", facts
        return False, facts + " " + env._("The credit file is incomplete: judge by hand.")

    def _review_evidence_authority(self):
        env = self.env
        if not self.signatory_id:
            return False, env._("No signatory chosen yet.")
        date = self.date_signed or fields.Date.context_today(self)
        poa = self.power_of_attorney_id.sudo()
        if not poa:
            return "fail", env._(
                "%(signatory)s signs without a power of attorney.",
                signatory=self.signatory_id.name,
            )
        error = poa._covers(self.signatory_id, self.contract_type, self.amount_company, date)
        if error:
            return "fail", error
        return "pass", env._(
            "Power of attorney %(name)s: %(holder)s, up to %(max).2f, valid %(start)s to %(end)s.",
            name=poa.name,
            holder=poa.employee_id.name,
            max=poa.max_amount,
            start=poa.date_from,
            end=poa.date_to,
        )

    def _review_evidence_credit(self):
        env = self.env
        company = self.company_id
        partner = self.partner_id.commercial_partner_id.sudo().with_company(company)
        figures = partner._credit_exposure_figures(company)[partner.id]
        grade = partner.credit_grade_id
        facts = env._(
            "Grade: %(grade)s; limit: %(limit).2f; exposure: %(exposure).2f; overdue: "
            "%(overdue).2f; warning list: %(warning)s.",
            grade=grade.name or "-",
            limit=figures["limit"],
            exposure=figures["exposure"],
            overdue=figures["overdue"],
            warning=env._("yes") if figures["on_warning_list"] else env._("no"),
        )
        if self.contract_type != "sale":
            if figures["on_warning_list"]:
                return "fail", facts
            return "na", facts + " " + env._("No credit is granted under this contract.")
        # the orders already confirmed for this contract count in the exposure already
        covered = sum(
            self.sale_order_ids.filtered(lambda o: o.state == "sale").mapped(
                "credit_uninvoiced_amount"
            )
        )
        amount = max(self.amount_company - covered, 0.0)
        reasons, warnings = partner._credit_block_reasons(company, figures, amount)
        if reasons:
            return "fail", facts + "\n" + "\n".join(reasons)
        return "pass", "\n".join([facts, *warnings])

    def _review_evidence_scope(self):
        env = self.env
        scope = (self.partner_id.sudo().credit_business_scope or "").strip()
        if not scope:
            return False, env._("No business scope in the credit file: judge by hand.")
        facts = env._("Registered business scope: %(scope)s", scope=scope)
        subject = (self.subject_matter or "").strip()
        if subject and subject.lower() in scope.lower():
            return "pass", facts
        return False, facts + "\n" + env._(
            "Subject matter %(subject)s not found in it: judge by hand.", subject=subject or "-"
        )

    def action_evaluate_review(self):
        self._check_state(("review",), self.env._("re-evaluated"))
        self._evaluate_review()
        return True

    def _review_blockers(self):
        """Why the review of this contract has not passed yet (empty: it has)."""
        self.ensure_one()
        env = self.env
        blockers = []
        if not self.review_passed:
            pending = self.review_line_ids.filtered(
                lambda ln: ln.required and ln.result not in ("pass", "na")
            )
            blockers.append(
                env._(
                    "The review has not passed: %(items)s.",
                    items="; ".join(pending.mapped("name")) or env._("no checklist"),
                )
            )
        if self.joint_review_required and not self.joint_review_done:
            blockers.append(
                env._(
                    "A contract of this amount needs a joint review (会审) approved by "
                    "reviewers of at least two different roles."
                )
            )
        return blockers

    def action_approve(self):
        self._check_administrator()
        self._check_state(("review",), self.env._("approved"))
        for contract in self:
            if contract.user_id == self.env.user and not self.env.user.has_group(MANAGER):
                raise AccessError(self.env._("Nobody approves the review of their own contract."))
            blockers = contract._review_blockers()
            if blockers:
                raise UserError("\n".join(blockers))
        self.sudo().write(
            {
                "state": "approved",
                "date_approved": fields.Date.context_today(self),
                "approved_by_id": self.env.user.id,
            }
        )
        self.sudo().activity_unlink(["credit_contract.mail_activity_type_contract_review"])
        return True

    def action_back_to_review(self):
        self._check_owner_or_administrator()
        self._check_state(("approved",), self.env._("sent back to review"))
        self.sudo().write({"state": "review", "date_approved": False, "approved_by_id": False})
        self._evaluate_review()
        return True

    def action_reset_draft(self):
        self._check_owner_or_administrator()
        self._check_state(("review", "approved"), self.env._("reset to draft"))
        self.sudo().write({"state": "draft", "date_approved": False, "approved_by_id": False})
        return True

    def _action_override(self, reason):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager may override a contract review."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for overriding the review."))
        self._check_state(("review", "approved"), self.env._("overridden"))
        self.sudo().write(
            {
                "review_override": True,
                "review_override_reason": reason,
                "review_override_by_id": self.env.user.id,
                "review_override_date": fields.Date.context_today(self),
            }
        )
        for contract in self:
            contract.message_post(
                body=self.env._(
                    "Review overridden by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        return True

    def action_override(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager may override a contract review."))
        return self.env["credit.contract.reason.wizard"]._open("override", self)

    # ------------------------------------------------------------ signing
    def _signing_blockers(self, date_signed):
        self.ensure_one()
        env = self.env
        blockers = self._review_blockers()
        if not self.signatory_id:
            blockers.append(env._("Choose our signatory."))
        else:
            amount = self.currency_id._convert(
                self.amount, self.company_id.currency_id, self.company_id, date_signed
            )
            error = (
                self.power_of_attorney_id.sudo()._covers(
                    self.signatory_id, self.contract_type, amount, date_signed
                )
                if self.power_of_attorney_id
                else env._(
                    "%(signatory)s holds no power of attorney for this contract.",
                    signatory=self.signatory_id.name,
                )
            )
            if error:
                blockers.append(error)
        return blockers

    def _action_sign(self, date_signed):
        self._check_owner_or_administrator()
        self._check_state(("approved",), self.env._("signed"))
        today = fields.Date.context_today(self)
        if not date_signed or date_signed > today:
            raise UserError(self.env._("The signing date cannot be in the future."))
        for contract in self:
            blockers = contract._signing_blockers(date_signed)
            if blockers:
                raise UserError(
                    self.env._("Contract %(name)s cannot be signed:", name=contract.name)
                    + "\n- "
                    + "\n- ".join(blockers)
                )
        self.sudo().write(
            {"state": "signed", "date_signed": date_signed, "signed_by_id": self.env.user.id}
        )
        for contract in self:
            contract._snapshot_version(self.env._("Signed version"))
        return True

    def action_sign(self):
        self.ensure_one()
        self._check_owner_or_administrator()
        self._check_state(("approved",), self.env._("signed"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sign Contract"),
            "res_model": "credit.contract.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_id": self.id, "active_model": self._name},
        }

    def _snapshot_version(self, changes, amendment=None):
        self.ensure_one()
        number = self.version + 1
        self.env["credit.contract.version"].sudo().create(
            {
                "contract_id": self.id,
                "version": number,
                "date": fields.Date.context_today(self),
                "user_id": self.env.user.id,
                "amendment_id": amendment.id if amendment else False,
                "changes": changes,
                "title": self.title,
                "amount": self.amount,
                "currency_id": self.currency_id.id,
                "date_start": self.date_start,
                "date_end": self.date_end,
                "body": self.body,
            }
        )
        self.sudo().version = number

    # ------------------------------------------------------------ ledger
    def action_register(self):
        self._check_owner_or_administrator()
        for contract in self:
            if contract.state not in SIGNED_STATES and contract.state != "terminated":
                raise UserError(
                    self.env._(
                        "Contract %(name)s is registered in the ledger once signed.",
                        name=contract.name,
                    )
                )
            if contract.date_registered:
                raise UserError(
                    self.env._("Contract %(name)s is already registered.", name=contract.name)
                )
        self.sudo().write(
            {
                "date_registered": fields.Date.context_today(self),
                "registered_by_id": self.env.user.id,
            }
        )
        return True

    def action_start_performance(self):
        self._check_owner_or_administrator()
        self._check_state(("signed",), self.env._("put in performance"))
        self.sudo().write({"state": "performance"})
        return True

    def action_complete(self):
        self._check_owner_or_administrator()
        self._check_state(("signed", "performance"), self.env._("completed"))
        if self.dispute_ids.filtered(lambda d: d.stage != "closed"):
            raise UserError(self.env._("Close the open disputes first."))
        self.sudo().write({"state": "completed"})
        return True

    def action_open_dispute(self):
        self.ensure_one()
        self._check_state(("signed", "performance", "dispute"), self.env._("disputed"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispute"),
            "res_model": "credit.contract.dispute",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def _archive_ledger(self, with_documents):
        self._check_administrator()
        for contract in self:
            if contract.state not in ("completed", "terminated", "expired"):
                raise UserError(
                    self.env._(
                        "Contract %(name)s is archived once completed, terminated or expired.",
                        name=contract.name,
                    )
                )
            if contract.date_archived:
                raise UserError(
                    self.env._("Contract %(name)s is already archived.", name=contract.name)
                )
        self.sudo().write(
            {
                "archived_with_documents": with_documents,
                "date_archived": fields.Date.context_today(self),
                "archived_by_id": self.env.user.id,
            }
        )
        return True

    def action_archive_with_documents(self):
        return self._archive_ledger(True)

    def action_archive_without_documents(self):
        return self._archive_ledger(False)

    def _action_mark_invalid(self, reason, employees=None):
        self._check_administrator()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the contract is invalid."))
        vals = {
            "is_invalid": True,
            "invalid_reason": reason,
            "invalid_by_id": self.env.user.id,
            "invalid_date": fields.Date.context_today(self),
        }
        if employees:
            vals["misuse_employee_ids"] = [(6, 0, employees.ids)]
        self.sudo().write(vals)
        for contract in self:
            contract.message_post(
                body=self.env._(
                    "Recorded as invalid by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        return True

    def action_mark_invalid(self):
        self.ensure_one()
        self._check_administrator()
        return self.env["credit.contract.reason.wizard"]._open("invalid", self)

    def action_use_seal(self):
        self.ensure_one()
        if not self.review_passed or self.state not in (*SIGNED_STATES, "approved"):
            raise UserError(
                self.env._("The contract seal may be used only for a contract whose review passed.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Use Contract Seal"),
            "res_model": "credit.contract.seal.use.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_id": self.id, "active_model": self._name},
        }

    def action_view_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action["domain"] = [("id", "in", self.sale_order_ids.ids)]
        action["context"] = {}
        return action

    def action_view_seal_uses(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Seal Uses"),
            "res_model": "credit.contract.seal.use",
            "view_mode": "list,form",
            "domain": [("contract_id", "=", self.id)],
        }

    def action_preview(self):
        self.ensure_one()
        return self.env.ref("credit_contract.action_report_contract_html").report_action(self)

    # ------------------------------------------------------------ cron
    @api.model
    def _cron_contract_expiry(self):
        """Remind the responsible person before the end date; expire ended contracts."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("credit_contract.mail_activity_type_contract_expiry")
        ended = self.sudo().search(
            [("state", "in", ("signed", "performance")), ("date_end", "<", today)]
        )
        expired = 0
        for contract in ended:
            try:
                with self.env.cr.savepoint():
                    contract.write({"state": "expired", "date_expired": today})
                    contract.message_post(
                        body=self.env._(
                            "Expired: the contract ended on %(date)s.", date=contract.date_end
                        )
                    )
            except Exception:
                _logger.exception("Expiring contract %s failed", contract.name)
                continue
            expired += 1
        reminded = 0
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            limit = fields.Date.add(today, days=company.credit_contract_expiry_days)
            expiring = self.sudo().search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("signed", "performance")),
                    ("date_end", ">=", today),
                    ("date_end", "<=", limit),
                ]
            )
            done = set(
                self.env["mail.activity"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", expiring.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
                .mapped("res_id")
            )
            for contract in expiring.filtered(lambda c, d=done: c.id not in d):
                user = contract.user_id
                if not user or not user.active:
                    continue
                try:
                    with self.env.cr.savepoint():
                        contract.activity_schedule(
                            activity_type_id=activity_type.id,
                            user_id=user.id,
                            date_deadline=contract.date_end,
                            summary=self.env._(
                                "Contract %(name)s ends on %(date)s",
                                name=contract.name,
                                date=contract.date_end,
                            ),
                        )
                except Exception:
                    _logger.exception("Expiry activity for contract %s failed", contract.name)
                    continue
                reminded += 1
        return expired, reminded
