-- Owner: credit.warning.rule (models/credit_warning_rule.py of credit_warning_external_data).
-- External adverse records: at least p_threshold adverse records (credit_external_data's
-- credit_external_adverse: 失信被执行人, 被执行人, 行政处罚, 经营异常) reported about a
-- customer in p_company within the last p_days days. The signature of every signal
-- function (credit_warning/readme/DEVELOP.md).
CREATE OR REPLACE FUNCTION credit_warning_signal_external_adverse(
    p_company integer, p_today date, p_threshold numeric, p_days integer, p_partners integer[]
) RETURNS TABLE (partner_id integer, figures jsonb) AS $$
    SELECT rp.commercial_partner_id,
           jsonb_build_object('count', COUNT(*), 'first', MIN(a.date),
                              'records', jsonb_agg(jsonb_build_array(a.adverse_type, a.reference)
                                                   ORDER BY a.date, a.id))
      FROM credit_external_adverse a
      JOIN res_partner rp ON rp.id = a.partner_id
     WHERE a.company_id = p_company
       AND a.date > p_today - GREATEST(p_days, 0) AND a.date <= p_today
       AND (p_partners IS NULL OR rp.commercial_partner_id = ANY(p_partners))
  GROUP BY rp.commercial_partner_id
    HAVING COUNT(*) >= p_threshold
$$ LANGUAGE sql STABLE;
