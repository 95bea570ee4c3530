from odoo import models

# Open receivables per partner and company, kept by a trigger so that the credit check
# reads one row per partner instead of summing every open invoice.
BALANCE_SQL = """
CREATE TABLE IF NOT EXISTS credit_receivable_balance (
    partner_id integer NOT NULL,
    company_id integer NOT NULL,
    amount numeric NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, company_id)
);

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
    INSERT INTO credit_receivable_balance AS b (partner_id, company_id, amount)
         VALUES (p_partner, p_company, p_amount)
    ON CONFLICT (partner_id, company_id) DO UPDATE SET amount = b.amount + p_amount;
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
"""

REBUILD_SQL = """
DELETE FROM credit_receivable_balance;
INSERT INTO credit_receivable_balance (partner_id, company_id, amount)
     SELECT aml.partner_id, aml.company_id, SUM(aml.amount_residual)
       FROM account_move_line aml
       JOIN account_account acc ON acc.id = aml.account_id
      WHERE aml.partner_id IS NOT NULL AND aml.parent_state = 'posted'
        AND aml.reconciled IS NOT TRUE AND acc.account_type = 'asset_receivable'
   GROUP BY aml.partner_id, aml.company_id;
"""

# Everything the credit check reads, in one call. A PL/pgSQL function keeps its query
# plans for the connection, so each check pays neither planning nor extra round trips.
FIGURES_SQL = """
CREATE TABLE IF NOT EXISTS credit_check_lock (
    partner_id integer NOT NULL,
    company_id integer NOT NULL,
    sequence integer NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, company_id)
);

CREATE OR REPLACE FUNCTION credit_exposure_figures(
    p_partners integer[], p_company integer, p_now timestamp, p_tz text, p_uid integer,
    p_grace_days integer, p_lock boolean
) RETURNS TABLE(partner_id integer, bucket text, amount numeric, info text) AS $$
DECLARE
    v_commercial integer[];
    v_members integer[];
    v_accounts integer[];
    v_company text := p_company::text;
    v_tz text := p_tz;
    v_overdue_before date;
BEGIN
    IF v_tz IS NULL THEN
        -- the user's time zone, as fields.Date.context_today reads it
        SELECT rp.tz INTO v_tz
          FROM res_users ru JOIN res_partner rp ON rp.id = ru.partner_id
         WHERE ru.id = p_uid;
    END IF;
    v_overdue_before := (p_now AT TIME ZONE 'UTC'
                         AT TIME ZONE COALESCE(NULLIF(v_tz, ''), 'UTC'))::date - p_grace_days;
    -- the commercial partners of the given partners (orders name the invoice address)
    v_commercial := ARRAY(SELECT DISTINCT rp.commercial_partner_id FROM res_partner rp
                           WHERE rp.id = ANY(p_partners));
    IF p_lock THEN
        -- concurrent checks of one partner conflict: Odoo retries the later one
        INSERT INTO credit_check_lock AS l (partner_id, company_id, sequence)
             SELECT unnest(v_commercial), p_company, 1
        ON CONFLICT ON CONSTRAINT credit_check_lock_pkey
        DO UPDATE SET sequence = l.sequence + 1;
    END IF;
    v_members := ARRAY(SELECT rp.id FROM res_partner rp
                        WHERE rp.commercial_partner_id = ANY(v_commercial));
    v_accounts := ARRAY(SELECT id FROM account_account WHERE account_type = 'asset_receivable');
    RETURN QUERY
    WITH past_due AS (
        SELECT aml.partner_id, SUM(aml.amount_residual) AS amount
          FROM account_move_line aml
         WHERE aml.partner_id = ANY(v_members) AND aml.date_maturity < v_overdue_before
           AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
           AND aml.amount_residual > 0
           AND aml.account_id = ANY(v_accounts) AND aml.company_id = p_company
      GROUP BY aml.partner_id
    ), per_partner AS (
        SELECT b.partner_id, 'receivable'::text AS bucket, b.amount
          FROM credit_receivable_balance b
         WHERE b.partner_id = ANY(v_members) AND b.company_id = p_company
        UNION ALL
        SELECT pd.partner_id, 'past_due', pd.amount FROM past_due pd
        UNION ALL
        -- unapplied credit notes and advances, only where something is past due
        SELECT aml.partner_id, 'credits', SUM(aml.amount_residual)
          FROM account_move_line aml
         WHERE aml.partner_id = ANY(ARRAY(SELECT pd.partner_id FROM past_due pd))
           AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
           AND aml.amount_residual < 0
           AND aml.account_id = ANY(v_accounts) AND aml.company_id = p_company
      GROUP BY aml.partner_id
        UNION ALL
        SELECT am.partner_id, 'draft_invoice', SUM(am.amount_total_signed)
          FROM account_move am
         WHERE am.partner_id = ANY(v_members) AND am.state = 'draft'
           AND am.move_type IN ('out_invoice', 'out_refund') AND am.company_id = p_company
      GROUP BY am.partner_id
        UNION ALL
        SELECT ob.partner_id, 'sale_order', ob.amount
          FROM credit_order_balance ob
         WHERE ob.partner_id = ANY(v_members) AND ob.company_id = p_company
    )
    SELECT p.commercial_partner_id, pp.bucket, SUM(pp.amount), NULL::text
      FROM per_partner pp
      JOIN res_partner p ON p.id = pp.partner_id
  GROUP BY p.commercial_partner_id, pp.bucket
    UNION ALL
    -- the partner's standing in this company (company-dependent values are jsonb)
    SELECT p.id, 'standing', (p.credit_limit ->> v_company)::numeric,
           concat_ws('|', COALESCE(g.credit_policy, ''),
                     CASE WHEN p.credit_on_warning_list THEN '1' ELSE '0' END,
                     COALESCE(p.credit_due_diligence_date ->> v_company, ''),
                     CASE WHEN p.credit_limit ? v_company THEN '1' ELSE '0' END)
      FROM res_partner p
 LEFT JOIN credit_grade g ON g.id = (p.credit_grade_id ->> v_company)::integer
     WHERE p.id = ANY(v_commercial)
    UNION ALL
    SELECT rp.id, 'commercial', rp.commercial_partner_id::numeric, NULL::text
      FROM res_partner rp
     WHERE rp.id = ANY(p_partners);
END;
$$ LANGUAGE plpgsql
-- plan once per connection, not on every check
SET plan_cache_mode = force_generic_plan;
"""

UNINSTALL_SQL = """
DROP FUNCTION IF EXISTS
    credit_exposure_figures(integer[], integer, timestamp, text, integer, integer, boolean);
DROP TRIGGER IF EXISTS credit_receivable_balance ON account_move_line;
DROP FUNCTION IF EXISTS credit_receivable_balance_trigger();
DROP FUNCTION IF EXISTS credit_receivable_balance_add(integer, integer, integer, numeric);
DROP TABLE IF EXISTS credit_receivable_balance;
DROP TABLE IF EXISTS credit_check_lock;
DROP TRIGGER IF EXISTS credit_order_balance ON sale_order;
DROP FUNCTION IF EXISTS credit_order_balance_trigger();
DROP TABLE IF EXISTS credit_order_balance;
"""


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def init(self):
        res = super().init()
        cr = self.env.cr
        # past-due and credit items per partner, read by index-only scans
        cr.execute(
            """
            CREATE INDEX IF NOT EXISTS credit_aml_past_due_idx
                ON account_move_line (partner_id, date_maturity)
                INCLUDE (company_id, account_id, amount_residual)
             WHERE parent_state = 'posted' AND reconciled IS NOT TRUE AND amount_residual > 0
            """
        )
        cr.execute(
            """
            CREATE INDEX IF NOT EXISTS credit_aml_credit_idx
                ON account_move_line (partner_id)
                INCLUDE (company_id, account_id, amount_residual)
             WHERE parent_state = 'posted' AND reconciled IS NOT TRUE AND amount_residual < 0
            """
        )
        cr.execute(BALANCE_SQL)
        cr.execute(REBUILD_SQL)
        cr.execute(FIGURES_SQL)
        return res

    def _credit_rebuild_receivable_balance(self):
        self.env.flush_all()
        self.env.cr.execute(REBUILD_SQL)
