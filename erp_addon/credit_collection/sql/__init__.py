"""The SQL objects the add-on owns (functions, views), loaded from one place.

Each .sql file names its owner model in its first line. They are (re)created once every
model of the module has its tables (on install and on every update), in the order below;
uninstall.sql drops them all. They use credit_management's definition of "overdue"
(credit_today(), credit_overdue_cutoff(), sql/credit_overdue.sql of that add-on).
"""

from pathlib import Path

HERE = Path(__file__).parent
FILES = (
    "credit_collection_items.sql",
    "credit_collection_ageing.sql",
)


def execute_file(cr, name):
    cr.execute((HERE / name).read_text(encoding="utf-8"))


def load_all(cr):
    for name in FILES:
        execute_file(cr, name)


def drop_all(cr):
    execute_file(cr, "uninstall.sql")
