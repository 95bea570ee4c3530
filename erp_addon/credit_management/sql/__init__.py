"""The SQL objects the add-on owns (triggers, functions, views), loaded from one place.

Each .sql file here names its owner model in its first line. They are (re)created after
every model of the module has its tables (on install and on every update), in the order
below, since a later file may use an earlier one's objects; uninstall.sql drops them all.
"""

from pathlib import Path

from ..tools.sql_files import SqlFiles

FILES = (
    "credit_overdue.sql",
    "credit_receivable_balance.sql",
    "credit_order_balance.sql",
    "credit_exposure_figures.sql",
    "credit_exposure_line.sql",
)

# loaded and dropped by the add-ons' one loader (credit_management/tools/sql_files.py)
SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
