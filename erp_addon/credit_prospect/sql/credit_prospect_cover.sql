-- Owner: credit.prospect (models/credit_prospect.py).
-- The guarantee cover counted in each commercial partner's available credit, and the
-- contingent liability of a guarantor counted in its exposure, in a company on a day.
-- Without the guarantees add-on there is none: the bridge credit_prospect_guarantee
-- (installed with credit_guarantee) replaces this function with one that reads
-- credit_guarantee's own cover functions (and its uninstall.sql puts this one back).
CREATE OR REPLACE FUNCTION credit_prospect_cover(p_company integer, p_today date)
RETURNS TABLE (partner_id integer, cover numeric, contingent numeric) AS $$
    SELECT NULL::integer, NULL::numeric, NULL::numeric WHERE false
$$ LANGUAGE sql STABLE;
