-- Owner: credit.warning.rule: drops what credit_warning_restructuring.sql creates.
DROP FUNCTION IF EXISTS credit_warning_signal_restructuring_breached(integer, date, numeric, integer, integer[]);
