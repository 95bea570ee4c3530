-- Owner: credit.prospect: drops what sql/*.sql create.
DROP VIEW IF EXISTS credit_prospect;
DROP FUNCTION IF EXISTS credit_prospect_rows(date);
DROP FUNCTION IF EXISTS credit_prospect_cover(integer, date);
DROP FUNCTION IF EXISTS credit_prospect_behaviour(integer, date);
