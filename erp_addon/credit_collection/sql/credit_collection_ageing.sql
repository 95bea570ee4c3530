-- Owner: credit.collection.ageing (report/credit_collection_ageing.py): every customer
-- receivable item open on the "as at" day, with its balance on that day (partial payments
-- up to that day deducted), its days overdue and its ageing bucket. The day is the one
-- the report's reader chose (set for the transaction as credit.collection_as_at), else
-- credit_today(). Overdue follows the credit check (credit_overdue_cutoff), and so does what
-- is owed (credit_overdue_items, credit_management): the customer's unapplied credits
-- (credit notes, advances) are applied to its items, overdue ones first, oldest due date
-- first. amount_residual is what is still owed on an item once they are (never negative,
-- 0 on a credit item), amount_credit the part of a credit left over once every item is
-- paid, amount_document the item's own open balance; so no bucket is ever negative, a
-- customer's amount_overdue adds up to its overdue amount of the credit check, and its
-- amount_residual plus amount_credit to its balance.
-- Stage and collector are those of the "as at" day: today's (the invoice's own fields) when
-- the day is today or later, else from credit_collection_history: the stage is the "to"
-- stage of the invoice's last stage move up to that day (none before the first move or
-- after payment), the collector that of its last event recording one up to that day.
DROP VIEW IF EXISTS credit_collection_ageing;
CREATE VIEW credit_collection_ageing AS
WITH params AS (
    SELECT COALESCE(NULLIF(current_setting('credit.collection_as_at', true), '')::date,
                    credit_today()) AS as_at
), items AS (
    SELECT aml.id, aml.move_id, aml.company_id, aml.partner_id,
           COALESCE(aml.date_maturity, aml.date) AS date_maturity,
           aml.date_maturity AS line_maturity, p.as_at,
           aml.balance
             - COALESCE((SELECT SUM(apr.amount) FROM account_partial_reconcile apr
                          WHERE apr.debit_move_id = aml.id AND apr.max_date <= p.as_at), 0)
             + COALESCE((SELECT SUM(apr.amount) FROM account_partial_reconcile apr
                          WHERE apr.credit_move_id = aml.id AND apr.max_date <= p.as_at), 0)
             AS residual
      FROM account_move_line aml
      CROSS JOIN params p
      JOIN account_account acc ON acc.id = aml.account_id
     WHERE aml.parent_state = 'posted'
       AND acc.account_type = 'asset_receivable'
       AND aml.partner_id IS NOT NULL
       AND aml.date <= p.as_at
       AND (aml.reconciled IS NOT TRUE
            OR EXISTS (SELECT 1 FROM account_partial_reconcile apr
                        WHERE (apr.debit_move_id = aml.id OR apr.credit_move_id = aml.id)
                          AND apr.max_date > p.as_at))
), overdue AS (
    SELECT i.*, rp.commercial_partner_id AS cp,
           i.residual > 0 AND i.line_maturity < credit_overdue_cutoff(i.company_id, i.as_at)
               AS is_overdue
      FROM items i
      JOIN res_partner rp ON rp.id = i.partner_id
     WHERE i.residual <> 0
), applied AS (
    -- credit_overdue_items' rule, on the balances of the "as at" day
    SELECT o.*,
           SUM(GREATEST(-o.residual, 0)) OVER (PARTITION BY o.cp, o.company_id) AS credits,
           SUM(GREATEST(o.residual, 0)) OVER (PARTITION BY o.cp, o.company_id) AS debits,
           COALESCE(SUM(GREATEST(o.residual, 0)) OVER (
               PARTITION BY o.cp, o.company_id ORDER BY o.is_overdue DESC, o.date_maturity, o.id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS debits_before
      FROM overdue o
), aged AS (
    SELECT a.*,
           CASE WHEN a.is_overdue THEN a.as_at - a.date_maturity ELSE 0 END AS days_overdue,
           CASE WHEN a.residual > 0
                THEN a.residual - LEAST(a.residual, GREATEST(a.credits - a.debits_before, 0))
                ELSE 0 END AS net_residual,
           CASE WHEN a.residual < 0
                THEN a.residual * GREATEST(a.credits - a.debits, 0) / NULLIF(a.credits, 0)
                ELSE 0 END AS unapplied
      FROM applied a
)
SELECT a.id,
       a.move_id,
       a.company_id,
       a.cp AS partner_id,
       am.invoice_user_id,
       am.team_id,
       CASE WHEN a.as_at >= credit_today() THEN am.collection_user_id
            ELSE hc.collector_id END AS collector_id,
       CASE WHEN a.as_at >= credit_today() THEN am.collection_stage_id
            ELSE hs.stage_to_id END AS stage_id,
       CASE WHEN a.as_at >= credit_today() THEN am.collection_disputed IS TRUE
            ELSE hs.event IS NOT DISTINCT FROM 'dispute' END AS disputed,
       rc.currency_id,
       a.as_at,
       a.date_maturity,
       a.days_overdue,
       b.id AS bucket_id,
       a.net_residual AS amount_residual,
       a.residual AS amount_document,
       a.unapplied AS amount_credit,
       CASE WHEN a.is_overdue THEN a.net_residual ELSE 0 END AS amount_overdue,
       CASE WHEN a.is_overdue THEN 0 ELSE a.net_residual END AS amount_not_due
  FROM aged a
  JOIN account_move am ON am.id = a.move_id
  JOIN res_company rc ON rc.id = a.company_id
  LEFT JOIN LATERAL (
        SELECT h.stage_to_id, h.event FROM credit_collection_history h
         WHERE h.move_id = a.move_id AND h.date <= a.as_at AND a.as_at < credit_today()
           AND h.event IN ('escalated', 'manual', 'reset', 'paid', 'dispute', 'resolved')
      ORDER BY h.date DESC, h.id DESC LIMIT 1
  ) hs ON true
  LEFT JOIN LATERAL (
        SELECT h.collector_id FROM credit_collection_history h
         WHERE h.move_id = a.move_id AND h.date <= a.as_at AND a.as_at < credit_today()
           AND (h.collector_id IS NOT NULL OR h.event = 'collector')
      ORDER BY h.date DESC, h.id DESC LIMIT 1
  ) hc ON true
  LEFT JOIN LATERAL (
        SELECT cb.id FROM credit_collection_bucket cb
         WHERE cb.company_id = a.company_id AND cb.days_from <= a.days_overdue
      ORDER BY cb.days_from DESC LIMIT 1
  ) b ON true;
