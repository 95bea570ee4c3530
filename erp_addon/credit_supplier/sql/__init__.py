"""The SQL objects the add-on owns: the purchase figures of the supplier evaluation.

Each .sql file names its owner model in its first line; they are (re)created once every
model of the module has its tables (on install and on every update) by credit_management's
one loader; uninstall.sql drops them. The bridges (credit_supplier_stock,
credit_supplier_contract) ship their own ``sql/`` folders the same way.
"""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = ("credit_supplier_figures.sql",)

SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
