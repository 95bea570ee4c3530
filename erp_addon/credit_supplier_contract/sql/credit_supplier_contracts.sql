-- Owner: res.partner (credit_supplier_contract/models/res_partner.py).
-- The contract figures of the supplier evaluation, for every supplier of p_partners
-- (commercial partners) in p_company over p_date_from..p_date_to (both included), from
-- its purchase contracts:
-- contracts_ended       purchase contracts due to end in the period that are over or
--                       in trouble (completed, expired, terminated, in dispute)
-- contract_performance  the share in % of those completed, NULL when none ended
-- contract_disputes     disputes opened in the period on its purchase contracts
-- Set-based: one pass over the company's purchase contracts and one over their disputes.
CREATE OR REPLACE FUNCTION credit_supplier_contract_figures(
    p_company integer, p_date_from date, p_date_to date, p_partners integer[]
) RETURNS TABLE (
    partner_id integer,
    contracts_ended integer,
    contract_performance numeric,
    contract_disputes integer
) AS $$
    WITH contracts AS MATERIALIZED (
        SELECT cc.id, rp.commercial_partner_id AS cp, cc.state, cc.date_end
          FROM credit_contract cc
          JOIN res_partner rp ON rp.id = cc.partner_id
         WHERE cc.company_id = p_company
           AND cc.contract_type = 'purchase'
           AND rp.commercial_partner_id = ANY(p_partners)
    ), ended AS (
        SELECT c.cp, COUNT(*) AS n, COUNT(*) FILTER (WHERE c.state = 'completed') AS done
          FROM contracts c
         WHERE c.state IN ('completed', 'expired', 'terminated', 'dispute')
           AND c.date_end BETWEEN p_date_from AND p_date_to
      GROUP BY c.cp
    ), disputes AS (
        SELECT c.cp, COUNT(*) AS n
          FROM credit_contract_dispute d
          JOIN contracts c ON c.id = d.contract_id
         WHERE d.date_start BETWEEN p_date_from AND p_date_to
      GROUP BY c.cp
    )
    SELECT p.id,
           COALESCE(e.n, 0)::integer,
           CASE WHEN e.n > 0 THEN ROUND(e.done::numeric / e.n * 100, 2) END,
           COALESCE(d.n, 0)::integer
      FROM unnest(p_partners) AS p(id)
 LEFT JOIN ended e ON e.cp = p.id
 LEFT JOIN disputes d ON d.cp = p.id
$$ LANGUAGE sql STABLE;
