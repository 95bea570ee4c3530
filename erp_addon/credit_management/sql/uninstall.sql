-- Everything the files of this folder create, dropped when the add-on is uninstalled.
DROP VIEW IF EXISTS credit_exposure_line;
DROP FUNCTION IF EXISTS credit_exposure_figures(
    integer[], integer, timestamp, text, integer, boolean, integer[], integer[], numeric);
DROP FUNCTION IF EXISTS credit_exposure_figures(
    integer[], integer, timestamp, text, integer, integer, integer[], integer[], numeric);
DROP FUNCTION IF EXISTS credit_overdue_items(integer, date, integer[]);
DROP FUNCTION IF EXISTS credit_exposure_snapshot(
    integer[], integer, timestamp, text, integer, boolean, bigint, integer[], integer[], numeric);
DROP INDEX IF EXISTS credit_am_draft_idx;
DROP FUNCTION IF EXISTS credit_overdue_cutoff(integer, date);
DROP FUNCTION IF EXISTS credit_overdue_cutoff_of(date, integer);
DROP FUNCTION IF EXISTS credit_today();
DROP FUNCTION IF EXISTS credit_committed_balances(integer[], integer, integer[], integer);
DROP FUNCTION IF EXISTS credit_committed_balances(integer[], integer, integer[]);
DROP FUNCTION IF EXISTS credit_lock_own_balances(integer[], integer, integer[], integer);
DROP TRIGGER IF EXISTS credit_receivable_balance ON account_move_line;
DROP FUNCTION IF EXISTS credit_receivable_balance_trigger();
DROP FUNCTION IF EXISTS credit_receivable_balance_rebuild();
DROP FUNCTION IF EXISTS credit_receivable_balance_compact();
DROP FUNCTION IF EXISTS credit_receivable_balance_add(integer, integer, integer, numeric);
DROP TABLE IF EXISTS credit_receivable_balance;
DROP INDEX IF EXISTS credit_aml_past_due_idx;
DROP INDEX IF EXISTS credit_aml_credit_idx;
DROP TRIGGER IF EXISTS credit_order_balance ON sale_order;
DROP TRIGGER IF EXISTS credit_order_balance_ins ON sale_order;
DROP TRIGGER IF EXISTS credit_order_balance_del ON sale_order;
DROP TRIGGER IF EXISTS credit_order_balance_old ON sale_order;
DROP TRIGGER IF EXISTS credit_order_balance_new ON sale_order;
DROP FUNCTION IF EXISTS credit_order_balance_trigger();
DROP FUNCTION IF EXISTS credit_order_balance_in();
DROP FUNCTION IF EXISTS credit_order_balance_out();
DROP FUNCTION IF EXISTS credit_order_balance_rebuild();
DROP FUNCTION IF EXISTS credit_order_balance_compact();
DROP TABLE IF EXISTS credit_order_balance;
