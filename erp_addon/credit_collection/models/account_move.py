import operator as op

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_is_zero

from odoo.addons.credit_management.models.res_partner import CREDIT_FIGURES_GROUPS

ADMIN = "credit_management.group_credit_administrator"
COLLECTOR = "credit_management.group_credit_collector"
DAYS_OPERATORS = {
    "=": op.eq,
    "!=": op.ne,
    ">": op.gt,
    ">=": op.ge,
    "<": op.lt,
    "<=": op.le,
}
OPEN_TYPES = ("out_invoice", "out_receipt")
COLLECTION_FLOW_FIELDS = frozenset(
    {
        "collection_stage_id",
        "collection_stage_date",
        "collection_days_overdue",
        "collection_bucket_id",
        "collection_dunned",
        "collection_cancel_reason",
        "collection_allow_back",
        "collection_escalate_now",
        "collection_disputed",
        # the letters list their invoices (credit.collection.letter.move_ids): frozen
        "collection_letter_ids",
    }
)


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "credit.guard.mixin"]

    # the invoice's own state is Odoo's, not a collection decision
    _guard_state_field = None

    # (properties, so that they add to what other add-ons declare on invoices)
    @property
    def _guard_flow_fields(self):
        """Set only by the add-on (the daily action, the buttons), never by hand."""
        return tuple(super()._guard_flow_fields) + tuple(sorted(COLLECTION_FLOW_FIELDS))

    @property
    def _guard_field_groups(self):
        """Who collects and under which procedure: credit administrators and above."""
        return {
            **super()._guard_field_groups,
            "collection_user_id": ADMIN,
            "collection_procedure_id": ADMIN,
        }

    collection_procedure_id = fields.Many2one(
        "credit.collection.procedure",
        copy=False,
        domain="[('company_id', '=', company_id)]",
        help="Overrides the customer's and the company's procedure for this invoice.",
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_stage_id = fields.Many2one(
        "credit.collection.stage",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_stage_date = fields.Date(
        string="In Stage Since", readonly=True, copy=False, groups=CREDIT_FIGURES_GROUPS
    )
    # today's figure, computed when read (SQL, credit_collection_move_days) and searchable,
    # never stored: a stored one would make the daily action rewrite every open invoice
    collection_days_overdue = fields.Integer(
        string="Days Overdue",
        compute="_compute_collection_days_overdue",
        search="_search_collection_days_overdue",
        help="Today: days since the earliest open due date, 0 while within the company's "
        "overdue grace days (the credit check's rule).",
    )
    # stored so that it can be searched and grouped; the daily action moves an invoice
    # into its next bucket (set-wise, see _collection_run_batch)
    collection_bucket_id = fields.Many2one(
        "credit.collection.bucket",
        string="Ageing Bucket",
        readonly=True,
        copy=False,
        groups=CREDIT_FIGURES_GROUPS,
    )
    # the worklist's invoice number column: the invoice's own "name" is labelled "Number",
    # which Odoo's zh_CN words 数量 (a quantity), and an export (XLSX) labels its columns
    # by the field's label, not the list's: a column of its own, labelled as it reads
    collection_invoice_number = fields.Char(string="Invoice Number", related="name")
    collection_user_id = fields.Many2one(
        "res.users", string="Collector", copy=False, tracking=True, index="btree_not_null"
    )
    collection_dunned = fields.Boolean(string="Dunned", readonly=True, copy=False)
    collection_cancel_reason = fields.Text(string="Cancellation Reason", readonly=True, copy=False)
    collection_allow_back = fields.Boolean(
        string="May Go Back a Stage", readonly=True, copy=False, groups=CREDIT_FIGURES_GROUPS
    )
    collection_escalate_now = fields.Boolean(
        string="Escalate at Next Run", readonly=True, copy=False, groups=CREDIT_FIGURES_GROUPS
    )
    collection_disputed = fields.Boolean(
        string="Disputed", compute="_compute_collection_disputed", store=True
    )
    # the collection records of the invoice: the credit roles and accounting read them
    collection_history_ids = fields.One2many(
        "credit.collection.history", "move_id", groups=CREDIT_FIGURES_GROUPS
    )
    collection_contact_ids = fields.One2many(
        "credit.collection.contact",
        "move_id",
        string="Collection Contacts",
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_promise_ids = fields.One2many(
        "credit.collection.promise",
        "move_id",
        string="Promises to Pay",
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_dispute_ids = fields.One2many(
        "credit.collection.dispute", "move_id", string="Disputes", groups=CREDIT_FIGURES_GROUPS
    )
    collection_writeoff_ids = fields.One2many(
        "credit.collection.writeoff",
        "move_id",
        string="Write-offs",
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_letter_ids = fields.Many2many(
        "credit.collection.letter",
        "credit_collection_letter_move_rel",
        "move_id",
        "letter_id",
        string="Dunning Letters",
        readonly=True,
        groups=CREDIT_FIGURES_GROUPS,
    )

    # what is overdue once the customer's credits are applied to its oldest items
    # (credit_overdue_items, the credit check's rule): a customer's invoices add up to its
    # overdue amount on the partner, the overview and the ageing report
    collection_amount_overdue = fields.Monetary(
        string="Overdue (Net of Credits)",
        compute="_compute_collection_amount_overdue",
        search="_search_collection_amount_overdue",
        currency_field="company_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
        help="Today: the invoice's overdue balance less the customer's open credit notes and "
        "advances, applied to its oldest overdue items first. 0 when they cover it: such an "
        "invoice is not chased.",
    )
    # where the stage is shown: the stage, or that the invoice is disputed (a disputed
    # invoice leaves the procedure until the dispute is resolved)
    collection_status = fields.Char(
        compute="_compute_collection_status",
        groups=CREDIT_FIGURES_GROUPS,
    )

    # the column of the collectors' worklist (kanban) and the group of the invoice lists:
    # the stage, or the dispute for a disputed invoice (which has no stage while the dispute
    # is open); stored to be grouped, set with the stage (the daily action's UPDATE too)
    collection_column = fields.Selection(
        selection="_selection_collection_column",
        string="Collection Stage or Dispute",
        compute="_compute_collection_column",
        store=True,
        group_expand="_group_expand_collection_column",
        groups=CREDIT_FIGURES_GROUPS,
    )

    collection_can_assign = fields.Boolean(
        string="May Assign Collectors",
        compute="_compute_collection_can_assign",
        groups=CREDIT_FIGURES_GROUPS,
    )

    def _compute_collection_days_overdue(self):
        days = self._collection_days_on(fields.Date.context_today(self))
        for move in self:
            move.collection_days_overdue = days.get(move._origin.id, 0)

    def _collection_days_on(self, day):
        """{invoice id: days overdue on ``day``} for these invoices, in one query (a
        letter shows the days on its own date, not on the day it is printed)."""
        ids = [move_id for move_id in self._origin._ids if isinstance(move_id, int)]
        if not ids:
            return {}
        self.env["account.move.line"].flush_model()
        self.env["account.move"].flush_model(["move_type"])
        self.env.cr.execute(
            SQL(
                "SELECT move_id, days_overdue FROM credit_collection_move_days(%s) "
                "WHERE move_id = ANY(%s)",
                day,
                ids,
            )
        )
        return dict(self.env.cr.fetchall())

    def _search_collection_days_overdue(self, operator, value):
        if operator not in DAYS_OPERATORS or isinstance(value, bool) or not isinstance(value, int):
            raise UserError(self.env._("Days overdue can only be compared with a whole number."))
        self.env["account.move.line"].flush_model()
        self.env["account.move"].flush_model(["move_type"])
        today = fields.Date.context_today(self)
        if DAYS_OPERATORS[operator](0, value):
            # invoices without open items count as 0 days: search the complement
            return [
                (
                    "id",
                    "not in",
                    SQL(
                        "(SELECT move_id FROM credit_collection_move_days(%s) "
                        "WHERE NOT (days_overdue %s %s))",
                        today,
                        SQL(operator),
                        value,
                    ),
                )
            ]
        return [
            (
                "id",
                "in",
                SQL(
                    "(SELECT move_id FROM credit_collection_move_days(%s) "
                    "WHERE days_overdue %s %s)",
                    today,
                    SQL(operator),
                    value,
                ),
            )
        ]

    def _collection_overdue_sql(self):
        """SQL: (move_id, amount_overdue) of the invoices with something overdue today in
        the user's companies (credit_collection_move_overdue)."""
        self.env["account.move.line"].flush_model()
        self.env["account.move"].flush_model(["move_type"])
        today = fields.Date.context_today(self)
        return SQL(" UNION ALL ").join(
            SQL("SELECT * FROM credit_collection_move_overdue(%s, %s)", company_id, today)
            for company_id in self.env.companies.ids
        )

    def _compute_collection_amount_overdue(self):
        ids = [move_id for move_id in self._origin._ids if isinstance(move_id, int)]
        amounts = {}
        if ids:
            self.env.cr.execute(
                SQL(
                    "SELECT o.move_id, o.amount_overdue FROM (%s) o WHERE o.move_id = ANY(%s)",
                    self._collection_overdue_sql(),
                    ids,
                )
            )
            amounts = dict(self.env.cr.fetchall())
        for move in self:
            move.collection_amount_overdue = float(amounts.get(move._origin.id) or 0.0)

    def _search_collection_amount_overdue(self, operator, value):
        if operator not in DAYS_OPERATORS or isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue amount."))
        if not isinstance(value, int | float):
            raise UserError(self.env._("The overdue amount can only be compared with a number."))
        overdue = self._collection_overdue_sql()
        if DAYS_OPERATORS[operator](0, value):
            # invoices with nothing overdue count as 0: search the complement
            return [
                (
                    "id",
                    "not in",
                    SQL(
                        "(SELECT o.move_id FROM (%s) o WHERE NOT (o.amount_overdue %s %s))",
                        overdue,
                        SQL(operator),
                        value,
                    ),
                )
            ]
        return [
            (
                "id",
                "in",
                SQL(
                    "(SELECT o.move_id FROM (%s) o WHERE o.amount_overdue %s %s)",
                    overdue,
                    SQL(operator),
                    value,
                ),
            )
        ]

    @api.depends("collection_stage_id", "collection_disputed")
    def _compute_collection_status(self):
        disputed = self.env._("Disputed")
        for move in self:
            move.collection_status = (
                disputed if move.collection_disputed else move.collection_stage_id.name or False
            )

    @api.model
    def _selection_collection_column(self):
        """The stages of the companies in use, in the reader's language, then the dispute."""
        stages = (
            self.env["credit.collection.stage"]
            .sudo()
            .search([("company_id", "in", self.env.companies.ids)])
        )
        return [(f"stage_{stage.id}", stage.name) for stage in stages] + [
            ("disputed", self.env._("Disputed"))
        ]

    @api.depends("collection_stage_id", "collection_disputed")
    def _compute_collection_column(self):
        for move in self:
            if move.collection_disputed:
                move.collection_column = "disputed"
            elif move.collection_stage_id:
                move.collection_column = f"stage_{move.collection_stage_id.id}"
            else:
                move.collection_column = False

    def _group_expand_collection_column(self, values, domain):
        """The columns in the order of the procedure's stages, the disputes last (no empty
        column is added)."""
        stage_ids = [int(v.removeprefix("stage_")) for v in values if v and v != "disputed"]
        stages = self.env["credit.collection.stage"].sudo().browse(stage_ids).exists()
        ordered = [f"stage_{stage.id}" for stage in stages.sorted()]
        return ordered + [v for v in values if v and v not in ordered]

    def _compute_collection_can_assign(self):
        self.collection_can_assign = self.env.user.has_group(ADMIN)

    @api.depends("collection_dispute_ids.state")
    def _compute_collection_disputed(self):
        for move in self:
            move.collection_disputed = any(d.state == "open" for d in move.collection_dispute_ids)

    # ------------------------------------------------------------ collector history
    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        assigned = moves.filtered(lambda m: m.collection_user_id and m.move_type in OPEN_TYPES)
        if assigned:
            assigned._collection_log("collector", stage_to=False)
        return moves

    def write(self, vals):
        if "collection_user_id" not in vals:
            return super().write(vals)
        # a change of collector is history: the ageing as at a past day shows who collected
        before = {move.id: move.collection_user_id.id for move in self}
        res = super().write(vals)
        changed = self.filtered(
            lambda m: m.move_type in OPEN_TYPES and m.collection_user_id.id != before[m.id]
        )
        if changed:
            changed._collection_log("collector", stage_to=False)
        return res

    def _collection_check_dunned_cancel(self):
        for move in self:
            if move.collection_dunned and not move.collection_cancel_reason:
                raise UserError(
                    self.env._(
                        "Invoice %(invoice)s has been sent dunning letters: record the reason "
                        "with 'Cancel with Reason' before resetting or cancelling it.",
                        invoice=move.name,
                    )
                )

    def button_draft(self):
        self._collection_check_dunned_cancel()
        return super().button_draft()

    def button_cancel(self):
        self._collection_check_dunned_cancel()
        return super().button_cancel()

    def action_collection_cancel_with_reason(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel with Reason"),
            "res_model": "credit.collection.cancel.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_move_id": self.id},
        }

    def _collection_dialog(self, model, name, context):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": dict(context, default_move_id=self.id),
        }

    def action_collection_log_contact(self):
        """The collector logs a call, visit, letter or message about the invoice."""
        return self._collection_dialog(
            "credit.collection.contact",
            self.env._("Log a Contact"),
            {"default_partner_id": self.commercial_partner_id.id},
        )

    def action_collection_promise(self):
        """The collector records the customer's promise to pay the invoice."""
        return self._collection_dialog(
            "credit.collection.promise", self.env._("Promise to Pay"), {}
        )

    def _collection_check_writeoff_possible(self):
        for move in self:
            if move.move_type not in OPEN_TYPES or move.state != "posted":
                raise ValidationError(
                    self.env._("Only a posted customer invoice can be written off.")
                )
            if move.payment_state in ("paid", "in_payment", "reversed") or float_is_zero(
                move.amount_residual, precision_rounding=move.currency_id.rounding
            ):
                raise ValidationError(
                    self.env._(
                        "Invoice %(invoice)s is paid: there is nothing to write off.",
                        invoice=move.name,
                    )
                )

    # ------------------------------------------------------------ manual move
    def action_collection_escalate(self):
        """Move the invoices into their procedure's next stage by hand.

        An invoice with an open promise to pay does not move at once: escalating breaks the
        promise, so the dialog this returns asks why (or the collector leaves it)."""
        self._collection_check_escalate()
        promised = self.filtered(lambda m: m._collection_open_promise())
        if promised:
            if len(self) > 1:
                raise UserError(
                    self.env._(
                        "Invoice %(invoice)s has an open promise to pay: escalate it on its "
                        "own, giving the reason the promise is broken.",
                        invoice=promised[0].name,
                    )
                )
            return self._collection_dialog(
                "credit.collection.escalate.wizard",
                self.env._("Escalate and Break the Promise to Pay"),
                {},
            )
        self._collection_escalate()
        return True

    def _collection_check_escalate(self):
        if not self.env.user.has_group(COLLECTOR):
            raise AccessError(self.env._("Only collection staff move invoices between stages."))
        self.check_access("read")

    def _collection_open_promise(self):
        self.ensure_one()
        return self.sudo().collection_promise_ids.filtered(lambda p: p.state == "open")

    def _collection_escalate(self, reason=False):
        """Move into the next stage, after the checks; an open promise to pay is broken with
        ``reason`` (refused without one)."""
        self._collection_check_escalate()
        user = self.env.user
        today = fields.Date.context_today(self)
        for move in self:
            if move.move_type not in OPEN_TYPES or move.state != "posted":
                raise UserError(self.env._("Only posted customer invoices have collection stages."))
            if move.collection_disputed:
                raise UserError(
                    self.env._(
                        "Invoice %(invoice)s is disputed: resolve the dispute first.",
                        invoice=move.name,
                    )
                )
            promise = move._collection_open_promise()
            if promise and not (reason or "").strip():
                raise UserError(
                    self.env._(
                        "Invoice %(invoice)s has an open promise to pay: escalating it breaks "
                        "the promise; give the reason.",
                        invoice=move.name,
                    )
                )
            stages = move._collection_procedure()._stages_sorted()
            current = move.collection_stage_id
            start = current.days_from if current else 0
            following = stages.filtered(lambda s, start=start: s.days_from > start)
            if not following:
                raise UserError(
                    self.env._("Invoice %(invoice)s is in the last stage.", invoice=move.name)
                )
            stage = following[0]
            if not stage._user_may_move(user):
                raise AccessError(
                    self.env._(
                        "Stage %(stage)s belongs to %(group)s: you cannot move invoices into it.",
                        stage=stage.name,
                        group=stage.owner_group_id.name,
                    )
                )
            if promise:
                promise._collection_break(reason.strip())
            move._guard_sudo("read").write(
                {"collection_stage_id": stage.id, "collection_stage_date": today}
            )
            move.sudo()._collection_log("manual", stage_from=current, stage_to=stage)

    def _collection_procedure(self):
        self.ensure_one()
        partner = self.commercial_partner_id.with_company(self.company_id).sudo()
        procedure = (
            self.sudo().collection_procedure_id
            or partner.collection_procedure_id
            or self.company_id.sudo().collection_procedure_id
        )
        if not procedure:
            raise UserError(
                self.env._(
                    "Company %(company)s has no collection procedure.", company=self.company_id.name
                )
            )
        return procedure

    def _collection_log(self, event, stage_from=None, stage_to=None, note=False):
        History = self.env["credit.collection.history"].sudo()
        History.create(
            [
                {
                    "move_id": move.id,
                    "partner_id": move.commercial_partner_id.id,
                    "company_id": move.company_id.id,
                    "date": fields.Date.context_today(self),
                    "event": event,
                    "stage_from_id": (
                        stage_from.id if stage_from is not None else move.collection_stage_id.id
                    ),
                    "stage_to_id": stage_to.id if stage_to else False,
                    "days_overdue": move.collection_days_overdue,
                    "note": note,
                    "user_id": self.env.uid,
                    "collector_id": move.collection_user_id.id,
                }
                for move in self
            ]
        )
