"""The bridge's cover function, which replaces credit_prospect's (credit_prospect.sql there
says how the ranking counts it); the uninstall hook puts credit_prospect's back."""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = ("credit_prospect_guarantee.sql",)

# loaded by the add-ons' one loader (credit_management/tools/sql_files.py)
SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
