-- Owner: credit.warning.rule (models/credit_warning_rule.py of credit_warning_guarantee).
-- Cover expiring: at least p_threshold of a customer's guarantees and collateral that
-- count today in p_company (credit_guarantee's states and dates, as the check counts them)
-- end within the next p_days days. The signature of every signal function
-- (credit_warning/readme/DEVELOP.md); here p_days looks ahead, not back.
CREATE OR REPLACE FUNCTION credit_warning_signal_cover_expiring(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    SELECT rp.commercial_partner_id,
           jsonb_build_object('count', COUNT(*), 'amount', COALESCE(SUM(g.cover_amount), 0),
                              'first', MIN(g.date_end),
                              'guarantees', jsonb_agg(g.name ORDER BY g.date_end, g.id))
      FROM credit_guarantee g
      JOIN res_partner rp ON rp.id = g.partner_id
     WHERE g.company_id = p_company AND g.state IN ('active', 'to_release')
       AND g.date_start <= p_today AND g.date_end > p_today
       AND g.date_end <= p_today + GREATEST(p_days, 0)
       AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
  GROUP BY rp.commercial_partner_id
    HAVING COUNT(*) >= p_threshold
$$ LANGUAGE sql STABLE;
