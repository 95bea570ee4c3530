"""The SQL objects the bridge owns: the contract figures of the supplier evaluation,
loaded and dropped by credit_management's one loader (tools/sql_files.py)."""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = ("credit_supplier_contracts.sql",)

SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
