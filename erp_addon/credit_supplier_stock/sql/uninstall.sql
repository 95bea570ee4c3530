-- Owner: res.partner (credit_supplier_stock): drops what sql/*.sql create.
DROP FUNCTION IF EXISTS credit_supplier_on_time_receipts(integer, date, date, integer[]);
