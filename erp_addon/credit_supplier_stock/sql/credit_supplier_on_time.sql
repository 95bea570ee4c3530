-- Owner: res.partner (credit_supplier_stock/models/res_partner.py).
-- The on-time receipts of the supplier evaluation, for every supplier of p_partners
-- (commercial partners) in p_company: the receipts of their purchase orders done between
-- p_date_from and p_date_to (both included). A receipt is on time when it was done by the
-- day its order lines planned (the latest planned day of its lines), or by the receipt's
-- own deadline when it has one. Set-based: one pass over the period's done receipts.
CREATE OR REPLACE FUNCTION credit_supplier_on_time_receipts(
    p_company integer, p_date_from date, p_date_to date, p_partners integer[]
) RETURNS TABLE (
    partner_id integer,
    receipt_count integer,
    on_time_count integer,
    on_time_rate numeric
) AS $$
    WITH receipts AS (
        SELECT sp.id, rp.commercial_partner_id AS cp,
               sp.date_done::date AS done_on,
               COALESCE(sp.date_deadline, MAX(pol.date_planned))::date AS due_on
          FROM stock_picking sp
          JOIN stock_picking_type spt ON spt.id = sp.picking_type_id AND spt.code = 'incoming'
          JOIN stock_move sm ON sm.picking_id = sp.id
          JOIN purchase_order_line pol ON pol.id = sm.purchase_line_id
          JOIN purchase_order po ON po.id = pol.order_id
          JOIN res_partner rp ON rp.id = po.partner_id
         WHERE sp.company_id = p_company
           AND sp.state = 'done'
           AND sp.date_done >= p_date_from
           AND sp.date_done < p_date_to + 1
           AND rp.commercial_partner_id = ANY(p_partners)
      GROUP BY sp.id, rp.commercial_partner_id
    )
    SELECT r.cp,
           COUNT(*)::integer,
           (COUNT(*) FILTER (WHERE r.done_on <= r.due_on))::integer,
           ROUND((COUNT(*) FILTER (WHERE r.done_on <= r.due_on))::numeric / COUNT(*) * 100, 2)
      FROM receipts r
  GROUP BY r.cp
$$ LANGUAGE sql STABLE;
