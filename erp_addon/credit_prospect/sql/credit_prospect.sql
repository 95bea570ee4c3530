-- Owner: credit.prospect (models/credit_prospect.py).
-- Customers and prospects ranked by standing, per company, on the reader's day
-- (credit_today(), set by the model before every read):
-- - standing: grade (its policy and maximum limit), score, warning list, from the credit
--   file of credit_management;
-- - exposure, overdue and the limit in force: credit_management's own figures
--   (credit_exposure_snapshot, the credit check's function), plus the guarantee cover and
--   a guarantor's contingent liability where the guarantees add-on counts them
--   (credit_prospect_cover); available = limit + cover - exposure, none without a limit;
-- - payment behaviour and growth: credit_prospect_behaviour (average days late, share
--   paid on time, credit sales of the last 12 months against the 12 before);
-- - the ranking score (0-100): the company's weights (Settings) applied to five parts
--   between 0 and 1: the grade (its minimum score against the top grade's), the share
--   paid on time, days late (0 at 60 days or more), available credit as a share of the
--   limit with cover, sales growth (0.5 when flat, 1 at +100% or when new, 0 at -100%);
-- - a good payer (the company's rule): a grade that sells on credit, not on the warning
--   list, payments in the last 12 months, average days late and share paid on time within
--   the company's thresholds, nothing overdue; the limit proposed for it: the limit raised
--   by the company's percentage, or two months of its last 12 months' sales if more, in
--   whole thousands, at most the grade's maximum limit.
-- Every function call is one per company (set-based), never one per customer. The view
-- reads only functions of its own add-on and credit_today(): a new definition of
-- credit_management's functions (dropped and created again on update) does not need it
-- dropped first.
DROP VIEW IF EXISTS credit_prospect;

DROP FUNCTION IF EXISTS credit_prospect_rows(date);
CREATE FUNCTION credit_prospect_rows(p_today date)
RETURNS TABLE (
    id bigint,
    partner_id integer,
    company_id integer,
    currency_id integer,
    user_id integer,
    kind varchar,
    grade_id integer,
    credit_policy varchar,
    credit_score numeric,
    on_warning_list boolean,
    credit_limit numeric,
    guarantee_cover numeric,
    exposure numeric,
    overdue numeric,
    available numeric,
    paid_amount numeric,
    avg_days_late numeric,
    on_time_share numeric,
    sales_12m numeric,
    sales_prev_12m numeric,
    sales_growth numeric,
    score numeric,
    good_payer boolean,
    proposed_limit numeric
) AS $$
    WITH companies AS MATERIALIZED (
        SELECT co.id, co.currency_id, co.partner_id,
               COALESCE(co.credit_prospect_weight_grade, 0)::numeric AS w_grade,
               COALESCE(co.credit_prospect_weight_on_time, 0)::numeric AS w_on_time,
               COALESCE(co.credit_prospect_weight_days_late, 0)::numeric AS w_days_late,
               COALESCE(co.credit_prospect_weight_available, 0)::numeric AS w_available,
               COALESCE(co.credit_prospect_weight_growth, 0)::numeric AS w_growth,
               COALESCE(co.credit_prospect_good_max_days_late, 0)::numeric AS good_days,
               COALESCE(co.credit_prospect_good_min_on_time, 100)::numeric AS good_on_time,
               COALESCE(co.credit_prospect_raise_percent, 0)::numeric AS raise,
               (SELECT MAX(g.min_score)::numeric FROM credit_grade g
                 WHERE g.company_id = co.id AND g.active) AS top_score,
               -- the default limit of a partner without one (ir.default), as the check reads it
               (SELECT d.json_value::numeric FROM ir_default d
                  JOIN ir_model_fields f ON f.id = d.field_id
                 WHERE f.model = 'res.partner' AND f.name = 'credit_limit'
                   AND d.user_id IS NULL AND d.condition IS NULL
                   AND (d.company_id = co.id OR d.company_id IS NULL)
              ORDER BY d.company_id NULLS LAST LIMIT 1) AS default_limit
          FROM res_company co
    ), behaviour AS MATERIALIZED (
        SELECT co.id AS company_id, b.*
          FROM companies co
         CROSS JOIN LATERAL credit_prospect_behaviour(co.id, p_today) b
    ), candidates AS MATERIALIZED (
        -- the commercial partners of each company that are customers, have a credit file
        -- (a grade) in it, or sold or paid in it in the last 24 months
        SELECT co.id AS company_id, rp.id AS partner_id
          FROM companies co
          JOIN res_partner rp
            ON rp.active AND rp.id = rp.commercial_partner_id
           AND (rp.company_id IS NULL OR rp.company_id = co.id)
           AND rp.id <> co.partner_id
         WHERE rp.customer_rank > 0
            OR (rp.credit_grade_id ->> co.id::text) IS NOT NULL
            OR EXISTS (SELECT 1 FROM behaviour b
                        WHERE b.company_id = co.id AND b.partner_id = rp.id)
    ), figures AS MATERIALIZED (
        SELECT co.id AS company_id, f.*
          FROM companies co
         CROSS JOIN LATERAL credit_exposure_snapshot(
                ARRAY(SELECT c.partner_id FROM candidates c WHERE c.company_id = co.id),
                co.id, p_today::timestamp, 'UTC', NULL, false, NULL,
                '{}'::int[], '{}'::int[], co.default_limit) f
    ), cover AS MATERIALIZED (
        SELECT co.id AS company_id, cv.partner_id,
               SUM(cv.cover) AS cover, SUM(cv.contingent) AS contingent
          FROM companies co
         CROSS JOIN LATERAL credit_prospect_cover(co.id, p_today) cv
      GROUP BY co.id, cv.partner_id
    ), base AS (
        SELECT c.company_id, c.partner_id, co.currency_id, rp.user_id,
               g.id AS grade_id, g.credit_policy, g.min_score::numeric AS min_score,
               g.max_credit_limit,
               (rp.credit_score ->> c.company_id::text)::numeric AS credit_score,
               COALESCE(f.on_warning_list, false) AS on_warning_list,
               GREATEST(COALESCE(f.credit_limit, 0), COALESCE(f.temporary_limit, 0)) AS lim,
               COALESCE(cv.cover, 0) AS cover,
               COALESCE(f.receivable, 0) + COALESCE(f.draft_invoice, 0)
                   + COALESCE(f.sale_order, 0) + COALESCE(cv.contingent, 0) AS exposure,
               COALESCE(f.overdue, 0) AS overdue,
               COALESCE(b.paid_amount, 0) AS paid_amount,
               b.avg_days_late, b.on_time_share,
               COALESCE(b.sales_12m, 0) AS sales_12m,
               COALESCE(b.sales_prev_12m, 0) AS sales_prev_12m,
               co.w_grade, co.w_on_time, co.w_days_late, co.w_available, co.w_growth,
               co.good_days, co.good_on_time, co.raise, co.top_score
          FROM candidates c
          JOIN companies co ON co.id = c.company_id
          JOIN res_partner rp ON rp.id = c.partner_id
          LEFT JOIN figures f
            ON f.company_id = c.company_id AND f.partner_id = c.partner_id
          LEFT JOIN behaviour b
            ON b.company_id = c.company_id AND b.partner_id = c.partner_id
          LEFT JOIN cover cv
            ON cv.company_id = c.company_id AND cv.partner_id = c.partner_id
          LEFT JOIN credit_grade g
            ON g.id = (rp.credit_grade_id ->> c.company_id::text)::integer
    ), parts AS (
        SELECT b.*,
               CASE WHEN b.lim > 0 THEN b.lim + b.cover - b.exposure END AS available,
               CASE WHEN b.sales_prev_12m > 0
                    THEN ROUND((b.sales_12m - b.sales_prev_12m) / b.sales_prev_12m * 100, 1)
               END AS growth,
               COALESCE(b.min_score / NULLIF(b.top_score, 0), 0) AS p_grade,
               COALESCE(b.on_time_share / 100, 0) AS p_on_time,
               CASE WHEN b.avg_days_late IS NULL THEN 0
                    ELSE GREATEST(1 - b.avg_days_late / 60, 0) END AS p_days_late,
               CASE WHEN b.lim > 0
                    THEN LEAST(GREATEST((b.lim + b.cover - b.exposure) / (b.lim + b.cover), 0), 1)
                    ELSE 0 END AS p_available,
               CASE WHEN b.sales_prev_12m > 0
                    THEN LEAST(GREATEST(0.5 + (b.sales_12m - b.sales_prev_12m)
                                              / b.sales_prev_12m / 2, 0), 1)
                    WHEN b.sales_12m > 0 THEN 1
                    ELSE 0 END AS p_growth,
               b.credit_policy = 'normal' AND NOT b.on_warning_list AND b.paid_amount > 0
                   AND b.avg_days_late <= b.good_days AND b.on_time_share >= b.good_on_time
                   AND b.overdue = 0 AS good
          FROM base b
    )
    SELECT (p.partner_id::bigint << 16) | p.company_id,
           p.partner_id, p.company_id, p.currency_id, p.user_id,
           CASE WHEN p.sales_12m <> 0 OR p.sales_prev_12m <> 0 OR p.exposure <> 0
                     OR p.paid_amount <> 0
                THEN 'customer' ELSE 'prospect' END::varchar,
           p.grade_id, p.credit_policy, p.credit_score, p.on_warning_list,
           p.lim, p.cover, p.exposure, p.overdue, p.available,
           p.paid_amount, p.avg_days_late, p.on_time_share,
           p.sales_12m, p.sales_prev_12m, p.growth,
           ROUND(100 * (p.w_grade * p.p_grade + p.w_on_time * p.p_on_time
                        + p.w_days_late * p.p_days_late + p.w_available * p.p_available
                        + p.w_growth * p.p_growth)
                 / NULLIF(p.w_grade + p.w_on_time + p.w_days_late + p.w_available
                          + p.w_growth, 0), 1),
           COALESCE(p.good, false),
           CASE WHEN NOT p.good THEN NULL
                WHEN p.max_credit_limit > 0 THEN LEAST(p.raised, p.max_credit_limit)
                ELSE p.raised
           END
      FROM (SELECT q.*,
                   CEIL(GREATEST(q.lim * (1 + q.raise / 100), q.sales_12m / 6) / 1000)
                       * 1000 AS raised
              FROM parts q) p
$$ LANGUAGE sql STABLE;

CREATE VIEW credit_prospect AS (
    SELECT * FROM credit_prospect_rows(credit_today())
);
