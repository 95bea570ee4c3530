"""The measured items of the year's appraisal (SPEC section 6): the formulas.

Each ``_measure_<method>(appraisal_ids)`` of the period returns
``{appraisal_id: (share 0..1 or None, figures)}`` in one query for all the period's
administrators; the contract-share items are measured together in one pass. The figures
are kept as data on the line and worded in the reader's language when read.
"""

import json

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round

from odoo.addons.credit_contract.models.credit_contract_ledger import LEDGER_FIELDS

from . import appraisal_ledger_measures, appraisal_training_measures

# Contract-share items: (denominator condition, passing condition) on the contracts of the
# departments an administrator covered that year, kept on the appraisal ("c" is
# credit_contract, the year is [%(date_from)s, %(date_to)s]).
# points = passing / denominator x item points.
CONTRACT_SHARES = {
    # 2.1 reviewed contracts of the year whose three-property lines passed
    "three_properties": (
        "c.in_year AND c.review_completed_date IS NOT NULL",
        "c.three_properties_passed",
    ),
    # 2.2 reviewed contracts of the year whose five-review lines passed
    "five_reviews": (
        "c.in_year AND c.review_completed_date IS NOT NULL",
        "c.five_reviews_passed",
    ),
    # 2.5 contracts signed in the year within the signatory's power of attorney
    "within_authority": ("c.signed_in_year", "c.signed_within_authority"),
    # 3.1 contracts signed in the year whose review was complete before signing
    "review_before_signing": ("c.signed_in_year", "c.review_complete_before_signing"),
    # 3.3 contracts signed by the year's end, in performance, followed up on schedule on
    # the day measured (see _contract_scope_sql)
    "followups": (
        "c.state = 'performance' AND COALESCE(c.date_signed, c.create_date::date) <= %(date_to)s",
        "c.followups_on_schedule",
    ),
    # 5.1 contracts signed in the year with every ledger field filled
    "ledger_complete": ("c.signed_in_year", "c.ledger_complete"),
    # 5.4 contracts completed, terminated or expired in the year, archived with their
    # documents
    "archived": ("c.ended_in_year", "c.archived_with_documents"),
}


class CreditAppraisalPeriod(models.Model):
    _inherit = "credit.appraisal.period"

    # ------------------------------------------------------------------ recompute
    def action_recompute(self):
        """Recompute the measured items of the period's draft appraisals.

        One call per period (also over RPC, by a user with the credit manager's rights);
        a fixed number of queries whatever the number of administrators and contracts.
        Returns a list with, per period, its id and name, the number of appraisals and
        lines updated and the average share of each measured item.
        """
        self._check_manager()
        if any(period.state != "open" for period in self):
            raise UserError(self.env._("Only an open period can be recomputed."))
        self._check_contracts_assigned()
        return self._recompute()

    def _recompute(self):
        return [period._recompute_one() for period in self.sudo()]

    def _recompute_one(self):
        """Measure the items and keep, on each line, the measured score and the evidence as
        data (the formula's key, the figures, the failing records): the line words it in
        the reader's language when read, so whoever runs the recompute (a scheduled job
        as OdooBot, a manager in any language) decides nothing of the wording."""
        self.ensure_one()
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                """SELECT a.id, a.employee_id, a.administrator_id
                     FROM credit_appraisal a
                    WHERE a.period_id = %s AND a.state = 'draft'""",
                self.id,
            )
        )
        rows = cr.fetchall()
        result = {
            "period_id": self.id,
            "period": self.name,
            "appraisals": len(rows),
            "lines": 0,
            "items": {},
        }
        if not rows:
            return result
        appraisal_ids = [row[0] for row in rows]
        cr.execute(
            SQL(
                """SELECT l.id, l.appraisal_id, i.compute_method, l.points,
                          COALESCE(i.hand_points, 0)
                     FROM credit_appraisal_line l
                     JOIN credit_appraisal_rubric_item i ON i.id = l.item_id
                    WHERE l.appraisal_id = ANY(%s) AND i.compute_method IS NOT NULL""",
                appraisal_ids,
            )
        )
        lines = cr.fetchall()
        methods = {line[2] for line in lines}
        departments = self._covered_departments(appraisal_ids)
        # the contract shares in one pass over the contracts, the other items one by one
        figures = self._contract_shares(methods & CONTRACT_SHARES.keys(), appraisal_ids)
        for method in methods - CONTRACT_SHARES.keys():
            figures[method] = getattr(self, f"_measure_{method}")(appraisal_ids)
        day = fields.Date.to_string(self._measured_day())
        ids, scores, evidences, unmeasurable, reasons = [], [], [], [], []
        shares = {}
        for line_id, appraisal_id, method, points, hand_points in lines:
            share, data = figures[method].get(appraisal_id) or (None, {})
            covered = departments.get(appraisal_id, [])
            data = dict(data, method=method, year=self.year, departments=covered, day=day)
            ids.append(line_id)
            if share is None:
                # nothing to measure: no free points, the assessor scores it with evidence
                unmeasurable.append(True)
                reasons.append(json.dumps({"year": self.year, "departments": covered}))
                scores.append(0.0)
                evidences.append(json.dumps(dict(data, measurable=False)))
                continue
            share = min(max(share, 0.0), 1.0)
            # a measured item with an assessor's part: the records measure the rest
            measured_points = points - min(hand_points, points)
            score = float_round(share * measured_points, precision_digits=1)
            shares.setdefault(method, []).append(share)
            unmeasurable.append(False)
            reasons.append(None)
            scores.append(score)
            evidences.append(
                json.dumps(
                    dict(
                        data,
                        measurable=True,
                        share=share,
                        points=measured_points,
                        hand_points=hand_points,
                        score=score,
                    )
                )
            )
        # the line's score: the measured points plus the assessor's part given with
        # evidence; a not-measurable line keeps the assessor's score given with evidence
        cr.execute(
            SQL(
                """UPDATE credit_appraisal_line l
                      SET computed_score = v.score,
                          score = CASE
                                WHEN NOT v.nm THEN v.score + CASE
                                    WHEN COALESCE(l.hand_points, 0) > 0
                                     AND l.scored_by_id IS NOT NULL
                                     AND btrim(COALESCE(l.hand_evidence, '')) <> ''
                                    THEN LEAST(COALESCE(l.hand_score, 0), l.hand_points)
                                    ELSE 0 END
                                WHEN l.scored_by_id IS NOT NULL
                                 AND btrim(COALESCE(l.hand_evidence, '')) <> ''
                                THEN COALESCE(l.hand_score, 0)
                                ELSE 0 END,
                          evidence_data = v.evidence::jsonb,
                          not_measurable = v.nm,
                          not_measurable_params = v.reason::jsonb,
                          date_computed = now() at time zone 'UTC',
                          write_uid = %s, write_date = now() at time zone 'UTC'
                     FROM unnest(%s::int[], %s::numeric[], %s::text[], %s::bool[], %s::text[])
                          AS v(id, score, evidence, nm, reason)
                    WHERE l.id = v.id
                      AND (l.computed_score IS DISTINCT FROM v.score
                           OR l.evidence_data IS DISTINCT FROM v.evidence::jsonb
                           OR l.not_measurable IS DISTINCT FROM v.nm
                           OR l.not_measurable_params IS DISTINCT FROM v.reason::jsonb
                           OR l.date_computed IS NULL)""",
                self.env.uid,
                ids,
                scores,
                evidences,
                unmeasurable,
                reasons,
            )
        )
        # what was written in SQL, and what is computed from it (the evidence as worded)
        self.env["credit.appraisal.line"].invalidate_model()
        self.env["credit.appraisal"].browse(appraisal_ids)._update_totals()
        self._check_misuse(appraisal_ids)
        self.write({"date_recomputed": fields.Datetime.now()})
        result["lines"] = len(ids)
        result["items"] = {
            method: round(sum(values) / len(values), 4) for method, values in shares.items()
        }
        return result

    # ------------------------------------------------------------------ formulas
    # _contract_shares() measures the CONTRACT_SHARES items in one query; each other
    # _measure_<method>(appraisal_ids) returns {appraisal_id: (share 0..1, figures)} with
    # one query for all the period's administrators. The figures are data (counts, the
    # failing records' names or ids), worded when the line is read (credit_appraisal_line_
    # evidence.py). Share None: nothing to measure for that administrator, the item is not
    # measurable for them (no free points: it scores 0 until an assessor scores it by hand
    # with evidence).

    def _params(self, appraisal_ids):
        return {
            "period": self.id,
            "company": self.company_id.id,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "year": self.year,
            "appraisals": appraisal_ids,
            "measured": self._measured_day(),
            "threshold": self.company_id.credit_contract_threshold,
            "ledger_fields": LEDGER_FIELDS,
        }

    def _measured_day(self):
        """The day the year is measured on: today, or the year's end once past."""
        return min(fields.Date.context_today(self), self.date_to)

    def _covered_departments(self, appraisal_ids):
        """{appraisal_id: [department ids]} (named when read, in the reader's language)"""
        self.env.cr.execute(
            SQL(
                """SELECT r.appraisal_id, array_agg(r.department_id ORDER BY r.department_id)
                     FROM credit_appraisal_department_rel r
                    WHERE r.appraisal_id = ANY(%s)
                 GROUP BY r.appraisal_id""",
                appraisal_ids,
            )
        )
        return dict(self.env.cr.fetchall())

    def _contract_scope_sql(self):
        """The contracts of the departments each appraisal's administrator covers.

        Their follow-ups are judged on the day measured (today, or the year's end once
        past), from the follow-up records dated by then: on schedule when followed up at
        least once, each follow-up no later than the date the one before set, and the last
        one's next date not passed. A contract never followed up is not on schedule. A
        contract ends on its end date when completed or expired, on its termination when
        terminated.
        """
        return """
            WITH adm AS (
                SELECT a.id AS appraisal_id, a.administrator_id, a.employee_id
                  FROM credit_appraisal a WHERE a.id = ANY(%(appraisals)s)
            ), fu AS (
                SELECT f.contract_id, count(*) AS followups,
                       bool_and(f.previous_next IS NULL OR f.date <= f.previous_next)
                           AS gaps_kept,
                       (array_agg(f.next_date ORDER BY f.date DESC, f.id DESC))[1] AS last_next
                  FROM (SELECT f.contract_id, f.id, f.date, f.next_date,
                               lag(f.next_date) OVER (PARTITION BY f.contract_id
                                                          ORDER BY f.date, f.id)
                                   AS previous_next
                          FROM credit_contract_followup f
                         WHERE f.company_id = %(company)s AND f.date <= %(measured)s) f
              GROUP BY f.contract_id
            ), c AS (
                SELECT adm.appraisal_id, k.id, k.name, k.state, k.date_signed, k.date_end,
                       k.create_date, k.review_completed_date, k.three_properties_passed,
                       k.five_reviews_passed, k.signed_within_authority,
                       k.review_complete_before_signing,
                       COALESCE(fu.followups > 0 AND fu.gaps_kept
                                AND (fu.last_next IS NULL OR fu.last_next >= %(measured)s),
                                FALSE) AS followups_on_schedule,
                       k.ledger_complete, k.registration_on_time, k.archived_with_documents,
                       k.is_invalid,
                       COALESCE(k.date_signed, k.create_date::date)
                           BETWEEN %(date_from)s AND %(date_to)s AS in_year,
                       COALESCE(k.date_signed BETWEEN %(date_from)s AND %(date_to)s, FALSE)
                           AS signed_in_year,
                       COALESCE(k.state IN ('completed', 'terminated', 'expired')
                                AND CASE WHEN k.state = 'terminated'
                                         THEN COALESCE(k.date_terminated, k.date_end)
                                         ELSE COALESCE(k.date_end, k.date_expired,
                                                       k.date_signed) END
                                    BETWEEN %(date_from)s AND %(date_to)s, FALSE)
                           AS ended_in_year
                  FROM adm
                  JOIN credit_appraisal_department_rel r ON r.appraisal_id = adm.appraisal_id
                  JOIN credit_contract k
                    ON k.department_id = r.department_id AND k.company_id = %(company)s
             LEFT JOIN fu ON fu.contract_id = k.id
            )
        """

    def _share_query(self, query, params):
        """Run ``query`` returning (appraisal_id, denominator, passing, failing names)."""
        self.env.cr.execute(query, params)
        return {
            appraisal_id: self._share(total, passing, failing)
            for appraisal_id, total, passing, failing in self.env.cr.fetchall()
        }

    @api.model
    def _share(self, total, passing, failing):
        """(share or None when nothing to measure, figures)"""
        figures = {"total": total or 0, "passing": passing or 0, "failing": list(failing or [])}
        if not total:
            return None, figures
        return passing / total, figures

    def _contract_shares(self, methods, appraisal_ids):
        """The CONTRACT_SHARES items, all in one query over the covered contracts."""
        if not methods:
            return {}
        methods = sorted(methods)
        columns = []
        for method in methods:
            denominator, passing = CONTRACT_SHARES[method]
            columns.append(
                f"""count(c.id) FILTER (WHERE {denominator}),
                   count(c.id) FILTER (WHERE ({denominator}) AND {passing}),
                   (array_agg(c.name ORDER BY c.name)
                        FILTER (WHERE ({denominator})
                                  AND NOT COALESCE({passing}, FALSE)))[1:10]"""
            )
        query = (
            self._contract_scope_sql()
            + f"""
            SELECT adm.appraisal_id, {", ".join(columns)}
              FROM adm LEFT JOIN c ON c.appraisal_id = adm.appraisal_id
          GROUP BY adm.appraisal_id
        """
        )
        self.env.cr.execute(query, self._params(appraisal_ids))
        figures = {method: {} for method in methods}
        for row in self.env.cr.fetchall():
            appraisal_id = row[0]
            for index, method in enumerate(methods):
                total, passing, failing = row[1 + 3 * index : 4 + 3 * index]
                figures[method][appraisal_id] = self._share(total, passing, failing)
        return figures

    @api.model
    def _formula_descriptions(self):
        """What each formula measures, in the reader's language (3.3's ``%(day)s``, the
        day measured, is filled in by the reader)."""
        return [
            (
                "legal_exam",
                self.env._(
                    "1.1 Average of the best score (÷ 100) of each legal-knowledge exam of the "
                    "year the administrator was invited to, attended or sat; no result counts 0."
                ),
            ),
            (
                "training_attendance",
                self.env._(
                    "1.2 Required sessions attended ÷ required sessions: integrity education "
                    "in each half-year and legal knowledge twice a year (the company's number "
                    "per half-year), and each business training of the year the administrator "
                    "was invited to."
                ),
            ),
            (
                "three_properties",
                self.env._(
                    "2.1 Contracts of the year whose review is complete and whose "
                    "three-property lines passed ÷ contracts of the year whose review is "
                    "complete."
                ),
            ),
            (
                "five_reviews",
                self.env._(
                    "2.2 Contracts of the year whose review is complete and whose five-review "
                    "lines passed ÷ contracts of the year whose review is complete."
                ),
            ),
            (
                "written_contract",
                self.env._(
                    "2.3 Confirmed sales and purchase orders of the year by people of the "
                    "covered departments, above the company's written-contract threshold and "
                    "not settled immediately (即时清结), covered by a signed contract ÷ those "
                    "orders, whether or not the company blocks such orders."
                ),
            ),
            (
                "template_clauses",
                self.env._(
                    "2.4 Contracts signed in the year on a template of their type and company, "
                    "holding every clause of the template, with both signatories recorded ÷ "
                    "contracts signed in the year; whether the content is lawful is the "
                    "assessor's part, scored with evidence."
                ),
            ),
            (
                "within_authority",
                self.env._(
                    "2.5 Contracts signed in the year within the signatory's power of attorney "
                    "÷ contracts signed in the year."
                ),
            ),
            (
                "no_invalid",
                self.env._(
                    "2.6 Full points unless a contract of the year was recorded invalid: then 0 "
                    "(not measurable without a contract of the year)."
                ),
            ),
            (
                "review_before_signing",
                self.env._(
                    "3.1 Contracts signed in the year whose review was complete before signing "
                    "÷ contracts signed in the year."
                ),
            ),
            (
                "followups",
                self.env._(
                    "3.3 Contracts in performance (signed by the year's end) followed up on "
                    "schedule on %(day)s ÷ contracts in performance: never followed up, a "
                    "follow-up later than the date the one before set or a next follow-up date "
                    "passed counts against."
                ),
            ),
            (
                "amendments",
                self.env._(
                    "4.1 Changes and terminations requested in the year (not refused), "
                    "processed in time with complete formalities ÷ those requested."
                ),
            ),
            (
                "ledger_complete",
                self.env._(
                    "5.1 Contracts signed in the year whose ledger entry is complete ÷ "
                    "contracts signed in the year."
                ),
            ),
            (
                "registered_on_time",
                self.env._(
                    "5.2 Average of three shares of the contracts signed in the year: "
                    "registered in the ledger in time; not corrected after registration (a "
                    "ledger field changed after the day registered other than by a processed "
                    "change); every ledger field filled."
                ),
            ),
            (
                "seal_backed",
                self.env._(
                    "5.3 Average of three shares: seal uses of the year for the covered "
                    "contracts whose review had passed at use; those uses approved by the "
                    "seal's custodian of record that day (handovers recorded); and the "
                    "half-years (begun by the day measured) in which each seal used was "
                    "checked."
                ),
            ),
            (
                "archived",
                self.env._(
                    "5.4 Contracts completed, terminated or expired in the year archived with "
                    "their documents ÷ those contracts."
                ),
            ),
        ]

    def _measure_no_invalid(self, appraisal_ids):
        query = (
            self._contract_scope_sql()
            + """
            SELECT adm.appraisal_id, count(c.id) FILTER (WHERE c.in_year),
                   (array_agg(c.name ORDER BY c.name)
                        FILTER (WHERE c.in_year AND c.is_invalid))[1:10]
              FROM adm LEFT JOIN c ON c.appraisal_id = adm.appraisal_id
          GROUP BY adm.appraisal_id
        """
        )
        self.env.cr.execute(query, self._params(appraisal_ids))
        figures = {}
        for appraisal_id, total, invalid in self.env.cr.fetchall():
            data = {"total": total or 0, "invalid": list(invalid or [])}
            figures[appraisal_id] = (
                (None if not total else 0.0 if invalid else 1.0),
                data,
            )
        return figures

    def _measure_amendments(self, appraisal_ids):
        query = (
            self._contract_scope_sql()
            + """, m AS (
                SELECT c.appraisal_id, c.name, am.processed_on_time, am.formalities_complete,
                       am.date_processed
                  FROM c JOIN credit_contract_amendment am ON am.contract_id = c.id
                 WHERE am.date_requested BETWEEN %(date_from)s AND %(date_to)s
                   AND am.state <> 'refused'
            )
            SELECT adm.appraisal_id,
                   count(m.name),
                   count(m.name) FILTER (WHERE m.date_processed IS NOT NULL
                                           AND m.processed_on_time AND m.formalities_complete),
                   (array_agg(m.name ORDER BY m.name)
                        FILTER (WHERE NOT (m.date_processed IS NOT NULL
                                           AND COALESCE(m.processed_on_time, FALSE)
                                           AND COALESCE(m.formalities_complete, FALSE))))[1:10]
              FROM adm LEFT JOIN m ON m.appraisal_id = adm.appraisal_id
          GROUP BY adm.appraisal_id
        """
        )
        return self._share_query(query, self._params(appraisal_ids))

    def _measure_written_contract(self, appraisal_ids):
        """2.3: the orders come from credit_contract's order sources (sales; purchases once
        credit_contract_purchase is installed), so this add-on needs no purchase code."""
        sources = self.env["credit.contract"]._written_contract_order_sources()
        params = self._params(appraisal_ids)
        query = SQL(
            """
            WITH adm AS (
                SELECT a.id AS appraisal_id FROM credit_appraisal a WHERE a.id = ANY(%s)
            ), src AS (%s), o AS (
                SELECT DISTINCT adm.appraisal_id, src.model, src.id, src.name, src.signed
                  FROM adm
                  JOIN credit_appraisal_department_rel r ON r.appraisal_id = adm.appraisal_id
                  JOIN hr_employee e
                    ON e.department_id = r.department_id AND e.company_id = %s
                  JOIN src ON src.user_id = e.user_id AND src.company_id = %s
                 WHERE NOT src.immediate
                   AND round(src.amount_company, 2) > %s
                   AND src.date_order >= %s AND src.date_order < %s::date + 1
            )
            SELECT adm.appraisal_id,
                   count(o.id),
                   count(o.id) FILTER (WHERE o.signed),
                   (array_agg(o.name ORDER BY o.name) FILTER (WHERE NOT o.signed))[1:10]
              FROM adm LEFT JOIN o ON o.appraisal_id = adm.appraisal_id
          GROUP BY adm.appraisal_id
            """,
            appraisal_ids,
            SQL(" UNION ALL ").join(sources),
            params["company"],
            params["company"],
            params["threshold"] or 0.0,
            params["date_from"],
            params["date_to"],
        )
        self.env.cr.execute(query)
        return {
            appraisal_id: self._share(total, passing, failing)
            for appraisal_id, total, passing, failing in self.env.cr.fetchall()
        }

    def _measure_legal_exam(self, appraisal_ids):
        return appraisal_training_measures.measure_legal_exam(self, appraisal_ids)

    def _measure_training_attendance(self, appraisal_ids):
        return appraisal_training_measures.measure_training_attendance(self, appraisal_ids)

    def _measure_template_clauses(self, appraisal_ids):
        return appraisal_ledger_measures.measure_template_clauses(self, appraisal_ids)

    def _measure_registered_on_time(self, appraisal_ids):
        return appraisal_ledger_measures.measure_ledger_quality(self, appraisal_ids)

    def _measure_seal_backed(self, appraisal_ids):
        return appraisal_ledger_measures.measure_seal(self, appraisal_ids)
