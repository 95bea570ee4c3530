-- Owner: sale.order (models/sale_order.py).
-- The uninvoiced part of confirmed orders per invoice partner and company, kept by
-- triggers so that the credit check reads a few rows per partner. Kept as change rows,
-- never updated in place (see credit_receivable_balance.sql for why); each names its
-- order until the daily job folds a partner's rows into one.
--
-- The transaction's own rows are also noted in its setting credit.own_balances (local to
-- the transaction, undone with it or with a savepoint rolled back): the ids of the orders
-- it wrote rows for, each followed by a comma, or '*' once it wrote others (receivables,
-- a rebuild, a fold, or too many orders to list). The check's first statement reads it
-- for nothing: when it names only the orders being checked, whose rows the check leaves
-- out, the transaction has no rows of its own to add and none are looked for.

DROP TABLE IF EXISTS credit_order_balance;
CREATE TABLE credit_order_balance (
    partner_id integer NOT NULL,
    company_id integer NOT NULL,
    order_id integer,  -- empty once folded with the partner's other rows
    amount numeric NOT NULL,
    txid bigint NOT NULL DEFAULT txid_current()
);
CREATE INDEX credit_order_balance_partner_idx
    ON credit_order_balance (partner_id, company_id) INCLUDE (order_id, amount, txid);

-- Four row triggers, each inserting one change row, whose conditions (which row counts,
-- whether a counted column changed) are the triggers' WHEN clauses: PostgreSQL evaluates
-- those without planning anything, whereas every statement of a PL/pgSQL function is
-- planned again in each request (Odoo's pool resets the connection it lends, which drops
-- the functions' plans). Each function is two statements: the row, and the note.

-- the one trigger of earlier versions, which tested all of it in its function
DROP TRIGGER IF EXISTS credit_order_balance ON sale_order;
DROP FUNCTION IF EXISTS credit_order_balance_trigger();

-- the order as it is now counts: its row, noted as the transaction's own
CREATE OR REPLACE FUNCTION credit_order_balance_in() RETURNS trigger AS $$
BEGIN
    INSERT INTO credit_order_balance (partner_id, company_id, order_id, amount)
         VALUES (NEW.partner_invoice_id, NEW.company_id, NEW.id,
                 ROUND(NEW.credit_uninvoiced_amount::numeric, 6));
    PERFORM set_config('credit.own_balances',
        CASE WHEN current_setting('credit.own_balances', true) = '*'
                  OR strpos(',' || current_setting('credit.own_balances', true),
                            ',' || NEW.id || ',') > 0
             THEN current_setting('credit.own_balances', true)
             WHEN length(current_setting('credit.own_balances', true)) > 2000 THEN '*'
             ELSE COALESCE(current_setting('credit.own_balances', true), '') || NEW.id || ','
        END, true);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- the order as it was counted no longer counts: its row taken back, noted alike
CREATE OR REPLACE FUNCTION credit_order_balance_out() RETURNS trigger AS $$
BEGIN
    INSERT INTO credit_order_balance (partner_id, company_id, order_id, amount)
         VALUES (OLD.partner_invoice_id, OLD.company_id, OLD.id,
                 -ROUND(OLD.credit_uninvoiced_amount::numeric, 6));
    PERFORM set_config('credit.own_balances',
        CASE WHEN current_setting('credit.own_balances', true) = '*'
                  OR strpos(',' || current_setting('credit.own_balances', true),
                            ',' || OLD.id || ',') > 0
             THEN current_setting('credit.own_balances', true)
             WHEN length(current_setting('credit.own_balances', true)) > 2000 THEN '*'
             ELSE COALESCE(current_setting('credit.own_balances', true), '') || OLD.id || ','
        END, true);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS credit_order_balance_ins ON sale_order;
CREATE TRIGGER credit_order_balance_ins AFTER INSERT ON sale_order FOR EACH ROW
    WHEN (NEW.state = 'sale' AND COALESCE(NEW.credit_uninvoiced_amount, 0) <> 0)
    EXECUTE FUNCTION credit_order_balance_in();
DROP TRIGGER IF EXISTS credit_order_balance_del ON sale_order;
CREATE TRIGGER credit_order_balance_del AFTER DELETE ON sale_order FOR EACH ROW
    WHEN (OLD.state = 'sale' AND COALESCE(OLD.credit_uninvoiced_amount, 0) <> 0)
    EXECUTE FUNCTION credit_order_balance_out();
-- an update changing what the order counts for: the old row out, the new one in
DROP TRIGGER IF EXISTS credit_order_balance_old ON sale_order;
CREATE TRIGGER credit_order_balance_old
    AFTER UPDATE OF state, partner_invoice_id, company_id, credit_uninvoiced_amount
    ON sale_order FOR EACH ROW
    WHEN (OLD.state = 'sale' AND COALESCE(OLD.credit_uninvoiced_amount, 0) <> 0
          AND (OLD.state, OLD.partner_invoice_id, OLD.company_id, OLD.credit_uninvoiced_amount)
              IS DISTINCT FROM
              (NEW.state, NEW.partner_invoice_id, NEW.company_id, NEW.credit_uninvoiced_amount))
    EXECUTE FUNCTION credit_order_balance_out();
DROP TRIGGER IF EXISTS credit_order_balance_new ON sale_order;
CREATE TRIGGER credit_order_balance_new
    AFTER UPDATE OF state, partner_invoice_id, company_id, credit_uninvoiced_amount
    ON sale_order FOR EACH ROW
    WHEN (NEW.state = 'sale' AND COALESCE(NEW.credit_uninvoiced_amount, 0) <> 0
          AND (OLD.state, OLD.partner_invoice_id, OLD.company_id, OLD.credit_uninvoiced_amount)
              IS DISTINCT FROM
              (NEW.state, NEW.partner_invoice_id, NEW.company_id, NEW.credit_uninvoiced_amount))
    EXECUTE FUNCTION credit_order_balance_in();

-- a full recount, run whenever the module is installed or updated
CREATE OR REPLACE FUNCTION credit_order_balance_rebuild() RETURNS void AS $$
BEGIN
    PERFORM set_config('credit.own_balances', '*', true);
    DELETE FROM credit_order_balance;
    INSERT INTO credit_order_balance (partner_id, company_id, amount)
         SELECT so.partner_invoice_id, so.company_id,
                SUM(ROUND(so.credit_uninvoiced_amount::numeric, 6))
           FROM sale_order so
          WHERE so.state = 'sale' AND COALESCE(so.credit_uninvoiced_amount, 0) <> 0
       GROUP BY so.partner_invoice_id, so.company_id;
END;
$$ LANGUAGE plpgsql;

SELECT credit_order_balance_rebuild();

-- folds each partner's change rows into one, run by a daily job (concurrent writers
-- only insert, so they are not disturbed)
CREATE OR REPLACE FUNCTION credit_order_balance_compact() RETURNS void AS $$
BEGIN
    PERFORM set_config('credit.own_balances', '*', true);
    WITH gone AS (DELETE FROM credit_order_balance RETURNING partner_id, company_id, amount)
    INSERT INTO credit_order_balance (partner_id, company_id, amount)
         SELECT partner_id, company_id, SUM(amount) FROM gone
       GROUP BY partner_id, company_id HAVING SUM(amount) <> 0;
END;
$$ LANGUAGE plpgsql;
