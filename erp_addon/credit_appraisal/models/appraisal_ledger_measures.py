"""The contract-document items of the year's appraisal (SPEC section 6): 2.4, 5.2, 5.3.

Called by the period's ``_measure_template_clauses``, ``_measure_registered_on_time`` and
``_measure_seal_backed`` (credit_appraisal_period_measure.py) with the period as
``period``; each returns ``{appraisal_id: (share 0..1 or None, figures)}`` with one query
for all administrators. The figures (counts, the failing records, ids of what is named in
the reader's language) are worded when the line is read (credit_appraisal_line_evidence.py).
"""

# at most this many failing records are kept by name in the evidence
NAMED = 10


def measure_template_clauses(period, appraisal_ids):
    """2.4, the part the records judge: each contract signed in the year is on a template of
    its type and of its company (or shared), holds every clause of that template (its
    heading in any language found in the contract's clauses) and records both signatories.
    Whether the content is lawful is the assessor's part (the item's hand points)."""
    query = (
        period._contract_scope_sql()
        + """, t AS (
            SELECT c.appraisal_id, c.name,
                   CASE WHEN k.template_id IS NULL THEN 'none'
                        WHEN tpl.contract_type = k.contract_type
                         AND (tpl.company_id IS NULL OR tpl.company_id = k.company_id)
                        THEN 'right' ELSE 'wrong' END AS template,
                   ARRAY(SELECT cl.id
                           FROM credit_contract_template_clause_rel tr
                           JOIN credit_contract_clause cl ON cl.id = tr.clause_id
                          WHERE tr.template_id = k.template_id
                            AND NOT EXISTS (
                                SELECT 1 FROM jsonb_each_text(cl.name) n
                                 WHERE position(n.value IN COALESCE(k.body, '')) > 0
                                    OR position(replace(n.value, '&', '&amp;')
                                                IN COALESCE(k.body, '')) > 0)
                       ORDER BY cl.sequence, cl.id) AS missing,
                   k.signatory_id IS NOT NULL
                       AND btrim(COALESCE(k.partner_signatory, '')) <> '' AS signatories
              FROM c
              JOIN credit_contract k ON k.id = c.id
         LEFT JOIN credit_contract_template tpl ON tpl.id = k.template_id
             WHERE c.signed_in_year
        ), p AS (
            SELECT t.*, t.template = 'right' AND cardinality(t.missing) = 0 AND t.signatories
                       AS passed
              FROM t
        )
        SELECT adm.appraisal_id, count(p.name), count(p.name) FILTER (WHERE p.passed),
               json_agg(json_build_array(p.name, p.template, p.missing, p.signatories)
                        ORDER BY p.name) FILTER (WHERE NOT p.passed)
          FROM adm LEFT JOIN p ON p.appraisal_id = adm.appraisal_id
      GROUP BY adm.appraisal_id
    """
    )
    period.env.cr.execute(query, period._params(appraisal_ids))
    figures = {}
    for appraisal_id, total, passing, failing in period.env.cr.fetchall():
        data = {"total": total, "passing": passing, "failing": (failing or [])[:NAMED]}
        figures[appraisal_id] = ((passing / total if total else None), data)
    return figures


def measure_ledger_quality(period, appraisal_ids):
    """5.2 ledger quality, three shares of the contracts signed in the year, averaged:
    timely (registered within the company's days), correct (no ledger field changed after
    the day registered other than by a processed change or termination, read from the
    contract's tracked changes) and complete (every ledger field filled; the missing ones
    are named)."""
    query = (
        period._contract_scope_sql()
        + """, s AS (
            SELECT DISTINCT c.appraisal_id, c.id, c.name, c.registration_on_time
              FROM c WHERE c.signed_in_year
        ), corrected AS (
            SELECT DISTINCT m.res_id AS contract_id
              FROM mail_message m
              JOIN credit_contract k ON k.id = m.res_id
              JOIN mail_tracking_value tv ON tv.mail_message_id = m.id
              JOIN ir_model_fields f ON f.id = tv.field_id
             WHERE m.model = 'credit.contract'
               AND m.res_id IN (SELECT s.id FROM s)
               AND k.date_registered IS NOT NULL
               AND m.date::date > k.date_registered
               AND f.name IN %(ledger_fields)s
               AND NOT EXISTS (
                    SELECT 1 FROM credit_contract_amendment am
                     WHERE am.contract_id = k.id AND am.state = 'done'
                       AND am.date_processed = m.date::date)
        ), q AS (
            SELECT s.appraisal_id, s.name, s.registration_on_time AS timely,
                   corrected.contract_id IS NOT NULL AS corrected,
                   array_remove(ARRAY[
                       CASE WHEN k.name IS NULL OR k.name = '/' THEN 'name' END,
                       CASE WHEN btrim(COALESCE(k.title, '')) = '' THEN 'title' END,
                       CASE WHEN k.contract_type IS NULL THEN 'contract_type' END,
                       CASE WHEN k.partner_id IS NULL THEN 'partner_id' END,
                       CASE WHEN COALESCE(k.amount, 0) = 0 THEN 'amount' END,
                       CASE WHEN k.date_start IS NULL THEN 'date_start' END,
                       CASE WHEN k.date_end IS NULL THEN 'date_end' END,
                       CASE WHEN k.department_id IS NULL THEN 'department_id' END,
                       CASE WHEN k.user_id IS NULL THEN 'user_id' END,
                       CASE WHEN k.signatory_id IS NULL THEN 'signatory_id' END,
                       CASE WHEN k.date_registered IS NULL THEN 'date_registered' END
                   ], NULL) AS missing
              FROM s
              JOIN credit_contract k ON k.id = s.id
         LEFT JOIN corrected ON corrected.contract_id = s.id
        )
        SELECT adm.appraisal_id, count(q.name),
               count(q.name) FILTER (WHERE q.timely),
               (array_agg(q.name ORDER BY q.name) FILTER (WHERE NOT q.timely))[1:10],
               count(q.name) FILTER (WHERE NOT q.corrected),
               (array_agg(q.name ORDER BY q.name) FILTER (WHERE q.corrected))[1:10],
               count(q.name) FILTER (WHERE cardinality(q.missing) = 0),
               json_agg(json_build_array(q.name, q.missing) ORDER BY q.name)
                   FILTER (WHERE cardinality(q.missing) > 0)
          FROM adm LEFT JOIN q ON q.appraisal_id = adm.appraisal_id
      GROUP BY adm.appraisal_id
    """
    )
    period.env.cr.execute(query, period._params(appraisal_ids))
    figures = {}
    for row in period.env.cr.fetchall():
        appraisal_id, total, timely, late, correct, corrected, complete, incomplete = row
        data = {
            "total": total,
            "timely": timely,
            "late": late or [],
            "correct": correct,
            "corrected": corrected or [],
            "complete": complete,
            "incomplete": (incomplete or [])[:NAMED],
        }
        share = (timely + correct + complete) / (3 * total) if total else None
        figures[appraisal_id] = (share, data)
    return figures


def measure_seal(period, appraisal_ids):
    """5.3 seal use and custody checked, three shares averaged: the seal uses of the year
    for the covered contracts whose review had passed at use; those uses approved by the
    seal's custodian of record on the day (the last handover recorded by then), so a seal
    that changed hands without a recorded handover counts against; and, for each seal used,
    the half-years of the year begun by the day measured in which a seal check was
    recorded (credit.contract.seal.check). No use of the year: not measurable."""
    query = (
        period._contract_scope_sql()
        + """, s AS (
            SELECT c.appraisal_id, c.name, su.seal_id, su.review_passed_at_use,
                   COALESCE(su.approved_by_id = (
                        SELECT cu.to_user_id FROM credit_contract_seal_custody cu
                         WHERE cu.seal_id = su.seal_id AND cu.date <= su.date
                      ORDER BY cu.date DESC, cu.id DESC LIMIT 1), FALSE) AS in_custody
              FROM c JOIN credit_contract_seal_use su ON su.contract_id = c.id
             WHERE su.date BETWEEN %(date_from)s AND %(date_to)s
        ), u AS (
            SELECT s.appraisal_id, count(*) AS uses,
                   count(*) FILTER (WHERE s.review_passed_at_use) AS backed,
                   (array_agg(DISTINCT s.name)
                        FILTER (WHERE NOT COALESCE(s.review_passed_at_use, FALSE)))[1:10]
                       AS unbacked,
                   count(*) FILTER (WHERE s.in_custody) AS in_custody,
                   (array_agg(DISTINCT s.name) FILTER (WHERE NOT s.in_custody))[1:10]
                       AS out_of_custody
              FROM s GROUP BY s.appraisal_id
        ), h AS (
            SELECT DISTINCT s.appraisal_id, s.seal_id, half.half, half.date_from, half.date_to
              FROM s
        CROSS JOIN (VALUES (1, %(date_from)s::date, make_date(%(year)s, 6, 30)),
                           (2, make_date(%(year)s, 7, 1), %(date_to)s::date))
                   AS half(half, date_from, date_to)
             WHERE half.date_from <= %(measured)s
        ), k AS (
            SELECT h.appraisal_id, count(*) AS due,
                   count(*) FILTER (WHERE EXISTS (
                        SELECT 1 FROM credit_contract_seal_check ck
                         WHERE ck.seal_id = h.seal_id
                           AND ck.date BETWEEN h.date_from AND h.date_to)) AS checked,
                   json_agg(json_build_array(seal.name, h.half) ORDER BY seal.name, h.half)
                       FILTER (WHERE NOT EXISTS (
                        SELECT 1 FROM credit_contract_seal_check ck
                         WHERE ck.seal_id = h.seal_id
                           AND ck.date BETWEEN h.date_from AND h.date_to)) AS unchecked
              FROM h JOIN credit_contract_seal seal ON seal.id = h.seal_id
          GROUP BY h.appraisal_id
        )
        SELECT adm.appraisal_id, COALESCE(u.uses, 0), u.backed, u.unbacked, u.in_custody,
               u.out_of_custody, COALESCE(k.due, 0), k.checked, k.unchecked
          FROM adm
     LEFT JOIN u ON u.appraisal_id = adm.appraisal_id
     LEFT JOIN k ON k.appraisal_id = adm.appraisal_id
    """
    )
    period.env.cr.execute(query, period._params(appraisal_ids))
    figures = {}
    for row in period.env.cr.fetchall():
        appraisal_id, uses, backed, unbacked, custody, out, due, checked, unchecked = row
        data = {
            "total": uses,
            "backed": backed or 0,
            "unbacked": unbacked or [],
            "in_custody": custody or 0,
            "out_of_custody": out or [],
            "checks_due": due,
            "checked": checked or 0,
            "unchecked": (unchecked or [])[:NAMED],
        }
        if not uses:
            figures[appraisal_id] = (None, data)
            continue
        shares = [data["backed"] / uses, data["in_custody"] / uses]
        if due:
            shares.append(data["checked"] / due)
        figures[appraisal_id] = (sum(shares) / len(shares), data)
    return figures
