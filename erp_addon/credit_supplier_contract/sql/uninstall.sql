-- Owner: res.partner (credit_supplier_contract): drops what sql/*.sql create.
DROP FUNCTION IF EXISTS credit_supplier_contract_figures(integer, date, date, integer[]);
