"""The one loader of the SQL objects the credit add-ons own (functions, views, triggers).

Each add-on keeps its SQL objects in ``.sql`` files of its own ``sql/`` folder, and in
``sql/__init__.py`` the list of those files in the order they load (a later file may use
an earlier one's objects) and an ``uninstall.sql`` that drops them all. It builds one
``SqlFiles`` from that folder and list, and uses it (never a copy of this code)::

    from odoo.addons.credit_management.tools.sql_files import SqlFiles

    SQL_FILES = SqlFiles(Path(__file__).parent, ("first.sql", "second.sql"))
    load_all = SQL_FILES.load_all  # from a model's init(), through pool.post_init
    drop_all = SQL_FILES.drop_all  # from the add-on's uninstall_hook

Every file creates its objects idempotently (``CREATE OR REPLACE`` or drop then create),
so loading again on every update replaces them with the add-on's current definition.
"""

from pathlib import Path


class SqlFiles:
    """The ordered ``.sql`` files of one add-on's ``sql/`` folder and its ``uninstall.sql``."""

    def __init__(self, folder, files, uninstall="uninstall.sql"):
        self.folder = Path(folder)
        self.files = tuple(files)
        self.uninstall = uninstall

    def execute_file(self, cr, name):
        """Run one file of the folder as it is (one statement list, no parameters)."""
        cr.execute((self.folder / name).read_text(encoding="utf-8"))

    def load_all(self, cr):
        """(Re)create every object, file by file in the listed order."""
        for name in self.files:
            self.execute_file(cr, name)

    def drop_all(self, cr):
        """Drop every object the files create (the add-on's uninstall.sql)."""
        self.execute_file(cr, self.uninstall)
