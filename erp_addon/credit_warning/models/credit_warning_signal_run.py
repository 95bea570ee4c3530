"""The daily early-warning run: every rule's SQL for every customer of a company, the
signals stored with their evidence, the customers' warning levels worked out from the
signals' weights, their changes recorded and notified.

Cost: a fixed number of queries per company whatever the number of customers (one per
rule, one for the signals in force, one update of their evidence, one read of the levels),
plus what changes: the levels and scores written through the ORM for the customers whose
values change only (the flush sends one UPDATE per 100 of them, Odoo's
UPDATE_BATCH_SIZE) and the creates of what is new (signals, level history, activities:
``create`` of a list).
"""

import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.modules import module as odoo_module
from odoo.tools import SQL, float_compare, float_round

_logger = logging.getLogger(__name__)

LEVELS = [
    ("none", "None"),
    ("watch", "Watch"),
    ("warning", "Warning"),
    ("severe", "Severe"),
]
LEVEL_RANK = {key: rank for rank, (key, _label) in enumerate(LEVELS)}


class CreditWarningSignal(models.Model):
    _inherit = "credit.warning.signal"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ entry points
    @api.model
    def _cron_warning_daily(self, today=None):
        """The scheduled action: the run of every company with an active rule, each
        committed on its own; a company that fails is logged and skipped, the others go
        on. Returns ``{company id: figures}`` of the companies that ran."""
        today = fields.Date.to_date(today) if today else fields.Date.context_today(self)
        companies = (
            self.env["credit.warning.rule"]
            .sudo()
            ._read_group([], ["company_id"], order="company_id")
        )
        companies = self.env["res.company"].sudo().browse([c.id for (c,) in companies])
        done = {}
        for company in companies:
            try:
                with self.env.cr.savepoint():
                    done[company.id] = self._warning_run(company, today)
            except Exception:
                _logger.exception("Early-warning run of %s failed: skipped", company.name)
                continue
            if not odoo_module.current_test:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return done

    @api.model
    def _warning_refresh(self, partners, company=None, today=None):
        """Recompute now the signals and the warning level of ``partners`` (their
        commercial partners) in ``company`` (the current one by default): for a bridge
        whose signal fires on an event (a restructuring breached) rather than at night.
        Runs every rule of the company, for these customers only."""
        company = company or self.env.company
        today = fields.Date.to_date(today) if today else fields.Date.context_today(self)
        ids = sorted(set(partners.commercial_partner_id.ids))
        if not ids:
            return {}
        return self._warning_run(company, today, partner_ids=ids)

    # ------------------------------------------------------------ the run
    @api.model
    def _warning_run(self, company, today, partner_ids=None):
        """Signals and levels of ``company`` on ``today`` for every customer
        (``partner_ids`` None) or these commercial partners. Returns its figures."""
        company = self.env["res.company"].browse(getattr(company, "id", company)).sudo()
        Signal = self.sudo().with_company(company).with_context(active_test=True)
        lang_env = company._credit_env()
        rules = (
            self.env["credit.warning.rule"]
            .sudo()
            .search([("company_id", "=", company.id)])
            .with_env(lang_env)
            .sudo()
        )
        cr = self.env.cr
        self.env.flush_all()
        fired = {}
        for rule in rules:
            cr.execute(
                SQL(
                    "SELECT partner_id, figures FROM %s(%s, %s, %s, %s, %s::int[])",
                    SQL.identifier(f"credit_warning_signal_{rule.signal_type}"),
                    company.id,
                    today,
                    rule.threshold,
                    rule.period_days,
                    partner_ids,
                )
            )
            for partner_id, figures in cr.fetchall():
                fired[(partner_id, rule.id)] = (rule, figures)
        domain = [("company_id", "=", company.id)]
        if partner_ids is not None:
            domain.append(("partner_id", "in", partner_ids))
        current = {
            (signal.partner_id.id, signal.rule_id.id): signal
            for signal in Signal.search_fetch(domain, ["partner_id", "rule_id"])
        }
        new, updates = [], []
        for key, (rule, figures) in fired.items():
            evidence = rule._warning_evidence(figures)
            signal = current.get(key)
            if signal:
                updates.append((signal.id, evidence, figures, rule.weight))
            else:
                new.append(
                    {
                        "partner_id": key[0],
                        "company_id": company.id,
                        "rule_id": rule.id,
                        "weight": rule.weight,
                        "evidence": evidence,
                        "figures": figures,
                        "date_start": today,
                        "date_last": today,
                    }
                )
        ended = Signal.browse([signal.id for key, signal in current.items() if key not in fired])
        if new:
            Signal.create(new)
        if updates:
            self._warning_update(updates, today)
        if ended:
            ended.write({"active": False, "date_end": today})
        levels = self._warning_levels(company, today, partner_ids)
        return {
            "signals": len(fired),
            "new": len(new),
            "updated": len(updates),
            "ended": len(ended),
            "level_changes": levels,
        }

    @api.model
    def _warning_update(self, updates, today):
        """Today's evidence of the signals in force, in one statement."""
        self.env.flush_all()
        ids, evidence, figures, weights = zip(*updates, strict=True)
        self.env.cr.execute(
            SQL(
                """
                UPDATE credit_warning_signal s
                   SET evidence = u.evidence, figures = u.figures::jsonb, weight = u.weight,
                       date_last = %s, write_date = now() AT TIME ZONE 'UTC', write_uid = %s
                  FROM unnest(%s::int[], %s::text[], %s::text[], %s::numeric[])
                       AS u(id, evidence, figures, weight)
                 WHERE s.id = u.id
                """,
                today,
                self.env.uid,
                list(ids),
                list(evidence),
                [fields.Json().convert_to_column(f, None) for f in figures],
                list(weights),
            )
        )
        self.invalidate_model(["evidence", "figures", "weight", "date_last"])

    # ------------------------------------------------------------ levels
    @api.model
    def _warning_level_of(self, score, company):
        """The level of a warning score under ``company``'s thresholds."""
        if score >= company.credit_warning_severe_score:
            return "severe"
        if score >= company.credit_warning_warning_score:
            return "warning"
        if score >= company.credit_warning_watch_score:
            return "watch"
        return "none"

    @api.model
    def _warning_levels(self, company, today, partner_ids=None):
        """Work out the warning score and level of the customers with signals in force or
        a level in ``company``, store them (the partner's company-dependent fields, through
        the ORM: only the partners whose level or score changes, one ``write`` per distinct
        pair of values, which the flush sends as one UPDATE per 100 partners), record
        the changes in the history and notify them. Returns how many levels changed."""
        cr = self.env.cr
        self.env.flush_all()
        key = str(company.id)
        cr.execute(
            SQL(
                """
                WITH scores AS (
                    SELECT s.partner_id, SUM(s.weight) AS score
                      FROM credit_warning_signal s
                     WHERE s.company_id = %(company)s AND s.active
                       AND (%(partners)s::int[] IS NULL OR s.partner_id = ANY(%(partners)s))
                  GROUP BY s.partner_id
                ), levels AS (
                    SELECT rp.id, rp.credit_warning_level ->> %(key)s AS level,
                           (rp.credit_warning_score ->> %(key)s)::float8 AS score
                      FROM res_partner rp
                     WHERE (rp.credit_warning_level ? %(key)s OR rp.credit_warning_score ? %(key)s)
                       AND (%(partners)s::int[] IS NULL OR rp.id = ANY(%(partners)s))
                )
                SELECT COALESCE(s.partner_id, l.id), COALESCE(s.score, 0), l.level, l.score
                  FROM scores s FULL JOIN levels l ON l.id = s.partner_id
                """,
                company=company.id,
                partners=partner_ids,
                key=key,
            )
        )
        rows = cr.fetchall()
        # the score as the field stores it (its digits)
        digits = self.env["res.partner"]._fields["credit_warning_score"].get_digits(self.env)[1]
        changes = []
        # {(level, score): [partner ids]}: the partners given the same values
        writes = defaultdict(list)
        for partner_id, score, old, old_score in rows:
            old = old or "none"
            score = float(score)
            level = self._warning_level_of(score, company)
            if level != old:
                changes.append((partner_id, old, level, score))
            if level != old or float_compare(score, old_score or 0.0, precision_digits=digits):
                writes[(level, float_round(score, precision_digits=digits))].append(partner_id)
        if writes:
            # flow fields of res.partner (credit.guard.mixin): the run writes them as
            # superuser, whoever triggered it (a bridge's refresh), as it always did
            ids = [pid for group in writes.values() for pid in group]
            Partner = self.env["res.partner"].sudo().with_company(company)
            for (level, score), group in writes.items():
                # none is no level: the field's fallback (ir.default), so the company's
                # key goes, as does a score of 0
                Partner.browse(group).with_prefetch(ids).write(
                    {"credit_warning_level": level, "credit_warning_score": score}
                )
            Partner.flush_model(["credit_warning_level", "credit_warning_score"])
        if changes:
            self.env["credit.warning.history"]._warning_record(company, today, changes)
        return len(changes)
