"""A run of the daily collection action (SPEC section 4): one record per company and run.

The record says what the run did (invoices classified, changed and moved, activities,
history rows and letters made, customers skipped), what went wrong (one line per skipped
customer) and how long it took. The run owns its set-up, batches (models/
credit_collection_run_batch.py) and letters (models/credit_collection_run_letters.py).
It is written by its own methods only (credit.guard.mixin: every field is a flow field):
the scheduled action makes one run per company with a collection procedure; a collections
manager may start one for their current company by the "Run now" button.
"""

import logging
import time
from collections import Counter

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.modules import module as odoo_module
from odoo.tools import format_date

_logger = logging.getLogger(__name__)

MANAGER = "credit_management.group_credit_manager"
# customers per batch: one savepoint, one commit and a fixed number of queries each
BATCH_PARTNERS = 250
# the figures a run keeps: field -> key of the batches' counts
COUNTS = {
    "invoice_count": "classified",
    "changed_count": "invoices",
    "moved_count": "moved",
    "activity_count": "activities",
    "history_count": "history",
    "letter_count": "letters",
    "skipped_count": "skipped",
    "batch_count": "batches",
}


class CreditCollectionRun(models.Model):
    _name = "credit.collection.run"
    _description = "Collection Run"
    _inherit = ["credit.guard.mixin"]
    _order = "started desc, id desc"
    _rec_name = "date"

    # made and written by the run only; a record of what happened, never deleted
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    date = fields.Date(
        string="Day Measured",
        required=True,
        readonly=True,
        help="The day the invoices' days overdue were counted on.",
    )
    state = fields.Selection(
        [("running", "Running"), ("done", "Done"), ("failed", "Failed")],
        default="running",
        required=True,
        readonly=True,
    )
    trigger = fields.Selection(
        [("cron", "Scheduled action"), ("manual", "Run now")],
        default="cron",
        required=True,
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Started By", readonly=True)
    started = fields.Datetime(readonly=True)
    ended = fields.Datetime(readonly=True)
    duration = fields.Float(string="Duration (s)", digits=(16, 2), readonly=True)
    invoice_count = fields.Integer(
        string="Invoices Classified",
        readonly=True,
        help="The open customer invoices the run classified by days overdue: every one, or "
        "those of its window (see Classified Since).",
    )
    changed_count = fields.Integer(
        string="Invoices Changed",
        readonly=True,
        help="Invoices given a new bucket, stage or collector, or leaving the procedure.",
    )
    moved_count = fields.Integer(string="Stage Moves", readonly=True)
    activity_count = fields.Integer(
        string="Stage Activities",
        readonly=True,
        help="Activities given to the collectors for the stages invoices entered: the "
        "previous stage's activity moved on, or a new one where there was none.",
    )
    history_count = fields.Integer(string="History Rows", readonly=True)
    letter_count = fields.Integer(string="Letters", readonly=True)
    skipped_count = fields.Integer(string="Customers Skipped", readonly=True)
    batch_count = fields.Integer(string="Batches", readonly=True)
    window_from = fields.Date(
        string="Classified Since",
        readonly=True,
        help="The day of the run this one followed: only the invoices whose days overdue "
        "reached a new bucket or stage since then, those written since and those that run "
        "left pending were classified. Empty: every open invoice was classified (the first "
        "run, or after the procedures, buckets, grace days or customers' procedures "
        "changed, or after a run that did not end).",
    )
    classify_key = fields.Char(
        string="Classification Set-up",
        readonly=True,
        help="A digest of what the classification depends on besides the invoices and the "
        "day (procedures, stages, buckets, grace days, customers' procedures): a run "
        "classifies only what changed since the previous run of the same digest.",
    )
    pending_move_ids = fields.Many2many(
        "account.move",
        "credit_collection_run_pending_rel",
        "run_id",
        "move_id",
        string="Invoices Left Pending",
        readonly=True,
        help="Invoices the run looked at and left outside the bucket or stage their days "
        "call for (a promise to pay, a dispute, one stage per run, no collector, a customer "
        "skipped): the next run looks at them again.",
    )
    errors = fields.Text(
        readonly=True,
        help="One line per customer the run skipped (its invoices stay as they were) or "
        "why the run failed.",
    )

    @api.depends("date", "company_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for run in self:
            # the day as the reader writes dates (2026年06月03日 in Chinese), not ISO
            day = format_date(run.env, run.date) if run.date else ""
            run.display_name = f"{day} {run.company_id.name or ''}".strip()

    # ------------------------------------------------------------ entry points
    @api.model
    def _cron_collection_daily(self, today=None):
        """The scheduled action: one run per company with a collection procedure, each
        committing after every batch."""
        today = fields.Date.to_date(today) if today else fields.Date.context_today(self)
        companies = (
            self.env["res.company"].sudo().search([("collection_procedure_id", "!=", False)])
        )
        runs = self.browse()
        for company in companies:
            runs |= self._run_for(company, today, commit=self._collection_commit)
        return runs

    @api.model
    def _collection_commit(self):
        """Commit what the run has done so far (never in tests)."""
        if not odoo_module.current_test:
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def action_run_now(self):
        """The "Run now" button: the daily action on today for the user's current company,
        by a collections manager. Opens the run. (A list's header button: called on the
        selected runs, none or some, which it does not read.)"""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only collections managers run the daily action."))
        company = self.env.company
        if not company.collection_procedure_id:
            raise UserError(
                self.env._(
                    "%(company)s has no collection procedure: there is nothing to run.",
                    company=company.name,
                )
            )
        today = fields.Date.context_today(self)
        run = self._run_for(company, today, trigger="manual")
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": run.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.model
    def _run_for(self, company, day, trigger="cron", batch_size=None, commit=None, stats=None):
        """Run the daily action for ``company`` (a record or an id) on ``day``: the run's
        record, written as it goes. ``commit`` (the scheduled action's
        ``_collection_commit``) is called after each batch, with the run's figures so far,
        so that a dying worker loses only what followed the last commit (its run stays
        "running"). ``stats`` (a dict)
        receives the batches' figures (the benchmark and the tests read them)."""
        company = self.env["res.company"].browse(getattr(company, "id", company)).sudo()
        run = (
            self.sudo()
            .with_company(company)
            .create(
                {
                    "company_id": company.id,
                    "date": fields.Date.to_date(day),
                    "trigger": trigger,
                    "user_id": self.env.uid,
                    "started": fields.Datetime.now(),
                }
            )
        )
        run._execute(batch_size=batch_size, commit=commit, stats=stats)
        return run.with_env(self.env)

    # ------------------------------------------------------------ the run
    def _execute(self, batch_size=None, commit=None, stats=None):
        """Settle the promises, classify the company's open invoices (SQL) and move on, in
        batches, the customers something happens to. A batch that fails is redone customer
        by customer; a failing customer is skipped and recorded, the run goes on. A
        failure before the batches (the promises, the set-up) fails the run."""
        self.ensure_one()
        started = time.perf_counter()
        stats = stats if stats is not None else {}
        stats.setdefault("batches", [])
        cr = self.env.cr
        try:
            with cr.savepoint():
                # the run reads the database (SQL): nothing pending, nothing remembered
                self.env.flush_all()
                self.env.invalidate_all()
                self.env["credit.collection.promise"]._collection_settle(self.company_id, self.date)
                self.env.flush_all()
                self.env.invalidate_all()
                setup = self._collection_setup(self.company_id)
                window = self._collection_window(setup)
                work, classified = self._collection_classify(setup, window["moves"])
                window.pop("moves")
        except Exception as exc:
            _logger.exception("Collection run of %s failed", self.company_id.name)
            self.write(
                {
                    "state": "failed",
                    "errors": self.company_id._credit_env()._(
                        "The run failed before its batches: %(error)s", error=str(exc)
                    ),
                    **self._timing(started),
                }
            )
            return
        totals = Counter(classified=classified)
        errors = []
        self.write({"invoice_count": classified, **window})
        for batch in self._collection_batches(work, batch_size):
            before = cr.sql_log_count
            counts, failed = self._run_batch_safely(batch, work, setup)
            stats["batches"].append(
                dict(counts, partners=len(batch), queries=cr.sql_log_count - before)
            )
            totals.update(counts)
            totals.update(batches=1, skipped=len(failed))
            errors += failed
            self.env.invalidate_all()
            # the figures so far: what a commit keeps if the worker dies later
            self.write(self._figures(totals, errors))
            if commit:
                commit()
        # committed by the scheduled action when its job ends
        self.write(
            dict(
                self._figures(totals, errors),
                state="done",
                pending_move_ids=[Command.set(sorted(setup["pending"]))],
                **self._timing(started),
            )
        )

    def _run_batch_safely(self, batch, work, setup):
        """One batch in a savepoint; when it fails, its customers one by one. Returns the
        counts and the lines of the customers skipped."""
        cr = self.env.cr
        try:
            with cr.savepoint():
                return self._collection_run_batch(batch, work, setup), []
        except Exception:
            _logger.exception("Collection batch failed, redoing it customer by customer")
        counts, failed = Counter(), []
        for partner_id in batch:
            try:
                with cr.savepoint():
                    counts.update(self._collection_run_batch([partner_id], work, setup))
            except Exception as exc:
                _logger.exception("Collection run: customer %s skipped", partner_id)
                failed.append((partner_id, str(exc) or type(exc).__name__))
                # its invoices stay as they were: the next run looks at them again
                setup["pending"].update(
                    r["move_id"] for kind in ("open", "closed") for r in work[partner_id][kind]
                )
        return dict(counts), failed

    def _figures(self, totals, errors):
        vals = {field: totals.get(key, 0) for field, key in COUNTS.items()}
        if errors:
            names = dict(
                self.env["res.partner"]
                .sudo()
                .browse([partner_id for partner_id, _msg in errors])
                .mapped(lambda p: (p.id, p.display_name))
            )
            vals["errors"] = "\n".join(
                f"{names.get(partner_id, partner_id)} [{partner_id}]: {message}"
                for partner_id, message in errors
            )
        return vals

    def _timing(self, started):
        return {"ended": fields.Datetime.now(), "duration": time.perf_counter() - started}

    @staticmethod
    def _collection_batches(work, batch_size=None):
        """The customers something happens to, in batches of ``batch_size`` (by default
        BATCH_PARTNERS), in the order of their ids."""
        size = batch_size or BATCH_PARTNERS
        partner_ids = sorted(work)
        return [partner_ids[i : i + size] for i in range(0, len(partner_ids), size)]
