-- Owner: credit.warning.rule (models/credit_warning_rule.py of credit_warning_contract).
-- A contract dispute opened: at least p_threshold disputes (credit_contract_dispute) of
-- the counterparty's contracts in p_company, opened in the last p_days days and not yet
-- closed. The signature of every signal function (credit_warning/readme/DEVELOP.md).
CREATE OR REPLACE FUNCTION credit_warning_signal_contract_dispute(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    SELECT rp.commercial_partner_id,
           jsonb_build_object('count', COUNT(*), 'amount', COALESCE(SUM(d.amount), 0),
                              'first', MIN(d.date_start),
                              'contracts', jsonb_agg(DISTINCT c.name))
      FROM credit_contract_dispute d
      JOIN credit_contract c ON c.id = d.contract_id
      JOIN res_partner rp ON rp.id = c.partner_id
     WHERE d.company_id = p_company AND d.stage <> 'closed'
       AND d.date_start <= p_today AND (p_days <= 0 OR d.date_start > p_today - p_days)
       AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
  GROUP BY rp.commercial_partner_id
    HAVING COUNT(*) >= p_threshold
$$ LANGUAGE sql STABLE;
