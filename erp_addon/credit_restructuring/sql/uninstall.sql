DROP VIEW IF EXISTS credit_restructuring_adherence;
DROP FUNCTION IF EXISTS credit_restructuring_paused_moves(integer);
