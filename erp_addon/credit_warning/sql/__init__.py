"""The SQL objects the add-on owns: the early-warning signals, one function per type.

Each .sql file names its owner model in its first line. They are (re)created once every
model of the module has its tables (on install and on every update), in the order below;
uninstall.sql drops them all. They use credit_management's definition of "overdue"
(``credit_overdue_cutoff()``) and its check's figures (``credit_exposure_snapshot()``).
A bridge add-on that adds a signal type ships its own ``sql/`` folder the same way (see
readme/DEVELOP.md).
"""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = (
    "credit_warning_figures.sql",
    "credit_warning_signals.sql",
)

# loaded and dropped by the add-ons' one loader (credit_management/tools/sql_files.py)
SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
