-- Owner: credit.warning.rule: drops what credit_warning_guarantee.sql creates.
DROP FUNCTION IF EXISTS credit_warning_signal_cover_expiring(integer, date, numeric, integer, integer[]);
