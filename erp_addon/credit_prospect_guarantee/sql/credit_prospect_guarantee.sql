-- Owner: credit.prospect (models/credit_prospect.py of the bridge).
-- The guarantee cover and contingent liability the ranking counts, by credit_guarantee's
-- own functions (those the credit check reads): for every commercial partner of p_company
-- that a guarantee backs or that guarantees another's credit, one row (set-based: the
-- partners with guarantees, not every customer).
CREATE OR REPLACE FUNCTION credit_prospect_cover(p_company integer, p_today date)
RETURNS TABLE (partner_id integer, cover numeric, contingent numeric) AS $$
    SELECT p.id,
           credit_guarantee_cover(p.id, p_company, p_today),
           credit_guarantee_contingent(p.id, p_company, p_today)
      FROM (SELECT g.partner_id AS id FROM credit_guarantee g
             WHERE g.company_id = p_company AND g.partner_id IS NOT NULL
            UNION
            SELECT g.guarantor_id FROM credit_guarantee g
             WHERE g.company_id = p_company AND g.guarantor_id IS NOT NULL) p
$$ LANGUAGE sql STABLE;
