-- Owner: credit.exposure.line (report/credit_exposure_line.py).
-- Every document that makes up credit exposure, per commercial partner and company.
-- Overdue follows credit_overdue.sql item by item (credit_overdue_items): items due before
-- the cutoff (the user's today less the company's grace days) are overdue, and the
-- partner's unapplied credits are applied to its overdue items first, oldest first, so that
-- an item's overdue_amount is what is still owed on it and a partner's total equals the
-- check's figure (never below zero; 0 on a credit). Each open receivable item also falls in
-- an ageing bucket by its days overdue (so by the same cutoff): not_due (not overdue, or
-- within the grace days; credits too), then 1-30, 31-60, 61-90 and over 90 days overdue.
-- These are credit_management's own buckets, used where the collections add-on (which has
-- configurable buckets) is not installed; ageing_amount is what a bucket counts of an item:
-- what is still owed on it once the credits are applied (0 for the credits themselves), as
-- the collections ageing counts it, so that no bucket is negative.

DROP VIEW IF EXISTS credit_exposure_line;
CREATE VIEW credit_exposure_line AS (
    WITH receivable AS (
        SELECT o.line_id AS id, o.partner_id, aml.company_id,
               aml.company_currency_id AS currency_id, aml.move_id, aml.move_name,
               aml.date, o.date_maturity, o.residual AS amount_residual, o.net_residual,
               o.is_overdue, o.days_overdue
          FROM res_company c
         CROSS JOIN LATERAL credit_overdue_items(c.id, credit_today(), NULL) o
          JOIN account_move_line aml ON aml.id = o.line_id
    )
    SELECT n.id * 3 AS id, n.partner_id, n.company_id, n.currency_id,
           'receivable'::varchar AS exposure_type, n.move_id, NULL::integer AS order_id,
           n.move_name AS document, n.date, n.date_maturity,
           n.days_overdue,
           CASE WHEN n.days_overdue <= 0 THEN 'not_due'
                WHEN n.days_overdue <= 30 THEN '1_30'
                WHEN n.days_overdue <= 60 THEN '31_60'
                WHEN n.days_overdue <= 90 THEN '61_90'
                ELSE 'over_90' END::varchar AS ageing_bucket,
           n.amount_residual AS amount,
           CASE WHEN n.is_overdue THEN n.net_residual ELSE 0 END AS overdue_amount,
           CASE WHEN n.amount_residual > 0 THEN n.net_residual ELSE 0 END AS ageing_amount
      FROM receivable n
    UNION ALL
    SELECT am.id * 3 + 1, p.commercial_partner_id, am.company_id, c.currency_id,
           'draft_invoice', am.id, NULL, am.name, COALESCE(am.invoice_date, am.date),
           am.invoice_date_due, 0, NULL,
           am.amount_total_signed, 0, 0
      FROM account_move am
      JOIN res_partner p ON p.id = am.partner_id
      JOIN res_company c ON c.id = am.company_id
     WHERE am.state = 'draft' AND am.move_type IN ('out_invoice', 'out_refund', 'out_receipt')
    UNION ALL
    SELECT so.id * 3 + 2, p.commercial_partner_id, so.company_id, c.currency_id,
           'sale_order', NULL, so.id, so.name, so.date_order::date, NULL, 0, NULL,
           so.credit_uninvoiced_amount, 0, 0
      FROM sale_order so
      JOIN res_partner p ON p.id = so.partner_invoice_id
      JOIN res_company c ON c.id = so.company_id
     WHERE so.state = 'sale' AND so.credit_uninvoiced_amount <> 0
);
