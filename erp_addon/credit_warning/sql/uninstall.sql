-- Owner: credit.warning.signal: drops what sql/*.sql create.
DROP FUNCTION IF EXISTS credit_warning_signal_overdue_share(integer, date, numeric, integer, integer[]);
DROP FUNCTION IF EXISTS credit_warning_signal_dso_up(integer, date, numeric, integer, integer[]);
DROP FUNCTION IF EXISTS credit_warning_signal_days_to_pay(integer, date, numeric, integer, integer[]);
DROP FUNCTION IF EXISTS credit_warning_signal_grade_down(integer, date, numeric, integer, integer[]);
DROP FUNCTION IF EXISTS credit_warning_signal_limit_usage(integer, date, numeric, integer, integer[]);
DROP FUNCTION IF EXISTS credit_warning_signal_promise_broken(integer, date, numeric, integer, integer[]);
DROP FUNCTION IF EXISTS credit_warning_signal_warning_list(integer, date, numeric, integer, integer[]);
DROP FUNCTION IF EXISTS credit_warning_receivable_at(integer, date[], integer[]);
DROP FUNCTION IF EXISTS credit_warning_sales_between(integer, date[], integer, integer[]);
