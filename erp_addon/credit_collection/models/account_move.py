import logging
import operator as op
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules import module as odoo_module
from odoo.tools import SQL, float_is_zero

_logger = logging.getLogger(__name__)

# set only by the add-on (daily action, action methods), never through write()
FLOW_FIELDS = {
    "collection_stage_id",
    "collection_stage_date",
    "collection_days_overdue",
    "collection_bucket_id",
    "collection_dunned",
    "collection_cancel_reason",
    "collection_allow_back",
    "collection_escalate_now",
}
# who collects and under which procedure: credit administrators and above
ASSIGN_FIELDS = {"collection_user_id", "collection_procedure_id"}
ADMIN = "credit_management.group_credit_administrator"
BATCH_PARTNERS = 250
DAYS_OPERATORS = {
    "=": op.eq,
    "!=": op.ne,
    ">": op.gt,
    ">=": op.ge,
    "<": op.lt,
    "<=": op.le,
}
OPEN_TYPES = ("out_invoice", "out_receipt")


class AccountMove(models.Model):
    _inherit = "account.move"

    collection_procedure_id = fields.Many2one(
        "credit.collection.procedure",
        copy=False,
        domain="[('company_id', '=', company_id)]",
        help="Overrides the customer's and the company's procedure for this invoice.",
    )
    collection_stage_id = fields.Many2one(
        "credit.collection.stage",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
    )
    collection_stage_date = fields.Date(string="In Stage Since", readonly=True, copy=False)
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
        "credit.collection.bucket", string="Ageing Bucket", readonly=True, copy=False
    )
    collection_user_id = fields.Many2one(
        "res.users", string="Collector", copy=False, tracking=True, index="btree_not_null"
    )
    collection_dunned = fields.Boolean(string="Dunned", readonly=True, copy=False)
    collection_cancel_reason = fields.Text(string="Cancellation Reason", readonly=True, copy=False)
    collection_allow_back = fields.Boolean(string="May Go Back a Stage", readonly=True, copy=False)
    collection_escalate_now = fields.Boolean(
        string="Escalate at Next Run", readonly=True, copy=False
    )
    collection_disputed = fields.Boolean(
        string="Disputed", compute="_compute_collection_disputed", store=True
    )
    collection_history_ids = fields.One2many(
        "credit.collection.history",
        "move_id",
    )
    collection_contact_ids = fields.One2many(
        "credit.collection.contact", "move_id", string="Collection Contacts"
    )
    collection_promise_ids = fields.One2many(
        "credit.collection.promise", "move_id", string="Promises to Pay"
    )
    collection_dispute_ids = fields.One2many(
        "credit.collection.dispute", "move_id", string="Disputes"
    )
    collection_writeoff_ids = fields.One2many(
        "credit.collection.writeoff", "move_id", string="Write-offs"
    )
    collection_letter_ids = fields.Many2many(
        "credit.collection.letter",
        "credit_collection_letter_move_rel",
        "move_id",
        "letter_id",
        string="Dunning Letters",
        readonly=True,
    )

    collection_can_assign = fields.Boolean(
        string="May Assign Collectors", compute="_compute_collection_can_assign"
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

    def _compute_collection_can_assign(self):
        self.collection_can_assign = self.env.user.has_group(ADMIN)

    @api.depends("collection_dispute_ids.state")
    def _compute_collection_disputed(self):
        for move in self:
            move.collection_disputed = any(d.state == "open" for d in move.collection_dispute_ids)

    # ------------------------------------------------------------ guards
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for fname in FLOW_FIELDS:
                    vals.pop(fname, None)
                if ASSIGN_FIELDS & set(vals) and not self.env.user.has_group(ADMIN):
                    for fname in ASSIGN_FIELDS:
                        vals.pop(fname, None)
            self = self.with_context(**{f"default_{f}": False for f in FLOW_FIELDS | ASSIGN_FIELDS})
        moves = super().create(vals_list)
        assigned = moves.filtered(lambda m: m.collection_user_id and m.move_type in OPEN_TYPES)
        if assigned:
            assigned._collection_log("collector", stage_to=False)
        return moves

    def write(self, vals):
        if not self.env.su:
            if FLOW_FIELDS & set(vals):
                raise AccessError(
                    self.env._(
                        "The collection stage and ageing of an invoice are set by the "
                        "collection procedure; use its buttons."
                    )
                )
            if ASSIGN_FIELDS & set(vals) and not self.env.user.has_group(ADMIN):
                raise AccessError(
                    self.env._(
                        "Only a credit administrator or manager assigns collectors and "
                        "collection procedures."
                    )
                )
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
            {
                "default_partner_id": self.commercial_partner_id.id,
                "default_company_id": self.company_id.id,
            },
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
        """Move the invoices into their procedure's next stage by hand."""
        user = self.env.user
        if not user.has_group("credit_management.group_credit_collector"):
            raise AccessError(self.env._("Only collection staff move invoices between stages."))
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
            move.sudo().write({"collection_stage_id": stage.id, "collection_stage_date": today})
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

    # ------------------------------------------------------------ daily action
    @api.model
    def _cron_collection_daily(self, today=None):
        today = fields.Date.to_date(today) if today else fields.Date.context_today(self)
        companies = (
            self.env["res.company"].sudo().search([("collection_procedure_id", "!=", False)])
        )
        for company in companies:
            self._collection_run(company, today, commit=True)

    @api.model
    def _collection_run(self, company, today, batch_size=BATCH_PARTNERS, stats=None, commit=False):
        """Classify the company's open customer invoices on ``today`` and move them on.

        Promises are settled first; then the customers are taken in batches, each batch
        in a savepoint with a fixed number of queries whatever its size, committed before
        the next one when ``commit`` (the scheduled action; never in tests) so that a
        failure loses no finished batch. A batch
        that fails is redone customer by customer; a failing customer is logged and
        skipped.
        """
        self = self.sudo().with_company(company)
        stats = stats if stats is not None else {}
        self.env["credit.collection.promise"]._collection_settle(company, today)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT am.commercial_partner_id
                  FROM account_move am
                 WHERE am.company_id = %(company)s AND am.move_type IN %(types)s
                   AND am.state = 'posted' AND am.commercial_partner_id IS NOT NULL
                   AND (am.payment_state IN ('not_paid', 'partial')
                        OR am.collection_stage_id IS NOT NULL
                        OR am.collection_bucket_id IS NOT NULL)
              ORDER BY 1
                """,
                company=company.id,
                types=OPEN_TYPES,
            )
        )
        partner_ids = [row[0] for row in self.env.cr.fetchall()]
        setup = self._collection_setup(company)
        stats.setdefault("batches", [])
        for start in range(0, len(partner_ids), batch_size):
            batch = partner_ids[start : start + batch_size]
            before = self.env.cr.sql_log_count
            try:
                with self.env.cr.savepoint():
                    counts = self._collection_run_batch(company, today, batch, setup)
            except Exception:
                _logger.exception("Collection batch failed, redoing it customer by customer")
                counts = {}
                for partner_id in batch:
                    try:
                        with self.env.cr.savepoint():
                            self._collection_run_batch(company, today, [partner_id], setup)
                    except Exception:
                        _logger.exception("Collection run: customer %s skipped", partner_id)
            stats["batches"].append(
                dict(counts, partners=len(batch), queries=self.env.cr.sql_log_count - before)
            )
            self.env.invalidate_all()
            if commit and not odoo_module.current_test:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return stats

    def _collection_setup(self, company):
        """What every batch of a run reads once: stages, buckets, rules, model ids."""
        procedures = (
            self.env["credit.collection.procedure"].sudo().search([("company_id", "=", company.id)])
        )
        stages = {}
        stage_info = {}
        for procedure in procedures:
            ordered = procedure._stages_sorted()
            stages[procedure.id] = [(s.days_from, s.id) for s in ordered]
            for stage in ordered:
                stage_info[stage.id] = {
                    "days_from": stage.days_from,
                    "procedure": procedure.id,
                    "channel": stage.channel,
                    "activity_type": stage.activity_type_id.id
                    or self.env.ref("credit_collection.mail_activity_type_collection").id,
                    "summary": stage.name,
                    "note": stage.activity_note or "",
                }
        # stages of archived or other procedures an invoice may still be in
        for stage in (
            self.env["credit.collection.stage"]
            .sudo()
            .with_context(active_test=False)
            .search([("company_id", "=", company.id), ("id", "not in", list(stage_info))])
        ):
            stage_info[stage.id] = {"days_from": stage.days_from, "procedure": False}
        buckets = [
            (b.days_from, b.id)
            for b in self.env["credit.collection.bucket"]
            .sudo()
            .search([("company_id", "=", company.id)], order="days_from")
        ]
        rules = self.env["credit.collection.rule"].sudo().search([("company_id", "=", company.id)])
        return {
            "stages": stages,
            "stage_info": stage_info,
            "buckets": buckets,
            "match": rules._matcher(),
            "default_user": company.collection_default_user_id.id,
            "default_procedure": company.collection_procedure_id.id,
            "model_id": self.env["ir.model"]._get_id("account.move"),
            # the stages' own activities, replaced when the invoice moves on
            "collection_types": list(
                {info["activity_type"] for info in stage_info.values() if info.get("activity_type")}
            ),
            "tolerance": company.credit_overdue_tolerance,
            # the same ranges for the SQL classification
            "ranges": self._collection_ranges(stages, buckets),
            "due_for": self.with_context(lang=company._credit_lang()).env._("due for %s"),
        }

    @staticmethod
    def _collection_ranges(stages, buckets):
        """Buckets and (per procedure) stages as the arrays the batch query classifies
        with (``width_bucket`` over their first days, in order)."""
        ranges = {
            "b_ids": [bid for _start, bid in buckets],
            "b_from": [start for start, _bid in buckets],
            "s_proc": [],
            "s_ids": [],
            "s_from": [],
        }
        if not buckets:  # no bucket configured: every invoice gets none
            ranges.update(b_ids=[None], b_from=[2**31 - 1])
        for procedure_id, ordered in stages.items():
            for start, sid in ordered:
                ranges["s_proc"].append(procedure_id)
                ranges["s_ids"].append(sid)
                ranges["s_from"].append(start)
        return ranges

    @staticmethod
    def _pick(ranges, days):
        """The last (start, id) of ``ranges`` (sorted by start) that ``days`` reached."""
        found = False
        for start, rid in ranges:
            if days >= start:
                found = rid
            else:
                break
        return found

    def _collection_run_batch(self, company, today, partner_ids, setup):
        """One batch of customers: a fixed number of queries whatever their invoices.

        The classification (days overdue, bucket, the stage the days call for) is done in
        SQL, which returns only the invoices that something may happen to: a new bucket, a
        stage other than the one the days call for, a pending escalation or way back, a
        stage without a collector. On most days that is a small share of the open
        invoices, so a day on which little moves costs little more than classifying them.
        """
        cr = self.env.cr
        stages, info = setup["stages"], setup["stage_info"]
        # 1. the invoices to look at, classified in SQL (the credit check's overdue rule),
        #    and those in the procedure that are no longer open (paid, written off)
        cr.execute(
            SQL(
                """
                WITH stages AS (
                    -- per procedure, its stages' ids and first days, in order
                    SELECT procedure_id, array_agg(id ORDER BY days_from) AS ids,
                           array_agg(days_from ORDER BY days_from) AS starts
                      FROM unnest(%(s_proc)s::int[], %(s_ids)s::int[], %(s_from)s::int[])
                           AS s(procedure_id, id, days_from)
                  GROUP BY procedure_id
                ), partners AS (
                    SELECT rp.id,
                           (rp.collection_procedure_id ->> %(company_key)s)::int AS procedure_id
                      FROM res_partner rp WHERE rp.id = ANY(%(partners)s)
                ), items AS MATERIALIZED (
                    SELECT i.*,
                           COALESCE(i.collection_procedure_id, rp.procedure_id,
                                    %(default_procedure)s) AS procedure_id
                      FROM credit_collection_items(%(company)s, %(today)s, %(partners)s) i
                      JOIN partners rp ON rp.id = i.partner_id
                ), classified AS (
                    -- width_bucket: the last range whose first day the days reached
                    SELECT it.*,
                           (%(b_ids)s::int[])[width_bucket(it.days_overdue, %(b_from)s::int[])]
                               AS bucket,
                           s.ids[width_bucket(it.days_overdue, s.starts)] AS target
                      FROM items it
                 LEFT JOIN stages s ON s.procedure_id = it.procedure_id
                )
                SELECT true AS open, it.move_id, it.partner_id, it.collection_stage_id,
                       it.currency_id, it.days_overdue, it.residual, it.collection_user_id,
                       it.invoice_user_id, it.team_id, it.collection_disputed,
                       it.collection_allow_back, it.collection_escalate_now,
                       it.collection_bucket_id, it.collection_stage_date, it.procedure_id,
                       it.bucket, it.target,
                       EXISTS (SELECT 1 FROM credit_collection_promise p
                                WHERE p.move_id = it.move_id AND p.state = 'open'
                                  AND p.date >= %(today)s) AS paused
                  FROM classified it
                 WHERE it.bucket IS DISTINCT FROM it.collection_bucket_id
                    OR it.target IS DISTINCT FROM it.collection_stage_id
                    OR it.collection_escalate_now OR it.collection_allow_back
                    OR (it.collection_stage_id IS NOT NULL AND it.collection_user_id IS NULL)
             UNION ALL
                SELECT false, am.id, am.commercial_partner_id, am.collection_stage_id,
                       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                       NULL, NULL, NULL
                  FROM account_move am
                 WHERE am.commercial_partner_id = ANY(%(partners)s)
                   AND (am.collection_stage_id IS NOT NULL OR am.collection_bucket_id IS NOT NULL)
                   AND am.company_id = %(company)s
                   AND am.move_type IN %(types)s AND am.state = 'posted'
                   AND am.id NOT IN (SELECT i.move_id FROM items i)  -- a hashed set
                """,
                company=company.id,
                company_key=str(company.id),
                default_procedure=setup["default_procedure"] or None,
                today=today,
                partners=partner_ids,
                types=OPEN_TYPES,
                **setup["ranges"],
            )
        )
        rows, closed = [], []
        for row in cr.dictfetchall():
            if row["open"]:
                rows.append(row)
            else:
                closed.append((row["move_id"], row["collection_stage_id"], row["partner_id"]))

        updates = []  # (id, bucket, stage, stage_date, moved, collector, allow_back, escalate)
        history = []  # (move, partner, event, from, to, days, note, collector)
        activities = []  # (move, stage, user)
        entered = defaultdict(list)  # (partner, stage, currency) -> moves entering a lettered stage
        for r in rows:
            days = r["days_overdue"]
            bucket = r["bucket"] or False
            current = r["collection_stage_id"] or False
            new = current
            ranges = stages.get(r["procedure_id"]) or []
            stage_ids = [sid for _start, sid in ranges]
            collector = r["collection_user_id"]
            allow_back, escalate = r["collection_allow_back"], r["collection_escalate_now"]
            if ranges and not r["collection_disputed"] and not r["paused"]:
                target = r["target"] or False
                if current in stage_ids:
                    cur_idx = stage_ids.index(current)
                elif current:  # a stage of another procedure: its place by days
                    cur_idx = stage_ids.index(
                        self._pick(ranges, info[current]["days_from"]) or stage_ids[0]
                    )
                else:
                    cur_idx = -1
                tgt_idx = stage_ids.index(target) if target else -1
                new_idx = cur_idx
                # one stage per day: a second run on the same day moves nothing further
                moved_today = current and r["collection_stage_date"] == today
                if moved_today:
                    new_idx = cur_idx
                elif escalate and days > 0:
                    new_idx = min(cur_idx + 1, len(stage_ids) - 1)
                elif tgt_idx > cur_idx:
                    new_idx = cur_idx + 1  # one stage per run: no stage is ever skipped
                elif tgt_idx < cur_idx and allow_back:
                    new_idx = tgt_idx
                new = stage_ids[new_idx] if new_idx >= 0 else False
                if not moved_today:
                    allow_back = escalate = False
                if new and not collector:
                    collector = (
                        setup["match"](
                            r["partner_id"],
                            r["invoice_user_id"],
                            r["team_id"],
                            float(r["residual"]),
                        )
                        or setup["default_user"]
                        or False
                    )
                if new != current:
                    if new and (not current or info[new]["days_from"] > info[current]["days_from"]):
                        event = "escalated"
                        note = False
                        if tgt_idx > new_idx:
                            note = setup["due_for"] % info[stage_ids[tgt_idx]]["summary"]
                        if collector:
                            activities.append((r["move_id"], new, collector))
                        else:
                            history.append(
                                (
                                    r["move_id"],
                                    r["partner_id"],
                                    "no_collector",
                                    current,
                                    new,
                                    days,
                                    False,
                                    False,
                                )
                            )
                        if info[new]["channel"] != "none":
                            entered[(r["partner_id"], new, r["currency_id"])].append(
                                (r["move_id"], collector)
                            )
                    else:
                        event, note = "reset", False
                    history.append(
                        (r["move_id"], r["partner_id"], event, current, new, days, note, collector)
                    )
            if collector and collector != r["collection_user_id"] and new == current:
                # a collector given without a move: the ageing as at a past day reads it
                history.append(
                    (
                        r["move_id"],
                        r["partner_id"],
                        "collector",
                        current,
                        False,
                        days,
                        False,
                        collector,
                    )
                )
            changed = (
                new != current
                or bucket != (r["collection_bucket_id"] or False)
                or collector != r["collection_user_id"]
                or allow_back != r["collection_allow_back"]
                or escalate != r["collection_escalate_now"]
            )
            if changed:
                updates.append(
                    (
                        r["move_id"],
                        bucket or None,
                        new or None,
                        today if new != current else None,
                        new != current,
                        collector or None,
                        allow_back,
                        escalate,
                    )
                )
        for move_id, stage_id, partner_id in closed:
            updates.append((move_id, None, None, None, bool(stage_id), None, False, False))
            if stage_id:
                history.append((move_id, partner_id, "paid", stage_id, False, None, False, False))

        # 3. one UPDATE for every changed invoice
        if updates:
            cols = list(zip(*updates, strict=True))
            cr.execute(
                SQL(
                    """
                    UPDATE account_move am
                       SET collection_bucket_id = v.bucket,
                           collection_stage_id = CASE WHEN v.moved THEN v.stage
                                                      ELSE am.collection_stage_id END,
                           collection_stage_date = CASE WHEN v.moved THEN v.stage_date
                                                        ELSE am.collection_stage_date END,
                           collection_user_id = COALESCE(v.collector, am.collection_user_id),
                           collection_allow_back = v.allow_back,
                           collection_escalate_now = v.escalate
                      FROM unnest(%s::int[], %s::int[], %s::int[], %s::date[],
                                  %s::bool[], %s::int[], %s::bool[], %s::bool[])
                           AS v(id, bucket, stage, stage_date, moved, collector,
                                allow_back, escalate)
                     WHERE am.id = v.id
                    """,
                    *[list(c) for c in cols],
                )
            )
        # 4. one INSERT for the history
        if history:
            cols = list(zip(*history, strict=True))
            cr.execute(
                SQL(
                    """
                    INSERT INTO credit_collection_history
                           (move_id, partner_id, company_id, date, event, stage_from_id,
                            stage_to_id, days_overdue, note, collector_id, user_id, create_uid,
                            write_uid, create_date, write_date)
                    SELECT v.move, v.partner, %s, %s, v.event, v.sfrom, v.sto, v.days, v.note,
                           v.collector, %s, %s, %s,
                           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                      FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::int[], %s::int[],
                                  %s::int[], %s::varchar[], %s::int[])
                           AS v(move, partner, event, sfrom, sto, days, note, collector)
                    """,
                    company.id,
                    today,
                    self.env.uid,
                    self.env.uid,
                    self.env.uid,
                    *[[None if x is False else x for x in c] for c in cols],
                )
            )
        # 5. the stage's activity to the collector, replacing the previous stage's one
        moved = [u[0] for u in updates if u[4]]
        if moved:
            cr.execute(
                SQL(
                    """
                    DELETE FROM mail_activity
                     WHERE res_model = 'account.move' AND res_id = ANY(%s)
                       AND automated AND activity_type_id = ANY(%s)
                    """,
                    moved,
                    setup["collection_types"],
                )
            )
        if activities:
            cols = list(zip(*activities, strict=True))
            summaries = [info[s]["summary"] for s in cols[1]]
            notes = [info[s]["note"] or None for s in cols[1]]
            types = [info[s]["activity_type"] for s in cols[1]]
            cr.execute(
                SQL(
                    """
                    INSERT INTO mail_activity
                           (res_model_id, res_model, res_id, res_name, activity_type_id,
                            summary, note, date_deadline, automated, user_id, user_tz, active,
                            create_uid, write_uid, create_date, write_date)
                    SELECT %s, 'account.move', v.move, am.name, v.type, v.summary, v.note,
                           %s, true, v.usr, rp.tz, true, %s, %s,
                           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                      FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::text[], %s::int[])
                           AS v(move, usr, summary, note, type)
                      JOIN account_move am ON am.id = v.move
                      JOIN res_users ru ON ru.id = v.usr
                      JOIN res_partner rp ON rp.id = ru.partner_id
                    """,
                    setup["model_id"],
                    today,
                    self.env.uid,
                    self.env.uid,
                    list(cols[0]),
                    list(cols[2]),
                    summaries,
                    notes,
                    types,
                )
            )
        # 6. the letters: one per customer, stage and currency
        letters = self._collection_make_letters(company, today, entered, setup) if entered else 0
        return {"invoices": len(rows), "moved": len(moved), "letters": letters}

    def _collection_make_letters(self, company, today, entered, setup):
        """Letters listing every open item and open credit note of the customer in the
        currency; skipped when what is overdue stays within the company's tolerance."""
        cr = self.env.cr
        partners = list({key[0] for key in entered})
        cr.execute(
            SQL(
                """
                SELECT am.id, am.commercial_partner_id, am.currency_id
                  FROM account_move_line aml
                  JOIN account_move am ON am.id = aml.move_id
                  JOIN account_account acc ON acc.id = aml.account_id
                 WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
                   AND aml.reconciled IS NOT TRUE AND aml.amount_residual < 0
                   AND acc.account_type = 'asset_receivable'
                   AND am.move_type = 'out_refund'
                   AND am.commercial_partner_id = ANY(%(partners)s)
                """,
                company=company.id,
                partners=partners,
            )
        )
        credits = defaultdict(set)
        for move_id, partner_id, currency_id in cr.fetchall():
            credits[(partner_id, currency_id)].add(move_id)
        # every open item of these customers (the batch query returned only those to move)
        cr.execute(
            SQL(
                "SELECT move_id, partner_id, currency_id, days_overdue, residual "
                "FROM credit_collection_items(%s, %s, %s) ORDER BY move_id",
                company.id,
                today,
                partners,
            )
        )
        items = defaultdict(list)
        overdue = defaultdict(float)
        for move_id, partner_id, currency_id, days, residual in cr.fetchall():
            items[(partner_id, currency_id)].append(move_id)
            if days > 0:
                overdue[(partner_id, currency_id)] += float(residual)
        # the invoice address with an email, else the customer (one query)
        cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (rp.commercial_partner_id) rp.commercial_partner_id, rp.id
                  FROM res_partner rp
                 WHERE rp.commercial_partner_id = ANY(%s) AND rp.active
                   AND COALESCE(rp.email, '') <> ''
              ORDER BY rp.commercial_partner_id, (rp.type = 'invoice') DESC,
                       (rp.id = rp.commercial_partner_id) DESC, rp.id
                """,
                partners,
            )
        )
        recipients = dict(cr.fetchall())
        vals_list = []
        for (partner_id, stage_id, currency_id), moves in entered.items():
            key = (partner_id, currency_id)
            if overdue[key] <= setup["tolerance"]:
                continue
            channel = setup["stage_info"][stage_id]["channel"]
            vals_list.append(
                {
                    "partner_id": partner_id,
                    "recipient_id": recipients.get(partner_id, partner_id),
                    "company_id": company.id,
                    "stage_id": stage_id,
                    "currency_id": currency_id,
                    "date": today,
                    "channel": "email"
                    if channel == "email" and partner_id in recipients
                    else "print",
                    "user_id": moves[0][1] or setup["default_user"] or False,
                    "move_ids": [fields.Command.set(items[key])],
                    "credit_move_ids": [fields.Command.set(sorted(credits[key]))],
                }
            )
        if not vals_list:
            return 0
        letters = (
            self.env["credit.collection.letter"]
            .sudo()
            .with_context(
                tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
            )
            .create(vals_list)
        )
        self.env.flush_all()
        cr.execute(
            SQL(
                "UPDATE credit_collection_letter SET name = 'DL' || lpad(id::text, 7, '0') "
                "WHERE id = ANY(%s)",
                letters.ids,
            )
        )
        return len(letters)

    # ------------------------------------------------------------ demo data
    @api.model
    def _collection_demo_setup(self):
        """Demo: customers with invoices in every stage, a kept and a broken promise, a
        dispute and a posted write-off, made by running the daily action on the last nine
        days (one stage per run). Called from demo/credit_collection_demo.xml only."""
        self = self.sudo()
        company = self.env.ref("base.main_company")
        today = fields.Date.context_today(self)
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
        )
        if not journal:
            return
        expense = self.env["account.account"].search(
            [("account_type", "=", "expense"), ("company_ids", "in", company.ids)], limit=1
        )
        misc = self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", company.id)], limit=1
        )
        company.write(
            {
                "collection_writeoff_account_id": expense.id,
                "collection_writeoff_journal_id": misc.id,
                "collection_default_user_id": self.env.ref("base.user_admin").id,
            }
        )
        Partner = self.env["res.partner"]
        rows = [
            ("demo_collection_reminder", "华东钢材贸易有限公司", 3),
            ("demo_collection_call", "Nanjing Pipe Fittings Co., Ltd.", 20),
            ("demo_collection_letter", "苏州精密机械有限公司", 45),
            ("demo_collection_visit", "Hangzhou Textile Import & Export Co.", 75),
            ("demo_collection_lawyer", "合肥建材物流有限公司", 120),
            ("demo_collection_legal", "Wuxi Electric Motor Works", 250),
            ("demo_collection_writeoff", "常州化工原料有限公司", 400),
            ("demo_collection_promise_kept", "Ningbo Harbour Supplies Ltd.", 20),
            ("demo_collection_promise_broken", "上海汽配销售有限公司", 20),
            ("demo_collection_dispute", "Qingdao Ocean Freight Agency", 50),
        ]
        invoices = {}
        zh_active = bool(self.env["res.lang"].search_count([("code", "=", "zh_CN")]))
        product = self.env["product.product"].search([("sale_ok", "=", True)], limit=1)
        for xmlid, name, days in rows:
            partner = Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "customer_rank": 1,
                    "email": f"{xmlid}@example.com",
                    "lang": "zh_CN"
                    if zh_active and any("\u4e00" <= c <= "\u9fff" for c in name)
                    else "en_US",
                }
            )
            due = fields.Date.subtract(today, days=days)
            move = self.create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "journal_id": journal.id,
                    "invoice_date": due,
                    "invoice_date_due": due,
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "name": "Steel coil",
                                "quantity": 10,
                                "price_unit": 1200 + 100 * days % 900,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                }
            )
            move.action_post()
            invoices[xmlid] = move
            self.env["ir.model.data"].create(
                {
                    "module": "credit_collection",
                    "name": xmlid,
                    "model": "account.move",
                    "res_id": move.id,
                    "noupdate": True,
                }
            )
        run = self._collection_run
        for back in range(9, 2, -1):
            run(company, fields.Date.subtract(today, days=back))
        # promises: recorded three days ago, one kept (paid), one broken (due yesterday)
        Promise = self.env["credit.collection.promise"]
        kept = invoices["demo_collection_promise_kept"]
        broken = invoices["demo_collection_promise_broken"]
        promises = Promise.create(
            [
                {"move_id": kept.id, "amount": kept.amount_residual / 2, "date": today},
                {"move_id": broken.id, "amount": broken.amount_residual / 2, "date": today},
            ]
        )
        # demo only: the promises were made in the past
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE credit_collection_promise SET date = %s WHERE id = %s",
                fields.Date.subtract(today, days=2),
                promises[1].id,
            )
        )
        self.env.invalidate_all()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=kept.ids
        ).create({"amount": kept.amount_residual / 2})._create_payments()
        run(company, fields.Date.subtract(today, days=1))
        run(company, today)
        # a dispute
        self.env["credit.collection.dispute"].create(
            {
                "move_id": invoices["demo_collection_dispute"].id,
                "reason": "客户称第二批货物质量不合格 / The customer says the second delivery "
                "failed quality inspection.",
            }
        )
        # a contact log entry
        self.env["credit.collection.contact"].create(
            {
                "partner_id": invoices["demo_collection_call"].commercial_partner_id.id,
                "move_id": invoices["demo_collection_call"].id,
                "contact_type": "call",
                "outcome": "promise",
                "note": "财务经理表示月底前付款。",
                "next_step": "月底核对到账",
                "next_date": fields.Date.add(today, days=7),
            }
        )
        # a bad-debt write-off, approved by the credit manager (admin) and an accountant
        writeoff = self.env["credit.collection.writeoff"].create(
            {
                "move_id": invoices["demo_collection_writeoff"].id,
                "evidence": "法院已裁定客户破产清算，无可供分配财产 / Court-ordered liquidation, "
                "no assets to distribute.",
            }
        )
        writeoff.action_submit()
        writeoff.with_user(self.env.ref("base.user_admin")).action_approve_manager()
        writeoff.with_user(self.env.ref("base.user_demo")).action_approve_accountant()
        # the printed letters of the runs go out; the emails wait for the collector (or
        # the hourly action), so that installing the demo sends no mail
        self.env["credit.collection.letter"].search([("channel", "=", "print")])._dispatch()
