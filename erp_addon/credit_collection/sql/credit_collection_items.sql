-- Owner: account.move (models/account_move.py): the open customer invoices the daily
-- collection action classifies. One row per invoice with an open receivable: its earliest
-- open due date, its days overdue on p_today and its open amounts. "Overdue" is the credit
-- check's definition (credit_overdue_cutoff: the day less the company's grace days), so an
-- invoice within the grace days has 0 days overdue. The receivable lines are found through
-- credit_management's partial index on open items (partner_id, date_maturity).
CREATE OR REPLACE FUNCTION credit_collection_items(
    p_company integer, p_today date, p_partners integer[]
) RETURNS TABLE (
    move_id integer,
    partner_id integer,
    currency_id integer,
    date_due date,
    days_overdue integer,
    residual numeric,
    residual_currency numeric
) AS $$
    WITH cutoff AS MATERIALIZED (
        SELECT credit_overdue_cutoff(p_company, p_today) AS day
    ), members AS (
        SELECT rp.id FROM res_partner rp WHERE rp.commercial_partner_id = ANY(p_partners)
    ), items AS (
        SELECT aml.move_id,
               MIN(aml.date_maturity) AS due,
               SUM(aml.amount_residual) AS residual,
               SUM(aml.amount_residual_currency) AS residual_currency
          FROM account_move_line aml
          JOIN account_account acc ON acc.id = aml.account_id
         WHERE aml.partner_id IN (SELECT id FROM members)
           AND aml.company_id = p_company
           AND aml.parent_state = 'posted'
           AND aml.reconciled IS NOT TRUE
           AND aml.amount_residual > 0
           AND acc.account_type = 'asset_receivable'
      GROUP BY aml.move_id
    )
    SELECT i.move_id, am.commercial_partner_id, am.currency_id, i.due,
           CASE WHEN i.due < c.day THEN p_today - i.due ELSE 0 END,
           i.residual, i.residual_currency
      FROM items i
      JOIN account_move am ON am.id = i.move_id
     CROSS JOIN cutoff c
     WHERE am.move_type IN ('out_invoice', 'out_receipt')
$$ LANGUAGE sql STABLE;
