-- Owner: res.company (models/res_company.py): the one definition of "overdue".
-- An open receivable item is overdue when its due date lies before the cutoff: the
-- day (in the user's time zone where the caller knows it) less the company's grace
-- days. A partner's overdue amount is its overdue items less its unapplied credits
-- (credit notes, advances), never below zero. The credit check, the partner's figures
-- and the exposure analysis all use this function and that rule.

-- "today" for SQL that runs without parameters (the exposure analysis view): the day the
-- caller set for its transaction (the user's today, see report/credit_exposure_line.py),
-- else the database's date
CREATE OR REPLACE FUNCTION credit_today() RETURNS date AS $$
    SELECT COALESCE(NULLIF(current_setting('credit.today', true), '')::date, CURRENT_DATE)
$$ LANGUAGE sql STABLE;

-- the rule itself, from the day and the company's grace days: a plain expression, which
-- PostgreSQL writes into the calling query (the check's, whose plan is kept, reads the
-- grace days in the same query instead of calling a function that plans its own)
CREATE OR REPLACE FUNCTION credit_overdue_cutoff_of(p_today date, p_grace_days integer)
RETURNS date AS $$
    SELECT p_today - COALESCE(p_grace_days, 0)
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION credit_overdue_cutoff(p_company integer, p_today date)
RETURNS date AS $$
    SELECT credit_overdue_cutoff_of(
        p_today, (SELECT c.credit_overdue_grace_days FROM res_company c WHERE c.id = p_company))
$$ LANGUAGE sql STABLE;

-- The rule item by item: every open receivable item of the commercial partners p_partners
-- (every partner when NULL) in p_company on p_today, with what is still owed on it once
-- the partner's unapplied credits (credit notes, advances) are applied to its items,
-- overdue ones first, oldest due date first (net_residual; a credit item keeps only the
-- part of it left over once every item is paid, so that the partner's net_residual adds up
-- to its balance). The overdue items' net_residual add up to the partner's overdue amount
-- of the credit check (overdue items less credits, never below zero); a partner whose
-- credits cover what it owes has nothing overdue and is not chased.
CREATE OR REPLACE FUNCTION credit_overdue_items(
    p_company integer, p_today date, p_partners integer[]
) RETURNS TABLE (
    line_id integer,
    move_id integer,
    partner_id integer,
    date_maturity date,
    residual numeric,
    net_residual numeric,
    is_overdue boolean,
    days_overdue integer
) AS $$
    WITH cutoff AS MATERIALIZED (
        SELECT credit_overdue_cutoff(p_company, p_today) AS day
    ), members AS MATERIALIZED (
        SELECT rp.id, rp.commercial_partner_id AS cp FROM res_partner rp
         WHERE p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners)
    ), lines AS (
        -- debits and credits apart: each reads its partial index (credit_receivable_balance.sql)
        SELECT aml.id, aml.move_id, aml.partner_id, aml.date_maturity, aml.date,
               aml.amount_residual, aml.account_id
          FROM account_move_line aml
         WHERE (p_partners IS NULL OR aml.partner_id = ANY(ARRAY(SELECT m.id FROM members m)))
           AND aml.company_id = p_company AND aml.parent_state = 'posted'
           AND aml.reconciled IS NOT TRUE AND aml.amount_residual > 0
        UNION ALL
        SELECT aml.id, aml.move_id, aml.partner_id, aml.date_maturity, aml.date,
               aml.amount_residual, aml.account_id
          FROM account_move_line aml
         WHERE (p_partners IS NULL OR aml.partner_id = ANY(ARRAY(SELECT m.id FROM members m)))
           AND aml.company_id = p_company AND aml.parent_state = 'posted'
           AND aml.reconciled IS NOT TRUE AND aml.amount_residual < 0
    ), items AS (
        SELECT l.id, l.move_id, m.cp, COALESCE(l.date_maturity, l.date) AS due,
               l.amount_residual AS residual,
               l.amount_residual > 0 AND l.date_maturity < c.day AS is_overdue
          FROM lines l
          JOIN members m ON m.id = l.partner_id
          JOIN account_account acc ON acc.id = l.account_id
         CROSS JOIN cutoff c
         WHERE acc.account_type = 'asset_receivable'
    ), applied AS (
        SELECT i.*,
               SUM(GREATEST(-i.residual, 0)) OVER (PARTITION BY i.cp) AS credits,
               SUM(GREATEST(i.residual, 0)) OVER (PARTITION BY i.cp) AS debits,
               COALESCE(SUM(GREATEST(i.residual, 0)) OVER (
                   PARTITION BY i.cp ORDER BY i.is_overdue DESC, i.due, i.id
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS debits_before
          FROM items i
    )
    SELECT a.id, a.move_id, a.cp, a.due, a.residual,
           CASE WHEN a.residual > 0
                THEN a.residual - LEAST(a.residual, GREATEST(a.credits - a.debits_before, 0))
                ELSE a.residual * GREATEST(a.credits - a.debits, 0) / NULLIF(a.credits, 0)
           END,
           a.is_overdue,
           CASE WHEN a.is_overdue THEN p_today - a.due ELSE 0 END
      FROM applied a
$$ LANGUAGE sql STABLE;
