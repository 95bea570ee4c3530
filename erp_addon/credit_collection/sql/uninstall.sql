-- Owner: the add-on (hooks.py): drops every SQL object of this directory.
DROP VIEW IF EXISTS credit_collection_ageing;
DROP FUNCTION IF EXISTS credit_collection_items(integer, date, integer[]);
DROP FUNCTION IF EXISTS credit_collection_move_days(date);
DROP FUNCTION IF EXISTS credit_collection_move_overdue(integer, date);
DROP INDEX IF EXISTS credit_collection_move_tracked_idx;
DROP INDEX IF EXISTS credit_collection_move_written_idx;
DROP INDEX IF EXISTS credit_collection_credit_written_idx;
