-- Owner: credit.warning.signal (models/credit_warning_signal_run.py).
-- One function per signal type, all of one signature (readme/DEVELOP.md: the contract a
-- bridge add-on follows for a type of its own):
--
--   credit_warning_signal_<type>(p_company integer, p_today date, p_threshold numeric,
--                                p_days integer, p_partners integer[])
--   RETURNS TABLE (partner_id integer, figures jsonb)
--
-- one row per commercial partner for which the signal fires in p_company on p_today
-- (p_threshold and p_days: the company's rule; p_partners: only these commercial
-- partners, every customer when NULL), with the figures that are its evidence. Set-based:
-- one statement for every customer, whatever their number.

-- The overdue share (overdue / what is owed, %) rose month after month over the last
-- p_days days (three equal steps) and by at least p_threshold points in all.
CREATE OR REPLACE FUNCTION credit_warning_signal_overdue_share(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    WITH steps AS (
        SELECT ARRAY[p_today - p_days, p_today - (p_days * 2 / 3), p_today - (p_days / 3),
                     p_today] AS days
    ), figures AS (
        SELECT r.partner_id, r.day,
               CASE WHEN r.open_amount > 0
                    THEN ROUND(100 * r.overdue_amount / r.open_amount, 1) ELSE 0 END AS share
          FROM steps s, credit_warning_receivable_at(p_company, s.days, p_partners) r
    ), series AS (
        SELECT f.partner_id,
               ARRAY_AGG(f.share ORDER BY f.day) AS shares,
               MIN(f.day) AS since
          FROM figures f
      GROUP BY f.partner_id
        HAVING COUNT(*) = 4
    )
    SELECT s.partner_id,
           jsonb_build_object('shares', to_jsonb(s.shares), 'since', s.since,
                              'rise', s.shares[4] - s.shares[1])
      FROM series s
     WHERE s.shares[1] <= s.shares[2] AND s.shares[2] <= s.shares[3]
       AND s.shares[3] <= s.shares[4]
       AND s.shares[4] - s.shares[1] >= p_threshold AND s.shares[4] > 0
$$ LANGUAGE sql STABLE;

-- The DSO (as credit_collection's: open invoices / credit sales of the company's DSO
-- period x its days) is at least p_threshold % above what it was p_days days ago.
CREATE OR REPLACE FUNCTION credit_warning_signal_dso_up(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    WITH period AS (
        SELECT COALESCE(NULLIF(c.collection_dso_days, 0), 90) AS n,
               ARRAY[p_today - p_days, p_today] AS days
          FROM res_company c WHERE c.id = p_company
    ), dso AS (
        SELECT r.partner_id, r.day,
               CASE WHEN s.sales > 0 THEN r.invoice_open / s.sales * pe.n END AS dso
          FROM period pe
         CROSS JOIN LATERAL credit_warning_receivable_at(p_company, pe.days, p_partners) r
          JOIN credit_warning_sales_between(
                   p_company, (SELECT pe2.days FROM period pe2),
                   (SELECT pe3.n FROM period pe3), p_partners) s
            ON s.partner_id = r.partner_id AND s.day = r.day
    ), pairs AS (
        SELECT d.partner_id,
               MAX(d.dso) FILTER (WHERE d.day = p_today) AS now,
               MAX(d.dso) FILTER (WHERE d.day < p_today) AS then
          FROM dso d
      GROUP BY d.partner_id
    )
    SELECT p.partner_id,
           jsonb_build_object('now', ROUND(p.now, 1), 'then', ROUND(p.then, 1),
                              'since', p_today - p_days,
                              'rise', ROUND(100 * (p.now - p.then) / p.then, 1))
      FROM pairs p
     WHERE p.then > 0 AND p.now >= p.then * (1 + p_threshold / 100)
$$ LANGUAGE sql STABLE;

-- Days to pay lengthen: the invoices paid in full in the last p_days days took at least
-- p_threshold days longer from invoice to payment (average weighted by amount) than
-- those paid in the p_days days before.
CREATE OR REPLACE FUNCTION credit_warning_signal_days_to_pay(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    WITH paid AS (
        SELECT rp.commercial_partner_id AS cp, aml.balance,
               COALESCE(am.invoice_date, aml.date) AS invoiced,
               (SELECT MAX(apr.max_date) FROM account_partial_reconcile apr
                 WHERE apr.debit_move_id = aml.id) AS paid_on
          FROM account_move_line aml
          JOIN account_move am ON am.id = aml.move_id
          JOIN account_account acc ON acc.id = aml.account_id
          JOIN res_partner rp ON rp.id = aml.partner_id
         WHERE aml.company_id = p_company AND aml.parent_state = 'posted'
           AND aml.reconciled AND aml.balance > 0
           AND acc.account_type = 'asset_receivable'
           AND am.move_type IN ('out_invoice', 'out_receipt')
           AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
    ), windows AS (
        SELECT p.cp,
               SUM((p.paid_on - p.invoiced) * p.balance)
                   FILTER (WHERE p.paid_on > p_today - p_days)
               / NULLIF(SUM(p.balance) FILTER (WHERE p.paid_on > p_today - p_days), 0)
                   AS recent,
               SUM((p.paid_on - p.invoiced) * p.balance)
                   FILTER (WHERE p.paid_on <= p_today - p_days)
               / NULLIF(SUM(p.balance) FILTER (WHERE p.paid_on <= p_today - p_days), 0)
                   AS previous,
               COUNT(*) FILTER (WHERE p.paid_on > p_today - p_days) AS recent_count
          FROM paid p
         WHERE p.paid_on > p_today - 2 * p_days AND p.paid_on <= p_today
      GROUP BY p.cp
    )
    SELECT w.cp,
           jsonb_build_object('recent', ROUND(w.recent, 1), 'previous', ROUND(w.previous, 1),
                              'longer', ROUND(w.recent - w.previous, 1),
                              'count', w.recent_count)
      FROM windows w
     WHERE w.recent IS NOT NULL AND w.previous IS NOT NULL
       AND w.recent - w.previous >= p_threshold
$$ LANGUAGE sql STABLE;

-- The grade was lowered by at least p_threshold grades in the last p_days days: the
-- latest score snapshot of the customer (credit_score, the score history) in that time
-- carries a grade below the one of the snapshot before it.
CREATE OR REPLACE FUNCTION credit_warning_signal_grade_down(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    WITH history AS (
        SELECT rp.commercial_partner_id AS cp, s.date, s.grade_id,
               LAG(s.grade_id) OVER w AS previous_grade_id,
               ROW_NUMBER() OVER (PARTITION BY rp.commercial_partner_id
                                  ORDER BY s.date DESC, s.id DESC) AS latest
          FROM credit_score s
          JOIN res_partner rp ON rp.id = s.partner_id
         WHERE s.company_id = p_company AND s.grade_id IS NOT NULL AND s.date <= p_today
           AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
        WINDOW w AS (PARTITION BY rp.commercial_partner_id ORDER BY s.date, s.id)
    ), downs AS (
        SELECT h.cp, h.date, h.grade_id, h.previous_grade_id,
               (SELECT COUNT(*) FROM credit_grade g
                 WHERE g.company_id = p_company AND g.active
                   AND g.min_score > new.min_score AND g.min_score <= old.min_score) AS steps
          FROM history h
          JOIN credit_grade new ON new.id = h.grade_id
          JOIN credit_grade old ON old.id = h.previous_grade_id
         WHERE h.latest = 1 AND h.date > p_today - p_days AND new.min_score < old.min_score
    )
    SELECT d.cp,
           jsonb_build_object('from_grade_id', d.previous_grade_id, 'to_grade_id', d.grade_id,
                              'date', d.date, 'steps', d.steps)
      FROM downs d
     WHERE d.steps >= p_threshold
$$ LANGUAGE sql STABLE;

-- The credit usage (the check's exposure / the limit in force, credit_exposure_snapshot
-- of credit_management) is at least p_threshold % and rising: the customer owes more
-- today than p_days days ago.
CREATE OR REPLACE FUNCTION credit_warning_signal_limit_usage(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    WITH candidates AS MATERIALIZED (
        SELECT ARRAY(
            SELECT p.id FROM res_partner p
             WHERE p.parent_id IS NULL AND p.active
               AND (p_partners IS NULL OR p.id = ANY(p_partners))
               AND (COALESCE((p.credit_limit ->> p_company::text)::numeric, 0) > 0
                    OR EXISTS (SELECT 1 FROM credit_application a
                                WHERE a.partner_id = p.id AND a.company_id = p_company
                                  AND a.state = 'approved' AND a.application_type = 'temporary'
                                  AND a.expiry_date >= p_today))) AS ids
    ), usage AS (
        SELECT f.commercial_partner_id AS cp, f.receivable,
               f.receivable + f.draft_invoice + f.sale_order AS exposure,
               GREATEST(f.credit_limit, COALESCE(f.temporary_limit, 0)) AS credit_limit
          FROM candidates c,
               credit_exposure_snapshot(c.ids, p_company, p_today::timestamp, 'UTC', NULL,
                                        false, NULL, '{}'::int[], '{}'::int[], 0) f
    ), past AS (
        SELECT r.partner_id, r.open_amount
          FROM candidates c,
               credit_warning_receivable_at(p_company, ARRAY[p_today - p_days], c.ids) r
    )
    SELECT u.cp,
           jsonb_build_object('usage', ROUND(100 * u.exposure / u.credit_limit, 1),
                              'exposure', ROUND(u.exposure, 2), 'limit', u.credit_limit,
                              'then', ROUND(COALESCE(pa.open_amount, 0), 2),
                              'now', ROUND(u.receivable, 2), 'since', p_today - p_days)
      FROM usage u
      LEFT JOIN past pa ON pa.partner_id = u.cp
     WHERE u.credit_limit > 0 AND 100 * u.exposure / u.credit_limit >= p_threshold
       AND u.receivable > COALESCE(pa.open_amount, 0)
$$ LANGUAGE sql STABLE;

-- At least p_threshold promises to pay (credit_collection) broken in the last p_days days.
CREATE OR REPLACE FUNCTION credit_warning_signal_promise_broken(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    SELECT rp.commercial_partner_id,
           jsonb_build_object('count', COUNT(*), 'amount', SUM(pr.amount),
                              'last', MAX(pr.closed_date))
      FROM credit_collection_promise pr
      JOIN res_partner rp ON rp.id = pr.partner_id
     WHERE pr.company_id = p_company AND pr.state = 'broken'
       AND pr.closed_date > p_today - p_days AND pr.closed_date <= p_today
       AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
  GROUP BY rp.commercial_partner_id
    HAVING COUNT(*) >= p_threshold
$$ LANGUAGE sql STABLE;

-- At least p_threshold entries in force on the warning list (credit_warning_entry of
-- credit_management, 严重失信名单) of the company or shared, naming the customer, one of
-- its contacts, or as a person its legal representative; listed in the last p_days days
-- (any day when p_days is 0).
CREATE OR REPLACE FUNCTION credit_warning_signal_warning_list(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    SELECT c.id,
           jsonb_build_object('count', COUNT(DISTINCT w.id),
                              'names', jsonb_agg(DISTINCT w.name))
      FROM credit_warning_entry w
      JOIN res_partner c
        ON c.parent_id IS NULL
       AND (c.id = (SELECT m.commercial_partner_id FROM res_partner m WHERE m.id = w.partner_id)
            OR (w.entry_type = 'person'
                AND NULLIF(TRIM(c.credit_legal_representative), '') IS NOT NULL
                AND LOWER(TRIM(w.name)) = LOWER(TRIM(c.credit_legal_representative))))
     WHERE w.active AND (w.company_id IS NULL OR w.company_id = p_company)
       AND w.listed_date <= p_today
       AND (p_days <= 0 OR w.listed_date > p_today - p_days)
       AND (p_partners IS NULL OR c.id = ANY(p_partners))
  GROUP BY c.id
    HAVING COUNT(DISTINCT w.id) >= p_threshold
$$ LANGUAGE sql STABLE;
