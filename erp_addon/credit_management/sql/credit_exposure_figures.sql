-- Owner: res.partner (models/res_partner_exposure.py).
-- Everything the credit check reads, in one call: one typed row per partner asked for,
-- with the figures and standing of its commercial partner in one company. A PL/pgSQL
-- function keeps its query plans for the connection, so a check pays neither planning
-- nor extra round trips. Documents named in p_exclude_moves / p_exclude_orders are left
-- out, so that the caller adds each checked document's whole amount itself.
--
-- Under concurrency (p_lock_class given) the check first takes the commercial partners'
-- lock, a transaction lock of this very transaction (released when it commits or rolls
-- back: no round trip to release it, and PostgreSQL sees any deadlock it is part of);
-- what others committed is read afterwards on a second connection
-- (credit_committed_balances, READ COMMITTED, see committed_reader.py), and this
-- transaction adds only its own uncommitted changes to the kept balances, told apart by
-- their txid.

-- left by earlier versions, which locked with a row update
DROP TABLE IF EXISTS credit_check_lock;

DROP FUNCTION IF EXISTS
    credit_exposure_figures(integer[], integer, timestamp, text, integer, integer, boolean);
DROP FUNCTION IF EXISTS
    credit_exposure_figures(integer[], integer, date, boolean, integer[], integer[], numeric);
DROP FUNCTION IF EXISTS credit_exposure_figures(
    integer[], integer, timestamp, text, integer, boolean, integer[], integer[], numeric);
DROP FUNCTION IF EXISTS credit_exposure_figures(
    integer[], integer, timestamp, text, integer, integer, integer[], integer[], numeric);

-- p_now, p_tz and p_uid give "today" as fields.Date.context_today does: in the context's
-- time zone, else the user's (read here, to spare the caller a query)
CREATE FUNCTION credit_exposure_figures(
    p_partners integer[], p_company integer, p_now timestamp, p_tz text, p_uid integer,
    p_lock_class integer, p_exclude_moves integer[], p_exclude_orders integer[],
    p_default_limit numeric
) RETURNS TABLE(
    partner_id integer,
    commercial_partner_id integer,
    receivable numeric,
    draft_invoice numeric,
    sale_order numeric,
    overdue numeric,
    credit_limit numeric,
    temporary_limit numeric,
    temporary_until date,
    credit_policy varchar,
    on_warning_list boolean,
    due_diligence_date date
) AS $$
DECLARE
    v_commercial integer[];
    v_members integer[];
    v_accounts integer[];
    v_company text := p_company::text;
    v_tz text := p_tz;
    v_today date;
    v_cutoff date;
    v_txid bigint := txid_current_if_assigned();
    v_own_balances boolean := p_lock_class IS NOT NULL;
    v_lock_timeout text;
BEGIN
    IF v_tz IS NULL THEN
        SELECT rp.tz INTO v_tz
          FROM res_users ru JOIN res_partner rp ON rp.id = ru.partner_id
         WHERE ru.id = p_uid;
    END IF;
    v_today := (p_now AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(NULLIF(v_tz, ''), 'UTC'))::date;
    v_cutoff := credit_overdue_cutoff(p_company, v_today);
    -- the commercial partners of the given partners (orders name the invoice address)
    v_commercial := ARRAY(SELECT DISTINCT rp.commercial_partner_id FROM res_partner rp
                           WHERE rp.id = ANY(p_partners));
    IF v_own_balances THEN
        -- in a fixed order (no deadlock between checks); never wait forever on a lock held
        -- by a transaction stuck elsewhere: after 30 s the request fails and Odoo retries it
        v_lock_timeout := current_setting('lock_timeout');
        PERFORM set_config('lock_timeout', '30s', true);
        PERFORM pg_advisory_xact_lock(p_lock_class, c.id)
           FROM unnest(ARRAY(SELECT DISTINCT unnest(v_commercial) ORDER BY 1))
                WITH ORDINALITY AS c(id, n)
          ORDER BY c.n;
        PERFORM set_config('lock_timeout', v_lock_timeout, true);
    END IF;
    v_members := ARRAY(SELECT rp.id FROM res_partner rp
                        WHERE rp.commercial_partner_id = ANY(v_commercial));
    v_accounts := ARRAY(SELECT a.id FROM account_account a
                         WHERE a.account_type = 'asset_receivable');
    RETURN QUERY
    WITH members AS (
        SELECT rp.id, rp.commercial_partner_id AS cp FROM res_partner rp
         WHERE rp.id = ANY(v_members)
    ), amounts AS (
        SELECT m.cp, 'receivable'::text AS bucket, b.amount
          FROM credit_receivable_balance b JOIN members m ON m.id = b.partner_id
         WHERE b.company_id = p_company
           AND (NOT v_own_balances OR b.txid = v_txid)
        UNION ALL
        SELECT m.cp, 'overdue', aml.amount_residual
          FROM account_move_line aml JOIN members m ON m.id = aml.partner_id
         WHERE aml.partner_id = ANY(v_members) AND aml.date_maturity < v_cutoff
           AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
           AND aml.amount_residual > 0
           AND aml.account_id = ANY(v_accounts) AND aml.company_id = p_company
        UNION ALL
        -- unapplied credit notes and advances reduce what is overdue
        SELECT m.cp, 'overdue', aml.amount_residual
          FROM account_move_line aml JOIN members m ON m.id = aml.partner_id
         WHERE aml.partner_id = ANY(v_members)
           AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
           AND aml.amount_residual < 0
           AND aml.account_id = ANY(v_accounts) AND aml.company_id = p_company
        UNION ALL
        SELECT m.cp, 'draft_invoice', am.amount_total_signed
          FROM account_move am JOIN members m ON m.id = am.partner_id
         WHERE am.partner_id = ANY(v_members) AND am.state = 'draft'
           AND am.move_type IN ('out_invoice', 'out_refund', 'out_receipt')
           AND am.company_id = p_company AND am.id <> ALL(p_exclude_moves)
        UNION ALL
        SELECT m.cp, 'sale_order', ob.amount
          FROM credit_order_balance ob JOIN members m ON m.id = ob.partner_id
         WHERE ob.company_id = p_company
           AND (NOT v_own_balances OR (ob.txid = v_txid AND ob.order_id <> ALL(p_exclude_orders)))
        UNION ALL
        -- reading every row: the excluded orders' part is taken out as it stands
        SELECT m.cp, 'sale_order', -ROUND(so.credit_uninvoiced_amount::numeric, 6)
          FROM sale_order so JOIN members m ON m.id = so.partner_invoice_id
         WHERE NOT v_own_balances AND so.id = ANY(p_exclude_orders) AND so.state = 'sale'
           AND so.company_id = p_company
    ), totals AS (
        SELECT a.cp,
               SUM(a.amount) FILTER (WHERE a.bucket = 'receivable') AS receivable,
               SUM(a.amount) FILTER (WHERE a.bucket = 'draft_invoice') AS draft_invoice,
               SUM(a.amount) FILTER (WHERE a.bucket = 'sale_order') AS sale_order,
               SUM(a.amount) FILTER (WHERE a.bucket = 'overdue') AS overdue
          FROM amounts a GROUP BY a.cp
    ), temporary AS (
        -- approved temporary limits in force today (through their end date)
        SELECT app.partner_id AS cp, MAX(app.requested_limit) AS amount,
               (ARRAY_AGG(app.expiry_date ORDER BY app.requested_limit DESC))[1] AS until
          FROM credit_application app
         WHERE app.partner_id = ANY(v_commercial) AND app.company_id = p_company
           AND app.state = 'approved' AND app.application_type = 'temporary'
           AND app.expiry_date >= v_today
      GROUP BY app.partner_id
    ), warning AS (
        SELECT DISTINCT m.cp
          FROM credit_warning_entry w JOIN members m ON m.id = w.partner_id
         WHERE w.active AND (w.company_id IS NULL OR w.company_id = p_company)
    )
    SELECT rp.id,
           c.id,
           COALESCE(t.receivable, 0),
           COALESCE(t.draft_invoice, 0),
           COALESCE(t.sale_order, 0),
           GREATEST(COALESCE(t.overdue, 0), 0),
           COALESCE((c.credit_limit ->> v_company)::numeric, p_default_limit, 0),
           tmp.amount,
           tmp.until,
           g.credit_policy,
           w.cp IS NOT NULL,
           (c.credit_due_diligence_date ->> v_company)::date
      FROM res_partner rp
      JOIN res_partner c ON c.id = rp.commercial_partner_id
 LEFT JOIN totals t ON t.cp = c.id
 LEFT JOIN temporary tmp ON tmp.cp = c.id
 LEFT JOIN warning w ON w.cp = c.id
 LEFT JOIN credit_grade g ON g.id = (c.credit_grade_id ->> v_company)::integer
     WHERE rp.id = ANY(p_partners);
END;
$$ LANGUAGE plpgsql
-- plan once per connection, not on every check
SET plan_cache_mode = force_generic_plan;

-- What other transactions committed to the kept balances of these commercial partners:
-- run on the check's second connection, in READ COMMITTED, once the checking transaction
-- holds their lock (credit_exposure_figures), so that it sees everything committed by
-- the transactions that held the lock before.
DROP FUNCTION IF EXISTS credit_committed_balances(integer[], integer, integer[]);
DROP FUNCTION IF EXISTS credit_committed_balances(integer[], integer, integer[], integer);
CREATE FUNCTION credit_committed_balances(
    p_partners integer[], p_company integer, p_exclude_orders integer[]
) RETURNS TABLE(commercial_partner_id integer, receivable numeric, sale_order numeric) AS $$
DECLARE
    v_commercial integer[];
BEGIN
    v_commercial := ARRAY(SELECT DISTINCT rp.commercial_partner_id FROM res_partner rp
                           WHERE rp.id = ANY(p_partners));
    RETURN QUERY
    WITH members AS (
        SELECT rp.id, rp.commercial_partner_id AS cp FROM res_partner rp
         WHERE rp.commercial_partner_id = ANY(v_commercial)
    ), amounts AS (
        SELECT m.cp, b.amount AS receivable, 0::numeric AS sale_order
          FROM credit_receivable_balance b JOIN members m ON m.id = b.partner_id
         WHERE b.company_id = p_company
        UNION ALL
        SELECT m.cp, 0, ob.amount
          FROM credit_order_balance ob JOIN members m ON m.id = ob.partner_id
         WHERE ob.company_id = p_company
        UNION ALL
        -- the excluded orders' committed part, taken out
        SELECT m.cp, 0, -ROUND(so.credit_uninvoiced_amount::numeric, 6)
          FROM sale_order so JOIN members m ON m.id = so.partner_invoice_id
         WHERE so.id = ANY(p_exclude_orders) AND so.state = 'sale'
           AND so.company_id = p_company
    )
    SELECT a.cp, SUM(a.receivable), SUM(a.sale_order) FROM amounts a GROUP BY a.cp;
END;
$$ LANGUAGE plpgsql VOLATILE;

-- The check's first call, on its own transaction: takes the commercial partners' lock (a
-- transaction lock, in a fixed order: no deadlock between checks; after 30 s of waiting
-- the request fails and Odoo retries it), then returns per commercial partner what this
-- transaction itself added to the kept balances and not yet committed (told by txid;
-- the orders in p_exclude_orders left out), and whether it may have changed any other
-- table the figures read: when it has not, every other figure is read as last committed
-- on the second connection, whose function plans are kept; when it may have,
-- credit_exposure_figures runs on this transaction. The connection's counts of written
-- rows (pg_stat_get_xact_*) tell it: they hold this transaction's writes, and also those
-- of earlier transactions of the connection not yet reported to the statistics (which
-- only sends a check to the exact path, never the other way); asking them to be
-- reported when this transaction ends keeps the next check on this connection clean.
CREATE OR REPLACE FUNCTION credit_lock_own_balances(
    p_partners integer[], p_company integer, p_exclude_orders integer[], p_lock_class integer
) RETURNS TABLE(
    commercial_partner_id integer, receivable numeric, sale_order numeric, own_changes boolean
) AS $$
DECLARE
    v_commercial integer[];
    v_lock_timeout text := current_setting('lock_timeout');
    v_txid bigint;
    v_changes boolean;
BEGIN
    v_commercial := ARRAY(SELECT DISTINCT rp.commercial_partner_id FROM res_partner rp
                           WHERE rp.id = ANY(p_partners) ORDER BY 1);
    PERFORM set_config('lock_timeout', '30s', true);
    PERFORM pg_advisory_xact_lock(p_lock_class, c.id)
       FROM unnest(v_commercial) WITH ORDINALITY AS c(id, n) ORDER BY c.n;
    PERFORM set_config('lock_timeout', v_lock_timeout, true);
    v_txid := txid_current_if_assigned();
    SELECT COALESCE(SUM(pg_stat_get_xact_tuples_inserted(t) + pg_stat_get_xact_tuples_updated(t)
                        + pg_stat_get_xact_tuples_deleted(t)), 0) > 0
      INTO v_changes
      FROM unnest(ARRAY[to_regclass('res_partner'), to_regclass('account_move'),
                        to_regclass('account_move_line'), to_regclass('account_account'),
                        to_regclass('credit_application'), to_regclass('credit_warning_entry'),
                        to_regclass('credit_grade'), to_regclass('res_company'),
                        to_regclass('res_users'), to_regclass('credit_collection_stage')]) AS t
     WHERE t IS NOT NULL;
    IF current_setting('server_version_num')::integer >= 150000 THEN
        PERFORM pg_stat_force_next_flush();
    END IF;
    RETURN QUERY
    SELECT c.id,
           (SELECT SUM(b.amount) FROM credit_receivable_balance b
              JOIN res_partner m ON m.id = b.partner_id
             WHERE m.commercial_partner_id = c.id AND b.company_id = p_company
               AND b.txid = v_txid),
           (SELECT SUM(ob.amount) FROM credit_order_balance ob
              JOIN res_partner m ON m.id = ob.partner_id
             WHERE m.commercial_partner_id = c.id AND ob.company_id = p_company
               AND ob.txid = v_txid AND ob.order_id <> ALL(p_exclude_orders)),
           v_changes
      FROM unnest(v_commercial) AS c(id);
END;
$$ LANGUAGE plpgsql;
