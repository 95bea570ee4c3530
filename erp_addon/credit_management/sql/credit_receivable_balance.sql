-- Owner: account.move.line (models/account_move_line.py).
-- Open receivables per partner and company, kept by a trigger so that the credit check
-- reads one row per partner instead of summing every open invoice; and the partial
-- indexes the check's past-due and credit look-ups read by index-only scans.

CREATE INDEX IF NOT EXISTS credit_aml_past_due_idx
    ON account_move_line (partner_id, date_maturity)
    INCLUDE (company_id, account_id, amount_residual)
 WHERE parent_state = 'posted' AND reconciled IS NOT TRUE AND amount_residual > 0;

CREATE INDEX IF NOT EXISTS credit_aml_credit_idx
    ON account_move_line (partner_id)
    INCLUDE (company_id, account_id, amount_residual)
 WHERE parent_state = 'posted' AND reconciled IS NOT TRUE AND amount_residual < 0;

-- Kept as change rows, never updated in place: concurrent transactions that post or pay
-- for the same partner only insert, so they never conflict on a shared row. Each row
-- records the transaction that wrote it (txid), so that a transaction can tell its own
-- uncommitted changes from what others committed (see credit_exposure_figures.sql);
-- credit_balance_compact() folds the rows of each partner into one.
DROP TABLE IF EXISTS credit_receivable_balance;
CREATE TABLE credit_receivable_balance (
    partner_id integer NOT NULL,
    company_id integer NOT NULL,
    amount numeric NOT NULL,
    txid bigint NOT NULL DEFAULT txid_current()
);
CREATE INDEX credit_receivable_balance_partner_idx
    ON credit_receivable_balance (partner_id, company_id) INCLUDE (amount, txid);

CREATE OR REPLACE FUNCTION credit_receivable_balance_add(
    p_partner integer, p_company integer, p_account integer, p_amount numeric
) RETURNS void AS $$
BEGIN
    IF p_partner IS NULL OR p_amount IS NULL OR p_amount = 0 THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM account_account
                    WHERE id = p_account AND account_type = 'asset_receivable') THEN
        RETURN;
    END IF;
    INSERT INTO credit_receivable_balance (partner_id, company_id, amount)
         VALUES (p_partner, p_company, p_amount);
    -- this transaction has rows of its own here (see credit_order_balance.sql)
    PERFORM set_config('credit.own_balances', '*', true);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION credit_receivable_balance_trigger() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.partner_id IS NOT DISTINCT FROM OLD.partner_id
       AND NEW.company_id IS NOT DISTINCT FROM OLD.company_id
       AND NEW.account_id IS NOT DISTINCT FROM OLD.account_id
       AND NEW.parent_state IS NOT DISTINCT FROM OLD.parent_state
       AND NEW.reconciled IS NOT DISTINCT FROM OLD.reconciled
       AND NEW.amount_residual IS NOT DISTINCT FROM OLD.amount_residual THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE')
       AND OLD.parent_state = 'posted' AND OLD.reconciled IS NOT TRUE THEN
        PERFORM credit_receivable_balance_add(
            OLD.partner_id, OLD.company_id, OLD.account_id, -OLD.amount_residual);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT')
       AND NEW.parent_state = 'posted' AND NEW.reconciled IS NOT TRUE THEN
        PERFORM credit_receivable_balance_add(
            NEW.partner_id, NEW.company_id, NEW.account_id, NEW.amount_residual);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS credit_receivable_balance ON account_move_line;
CREATE TRIGGER credit_receivable_balance
    AFTER INSERT OR DELETE OR UPDATE OF partner_id, company_id, account_id, parent_state,
                                        reconciled, amount_residual
    ON account_move_line FOR EACH ROW EXECUTE FUNCTION credit_receivable_balance_trigger();

-- a full recount, run whenever the module is installed or updated and whenever an
-- account's type changes (which accounts are receivable)
CREATE OR REPLACE FUNCTION credit_receivable_balance_rebuild() RETURNS void AS $$
BEGIN
    PERFORM set_config('credit.own_balances', '*', true);
    DELETE FROM credit_receivable_balance;
    INSERT INTO credit_receivable_balance (partner_id, company_id, amount)
         SELECT aml.partner_id, aml.company_id, SUM(aml.amount_residual)
           FROM account_move_line aml
           JOIN account_account acc ON acc.id = aml.account_id
          WHERE aml.partner_id IS NOT NULL AND aml.parent_state = 'posted'
            AND aml.reconciled IS NOT TRUE AND acc.account_type = 'asset_receivable'
       GROUP BY aml.partner_id, aml.company_id;
END;
$$ LANGUAGE plpgsql;

SELECT credit_receivable_balance_rebuild();

-- folds each partner's change rows into one, run by a daily job (concurrent writers only
-- insert, so they are not disturbed)
CREATE OR REPLACE FUNCTION credit_receivable_balance_compact() RETURNS void AS $$
BEGIN
    PERFORM set_config('credit.own_balances', '*', true);
    WITH gone AS (DELETE FROM credit_receivable_balance
                  RETURNING partner_id, company_id, amount)
    INSERT INTO credit_receivable_balance (partner_id, company_id, amount)
         SELECT partner_id, company_id, SUM(amount) FROM gone
       GROUP BY partner_id, company_id HAVING SUM(amount) <> 0;
END;
$$ LANGUAGE plpgsql;
