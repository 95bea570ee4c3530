-- Owner: credit.supplier.evaluation: drops what sql/*.sql create.
DROP FUNCTION IF EXISTS credit_supplier_purchase_figures(integer, date, date, integer[]);
