"""The SQL objects the add-on owns (triggers, functions, views), loaded from one place.

Each .sql file here names its owner model in its first line. They are (re)created after
every model of the module has its tables (on install and on every update), in the order
below, since a later file may use an earlier one's objects; uninstall.sql drops them all.
"""

from pathlib import Path

HERE = Path(__file__).parent
FILES = (
    "credit_overdue.sql",
    "credit_receivable_balance.sql",
    "credit_order_balance.sql",
    "credit_exposure_figures.sql",
    "credit_exposure_line.sql",
)


def execute_file(cr, name):
    cr.execute((HERE / name).read_text(encoding="utf-8"))


def load_all(cr):
    for name in FILES:
        execute_file(cr, name)


def drop_all(cr):
    execute_file(cr, "uninstall.sql")
