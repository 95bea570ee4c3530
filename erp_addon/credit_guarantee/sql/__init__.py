"""The SQL objects the add-on owns, loaded by the add-ons' one loader
(credit_management/tools/sql_files.py) once the module's tables exist; uninstall.sql drops
them."""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = ("credit_guarantee_cover.sql",)

SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
