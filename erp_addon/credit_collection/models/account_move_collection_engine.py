"""The daily collection action (SPEC section 4): the open customer invoices of each
company classified by days overdue, moved into the stage their procedure calls for,
assigned a collector, given the stage's activity and letter; set-wise, in batches."""

import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.modules import module as odoo_module
from odoo.tools import SQL

from .account_move import OPEN_TYPES

_logger = logging.getLogger(__name__)

BATCH_PARTNERS = 250


# one model, one file per concern (fields and buttons in account_move.py)
class AccountMove(models.Model):
    _inherit = "account.move"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ daily action
    @api.model
    def _cron_collection_daily(self, today=None):
        today = fields.Date.to_date(today) if today else fields.Date.context_today(self)
        companies = (
            self.env["res.company"].sudo().search([("collection_procedure_id", "!=", False)])
        )
        for company in companies:
            self._collection_run(company, today, commit=self._collection_commit)

    @api.model
    def _collection_commit(self):
        """Commit the batch the daily action has just finished (never in tests)."""
        if not odoo_module.current_test:
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _collection_run(self, company, today, batch_size=None, stats=None, commit=None):
        """Classify the company's open customer invoices on ``today`` and move them on.

        Promises are settled first; then the customers are taken in batches (of
        ``batch_size``, by default ``BATCH_PARTNERS``), each batch in a savepoint with a
        fixed number of queries whatever its size. After each batch the callable
        ``commit`` (the scheduled action's ``_collection_commit``) is called, so that a
        failure loses no finished batch. A batch that fails is redone customer by
        customer; a failing customer is logged and skipped, and the batch is committed
        with the others' work.
        """
        batch_size = batch_size or BATCH_PARTNERS
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
            if commit:
                commit()
        return stats

    def _collection_setup(self, company):
        """What every batch of a run reads once: stages, buckets, rules, model ids."""
        procedures = (
            self.env["credit.collection.procedure"].sudo().search([("company_id", "=", company.id)])
        )
        stages = {}
        modes = {}
        stage_info = {}
        for procedure in procedures:
            ordered = procedure._stages_sorted()
            stages[procedure.id] = [(s.days_from, s.id) for s in ordered]
            modes[procedure.id] = procedure.stage_mode
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
            "modes": modes,
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
                # "days": the stage of its days overdue, whatever it skips (an invoice
                # imported 200 days overdue lands in its stage on the first run and gets
                # that stage's action only); "step": one stage per run, none skipped
                by_days = setup["modes"].get(r["procedure_id"]) != "step"
                # a second run on the same day moves nothing further
                moved_today = current and r["collection_stage_date"] == today
                if moved_today:
                    new_idx = cur_idx
                elif escalate and days > 0:
                    new_idx = min(cur_idx + 1, len(stage_ids) - 1)
                    if by_days:
                        new_idx = max(new_idx, tgt_idx)
                elif tgt_idx > cur_idx:
                    new_idx = tgt_idx if by_days else cur_idx + 1
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
