-- Owner: credit.collection.ageing (report/credit_collection_ageing.py): every customer
-- receivable item open on the "as at" day, with its balance on that day (partial payments
-- up to that day deducted), its days overdue and its ageing bucket. The day is the one
-- the report's reader chose (set for the transaction as credit.collection_as_at), else
-- credit_today(). Overdue follows the credit check (credit_overdue_cutoff). Credit notes
-- and advances appear as negative items in the first bucket.
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
           COALESCE(aml.date_maturity, aml.date) AS date_maturity, p.as_at,
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
), aged AS (
    SELECT i.*,
           CASE WHEN i.residual > 0
                 AND i.date_maturity < credit_overdue_cutoff(i.company_id, i.as_at)
                THEN i.as_at - i.date_maturity ELSE 0 END AS days_overdue
      FROM items i
     WHERE i.residual <> 0
)
SELECT a.id,
       a.move_id,
       a.company_id,
       rp.commercial_partner_id AS partner_id,
       am.invoice_user_id,
       am.team_id,
       CASE WHEN a.as_at >= credit_today() THEN am.collection_user_id
            ELSE hc.collector_id END AS collector_id,
       CASE WHEN a.as_at >= credit_today() THEN am.collection_stage_id
            ELSE hs.stage_to_id END AS stage_id,
       rc.currency_id,
       a.as_at,
       a.date_maturity,
       a.days_overdue,
       b.id AS bucket_id,
       a.residual AS amount_residual,
       CASE WHEN a.days_overdue > 0 THEN a.residual ELSE 0 END AS amount_overdue,
       CASE WHEN a.days_overdue > 0 THEN 0 ELSE a.residual END AS amount_not_due
  FROM aged a
  JOIN account_move am ON am.id = a.move_id
  JOIN res_partner rp ON rp.id = a.partner_id
  JOIN res_company rc ON rc.id = a.company_id
  LEFT JOIN LATERAL (
        SELECT h.stage_to_id FROM credit_collection_history h
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
