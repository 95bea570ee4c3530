"""The SQL objects the add-on owns, loaded from one place (credit_management's loader).

credit_restructuring_adherence.sql: the instalments of the agreements in force or ended,
with what was paid on each (the payments reconciled on the covered invoices since the
agreement was submitted, applied to the instalments oldest first) and whether it was paid
on time, late or missed; and the invoices an agreement in force takes out of the
collection procedure's escalation.
"""

from pathlib import Path

from odoo.addons.credit_management.tools.sql_files import SqlFiles

FILES = ("credit_restructuring_adherence.sql",)

SQL_FILES = SqlFiles(Path(__file__).parent, FILES)
load_all = SQL_FILES.load_all
drop_all = SQL_FILES.drop_all
