"""The SQL objects the add-on owns (functions, views), loaded from one place.

Each .sql file names its owner model in its first line. They are (re)created once every
model of the module has its tables (on install and on every update), in the order below;
uninstall.sql drops them all. They use credit_management's definition of "overdue"
(credit_today(), credit_overdue_cutoff(), sql/credit_overdue.sql of that add-on).
"""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = (
    "credit_collection_items.sql",
    "credit_collection_ageing.sql",
)

# loaded and dropped by the add-ons' one loader (credit_management/tools/sql_files.py)
SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
