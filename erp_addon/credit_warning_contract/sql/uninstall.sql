-- Owner: credit.warning.rule: drops what credit_warning_contract.sql creates.
DROP FUNCTION IF EXISTS credit_warning_signal_contract_dispute(integer, date, numeric, integer, integer[]);
