import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from odoo.addons.credit_management.tools.reminders import due_domain, schedule_reminders

from .credit_contract import SIGNED_STATES

_logger = logging.getLogger(__name__)

# the fields a complete ledger entry fills (with its registration date); changing one after
# registration, other than through a processed change, is a correction (appraisal item 5.2)
LEDGER_FIELDS = (
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
)


class CreditContract(models.Model):
    """The contract ledger (合同台账): registration, performance, archive, invalid contracts."""

    _inherit = "credit.contract"  # pylint: disable=consider-merging-classes-inherited

    # ledger
    date_registered = fields.Date(readonly=True, copy=False, tracking=True)
    registered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # empty until registered: 0 would read "registered on the day of signing", and the
    # ledger's pivot averages the days of the registered contracts only (_field_to_sql)
    registration_days = fields.Integer(
        string="Days to Register",
        compute="_compute_registration",
        store=True,
        aggregator="avg",
        help="Days from signing to registration in the ledger; empty until registered. "
        "Averaged over the registered contracts.",
    )
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

    @api.model
    def _field_to_sql(self, alias, fname, query=None, flush=True):
        if fname == "registration_days":
            # NULL (not 0) for a contract not registered: averages, sums and searches of
            # the days to register count registered contracts only
            return SQL(
                "(CASE WHEN %s IS NOT NULL THEN %s END)",
                super()._field_to_sql(alias, "date_registered", query, flush),
                super()._field_to_sql(alias, fname, query, flush),
            )
        return super()._field_to_sql(alias, fname, query=query, flush=flush)

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

    @api.depends(*LEDGER_FIELDS, "date_registered")
    def _compute_ledger_complete(self):
        for contract in self:
            contract.ledger_complete = bool(
                contract.name != "/"
                and contract.date_registered
                and all(contract[name] for name in LEDGER_FIELDS)
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
                body=contract.company_id._credit_env()._(
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
                    env = contract.company_id._credit_env()
                    contract.message_post(
                        body=env._(
                            "Expired: the contract ended on %(date)s.",
                            date=format_date(env, contract.date_end),
                        )
                    )
            except Exception:
                _logger.exception("Expiring contract %s failed", contract.name)
                continue
            expired += 1
        reminded = 0
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            expiring = self.sudo().search(
                [("company_id", "=", company.id), ("state", "in", ("signed", "performance"))]
                + due_domain("date_end", today, company.credit_contract_expiry_days)
            )
            reminded += len(
                schedule_reminders(
                    expiring,
                    activity_type,
                    users=lambda contract: contract.user_id,
                    deadline=lambda contract: contract.date_end,
                    summary=lambda contract, _user: contract.env._(
                        "Contract %(name)s ends on %(date)s",
                        name=contract.name,
                        date=format_date(contract.env, contract.date_end),
                    ),
                )
            )
        return expired, reminded
