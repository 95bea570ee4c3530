import uuid

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount, format_date

from odoo.addons.credit_management.exceptions import field_error

from .credit_contract_clause import CONTRACT_TYPES

COUNTERPARTY_PAYMENTS = [
    ("later", "Later, on credit"),
    ("advance", "In advance"),
    ("immediate", "On the spot (即时清结)"),
    ("nothing", "Nothing (we pay)"),
]

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
# a contract that covers orders: signed and not yet over
IN_FORCE_STATES = ("signed", "performance", "dispute")
# set only by the action methods, never by hand
FLOW_FIELDS = (
    "name",
    "state",
    "date_submitted",
    "submitted_by_id",
    "submitted_department_id",
    "owner_history_ids",
    "review_round",
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
    # computed by the add-on, never written by anyone
    "amount_company",
    "company_currency_id",
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
    "followup_overdue",
    "sale_order_count",
    "seal_use_count",
    "can_administer",
)
# what the contract says: changed in draft and under review (a change under review starts
# the review again), afterwards only by an amendment
CONTENT_FIELDS = (
    "title",
    "contract_type",
    "counterparty_pays",
    "partner_id",
    "amount",
    "currency_id",
    "date_start",
    "date_end",
    "body",
    "subject_matter",
    "signatory_id",
    "power_of_attorney_id",
    "partner_signatory",
    "settlement_method",
)
# who owns the contract and where it starts from: changed in draft only (after signing, by
# an amendment)
DRAFT_FIELDS = ("user_id", "department_id", "company_id", "template_id")
EDITABLE_STATES = ("draft", "review")
# a new contract's name while it is inserted: its number is drawn once its checks passed
NUMBER_LATER = "credit_contract_number_later"
PLACEHOLDER_PREFIX = "/new-"
ADMINISTRATOR = "credit_management.group_credit_administrator"
MANAGER = "credit_management.group_credit_manager"


class CreditContract(models.Model):
    """A contract (合同): reviewed before signing, registered in the ledger (合同台账)."""

    _name = "credit.contract"
    _description = "Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "id desc"
    _rec_names_search = ["name", "title"]

    # the guards (credit.guard.mixin): who writes what, and until when
    _guard_sequence = "credit.contract"
    _guard_flow_fields = FLOW_FIELDS
    _guard_locks = [(CONTENT_FIELDS, EDITABLE_STATES), (DRAFT_FIELDS, ("draft",))]
    _guard_undeletable_states = tuple(state for state, _label in STATES if state != "draft")

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    title = fields.Char(required=True, tracking=True)
    contract_type = fields.Selection(
        CONTRACT_TYPES, string="Type", required=True, default="sale", tracking=True
    )
    counterparty_pays = fields.Selection(
        COUNTERPARTY_PAYMENTS,
        string="The Counterparty Pays",
        required=True,
        default="later",
        tracking=True,
        help="Whether and when the counterparty pays under this contract. A contract under "
        "which the counterparty pays later is judged for credit whatever its type.",
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
    owner_history_ids = fields.Many2many(
        "res.users",
        "credit_contract_owner_history_rel",
        "contract_id",
        "user_id",
        string="Owners So Far",
        readonly=True,
        copy=False,
        help="Everyone who created, submitted or was responsible for the contract: none of "
        "them reviews it.",
    )
    version_ids = fields.One2many("credit.contract.version", "contract_id", string="Versions")
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
                raise field_error(
                    self.env._(
                        "Contract %(name)s cannot end (%(end)s) before it takes effect "
                        "(%(start)s).",
                        name=contract.title or contract.name,
                        end=format_date(self.env, contract.date_end),
                        start=format_date(self.env, contract.date_start),
                    ),
                    "date_end",
                )

    @api.constrains("amount")
    def _check_amount(self):
        for contract in self:
            if contract.currency_id.compare_amounts(contract.amount, 0.0) < 0:
                raise field_error(self.env._("A contract amount cannot be negative."), "amount")

    @api.constrains("signatory_id", "power_of_attorney_id")
    def _check_power_of_attorney(self):
        for contract in self:
            poa = contract.power_of_attorney_id
            if poa and poa.employee_id != contract.signatory_id:
                raise field_error(
                    self.env._(
                        "Power of attorney %(name)s was issued to %(holder)s, not to the "
                        "signatory.",
                        name=poa.name,
                        holder=poa.employee_id.name,
                    ),
                    "power_of_attorney_id",
                )
            if poa and poa.company_id != contract.company_id:
                raise field_error(
                    self.env._("The power of attorney belongs to another company."),
                    "power_of_attorney_id",
                )

    @api.constrains("contract_type", "counterparty_pays")
    def _check_counterparty_pays(self):
        for contract in self:
            if contract.contract_type == "sale" and contract.counterparty_pays == "nothing":
                raise field_error(
                    self.env._("Under a sales contract the counterparty pays for what it buys."),
                    "counterparty_pays",
                )

    # ------------------------------------------------------------ ORM
    @api.model
    def _action_for_order(self, order, link_field, **defaults):
        """The contracts that cover ``order`` (an order linked by ``link_field``), a new one
        made from there for its customer or supplier and amount with ``defaults``."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_contract.action_credit_contract"
        )
        action["domain"] = [(link_field, "in", order.ids)]
        # a new contract covers the order once signed: the order is linked then
        action["context"] = {
            "default_partner_id": order.partner_id.commercial_partner_id.id,
            "default_amount": order.amount_total,
            **{f"default_{name}": value for name, value in defaults.items()},
        }
        return action

    @api.model
    def _guard_next_name(self):
        """While ``create`` inserts, a placeholder unique to the new record: the number is
        drawn once the contract passed its checks (see ``create``)."""
        if self.env.context.get(NUMBER_LATER):
            return f"{PLACEHOLDER_PREFIX}{uuid.uuid4().hex}"
        return super()._guard_next_name()

    @api.model_create_multi
    def create(self, vals_list):
        # a contract refused on create (its constraints, the rights, a missing value) takes
        # no number: the number is drawn after the insert and the checks that run in it
        contracts = super(CreditContract, self.with_context(**{NUMBER_LATER: True})).create(
            vals_list
        )
        contracts = contracts.with_env(self.env)
        for contract in contracts:
            if contract.name.startswith(PLACEHOLDER_PREFIX):
                contract.sudo().name = contract._guard_next_name()
            if contract.template_id and not contract.body:
                contract.body = contract._render_template()
        return contracts

    def write(self, vals):
        if vals.get("review_override"):
            # the override's method writes as superuser: whose contract it is still counts
            self._check_not_own(self.env._("Nobody overrides the review of their own contract."))
        self._check_invalidity_write(vals)
        changed = self._content_changes(vals)
        res = super().write(vals)
        self._log_invalidity(vals)
        for contract, fnames in changed.items():
            contract._restart_review(fnames)
        return res

    def _content_changes(self, vals):
        """``{contract: [field labels]}``: what ``vals`` changes of the content of contracts
        under review (whose review then starts again)."""
        fnames = set(CONTENT_FIELDS) & set(vals)
        changes = {}
        if not fnames:
            return changes
        for contract in self.filtered(lambda c: c.state == "review"):
            changed = [f for f in fnames if not contract._guard_unchanged(f, vals[f])]
            if changed:
                # said in the chatter: in the company's language
                local = contract.with_context(lang=contract.company_id._credit_lang())
                changes[contract] = sorted(local._guard_field_label(f) for f in changed)
        return changes

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
        """The template's clauses, placeholders filled from the contract (HTML), in the
        company's language (the body is stored: whoever applies the template, the
        contract reads in the company's language)."""
        self.ensure_one()
        local = self.with_context(lang=self.company_id._credit_lang())
        values = local._placeholder_values()
        parts = []
        lang_template = local.template_id
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

    def _owners(self):
        """The users whose own contract this is: everyone who created it, submitted it or
        was responsible for it (now or at a submission), and the heads of its responsible
        department (now or at a submission). Rewriting the responsible person or the
        department after the fact does not make it anybody else's."""
        self.ensure_one()
        contract = self.sudo()
        departments = contract.department_id | contract.submitted_department_id
        return (
            contract.user_id
            | contract.create_uid
            | contract.submitted_by_id
            | contract.owner_history_ids
            | departments.manager_id.user_id
        )

    def _check_not_own(self, message):
        """Refuse (``AccessError`` with ``message``) when a contract is the user's own."""
        user = self.env.user
        for contract in self:
            if user in contract._owners():
                raise AccessError(message)

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
