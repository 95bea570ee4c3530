"""The window of a collection run: which open invoices it classifies.

An invoice's bucket and stage follow from its days overdue, which change only when a day
passes one of the first days of the buckets and stages. A run that follows a finished run
of the same set-up (same procedures, stages, buckets, grace days and customers'
procedures: ``classify_key``) therefore classifies only

- the open invoices with a receivable due date whose days overdue reached a bucket's or a
  stage's first day since the day of that run (one range of due dates per first day, read
  through the due dates' index);
- the invoices written since that run began (less a day, for transactions that were still
  running then): posted, paid, reset, their due date, dispute, procedure or escalation
  changed; and the open invoices of the customers with a credit note or payment written
  since then (their credits, applied to what they owe, changed);
- the invoices that run left pending (``pending_move_ids``): not in the bucket or stage
  their days call for, or without a collector, or of a customer it skipped.

Every other invoice stands where the previous run left it, so the classification finds
nothing to do for it: on an ordinary day the run reads about one invoice in a hundred
instead of every open invoice. The first run, a run after the set-up changed, a run after
one that did not end, and a run for an earlier day than the last classify every open
invoice.
"""

import hashlib
import json
from datetime import timedelta

from odoo import models
from odoo.tools import SQL

from .account_move import OPEN_TYPES

# first days beyond this are never reached (the placeholder of "no bucket" is 2**31 - 1)
MAX_DAYS = 36500
# invoices written this long before the previous run began are still looked at again
WRITE_MARGIN = timedelta(days=1)


class CreditCollectionRun(models.Model):
    _inherit = "credit.collection.run"  # pylint: disable=consider-merging-classes-inherited

    def _collection_window(self, setup):
        """What this run classifies: ``{"moves": invoice ids, or None for every open
        invoice, "classify_key": ..., "window_from": the previous run's day or False}``."""
        self.ensure_one()
        key = self._collection_classify_key(setup)
        window = {"moves": None, "classify_key": key, "window_from": False}
        previous = self.search(
            [("company_id", "=", self.company_id.id), ("id", "!=", self.id)],
            order="started desc, id desc",
            limit=1,
        )
        if (
            not previous
            or previous.state != "done"
            or previous.classify_key != key
            or previous.date > self.date
        ):
            return window
        window["moves"] = self._collection_candidates(previous, setup)
        window["window_from"] = previous.date
        return window

    def _collection_classify_key(self, setup):
        """A digest of what the classification reads besides the invoices and the day: the
        stages and buckets (``setup["ranges"]``), the procedures' modes, the company's
        procedure and grace days, and the customers given a procedure of their own."""
        company = self.company_id
        key = str(company.id)
        self.env.cr.execute(
            SQL(
                "SELECT id, collection_procedure_id ->> %s FROM res_partner "
                "WHERE collection_procedure_id ? %s ORDER BY id",
                key,
                key,
            )
        )
        payload = [
            setup["ranges"],
            sorted(setup["modes"].items()),
            setup["default_procedure"],
            company.credit_overdue_grace_days,
            self.env.cr.fetchall(),
        ]
        return hashlib.sha256(json.dumps(payload, default=str).encode()).hexdigest()

    def _collection_candidates(self, previous, setup):
        """The invoices whose classification may have changed since ``previous`` (a finished
        run of the same set-up, on this day or before): one query."""
        grace = self.company_id.credit_overdue_grace_days or 0
        starts = setup["ranges"]["b_from"] + setup["ranges"]["s_from"]
        # an invoice due on ``due`` reaches ``start`` days (>= 1) on the day
        # due + max(start, grace + 1): the due dates that reached it after the previous
        # run's day and by this run's
        margins = sorted({max(start, grace + 1) for start in starts if 1 <= start <= MAX_DAYS})
        reached = SQL(" OR ").join(
            SQL(
                "(aml.date_maturity > %s AND aml.date_maturity <= %s)",
                previous.date - timedelta(days=margin),
                self.date - timedelta(days=margin),
            )
            for margin in margins
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT ARRAY(
                    SELECT aml.move_id
                      FROM account_move_line aml
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE (%(reached)s)
                       AND aml.company_id = %(company)s AND aml.parent_state = 'posted'
                       AND aml.reconciled IS NOT TRUE AND aml.amount_residual > 0
                       AND acc.account_type = 'asset_receivable'
                 UNION
                    SELECT am.id FROM account_move am
                     WHERE am.write_date >= %(since)s AND am.company_id = %(company)s
                       AND am.move_type IN %(types)s
                 UNION
                    -- a credit note or payment written since: the customer's credits changed,
                    -- and with them what its invoices still owe (credit_overdue_items)
                    SELECT inv.id FROM account_move inv
                     WHERE inv.company_id = %(company)s AND inv.move_type IN %(types)s
                       AND inv.state = 'posted'
                       AND inv.payment_state IN ('not_paid', 'partial')
                       AND inv.commercial_partner_id IN (
                           SELECT am.commercial_partner_id FROM account_move am
                            WHERE am.write_date >= %(since)s AND am.company_id = %(company)s
                              AND am.move_type NOT IN %(types)s
                              AND am.commercial_partner_id IS NOT NULL)
                 UNION
                    SELECT rel.move_id FROM credit_collection_run_pending_rel rel
                     WHERE rel.run_id = %(previous)s
                )
                """,
                reached=reached if margins else SQL("FALSE"),
                company=self.company_id.id,
                since=previous.started - WRITE_MARGIN,
                types=OPEN_TYPES,
                previous=previous.id,
            )
        )
        return self.env.cr.fetchone()[0]
