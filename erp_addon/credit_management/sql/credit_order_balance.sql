-- Owner: sale.order (models/sale_order.py).
-- The uninvoiced part of confirmed orders per invoice partner and company, kept by a
-- trigger so that the credit check reads a few rows per partner. Kept as change rows,
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

CREATE OR REPLACE FUNCTION credit_order_balance_trigger() RETURNS trigger AS $$
DECLARE
    v_order integer;
    v_own text;
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.state IS NOT DISTINCT FROM OLD.state
       AND NEW.partner_invoice_id IS NOT DISTINCT FROM OLD.partner_invoice_id
       AND NEW.company_id IS NOT DISTINCT FROM OLD.company_id
       AND NEW.credit_uninvoiced_amount IS NOT DISTINCT FROM OLD.credit_uninvoiced_amount THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'sale'
       AND COALESCE(OLD.credit_uninvoiced_amount, 0) <> 0 THEN
        INSERT INTO credit_order_balance (partner_id, company_id, order_id, amount)
             VALUES (OLD.partner_invoice_id, OLD.company_id, OLD.id,
                     -ROUND(OLD.credit_uninvoiced_amount::numeric, 6));
        v_order := OLD.id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.state = 'sale'
       AND COALESCE(NEW.credit_uninvoiced_amount, 0) <> 0 THEN
        INSERT INTO credit_order_balance (partner_id, company_id, order_id, amount)
             VALUES (NEW.partner_invoice_id, NEW.company_id, NEW.id,
                     ROUND(NEW.credit_uninvoiced_amount::numeric, 6));
        v_order := NEW.id;
    END IF;
    IF v_order IS NOT NULL THEN
        v_own := COALESCE(current_setting('credit.own_balances', true), '');
        IF v_own <> '*' AND strpos(',' || v_own, ',' || v_order || ',') = 0 THEN
            PERFORM set_config('credit.own_balances',
                               CASE WHEN length(v_own) > 2000 THEN '*'
                                    ELSE v_own || v_order || ',' END, true);
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS credit_order_balance ON sale_order;
CREATE TRIGGER credit_order_balance
    AFTER INSERT OR DELETE
       OR UPDATE OF state, partner_invoice_id, company_id, credit_uninvoiced_amount
    ON sale_order FOR EACH ROW EXECUTE FUNCTION credit_order_balance_trigger();

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
