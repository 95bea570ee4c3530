-- Owner: credit.warning.rule: drops what credit_warning_external_data.sql creates.
DROP FUNCTION IF EXISTS credit_warning_signal_external_adverse(integer, date, numeric, integer, integer[]);
