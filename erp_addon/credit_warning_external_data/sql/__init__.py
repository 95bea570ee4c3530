"""The bridge's signal function (credit_warning's contract, readme/DEVELOP.md there)."""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = ("credit_warning_external_data.sql",)

# loaded and dropped by the add-ons' one loader (credit_management/tools/sql_files.py)
SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
