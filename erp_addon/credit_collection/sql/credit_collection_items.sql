-- Owner: credit.collection.run (models/credit_collection_run_batch.py): the open customer
-- invoices the daily collection action classifies (of the customers p_partners, or of
-- every customer when p_partners is NULL). One row per invoice with an open receivable: its earliest
-- open due date, its days overdue on p_today and its open amounts. "Overdue" is the credit
-- check's definition (credit_overdue_items of credit_management: the day less the company's
-- grace days, so an invoice within the grace days has 0 days overdue), and so is what is
-- owed: net_residual is the invoice's open amount less the customer's unapplied credits
-- applied to its oldest items first; an invoice those credits cover (net_residual 0) is
-- not chased, and a customer who owes nothing after its credit notes has none to chase.
-- With the invoice's collection fields, which the daily action compares with the
-- classification.
DROP FUNCTION IF EXISTS credit_collection_items(integer, date, integer[]);
CREATE FUNCTION credit_collection_items(
    p_company integer, p_today date, p_partners integer[]
) RETURNS TABLE (
    move_id integer,
    partner_id integer,
    currency_id integer,
    date_due date,
    days_overdue integer,
    residual numeric,
    residual_currency numeric,
    net_residual numeric,
    collection_stage_id integer,
    collection_user_id integer,
    invoice_user_id integer,
    team_id integer,
    collection_disputed boolean,
    collection_allow_back boolean,
    collection_escalate_now boolean,
    collection_bucket_id integer,
    collection_stage_date date,
    collection_procedure_id integer
) AS $$
    WITH items AS (
        SELECT o.move_id,
               MIN(o.date_maturity) AS due,
               MAX(o.days_overdue) AS days,
               SUM(o.residual) AS residual,
               SUM(aml.amount_residual_currency) AS residual_currency,
               SUM(o.net_residual) AS net_residual
          FROM credit_overdue_items(p_company, p_today, p_partners) o
          JOIN account_move_line aml ON aml.id = o.line_id
         WHERE o.residual > 0
      GROUP BY o.move_id
    )
    SELECT i.move_id, am.commercial_partner_id, am.currency_id, i.due, i.days,
           i.residual, i.residual_currency, i.net_residual,
           am.collection_stage_id, am.collection_user_id, am.invoice_user_id, am.team_id,
           am.collection_disputed, am.collection_allow_back, am.collection_escalate_now,
           am.collection_bucket_id, am.collection_stage_date, am.collection_procedure_id
      FROM items i
      JOIN account_move am ON am.id = i.move_id
     WHERE am.move_type IN ('out_invoice', 'out_receipt')
$$ LANGUAGE sql STABLE;

-- Owner: account.move (models/account_move.py, field collection_amount_overdue): what is
-- overdue of every open customer invoice of p_company on p_today once the customer's
-- credits are applied (credit_overdue_items), the invoices with something overdue only. A
-- customer's invoices add up to its overdue amount of the credit check and the partner.
CREATE OR REPLACE FUNCTION credit_collection_move_overdue(p_company integer, p_today date)
RETURNS TABLE (move_id integer, amount_overdue numeric) AS $$
    SELECT o.move_id, SUM(o.net_residual)
      FROM credit_overdue_items(p_company, p_today, NULL) o
     WHERE o.is_overdue
  GROUP BY o.move_id
    HAVING SUM(o.net_residual) > 0
$$ LANGUAGE sql STABLE;

-- Owner: account.move (models/account_move.py, field collection_days_overdue): the days
-- overdue of every open customer invoice on p_today, by the same rule as
-- credit_collection_items (and so as the credit check). Computed when read, never stored,
-- so that the daily action does not rewrite every open invoice each day.
CREATE OR REPLACE FUNCTION credit_collection_move_days(p_today date)
RETURNS TABLE (move_id integer, days_overdue integer) AS $$
    SELECT aml.move_id,
           CASE WHEN MIN(aml.date_maturity) < credit_overdue_cutoff(aml.company_id, p_today)
                THEN p_today - MIN(aml.date_maturity) ELSE 0 END
      FROM account_move_line aml
      JOIN account_account acc ON acc.id = aml.account_id
      JOIN account_move am ON am.id = aml.move_id
     WHERE aml.parent_state = 'posted'
       AND aml.reconciled IS NOT TRUE
       AND aml.amount_residual > 0
       AND acc.account_type = 'asset_receivable'
       AND am.move_type IN ('out_invoice', 'out_receipt')
  GROUP BY aml.move_id, aml.company_id
$$ LANGUAGE sql STABLE;

-- Owner: credit.collection.run (models/credit_collection_run_batch.py): the invoices in the
-- procedure, found without reading every invoice (the run looks for those among them that
-- are no longer open) and by customer.
CREATE INDEX IF NOT EXISTS credit_collection_move_tracked_idx
    ON account_move (commercial_partner_id)
 WHERE collection_stage_id IS NOT NULL OR collection_bucket_id IS NOT NULL;

-- Owner: credit.collection.run (models/credit_collection_run_window.py): the customer
-- invoices written since a day, found without reading every invoice (a run looks at the
-- invoices written since the previous run, whatever their due dates).
CREATE INDEX IF NOT EXISTS credit_collection_move_written_idx
    ON account_move (write_date)
 WHERE move_type IN ('out_invoice', 'out_receipt');

-- Owner: credit.collection.run (models/credit_collection_run_window.py): the credit notes,
-- payments and other entries written since a day, found without reading every move (a
-- run looks again at the open invoices of their customers, whose credits changed).
CREATE INDEX IF NOT EXISTS credit_collection_credit_written_idx
    ON account_move (write_date)
 WHERE move_type NOT IN ('out_invoice', 'out_receipt');
