-- Owner: credit.warning.signal (models/credit_warning_signal_run.py).
-- The receivable figures of past days that the early-warning signals compare with today's:
-- what each customer owed on a day, what of it was overdue on that day, and its credit
-- sales of the days before. Set-based: one pass over the company's receivable lines for
-- every customer (p_partners NULL) or the commercial partners of p_partners, whatever
-- their number.

-- What each commercial partner owed in p_company at the end of each day of p_days: every
-- posted receivable line dated up to that day, less what the reconciliations made by that
-- day (account_partial_reconcile.max_date) had taken off it. "Overdue" on a day is the
-- credit check's rule on that day (credit_overdue_cutoff of credit_management): the items
-- due before the day less the company's grace days, less the unapplied credits (credit
-- notes, advances) of that day, never below zero. invoice_open counts the invoices and
-- credit notes only (the receivable of the DSO, as credit_collection's partner DSO).
CREATE OR REPLACE FUNCTION credit_warning_receivable_at(
    p_company integer, p_days date[], p_partners integer[]
) RETURNS TABLE (
    partner_id integer,
    day date,
    open_amount numeric,
    invoice_open numeric,
    overdue_amount numeric
) AS $$
    WITH days AS MATERIALIZED (
        SELECT DISTINCT d AS day, credit_overdue_cutoff(p_company, d) AS cutoff
          FROM unnest(p_days) d
    ), lines AS MATERIALIZED (
        -- the customer invoices and credit notes: the lines of the sales journals (a
        -- join of the few journals, not of every move)
        SELECT aml.id, rp.commercial_partner_id AS cp, aml.balance, aml.date,
               COALESCE(aml.date_maturity, aml.date) AS due,
               aj.type = 'sale' AS is_invoice
          FROM account_move_line aml
          JOIN account_account acc ON acc.id = aml.account_id
          JOIN account_journal aj ON aj.id = aml.journal_id
          JOIN res_partner rp ON rp.id = aml.partner_id
         WHERE aml.company_id = p_company AND aml.parent_state = 'posted'
           AND acc.account_type = 'asset_receivable'
           AND aml.date <= (SELECT MAX(d.day) FROM days d)
           AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
    ), partials AS (
        SELECT apr.debit_move_id AS line_id, apr.amount, apr.max_date
          FROM account_partial_reconcile apr
         WHERE apr.company_id = p_company
           AND apr.debit_move_id IN (SELECT l.id FROM lines l)
        UNION ALL
        SELECT apr.credit_move_id, -apr.amount, apr.max_date
          FROM account_partial_reconcile apr
         WHERE apr.company_id = p_company
           AND apr.credit_move_id IN (SELECT l.id FROM lines l)
    ), paid AS (
        SELECT p.line_id, d.day, SUM(p.amount) AS amount
          FROM partials p
          JOIN days d ON p.max_date <= d.day
      GROUP BY p.line_id, d.day
    ), open_lines AS (
        SELECT l.cp, d.day, l.is_invoice,
               l.balance > 0 AND l.due < d.cutoff AS is_overdue,
               l.balance - COALESCE(pd.amount, 0) AS open
          FROM lines l
          JOIN days d ON l.date <= d.day
          LEFT JOIN paid pd ON pd.line_id = l.id AND pd.day = d.day
    )
    SELECT o.cp, o.day,
           SUM(o.open),
           COALESCE(SUM(o.open) FILTER (WHERE o.is_invoice), 0),
           GREATEST(COALESCE(SUM(o.open) FILTER (WHERE o.is_overdue), 0)
                    + COALESCE(SUM(o.open) FILTER (WHERE o.open < 0), 0), 0)
      FROM open_lines o
  GROUP BY o.cp, o.day
$$ LANGUAGE sql STABLE;

-- Credit sales (customer invoices less credit notes, posted, company currency) of each
-- commercial partner in the p_window days up to each day of p_days: the denominator of
-- the DSO, as credit_collection's partner DSO counts it.
CREATE OR REPLACE FUNCTION credit_warning_sales_between(
    p_company integer, p_days date[], p_window integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, day date, sales numeric) AS $$
    SELECT am.commercial_partner_id, d.day, SUM(am.amount_total_signed)
      FROM unnest(p_days) d(day)
      JOIN account_move am
        ON am.invoice_date > d.day - p_window AND am.invoice_date <= d.day
     WHERE am.company_id = p_company AND am.state = 'posted'
       AND am.move_type IN ('out_invoice', 'out_refund', 'out_receipt')
       AND (p_partners IS NULL OR am.commercial_partner_id = ANY(p_partners))
  GROUP BY am.commercial_partner_id, d.day
$$ LANGUAGE sql STABLE;
