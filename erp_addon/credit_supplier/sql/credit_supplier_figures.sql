-- Owner: credit.supplier.evaluation (models/credit_supplier_evaluation.py).
-- The purchase figures of the supplier evaluation, for every supplier of p_partners
-- (commercial partners) in p_company between p_date_from and p_date_to (both included).
-- Set-based: one pass over the company's confirmed purchase order lines and one over its
-- vendor bills and refunds, whatever the number of suppliers.
--
-- order_count    confirmed purchase orders (approved in the period)
-- bill_amount    posted vendor bills of the period, company currency
-- refund_amount  posted vendor refunds (returns, price reductions) of the period
-- return_rate    refund_amount / bill_amount in %, NULL without bills
-- price_change   the average change in % of the unit price between successive orders
--                of the same product, unit and currency from the supplier (a rise is
--                positive), NULL when no product was bought twice
CREATE OR REPLACE FUNCTION credit_supplier_purchase_figures(
    p_company integer, p_date_from date, p_date_to date, p_partners integer[]
) RETURNS TABLE (
    partner_id integer,
    order_count integer,
    bill_amount numeric,
    refund_amount numeric,
    return_rate numeric,
    price_change numeric
) AS $$
    WITH orders AS MATERIALIZED (
        SELECT po.id, rp.commercial_partner_id AS cp, po.currency_id, po.date_approve
          FROM purchase_order po
          JOIN res_partner rp ON rp.id = po.partner_id
         WHERE po.company_id = p_company
           AND po.state IN ('purchase', 'done')
           AND po.date_approve >= p_date_from
           AND po.date_approve < p_date_to + 1
           AND rp.commercial_partner_id = ANY(p_partners)
    ), prices AS (
        SELECT o.cp, pol.price_unit,
               LAG(pol.price_unit) OVER (
                   PARTITION BY o.cp, pol.product_id, pol.product_uom, o.currency_id
                   ORDER BY o.date_approve, o.id, pol.id
               ) AS previous
          FROM purchase_order_line pol
          JOIN orders o ON o.id = pol.order_id
         WHERE pol.product_id IS NOT NULL AND pol.display_type IS NULL
    ), changes AS (
        SELECT p.cp, AVG((p.price_unit - p.previous) / p.previous * 100) AS change
          FROM prices p
         WHERE p.previous > 0
      GROUP BY p.cp
    ), order_counts AS (
        SELECT o.cp, COUNT(*) AS n FROM orders o GROUP BY o.cp
    ), bills AS (
        SELECT am.commercial_partner_id AS cp,
               SUM(ABS(am.amount_total_signed)) FILTER (WHERE am.move_type = 'in_invoice')
                   AS billed,
               SUM(ABS(am.amount_total_signed)) FILTER (WHERE am.move_type = 'in_refund')
                   AS refunded
          FROM account_move am
         WHERE am.company_id = p_company
           AND am.state = 'posted'
           AND am.move_type IN ('in_invoice', 'in_refund')
           AND am.invoice_date BETWEEN p_date_from AND p_date_to
           AND am.commercial_partner_id = ANY(p_partners)
      GROUP BY am.commercial_partner_id
    )
    SELECT p.id,
           COALESCE(oc.n, 0)::integer,
           COALESCE(b.billed, 0),
           COALESCE(b.refunded, 0),
           CASE WHEN COALESCE(b.billed, 0) > 0
                THEN ROUND(COALESCE(b.refunded, 0) / b.billed * 100, 2) END,
           ROUND(c.change, 2)
      FROM unnest(p_partners) AS p(id)
 LEFT JOIN order_counts oc ON oc.cp = p.id
 LEFT JOIN bills b ON b.cp = p.id
 LEFT JOIN changes c ON c.cp = p.id
$$ LANGUAGE sql STABLE;
