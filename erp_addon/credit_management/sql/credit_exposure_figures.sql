-- Owner: res.partner (models/res_partner_exposure.py).
-- Everything the credit check reads, in one query: one typed row per partner asked for,
-- with the figures and standing of its commercial partner in one company
-- (credit_exposure_snapshot). Documents named in p_exclude_moves / p_exclude_orders are
-- left out, so that the caller adds each checked document's whole amount itself.
--
-- Under concurrency the check first takes the commercial partners' lock, a transaction
-- lock of its own transaction (released when it commits or rolls back: no round trip to
-- release it, and PostgreSQL sees any deadlock it is part of; res.partner._credit_lock,
-- else credit_lock_own_balances below); what others committed is read afterwards on a
-- second connection (READ COMMITTED, see committed_reader.py), and the transaction adds
-- only its own uncommitted changes to the kept balances, told apart by their txid.

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

-- The figures themselves: one SELECT (a SQL function PostgreSQL writes into the calling
-- query, so that a caller that keeps its statement prepared, the check's second
-- connection, keeps the plan of the whole). Members' documents are found through the
-- array of a commercial partner's members, by index; the figures of a commercial partner
-- are shared by the partners asked for that belong to it.
--
-- p_now, p_tz and p_uid give "today" as fields.Date.context_today does: in the context's
-- time zone, else the user's (read here, to spare the caller a query). With p_own the
-- kept balances count only the rows of transaction p_txid (none when it is NULL), the
-- orders of p_exclude_orders left out; without it every row counts and the committed
-- part of the orders of p_exclude_orders is taken out as it stands.
DROP FUNCTION IF EXISTS credit_exposure_snapshot(
    integer[], integer, timestamp, text, integer, boolean, bigint, integer[], integer[], numeric);
CREATE FUNCTION credit_exposure_snapshot(
    p_partners integer[], p_company integer, p_now timestamp, p_tz text, p_uid integer,
    p_own boolean, p_txid bigint, p_exclude_moves integer[], p_exclude_orders integer[],
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
    SELECT rp.id,
           c.id,
           COALESCE((SELECT SUM(b.amount) FROM credit_receivable_balance b
                      WHERE b.partner_id = ANY(mem.ids) AND b.company_id = p_company
                        AND (NOT p_own OR b.txid = p_txid)), 0),
           COALESCE((SELECT SUM(am.amount_total_signed) FROM account_move am
                      WHERE am.partner_id = ANY(mem.ids) AND am.state = 'draft'
                        AND am.move_type IN ('out_invoice', 'out_refund', 'out_receipt')
                        AND am.company_id = p_company AND am.id <> ALL(p_exclude_moves)), 0),
           COALESCE((SELECT SUM(ob.amount) FROM credit_order_balance ob
                      WHERE ob.partner_id = ANY(mem.ids) AND ob.company_id = p_company
                        AND (NOT p_own
                             OR (ob.txid = p_txid AND ob.order_id <> ALL(p_exclude_orders)))), 0)
           -- reading every row: the excluded orders' part is taken out as it stands
           - COALESCE((SELECT SUM(ROUND(so.credit_uninvoiced_amount::numeric, 6))
                         FROM sale_order so
                        WHERE NOT p_own AND so.id = ANY(p_exclude_orders) AND so.state = 'sale'
                          AND so.company_id = p_company
                          AND so.partner_invoice_id = ANY(mem.ids)), 0),
           -- past-due items less unapplied credit notes and advances, never below zero
           GREATEST(
               COALESCE((SELECT SUM(aml.amount_residual) FROM account_move_line aml
                          WHERE aml.partner_id = ANY(mem.ids)
                            AND aml.date_maturity < credit_overdue_cutoff_of(
                                day.today, co.credit_overdue_grace_days)
                            AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
                            AND aml.amount_residual > 0
                            AND aml.account_id = ANY(day.accounts)
                            AND aml.company_id = p_company), 0)
               + COALESCE((SELECT SUM(aml.amount_residual) FROM account_move_line aml
                            WHERE aml.partner_id = ANY(mem.ids)
                              AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
                              AND aml.amount_residual < 0
                              AND aml.account_id = ANY(day.accounts)
                              AND aml.company_id = p_company), 0),
               0),
           COALESCE((c.credit_limit ->> p_company::text)::numeric, p_default_limit, 0),
           tmp.amount,
           tmp.until,
           (SELECT g.credit_policy FROM credit_grade g
             WHERE g.id = (c.credit_grade_id ->> p_company::text)::integer),
           EXISTS (SELECT 1 FROM credit_warning_entry w
                    WHERE w.partner_id = ANY(mem.ids) AND w.active
                      AND (w.company_id IS NULL OR w.company_id = p_company)),
           (c.credit_due_diligence_date ->> p_company::text)::date
      FROM (SELECT (p_now AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(NULLIF(COALESCE(
                       p_tz,
                       (SELECT u.tz FROM res_users ru JOIN res_partner u ON u.id = ru.partner_id
                         WHERE ru.id = p_uid)), ''), 'UTC'))::date AS today,
                   ARRAY(SELECT a.id FROM account_account a
                          WHERE a.account_type = 'asset_receivable') AS accounts
            OFFSET 0) day
      JOIN res_partner rp ON rp.id = ANY(p_partners)
      JOIN res_partner c ON c.id = rp.commercial_partner_id
      LEFT JOIN res_company co ON co.id = p_company
     CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT m.id FROM res_partner m
                          WHERE m.commercial_partner_id = c.id) AS ids
            OFFSET 0) mem
      LEFT JOIN LATERAL (
            -- approved temporary limits in force today (through their end date)
            SELECT MAX(app.requested_limit) AS amount,
                   (ARRAY_AGG(app.expiry_date ORDER BY app.requested_limit DESC))[1] AS until
              FROM credit_application app
             WHERE app.partner_id = c.id AND app.company_id = p_company
               AND app.state = 'approved' AND app.application_type = 'temporary'
               AND app.expiry_date >= day.today) tmp ON TRUE
$$ LANGUAGE sql STABLE;

-- The figures on the caller's own transaction. Under concurrency (p_lock_class given) it
-- first takes the commercial partners' lock, a transaction lock of this very transaction
-- (released when it commits or rolls back: no round trip to release it, and PostgreSQL
-- sees any deadlock it is part of), and the kept balances count only this transaction's
-- own rows: what others committed is read on the second connection
-- (credit_committed_balances, READ COMMITTED, see committed_reader.py).
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
    v_lock_timeout text;
BEGIN
    IF p_lock_class IS NOT NULL THEN
        -- in a fixed order (no deadlock between checks); never wait forever on a lock held
        -- by a transaction stuck elsewhere: after 30 s the request fails and Odoo retries it
        v_lock_timeout := current_setting('lock_timeout');
        PERFORM set_config('lock_timeout', '30s', true);
        PERFORM pg_advisory_xact_lock(p_lock_class, c.id)
           FROM unnest(ARRAY(SELECT DISTINCT rp.commercial_partner_id FROM res_partner rp
                              WHERE rp.id = ANY(p_partners) ORDER BY 1))
                WITH ORDINALITY AS c(id, n)
          ORDER BY c.n;
        PERFORM set_config('lock_timeout', v_lock_timeout, true);
    END IF;
    RETURN QUERY
    SELECT * FROM credit_exposure_snapshot(
        p_partners, p_company, p_now, p_tz, p_uid, p_lock_class IS NOT NULL,
        txid_current_if_assigned(), p_exclude_moves, p_exclude_orders, p_default_limit);
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

-- Where the check's first statement (res.partner._credit_lock) cannot take the lock at
-- once, or finds this transaction's own rows in the kept balances: takes the commercial
-- partners' lock (a transaction lock, in a fixed order: no deadlock between checks; after
-- 30 s of waiting the request fails and Odoo retries it), then returns per commercial
-- partner what this transaction itself added to the kept balances and not yet committed
-- (told by txid; the orders in p_exclude_orders left out).
DROP FUNCTION IF EXISTS credit_lock_own_balances(integer[], integer, integer[], integer);
CREATE FUNCTION credit_lock_own_balances(
    p_partners integer[], p_company integer, p_exclude_orders integer[], p_lock_class integer
) RETURNS TABLE(commercial_partner_id integer, receivable numeric, sale_order numeric) AS $$
DECLARE
    v_commercial integer[];
    v_lock_timeout text := current_setting('lock_timeout');
    v_txid bigint;
BEGIN
    v_commercial := ARRAY(SELECT DISTINCT rp.commercial_partner_id FROM res_partner rp
                           WHERE rp.id = ANY(p_partners) ORDER BY 1);
    PERFORM set_config('lock_timeout', '30s', true);
    PERFORM pg_advisory_xact_lock(p_lock_class, c.id)
       FROM unnest(v_commercial) WITH ORDINALITY AS c(id, n) ORDER BY c.n;
    PERFORM set_config('lock_timeout', v_lock_timeout, true);
    v_txid := txid_current_if_assigned();
    RETURN QUERY
    SELECT c.id,
           (SELECT SUM(b.amount) FROM credit_receivable_balance b
              JOIN res_partner m ON m.id = b.partner_id
             WHERE m.commercial_partner_id = c.id AND b.company_id = p_company
               AND b.txid = v_txid),
           (SELECT SUM(ob.amount) FROM credit_order_balance ob
              JOIN res_partner m ON m.id = ob.partner_id
             WHERE m.commercial_partner_id = c.id AND ob.company_id = p_company
               AND ob.txid = v_txid AND ob.order_id <> ALL(p_exclude_orders))
      FROM unnest(v_commercial) AS c(id);
END;
$$ LANGUAGE plpgsql;

-- The draft customer invoices of a partner, for the check's figures (a few rows, whatever
-- the number of posted invoices and of other customers' drafts)
CREATE INDEX IF NOT EXISTS credit_am_draft_idx
    ON account_move (partner_id) INCLUDE (company_id, amount_total_signed)
 WHERE state = 'draft' AND move_type IN ('out_invoice', 'out_refund', 'out_receipt');
