-- Owner: credit.warning.rule (models/credit_warning_rule.py of credit_warning_restructuring).
-- A restructuring breached: at least p_threshold debt restructuring agreements
-- (credit_restructuring) of the customer in p_company breached in the last p_days days
-- (their breach date, set by the daily collection run). The signature of every signal
-- function (credit_warning/readme/DEVELOP.md).
CREATE OR REPLACE FUNCTION credit_warning_signal_restructuring_breached(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    SELECT rp.commercial_partner_id,
           jsonb_build_object('count', COUNT(*),
                              'amount', COALESCE(SUM(a.amount_restructured), 0),
                              'last', MAX(a.breach_date),
                              'agreements', jsonb_agg(a.name ORDER BY a.breach_date, a.id))
      FROM credit_restructuring a
      JOIN res_partner rp ON rp.id = a.partner_id
     WHERE a.company_id = p_company AND a.state = 'breached'
       AND a.breach_date <= p_today AND (p_days <= 0 OR a.breach_date > p_today - p_days)
       AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
  GROUP BY rp.commercial_partner_id
    HAVING COUNT(*) >= p_threshold
$$ LANGUAGE sql STABLE;
