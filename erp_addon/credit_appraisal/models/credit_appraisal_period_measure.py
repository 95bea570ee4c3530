"""The measured items of the year's appraisal (SPEC section 6): the formulas.

Each ``_measure_<method>(appraisal_ids)`` of the period returns
``{appraisal_id: (share 0..1, evidence)}`` in one query for all the period's
administrators; the contract-share items are measured together in one pass.
"""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round

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
    # 3.3 contracts signed by the year's end, in performance, follow-ups on schedule
    "followups": (
        "c.state = 'performance' AND COALESCE(c.date_signed, c.create_date::date) <= %(date_to)s",
        "c.followups_on_schedule",
    ),
    # 5.1 contracts signed in the year with every ledger field filled
    "ledger_complete": ("c.signed_in_year", "c.ledger_complete"),
    # 5.2 contracts signed in the year registered in the ledger in time
    "registered_on_time": ("c.signed_in_year", "c.registration_on_time"),
    # 5.4 contracts completed (ended) in the year, archived with their documents
    "archived": (
        "c.state = 'completed' AND COALESCE(c.date_end, c.date_signed) BETWEEN %(date_from)s "
        "AND %(date_to)s",
        "c.archived_with_documents",
    ),
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
        return self._recompute()

    def _recompute(self):
        return [period._recompute_one() for period in self.sudo()]

    def _recompute_one(self):
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
                """SELECT l.id, l.appraisal_id, i.compute_method, l.points
                     FROM credit_appraisal_line l
                     JOIN credit_appraisal_rubric_item i ON i.id = l.item_id
                    WHERE l.appraisal_id = ANY(%s) AND i.compute_method IS NOT NULL""",
                appraisal_ids,
            )
        )
        lines = cr.fetchall()
        methods = {method for _line, _appraisal, method, _points in lines}
        departments = self._covered_departments(appraisal_ids)
        # the contract shares in one pass over the contracts, the other items one by one
        figures = self._contract_shares(methods & CONTRACT_SHARES.keys(), appraisal_ids)
        for method in methods - CONTRACT_SHARES.keys():
            figures[method] = getattr(self, f"_measure_{method}")(appraisal_ids)
        ids, scores, evidences = [], [], []
        shares = {}
        for line_id, appraisal_id, method, points in lines:
            share, evidence = figures[method].get(appraisal_id) or (1.0, "")
            share = min(max(share, 0.0), 1.0)
            score = float_round(share * points, precision_digits=1)
            shares.setdefault(method, []).append(share)
            ids.append(line_id)
            scores.append(score)
            evidences.append(
                self.env._(
                    "%(evidence)s\nDepartments covered: %(departments)s.\n"
                    "Points: %(share).1f%% × %(points)s = %(score)s.",
                    evidence=evidence,
                    departments=departments.get(appraisal_id) or "-",
                    share=share * 100,
                    points=points,
                    score=score,
                )
            )
        cr.execute(
            SQL(
                """UPDATE credit_appraisal_line l
                      SET score = v.score, evidence = v.evidence,
                          date_computed = now() at time zone 'UTC',
                          write_uid = %s, write_date = now() at time zone 'UTC'
                     FROM unnest(%s::int[], %s::numeric[], %s::text[]) AS v(id, score, evidence)
                    WHERE l.id = v.id
                      AND (l.score IS DISTINCT FROM v.score
                           OR l.evidence IS DISTINCT FROM v.evidence
                           OR l.date_computed IS NULL)""",
                self.env.uid,
                ids,
                scores,
                evidences,
            )
        )
        self.env["credit.appraisal.line"].invalidate_model(["score", "evidence", "date_computed"])
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
    # _measure_<method>(appraisal_ids) returns {appraisal_id: (share 0..1, evidence)} with
    # one query for all the period's administrators. An administrator with
    # nothing to measure for an item gets the full points: nothing was found against them
    # (the evidence says so).

    def _params(self, appraisal_ids):
        return {
            "period": self.id,
            "company": self.company_id.id,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "year": self.year,
            "appraisals": appraisal_ids,
        }

    def _covered_departments(self, appraisal_ids):
        self.env.cr.execute(
            SQL(
                """SELECT a.id, string_agg(COALESCE(d.name->>%s, d.name->>'en_US'), ', '
                                            ORDER BY d.id)
                     FROM credit_appraisal a
                     JOIN credit_appraisal_department_rel r ON r.appraisal_id = a.id
                     JOIN hr_department d ON d.id = r.department_id
                    WHERE a.id = ANY(%s)
                 GROUP BY a.id""",
                self.env.lang or "en_US",
                appraisal_ids,
            )
        )
        return dict(self.env.cr.fetchall())

    def _contract_scope_sql(self):
        """The contracts of the departments each appraisal's administrator covers."""
        return """
            WITH adm AS (
                SELECT a.id AS appraisal_id, a.administrator_id, a.employee_id
                  FROM credit_appraisal a WHERE a.id = ANY(%(appraisals)s)
            ), c AS (
                SELECT adm.appraisal_id, k.id, k.name, k.state, k.date_signed, k.date_end,
                       k.create_date, k.review_completed_date, k.three_properties_passed,
                       k.five_reviews_passed, k.signed_within_authority,
                       k.review_complete_before_signing, k.followups_on_schedule,
                       k.ledger_complete, k.registration_on_time, k.archived_with_documents,
                       k.is_invalid,
                       COALESCE(k.date_signed, k.create_date::date)
                           BETWEEN %(date_from)s AND %(date_to)s AS in_year,
                       COALESCE(k.date_signed BETWEEN %(date_from)s AND %(date_to)s, FALSE)
                           AS signed_in_year
                  FROM adm
                  JOIN credit_appraisal_department_rel r ON r.appraisal_id = adm.appraisal_id
                  JOIN credit_contract k
                    ON k.department_id = r.department_id AND k.company_id = %(company)s
            )
        """

    def _share_query(self, query, params, describe):
        """Run ``query`` returning (appraisal_id, denominator, passing, failing names)."""
        self.env.cr.execute(query, params)
        figures = {}
        for appraisal_id, total, passing, failing in self.env.cr.fetchall():
            figures[appraisal_id] = self._share(total, passing, failing, describe)
        return figures

    def _share(self, total, passing, failing, describe):
        if not total:
            return 1.0, self.env._(
                "%(formula)s\nNothing to measure in %(year)s: full points.",
                formula=describe,
                year=self.year,
            )
        evidence = self.env._(
            "%(formula)s\nFigures: %(passing)s of %(total)s.",
            formula=describe,
            passing=passing,
            total=total,
        )
        if failing:
            evidence += "\n" + self.env._(
                "Not passing: %(names)s%(more)s.",
                names=", ".join(failing),
                more=self.env._(" (and %(count)s more)", count=total - passing - len(failing))
                if total - passing > len(failing)
                else "",
            )
        return passing / total, evidence

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
        descriptions = dict(self._formula_descriptions())
        figures = {method: {} for method in methods}
        for row in self.env.cr.fetchall():
            appraisal_id = row[0]
            for index, method in enumerate(methods):
                total, passing, failing = row[1 + 3 * index : 4 + 3 * index]
                figures[method][appraisal_id] = self._share(
                    total, passing, failing, descriptions[method]
                )
        return figures

    def _formula_descriptions(self):
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
                    "1.2 Required sessions attended ÷ required sessions (integrity education "
                    "and legal knowledge, the required number per type and half-year)."
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
                    "2.3 Confirmed sales orders of the year by salespeople of the covered "
                    "departments that need a written contract and are covered by a signed "
                    "one ÷ confirmed orders of the year that need one."
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
                    "2.6 Full points unless a contract of the year was recorded invalid: then 0."
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
                    "3.3 Contracts in performance with follow-ups on schedule ÷ contracts in "
                    "performance (signed by the year's end)."
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
                    "5.2 Contracts signed in the year registered in the ledger in time ÷ "
                    "contracts signed in the year."
                ),
            ),
            (
                "seal_backed",
                self.env._(
                    "5.3 Seal uses of the year whose contract's review had passed at use ÷ "
                    "seal uses of the year."
                ),
            ),
            (
                "archived",
                self.env._(
                    "5.4 Contracts completed in the year archived with their documents ÷ "
                    "contracts completed in the year."
                ),
            ),
        ]

    def _measure_no_invalid(self, appraisal_ids):
        query = (
            self._contract_scope_sql()
            + """
            SELECT adm.appraisal_id,
                   (array_agg(c.name ORDER BY c.name)
                        FILTER (WHERE c.in_year AND c.is_invalid))[1:10]
              FROM adm LEFT JOIN c ON c.appraisal_id = adm.appraisal_id
          GROUP BY adm.appraisal_id
        """
        )
        self.env.cr.execute(query, self._params(appraisal_ids))
        describe = dict(self._formula_descriptions())["no_invalid"]
        figures = {}
        for appraisal_id, invalid in self.env.cr.fetchall():
            if invalid:
                figures[appraisal_id] = (
                    0.0,
                    self.env._(
                        "%(formula)s\nInvalid contracts: %(names)s.",
                        formula=describe,
                        names=", ".join(invalid),
                    ),
                )
            else:
                figures[appraisal_id] = (
                    1.0,
                    self.env._("%(formula)s\nNo invalid contract recorded.", formula=describe),
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
        describe = dict(self._formula_descriptions())["amendments"]
        return self._share_query(query, self._params(appraisal_ids), describe)

    def _measure_seal_backed(self, appraisal_ids):
        query = (
            self._contract_scope_sql()
            + """, s AS (
                SELECT c.appraisal_id, c.name, su.review_passed_at_use
                  FROM c JOIN credit_contract_seal_use su ON su.contract_id = c.id
                 WHERE su.date BETWEEN %(date_from)s AND %(date_to)s
            )
            SELECT adm.appraisal_id,
                   count(s.name),
                   count(s.name) FILTER (WHERE s.review_passed_at_use),
                   (array_agg(s.name ORDER BY s.name)
                        FILTER (WHERE NOT COALESCE(s.review_passed_at_use, FALSE)))[1:10]
              FROM adm LEFT JOIN s ON s.appraisal_id = adm.appraisal_id
          GROUP BY adm.appraisal_id
        """
        )
        describe = dict(self._formula_descriptions())["seal_backed"]
        return self._share_query(query, self._params(appraisal_ids), describe)

    def _measure_written_contract(self, appraisal_ids):
        query = """
            WITH adm AS (
                SELECT a.id AS appraisal_id, a.administrator_id
                  FROM credit_appraisal a WHERE a.id = ANY(%(appraisals)s)
            ), o AS (
                SELECT DISTINCT adm.appraisal_id, so.id, so.name, so.credit_contract_signed
                  FROM adm
                  JOIN credit_appraisal_department_rel r ON r.appraisal_id = adm.appraisal_id
                  JOIN hr_employee e
                    ON e.department_id = r.department_id AND e.company_id = %(company)s
                  JOIN sale_order so
                    ON so.user_id = e.user_id AND so.company_id = %(company)s
                 WHERE so.state = 'sale' AND so.credit_contract_required
                   AND so.date_order >= %(date_from)s
                   AND so.date_order < %(date_to)s::date + 1
            )
            SELECT adm.appraisal_id,
                   count(o.id),
                   count(o.id) FILTER (WHERE o.credit_contract_signed),
                   (array_agg(o.name ORDER BY o.name)
                        FILTER (WHERE NOT COALESCE(o.credit_contract_signed, FALSE)))[1:10]
              FROM adm LEFT JOIN o ON o.appraisal_id = adm.appraisal_id
          GROUP BY adm.appraisal_id
        """
        describe = dict(self._formula_descriptions())["written_contract"]
        return self._share_query(query, self._params(appraisal_ids), describe)

    def _measure_legal_exam(self, appraisal_ids):
        query = """
            WITH adm AS (
                SELECT a.id AS appraisal_id, a.employee_id
                  FROM credit_appraisal a WHERE a.id = ANY(%(appraisals)s)
            ), sess AS (
                SELECT s.id, s.name
                  FROM credit_training_session s
                 WHERE s.company_id = %(company)s AND s.year = %(year)s
                   AND s.session_type = 'legal' AND s.assessment = 'exam'
            ), concerned AS (
                SELECT i.employee_id, i.session_id
                  FROM credit_training_session_invited_rel i JOIN sess ON sess.id = i.session_id
                 UNION
                SELECT t.employee_id, t.session_id
                  FROM credit_training_session_attendee_rel t JOIN sess ON sess.id = t.session_id
                 UNION
                SELECT r.employee_id, r.session_id
                  FROM credit_training_result r JOIN sess ON sess.id = r.session_id
            ), best AS (
                SELECT r.employee_id, r.session_id, max(r.score) AS score
                  FROM credit_training_result r JOIN sess ON sess.id = r.session_id
              GROUP BY r.employee_id, r.session_id
            )
            SELECT adm.appraisal_id, count(k.session_id),
                   COALESCE(avg(COALESCE(b.score, 0)), 0),
                   string_agg(sess.name || ': ' || COALESCE(b.score::text, '-'), '; '
                              ORDER BY sess.id)
              FROM adm
              LEFT JOIN concerned k ON k.employee_id = adm.employee_id
              LEFT JOIN sess ON sess.id = k.session_id
              LEFT JOIN best b ON b.employee_id = k.employee_id AND b.session_id = k.session_id
          GROUP BY adm.appraisal_id
        """
        self.env.cr.execute(query, self._params(appraisal_ids))
        describe = dict(self._formula_descriptions())["legal_exam"]
        figures = {}
        for appraisal_id, count, average, detail in self.env.cr.fetchall():
            if not count:
                figures[appraisal_id] = self._share(0, 0, None, describe)
                continue
            figures[appraisal_id] = (
                float(average) / 100.0,
                self.env._(
                    "%(formula)s\nFigures: %(detail)s; average %(average).1f.",
                    formula=describe,
                    detail=detail,
                    average=float(average),
                ),
            )
        return figures

    def _measure_training_attendance(self, appraisal_ids):
        per_half = self.company_id.credit_training_per_half
        required = per_half * 4
        query = """
            SELECT a.id, s.session_type, s.half, count(*), string_agg(s.name, ', ' ORDER BY s.id)
              FROM credit_appraisal a
              JOIN credit_training_session_attendee_rel t ON t.employee_id = a.employee_id
              JOIN credit_training_session s ON s.id = t.session_id
             WHERE a.id = ANY(%(appraisals)s) AND s.company_id = %(company)s
               AND s.year = %(year)s AND s.session_type IN ('integrity', 'legal')
          GROUP BY a.id, s.session_type, s.half
        """
        self.env.cr.execute(query, self._params(appraisal_ids))
        attended, names = {}, {}
        for appraisal_id, _stype, _half, count, sessions in self.env.cr.fetchall():
            attended[appraisal_id] = attended.get(appraisal_id, 0) + min(count, per_half)
            names.setdefault(appraisal_id, []).append(sessions)
        describe = dict(self._formula_descriptions())["training_attendance"]
        figures = {}
        for appraisal_id in appraisal_ids:
            if not required:
                figures[appraisal_id] = self._share(0, 0, None, describe)
                continue
            count = attended.get(appraisal_id, 0)
            figures[appraisal_id] = (
                count / required,
                self.env._(
                    "%(formula)s\nFigures: %(count)s of %(required)s required (%(sessions)s).",
                    formula=describe,
                    count=count,
                    required=required,
                    sessions=", ".join(names.get(appraisal_id, [])) or "-",
                ),
            )
        return figures
