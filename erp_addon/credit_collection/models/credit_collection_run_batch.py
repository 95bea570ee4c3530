"""The batches of a collection run: the set-up read once per run, the classification of
the company's open invoices (SQL, one query) and, per batch of customers, what happens to
their invoices (stage, bucket, collector) with its history rows and activities, created
through the ORM a batch at a time."""

from collections import defaultdict

from odoo import api, models
from odoo.models import MAGIC_COLUMNS
from odoo.tools import SQL, plaintext2html

from .account_move import OPEN_TYPES


def _pick(ranges, days):
    """The last (start, id) of ``ranges`` (sorted by start) that ``days`` reached."""
    found = False
    for start, rid in ranges:
        if days >= start:
            found = rid
        else:
            break
    return found


def _without_defaults(model, vals_list):
    """``vals_list`` for ``model.create`` with the fields no row gives that create fills
    itself (the id, the log fields) or that are computed and not stored (the display
    name) named without a value: when the rows give every stored field, create then asks
    for no default per row (Odoo's ``default_get`` costs more than the row's INSERT). A
    stored field not given is left out: its default applies as before."""
    if not vals_list:
        return vals_list
    given = set().union(*vals_list)
    unset = {
        name: False
        for name, field in model._fields.items()
        if name not in given
        and (name in MAGIC_COLUMNS or (field.compute and not (field.store or field.inverse)))
    }
    return [dict(unset, **vals) for vals in vals_list]


# one model, one file per concern (the run itself in credit_collection_run.py)
class CreditCollectionRun(models.Model):
    _inherit = "credit.collection.run"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _collection_setup(self, company):
        """What every batch of a run reads once: stages, buckets, rules, model ids."""
        # stage names and instructions go into stored text (activities, history): in the
        # company's language, not the run's (OdooBot's English)
        procedures = (
            self.env["credit.collection.procedure"]
            .with_env(company._credit_env())
            .sudo()
            .search([("company_id", "=", company.id)])
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
            "due_for": company._credit_env()._("due for %s"),
            # the invoices the batches leave pending (the next run looks at them again)
            "pending": set(),
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

    def _collection_classify(self, setup, moves=None):
        """The company's open customer invoices on the run's day (those of ``moves`` only,
        the run's window: see credit_collection_run_window.py), classified in SQL in
        one query (days overdue by the credit check's rule, bucket, the stage the days
        call for), which returns only the invoices something may happen to: a new bucket,
        a stage other than the one the days call for, a pending escalation or way back, a
        stage without a collector; and those in the procedure that are no longer open
        (paid, written off). On most days that is a small share of the open invoices, so
        a day on which little moves costs little more than classifying them.

        Returns ``({customer: {"open": [rows], "closed": [rows]}}, invoices classified)``.
        """
        cr = self.env.cr
        company = self.company_id
        # what an invoice still owes depends on its customer's other items (the credits
        # applied to the oldest first): the window's customers are read whole
        partners = None
        if moves is not None:
            cr.execute(
                SQL(
                    "SELECT ARRAY(SELECT DISTINCT commercial_partner_id FROM account_move "
                    "WHERE id = ANY(%s) AND commercial_partner_id IS NOT NULL)",
                    moves,
                )
            )
            partners = cr.fetchone()[0]
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
                ), overrides AS (
                    -- the customers given a procedure of their own in the company (few)
                    SELECT rp.id,
                           (rp.collection_procedure_id ->> %(company_key)s)::int AS procedure_id
                      FROM res_partner rp WHERE rp.collection_procedure_id ? %(company_key)s
                ), items AS MATERIALIZED (
                    -- an invoice the customer's credits cover is not chased: 0 days
                    SELECT i.*,
                           CASE WHEN i.net_residual > 0 THEN i.days_overdue ELSE 0 END
                               AS chase_days,
                           COALESCE(i.collection_procedure_id, o.procedure_id,
                                    %(default_procedure)s) AS procedure_id
                      FROM credit_collection_items(%(company)s, %(today)s, %(partners)s::int[]) i
                 LEFT JOIN overrides o ON o.id = i.partner_id
                     -- the window: read through the journal items' index on their move
                     WHERE %(moves)s::int[] IS NULL OR i.move_id = ANY(%(moves)s::int[])
                ), classified AS (
                    -- width_bucket: the last range whose first day the days reached
                    SELECT it.*,
                           (%(b_ids)s::int[])[width_bucket(it.chase_days, %(b_from)s::int[])]
                               AS bucket,
                           s.ids[width_bucket(it.chase_days, s.starts)] AS target
                      FROM items it
                 LEFT JOIN stages s ON s.procedure_id = it.procedure_id
                )
                SELECT 'open' AS kind, it.move_id, it.partner_id, it.collection_stage_id,
                       it.currency_id, it.chase_days AS days_overdue, it.residual,
                       it.collection_user_id,
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
                SELECT 'closed', am.id, am.commercial_partner_id, am.collection_stage_id,
                       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                       NULL, NULL, NULL
                  FROM account_move am
                 WHERE (am.collection_stage_id IS NOT NULL OR am.collection_bucket_id IS NOT NULL)
                   AND am.company_id = %(company)s
                   AND am.move_type IN %(types)s AND am.state = 'posted'
                   AND am.commercial_partner_id IS NOT NULL
                   AND (%(moves)s::int[] IS NULL OR am.id = ANY(%(moves)s::int[]))
                   AND am.id NOT IN (SELECT i.move_id FROM items i)  -- a hashed set
             UNION ALL
                SELECT 'count', NULL, NULL, NULL, NULL, count(*)::int, NULL, NULL, NULL, NULL,
                       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                  FROM items
                """,
                company=company.id,
                company_key=str(company.id),
                default_procedure=setup["default_procedure"] or None,
                today=self.date,
                types=OPEN_TYPES,
                moves=moves,
                partners=partners,
                **setup["ranges"],
            )
        )
        work = defaultdict(lambda: {"open": [], "closed": []})
        classified = 0
        for row in cr.dictfetchall():
            kind = row.pop("kind")
            if kind == "count":
                classified = row["days_overdue"]
            else:
                work[row["partner_id"]][kind].append(row)
        return dict(work), classified

    def _collection_run_batch(self, partner_ids, work, setup):
        """One batch of customers (``partner_ids``, with their classified invoices in
        ``work``): a fixed number of queries whatever their invoices."""
        today = self.date
        stages, info = setup["stages"], setup["stage_info"]
        rows, closed = [], []
        for partner_id in partner_ids:
            rows += work[partner_id]["open"]
            closed += [
                (r["move_id"], r["collection_stage_id"], r["partner_id"])
                for r in work[partner_id]["closed"]
            ]

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
                        _pick(ranges, info[current]["days_from"]) or stage_ids[0]
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
            if new != (r["target"] or False) or allow_back or escalate or (new and not collector):
                # left out of the stage its days call for: looked at again the next run
                setup["pending"].add(r["move_id"])
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
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE account_move am
                       SET collection_bucket_id = v.bucket,
                           collection_stage_id = CASE WHEN v.moved THEN v.stage
                                                      ELSE am.collection_stage_id END,
                           collection_stage_date = CASE WHEN v.moved THEN v.stage_date
                                                        ELSE am.collection_stage_date END,
                           -- account.move._compute_collection_column, in SQL
                           collection_column = CASE
                               WHEN am.collection_disputed THEN 'disputed'
                               WHEN NOT v.moved THEN am.collection_column
                               WHEN v.stage IS NULL THEN NULL
                               ELSE 'stage_' || v.stage END,
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
        # 4. the history, through the ORM in one create
        self._collection_write_history(history)
        # 5. the stage's activity to the collector, replacing the previous stage's one
        moved = [u[0] for u in updates if u[4]]
        self._collection_write_activities(moved, activities, setup)
        # 6. the letters: one per customer, stage and currency
        letters = self._collection_make_letters(entered, setup) if entered else 0
        return {
            "invoices": len(rows),
            "moved": len(moved),
            "letters": letters,
            "history": len(history),
            "activities": len(activities),
        }

    def _collection_write_history(self, history):
        """The history rows of a batch: ``[(move, partner, event, from, to, days, note,
        collector)]``, created in one ``create``."""
        if not history:
            return
        company_id, today, uid = self.company_id.id, self.date, self.env.uid
        History = self.env["credit.collection.history"].sudo()
        History.create(
            _without_defaults(
                History,
                [
                    {
                        "move_id": move,
                        "partner_id": partner,
                        "company_id": company_id,
                        "date": today,
                        "event": event,
                        "stage_from_id": stage_from,
                        "stage_to_id": stage_to,
                        "days_overdue": days,
                        "note": note,
                        "collector_id": collector,
                        "user_id": uid,
                    }
                    for move, partner, event, stage_from, stage_to, days, note, collector in history
                ],
            )
        )

    def _collection_write_activities(self, moved, activities, setup):
        """The stages' activities of a batch (``[(move, stage, collector)]``). The
        invoices that ``moved`` have their previous stage's activity moved on to the new
        stage (its type, summary, instructions, deadline and collector written), as
        Odoo's own ``activity_reschedule`` moves an activity rather than replacing it;
        one is created where there is none (the first stage, or the collector marked the
        previous one done), in one ``create``; the previous ones left over (the invoice
        left the procedure) are removed. Automated, and without the "assigned to you"
        notification per activity (the collector's worklist shows them); the collector
        follows the invoice, as Odoo does for any activity. The writes are one per stage
        and collector: Odoo cleans the instructions (HTML) once per activity when it
        stores them, where a create costs far more per activity than its write."""
        Activity = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        previous = {}  # invoice -> its previous stage's activity
        left = []  # the others: removed
        if moved:
            for activity in Activity.search(
                [
                    ("res_model", "=", "account.move"),
                    ("res_id", "in", moved),
                    ("automated", "=", True),
                    ("activity_type_id", "in", setup["collection_types"]),
                ],
                order="id",
            ):
                if activity.res_id in previous:
                    left.append(activity.id)
                else:
                    previous[activity.res_id] = activity.id
        info = setup["stage_info"]
        moving = defaultdict(list)  # (stage, collector) -> activities moved on
        new = []
        for move, stage, user in activities:
            activity = previous.pop(move, None)
            if activity:
                moving[(stage, user)].append(activity)
            else:
                new.append((move, stage, user))
        Activity.browse(left + list(previous.values())).unlink()
        for (stage, user), ids in moving.items():
            Activity.browse(ids).write(
                {
                    "activity_type_id": info[stage]["activity_type"],
                    "summary": info[stage]["summary"],
                    "note": plaintext2html(info[stage]["note"]) if info[stage]["note"] else False,
                    "date_deadline": self.date,
                    "user_id": user,
                }
            )
        if new:
            self._collection_create_activities(new, setup)

    def _collection_create_activities(self, activities, setup):
        """The stages' activities created for ``[(move, stage, collector)]`` in one
        ``create``, their instructions written after it, once per stage: Odoo cleans an
        HTML value once per record when it stores it, and given to create it would clean
        it a second time per record (to cache it)."""
        Activity = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        info = setup["stage_info"]
        # the invoices' names read at once (mail.activity reads them one by one otherwise),
        # only the fields the name is made of (not every column of the 1,200 invoices)
        moves = (
            self.env["account.move"]
            .sudo()
            .with_context(prefetch_fields=False)
            .browse([move for move, _s, _u in activities])
        )
        names = dict(zip(moves.ids, moves.mapped("display_name"), strict=True))
        users = self.env["res.users"].sudo().browse({user for _m, _s, user in activities})
        zones = {user.id: user.tz or False for user in users}
        # the stored values Odoo computes after the INSERT given with it (the document's
        # name, the collector's time zone, not done): computed again to the same values,
        # they are not written a second time (only the instructions are, below)
        created = Activity.create(
            [
                {
                    "res_model_id": setup["model_id"],
                    "res_model": "account.move",
                    "res_id": move,
                    "res_name": names[move],
                    "activity_type_id": info[stage]["activity_type"],
                    "summary": info[stage]["summary"],
                    "date_deadline": self.date,
                    "automated": True,
                    "user_id": user,
                    "user_tz": zones[user],
                    "date_done": False,
                    "active": True,
                }
                for move, stage, user in activities
            ]
        )
        by_note = defaultdict(list)
        for activity, (_move, stage, _user) in zip(created, activities, strict=True):
            if info[stage]["note"]:
                by_note[info[stage]["note"]].append(activity.id)
        for note, ids in by_note.items():
            Activity.browse(ids).write({"note": plaintext2html(note)})
