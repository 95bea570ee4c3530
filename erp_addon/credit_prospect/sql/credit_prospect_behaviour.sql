-- Owner: credit.prospect (models/credit_prospect.py).
-- Payment behaviour and sales growth of every commercial partner of a company on a day, in
-- one pass over the company's receivable lines and customer invoices (set-based, whatever
-- the number of customers):
-- - paid_amount: what was paid (reconciled) by p_today on the invoices dated in the 12
--   months up to p_today;
-- - avg_days_late: the days each payment came after the due date (0 when on time),
--   weighted by the amount paid (as credit_management's payment history counts it);
-- - on_time_share: the share of that amount paid by the due date, in per cent;
-- - sales_12m / sales_prev_12m: credit sales (customer invoices less credit notes,
--   posted, company currency) dated in the 12 months up to p_today and in the 12 before.
CREATE OR REPLACE FUNCTION credit_prospect_behaviour(p_company integer, p_today date)
RETURNS TABLE (
    partner_id integer,
    paid_amount numeric,
    avg_days_late numeric,
    on_time_share numeric,
    sales_12m numeric,
    sales_prev_12m numeric
) AS $$
    WITH lines AS MATERIALIZED (
        SELECT aml.id, rp.commercial_partner_id AS cp,
               COALESCE(aml.date_maturity, aml.date) AS due
          FROM account_move_line aml
          JOIN account_account acc ON acc.id = aml.account_id
          JOIN res_partner rp ON rp.id = aml.partner_id
         WHERE aml.company_id = p_company AND aml.parent_state = 'posted'
           AND acc.account_type = 'asset_receivable' AND aml.balance > 0
           AND aml.date > (p_today - interval '12 months')::date AND aml.date <= p_today
    ), paid AS (
        SELECT l.cp,
               SUM(apr.amount) AS amount,
               SUM(GREATEST(apr.max_date - l.due, 0) * apr.amount) AS late_weighted,
               SUM(apr.amount) FILTER (WHERE apr.max_date <= l.due) AS on_time
          FROM lines l
          JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
         WHERE apr.max_date <= p_today
      GROUP BY l.cp
    ), sales AS (
        SELECT am.commercial_partner_id AS cp,
               SUM(am.amount_total_signed) FILTER (
                   WHERE am.invoice_date > (p_today - interval '12 months')::date
               ) AS last_12,
               SUM(am.amount_total_signed) FILTER (
                   WHERE am.invoice_date <= (p_today - interval '12 months')::date
               ) AS prev_12
          FROM account_move am
         WHERE am.company_id = p_company AND am.state = 'posted'
           AND am.move_type IN ('out_invoice', 'out_refund', 'out_receipt')
           AND am.invoice_date > (p_today - interval '24 months')::date
           AND am.invoice_date <= p_today
      GROUP BY am.commercial_partner_id
    )
    SELECT COALESCE(p.cp, s.cp),
           COALESCE(p.amount, 0),
           ROUND(p.late_weighted / NULLIF(p.amount, 0), 1),
           ROUND(COALESCE(p.on_time, 0) / NULLIF(p.amount, 0) * 100, 1),
           COALESCE(s.last_12, 0),
           COALESCE(s.prev_12, 0)
      FROM paid p
      FULL JOIN sales s ON s.cp = p.cp
$$ LANGUAGE sql STABLE;
