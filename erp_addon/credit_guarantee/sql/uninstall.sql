-- Owner: credit.guarantee. Drops what sql/ creates (the indexes go with the table).
DROP FUNCTION IF EXISTS credit_guarantee_cover(integer, integer, date);
DROP FUNCTION IF EXISTS credit_guarantee_contingent(integer, integer, date);
DROP FUNCTION IF EXISTS credit_guarantee_today(timestamp, text, integer);
