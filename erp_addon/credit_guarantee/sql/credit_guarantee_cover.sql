-- Owner: credit.guarantee (models/credit_guarantee.py).
-- The cover that backs a customer and the contingent liability a guarantor carries, as the
-- credit check counts them (res.partner._credit_block_figures_sql of credit_guarantee adds
-- them to the check's one query; SQL functions PostgreSQL writes into the calling query).
--
-- A guarantee counts from its start date while it is active (or its release awaits
-- approval) and stops on its end date: cover ending today no longer counts today, before
-- the daily job marks it expired, as the check stops honouring a temporary limit after its
-- end date by itself. A released or called guarantee stops counting at once.

-- "today" as the check's own figures have it (credit_exposure_snapshot of
-- credit_management): in the context's time zone, else the user's, read here to spare the
-- caller a query
CREATE OR REPLACE FUNCTION credit_guarantee_today(
    p_now timestamp, p_tz text, p_uid integer
) RETURNS date AS $$
    SELECT (p_now AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(NULLIF(COALESCE(
               p_tz,
               (SELECT u.tz FROM res_users ru JOIN res_partner u ON u.id = ru.partner_id
                 WHERE ru.id = p_uid)), ''), 'UTC'))::date
$$ LANGUAGE sql STABLE;

-- active cover after haircut, in company currency, backing commercial partner p_partner
CREATE OR REPLACE FUNCTION credit_guarantee_cover(
    p_partner integer, p_company integer, p_today date
) RETURNS numeric AS $$
    SELECT COALESCE(SUM(g.cover_amount), 0)
      FROM credit_guarantee g
     WHERE g.partner_id = p_partner AND g.company_id = p_company
       AND g.state IN ('active', 'to_release')
       AND g.date_start <= p_today AND g.date_end > p_today
$$ LANGUAGE sql STABLE;

-- what commercial partner p_guarantor guarantees for others (third-party guarantees, their
-- value in company currency before haircut): its contingent liability
CREATE OR REPLACE FUNCTION credit_guarantee_contingent(
    p_guarantor integer, p_company integer, p_today date
) RETURNS numeric AS $$
    SELECT COALESCE(SUM(g.value_company), 0)
      FROM credit_guarantee g
     WHERE g.guarantor_id = p_guarantor AND g.company_id = p_company
       AND g.kind = 'guarantee' AND g.state IN ('active', 'to_release')
       AND g.date_start <= p_today AND g.date_end > p_today
$$ LANGUAGE sql STABLE;

CREATE INDEX IF NOT EXISTS credit_guarantee_cover_idx
    ON credit_guarantee (partner_id, company_id) WHERE state IN ('active', 'to_release');
CREATE INDEX IF NOT EXISTS credit_guarantee_contingent_idx
    ON credit_guarantee (guarantor_id, company_id)
 WHERE kind = 'guarantee' AND state IN ('active', 'to_release');
