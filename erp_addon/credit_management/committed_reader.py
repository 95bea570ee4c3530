"""The credit check's second connection: what other transactions committed, read now.

Odoo runs a request in REPEATABLE READ: its snapshot does not show a confirmation that
another request committed while this one waited for the customer's lock. Once the check
holds the lock (taken by its own transaction, see sql/credit_exposure_figures.sql), it
reads the kept balances others committed on this second connection, in READ COMMITTED
(autocommit: each read sees every commit made until then, and holds nothing after it).

One connection per database and process, kept open between requests and shared by the
process's threads one read at a time: a check pays one round trip on it, not a
connection borrowed from Odoo's pool (which resets it when lent: a round trip more, and
the function's query plans lost, planned again on every request).
"""

import logging
import os
import threading

import psycopg2

from odoo import sql_db

_logger = logging.getLogger(__name__)

_mutex = threading.Lock()
_connections = {}  # database name: psycopg2 connection of this process
_inherited = []  # connections of a parent process (after a fork): never used nor closed
read_count = 0  # reads made by this process (for the benchmark's query counts)


def _forget_after_fork():
    # a worker forked from a process that read: the parent's connections are not ours
    # (closing them would end the parent's sessions), so they are only kept out of reach
    global _mutex  # noqa: PLW0603 - a fresh lock in the child
    _inherited.extend(_connections.values())
    _connections.clear()
    _mutex = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)


def _connect(dbname):
    _db, info = sql_db.connection_info_for(dbname)
    info = dict(info, application_name=f"{info.get('application_name', 'odoo')}-credit")
    cnx = psycopg2.connect(**info)
    cnx.autocommit = True
    return cnx


def read_committed(dbname, query, dicts=False):
    """Rows of ``query`` (an ``odoo.tools.SQL``) run now in READ COMMITTED on this
    process's second connection to ``dbname`` (as dicts with ``dicts``); a broken
    connection is opened again once."""
    global read_count  # noqa: PLW0603
    with _mutex:
        read_count += 1
        for attempt in (1, 2):
            cnx = _connections.get(dbname)
            if cnx is None or cnx.closed:
                cnx = _connections[dbname] = _connect(dbname)
            try:
                with cnx.cursor() as cur:
                    cur.execute(query.code, query.params)
                    rows = cur.fetchall()
                    if dicts:
                        names = [column.name for column in cur.description]
                        rows = [dict(zip(names, row, strict=True)) for row in rows]
                    return rows
            except (psycopg2.OperationalError, psycopg2.InterfaceError):
                # the server closed it (restart, database dropped and made again...)
                _connections.pop(dbname, None)
                try:
                    cnx.close()
                except psycopg2.Error:
                    _logger.debug("closing a broken connection failed", exc_info=True)
                if attempt == 2:
                    raise
    return []
