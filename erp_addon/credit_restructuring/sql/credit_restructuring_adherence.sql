-- Owner: credit.restructuring.adherence (report/credit_restructuring_adherence.py): one row
-- per instalment of every agreement in force or ended (active, completed, breached), with
-- what was paid on it and when, and its status on credit_today():
--   paid: the payments reconciled on the covered invoices' receivable lines after the
--   agreement was submitted (account_partial_reconcile rows above its watermark, so that
--   what was paid before, already out of the amount restructured, never counts twice),
--   less the bad-debt write-off entries (the waived part is no payment), in company
--   currency, dated by the payment (max_date), applied to the instalments oldest first;
--   an instalment is paid on the day the payments reach the schedule's running total up to
--   it: on time by its due date, late after it; not paid once its due date plus the
--   company's grace days has passed: missed; within the grace days: due; later: upcoming.
CREATE OR REPLACE VIEW credit_restructuring_adherence AS
WITH agreements AS (
    SELECT a.id, a.partner_id, a.company_id, a.state, a.partial_watermark,
           COALESCE(rc.restructuring_grace_days, 0) AS grace
      FROM credit_restructuring a
      JOIN res_company rc ON rc.id = a.company_id
     WHERE a.state IN ('active', 'completed', 'breached')
), pay AS (
    SELECT a.id AS restructuring_id, p.max_date AS day, SUM(p.amount) AS amount
      FROM agreements a
      JOIN credit_restructuring_move_rel r ON r.restructuring_id = a.id
      JOIN account_move_line l ON l.move_id = r.move_id AND l.display_type = 'payment_term'
      JOIN account_partial_reconcile p ON p.debit_move_id = l.id
      JOIN account_move_line c ON c.id = p.credit_move_id
     WHERE p.id > COALESCE(a.partial_watermark, 0)
       AND NOT EXISTS (SELECT 1 FROM credit_collection_writeoff w
                        WHERE w.writeoff_move_id = c.move_id)
  GROUP BY a.id, p.max_date
), paid_running AS (
    SELECT restructuring_id, day,
           SUM(amount) OVER (PARTITION BY restructuring_id ORDER BY day) AS running
      FROM pay
), paid_total AS (
    SELECT restructuring_id, SUM(amount) AS amount FROM pay GROUP BY restructuring_id
), instalments AS (
    SELECT i.id, i.restructuring_id, i.date_due, i.amount,
           SUM(i.amount) OVER (PARTITION BY i.restructuring_id
                               ORDER BY i.date_due, i.sequence, i.id) AS running
      FROM credit_restructuring_instalment i
      JOIN agreements a ON a.id = i.restructuring_id
), figures AS (
    SELECT i.id, i.restructuring_id, i.date_due, i.amount,
           LEAST(GREATEST(COALESCE(t.amount, 0) - (i.running - i.amount), 0), i.amount)
               AS amount_paid,
           (SELECT MIN(pr.day) FROM paid_running pr
             WHERE pr.restructuring_id = i.restructuring_id
               AND pr.running >= i.running - 0.005) AS date_paid
      FROM instalments i
 LEFT JOIN paid_total t ON t.restructuring_id = i.restructuring_id
)
SELECT f.id, f.id AS instalment_id, f.restructuring_id, a.partner_id, a.company_id,
       a.state AS agreement_state, f.date_due, f.amount, f.amount_paid,
       f.amount - f.amount_paid AS amount_open, f.date_paid,
       CASE WHEN f.date_paid IS NOT NULL AND f.date_paid <= f.date_due THEN 'on_time'
            WHEN f.date_paid IS NOT NULL THEN 'late'
            WHEN f.date_due + a.grace < credit_today() THEN 'missed'
            WHEN f.date_due < credit_today() THEN 'due'
            ELSE 'upcoming' END AS status,
       CASE WHEN f.date_paid IS NOT NULL THEN GREATEST(f.date_paid - f.date_due, 0)
            ELSE GREATEST(credit_today() - f.date_due, 0) END AS days_late
  FROM figures f
  JOIN agreements a ON a.id = f.restructuring_id;

-- Owner: credit.collection.run (models/credit_collection_run.py): the invoices of
-- p_company that an agreement in force takes out of the collection procedure's escalation,
-- read once per run whatever the number of invoices.
CREATE OR REPLACE FUNCTION credit_restructuring_paused_moves(p_company integer)
RETURNS TABLE (move_id integer) AS $$
    SELECT DISTINCT r.move_id
      FROM credit_restructuring a
      JOIN credit_restructuring_move_rel r ON r.restructuring_id = a.id
     WHERE a.state = 'active' AND a.company_id = p_company
$$ LANGUAGE sql STABLE;
