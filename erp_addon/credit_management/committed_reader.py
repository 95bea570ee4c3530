"""The credit check's second connection: what other transactions committed, read now.

Odoo runs a request in REPEATABLE READ: its snapshot does not show a confirmation that
another request committed while this one waited for the customer's lock. Once the check
holds the lock (taken by its own transaction, see sql/credit_exposure_figures.sql), it
reads what others committed on a second connection, in READ COMMITTED (autocommit: each
read sees every commit made until then, and holds nothing after it).

The connections are kept open between requests, per database and process (a thread
takes an idle one, or opens one, for the time of one read): a check pays one round trip
there, not a connection borrowed from Odoo's pool, which resets it when lent (a round
trip more, and ``DISCARD ALL``: the function's query plans thrown away, planned again on
every request). Each query is prepared once per connection (``PREPARE``), then only
executed: the statement around the function (with the add-ons' expressions) is not
parsed and planned again on every check either.
"""

import logging
import os
import re
import threading

import psycopg2
import psycopg2.errors

from odoo import sql_db

_logger = logging.getLogger(__name__)

_mutex = threading.Lock()  # guards _idle only, never held during a query
_idle = {}  # database name: [idle psycopg2 connections of this process]
_inherited = []  # connections of a parent process (after a fork): never used nor closed
read_count = 0  # reads made by this process (for the benchmark's query counts)
# statements kept prepared on one connection (distinct queries are few: the check's own,
# whose text depends only on the add-ons installed); beyond this all are dropped
MAX_PREPARED = 32
# the placeholders of an odoo.tools.SQL query's text, and its escaped percent signs
_PLACEHOLDER = re.compile(r"%[s%]")


class _Connection(psycopg2.extensions.connection):
    """A kept connection and the statements prepared on it ({query text: name})."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared = {}
        self.named = 0  # statements named so far (a name is never reused)


def _forget_after_fork():
    # a worker forked from a process that read: the parent's connections are not ours
    # (closing them would end the parent's sessions), so they are only kept out of reach
    global _mutex  # noqa: PLW0603 - a fresh lock in the child
    for connections in _idle.values():
        _inherited.extend(connections)
    _idle.clear()
    _mutex = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)


def _connect(dbname):
    _db, info = sql_db.connection_info_for(dbname)
    info = dict(info, application_name=f"{info.get('application_name', 'odoo')}-credit")
    cnx = psycopg2.connect(connection_factory=_Connection, **info)
    cnx.autocommit = True
    with cnx.cursor() as cur:
        # never wait forever on a table lock (one the request itself may hold)
        cur.execute("SET lock_timeout = '30s'")
        # a prepared statement keeps one plan (its parameters are a few ids and dates):
        # not planned again for each check's values
        cur.execute("SET plan_cache_mode = force_generic_plan")
    return cnx


def _take(dbname):
    with _mutex:
        connections = _idle.get(dbname)
        cnx = connections.pop() if connections else None
    return cnx if cnx is not None and not cnx.closed else _connect(dbname)


def _give_back(dbname, cnx):
    with _mutex:
        _idle.setdefault(dbname, []).append(cnx)


def read_committed(dbname, query, dicts=False):
    """Rows of ``query`` (an ``odoo.tools.SQL``) run now in READ COMMITTED on a second
    connection to ``dbname`` (as dicts with ``dicts``); a connection the server closed
    is replaced once."""
    global read_count  # noqa: PLW0603
    read_count += 1
    for attempt in (1, 2):
        cnx = _take(dbname)
        try:
            with cnx.cursor() as cur:
                _execute_prepared(cnx, cur, query)
                rows = cur.fetchall()
                if dicts:
                    names = [column.name for column in cur.description]
                    rows = [dict(zip(names, row, strict=True)) for row in rows]
        except (psycopg2.errors.LockNotAvailable, psycopg2.errors.QueryCanceled):
            _give_back(dbname, cnx)  # waited too long: the request fails (Odoo retries it)
            raise
        except (psycopg2.OperationalError, psycopg2.InterfaceError):
            # closed by the server (restart, terminated, database dropped and made again)
            try:
                cnx.close()
            except psycopg2.Error:
                _logger.debug("closing a broken connection failed", exc_info=True)
            if attempt == 2:
                raise
            continue
        except Exception:
            _give_back(dbname, cnx)  # autocommit: nothing left open on it
            raise
        _give_back(dbname, cnx)
        return rows
    return []


def _execute_prepared(cnx, cur, query):
    """Run ``query`` (an ``odoo.tools.SQL``) on ``cur`` as a statement prepared on its
    connection, preparing it on first use. A kept statement that no longer runs (its
    function replaced by an update of the add-on) is prepared again, once."""
    code, params = query.code, query.params
    name = cnx.prepared.get(code)
    fresh = name is None
    if fresh:
        name = _prepare(cnx, cur, code, len(params))
    try:
        _execute(cur, name, params)
    except (psycopg2.errors.LockNotAvailable, psycopg2.errors.QueryCanceled):
        raise
    except psycopg2.Error:
        if fresh:
            raise
        # autocommit: nothing was left open by the failure
        del cnx.prepared[code]
        try:
            cur.execute(f"DEALLOCATE {name}")
        except psycopg2.Error:
            _logger.debug("statement %s was gone already", name)
        _execute(cur, _prepare(cnx, cur, code, len(params)), params)


def _execute(cur, name, params):
    if params:
        cur.execute(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)
    else:
        cur.execute(f"EXECUTE {name}")


def _prepare(cnx, cur, code, count):
    """Prepare ``code`` (with ``count`` %s placeholders) on ``cnx``: its name."""
    if len(cnx.prepared) >= MAX_PREPARED:
        cur.execute("DEALLOCATE ALL")
        cnx.prepared.clear()
    name = f"credit_read_{cnx.named}"
    cnx.named += 1
    numbers = iter(range(1, count + 1))
    body = _PLACEHOLDER.sub(lambda m: "%" if m.group() == "%%" else f"${next(numbers)}", code)
    cur.execute(f"PREPARE {name} AS {body}")
    cnx.prepared[code] = name
    return name
