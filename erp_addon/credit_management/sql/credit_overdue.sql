-- Owner: res.company (models/res_company.py): the one definition of "overdue".
-- An open receivable item is overdue when its due date lies before the cutoff: the
-- day (in the user's time zone where the caller knows it) less the company's grace
-- days. A partner's overdue amount is its overdue items less its unapplied credits
-- (credit notes, advances), never below zero. The credit check, the partner's figures
-- and the exposure analysis all use this function and that rule.

-- "today" for SQL that runs without parameters (the exposure analysis view): the day the
-- caller set for its transaction (the user's today, see report/credit_exposure_line.py),
-- else the database's date
CREATE OR REPLACE FUNCTION credit_today() RETURNS date AS $$
    SELECT COALESCE(NULLIF(current_setting('credit.today', true), '')::date, CURRENT_DATE)
$$ LANGUAGE sql STABLE;

-- the rule itself, from the day and the company's grace days: a plain expression, which
-- PostgreSQL writes into the calling query (the check's, whose plan is kept, reads the
-- grace days in the same query instead of calling a function that plans its own)
CREATE OR REPLACE FUNCTION credit_overdue_cutoff_of(p_today date, p_grace_days integer)
RETURNS date AS $$
    SELECT p_today - COALESCE(p_grace_days, 0)
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION credit_overdue_cutoff(p_company integer, p_today date)
RETURNS date AS $$
    SELECT credit_overdue_cutoff_of(
        p_today, (SELECT c.credit_overdue_grace_days FROM res_company c WHERE c.id = p_company))
$$ LANGUAGE sql STABLE;
