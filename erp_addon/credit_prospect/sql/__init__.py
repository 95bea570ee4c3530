"""The SQL objects the add-on owns: the payment behaviour of every customer, the guarantee
cover hook and the ranking view (credit_prospect.sql says how each figure is made).

Each .sql file names its owner model in its first line. They are (re)created once every
model of the module has its tables (on install and on every update), in the order below;
uninstall.sql drops them all. They read credit_management's figures
(``credit_exposure_snapshot()``, ``credit_today()``).
"""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = (
    "credit_prospect_behaviour.sql",
    "credit_prospect_cover.sql",
    "credit_prospect.sql",
)

# loaded and dropped by the add-ons' one loader (credit_management/tools/sql_files.py)
SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
