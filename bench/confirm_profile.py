"""Where a confirmation's time goes, add-ons on against stock (``bench/run.py --profile``).

Run inside Odoo by credit_check_bench.py. Prints, for one confirmation of the large
customer in each phase, the statements of the add-ons' phase that stock does not run
(with the add-on code that issued them), then the median over ``rounds`` confirmations
of each phase of: the whole confirmation, every statement on the request's connection,
the statements updating ``sale_order`` (where the order balance triggers run), the
check's lock statement, its read on the second connection, and the check's own Python
(``_credit_enforce_changes`` less the flush it starts and its two reads, in the add-ons'
phase only: stock runs that hook too, check off, and the recomputes it sets off there
run later in the add-ons' phase).
"""

from __future__ import annotations

import statistics
import time
import traceback
from collections import defaultdict


def _origin() -> str:
    """The innermost frame of an add-on (else of Odoo's addons) that led to a query."""
    frames = traceback.extract_stack()[:-2]
    for marker in ("/erp_addon/", "/addons/"):
        for frame in reversed(frames):
            if marker in frame.filename:
                name = "/".join(frame.filename.split("/")[-3:])
                return f"{name}:{frame.lineno} {frame.name}"
    return "?"


class _Probe:
    """Times the pieces of a confirmation while ``on``; logs its statements if asked."""

    def __init__(self, registry):
        from odoo import sql_db

        from odoo.addons.credit_management.models import res_partner_exposure

        self.on = False
        self.log = None
        self.times = defaultdict(float)
        self.depth = defaultdict(int)
        execute = sql_db.Cursor.execute
        probe = self

        def timed_execute(cursor, query, params=None, log_exceptions=True):
            if not probe.on:
                return execute(cursor, query, params, log_exceptions)
            text = " ".join(str(getattr(query, "code", query)).split())
            if probe.log is not None:
                probe.log.append((text[:110], _origin()))
            start = time.perf_counter()
            try:
                return execute(cursor, query, params, log_exceptions)
            finally:
                spent = time.perf_counter() - start
                probe.times["statements on the request's connection"] += spent
                if text.startswith('UPDATE "sale_order" '):
                    probe.times["UPDATE sale_order (the order triggers)"] += spent
                if probe.depth["check"]:
                    probe.times["_in_check"] += spent

        sql_db.Cursor.execute = timed_execute
        self._wrap(registry["res.partner"], "_credit_lock", "check: lock statement")
        self._wrap(res_partner_exposure, "read_committed", "check: second connection's read")
        self._wrap(registry["sale.order"], "_credit_enforce_changes", "check", outer=True)
        from odoo import api

        self._wrap(api.Environment, "flush_all", "_flush", inside="check")
        # the check's own flush (of everything but the orders it checks)
        self._wrap(res_partner_exposure, "_flush_for_figures", "_flush", inside="check")

    def _wrap(self, owner, name, label, outer=False, inside=None):
        function = getattr(owner, name)
        probe = self

        def wrapper(*args, **kwargs):
            if not probe.on or probe.depth[label] or (inside and not probe.depth[inside]):
                return function(*args, **kwargs)
            probe.depth[label] += 1
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                probe.times[label] += time.perf_counter() - start
                probe.depth[label] -= 1

        setattr(owner, name, wrapper)


def profile(env, partner, company, product, rounds, set_addon, request, new_order) -> None:  # noqa: PLR0913
    probe = _Probe(env.registry)
    logs, samples = {}, {False: defaultdict(list), True: defaultdict(list)}

    def confirm(enabled, log=False, keep=True):
        with request(env) as renv:
            order = new_order(renv, partner, company, product)
            renv.invalidate_all()
            probe.times.clear()
            probe.log = [] if log else None
            probe.on = True
            start = time.perf_counter()
            order.action_confirm()
            renv.flush_all()
            renv.cr.rollback()
            total = time.perf_counter() - start
            probe.on = False
        times = dict(probe.times, confirmation=total)
        check = times.pop("check", 0.0)
        if enabled:  # stock runs the hook too, with the check off: not the check's
            times["check: its Python"] = (
                check
                - times.pop("_flush", 0.0)
                - times.get("check: lock statement", 0.0)
                - times.get("check: second connection's read", 0.0)
            )
        times.pop("_in_check", None)
        times.pop("_flush", None)
        for key, value in times.items():
            if keep:
                samples[enabled][key].append(value)
        return probe.log

    for enabled in (False, True):
        set_addon(env, company, enabled)
        confirm(enabled, keep=False)
        logs[enabled] = confirm(enabled, log=True, keep=False)
    stock = {text for text, _origin in logs[False]}
    print("statements of the add-ons' confirmation that stock does not run:")
    for text, origin in logs[True]:
        if text not in stock:
            print(f"  {text}\n      from {origin}")
    print(
        f"statements on the request's connection: stock {len(logs[False])}, add-ons on "
        f"{len(logs[True])} (and the check's read on its second connection)"
    )
    for _block in range(max(rounds // 5, 1)):
        for enabled in (False, True):
            set_addon(env, company, enabled)
            confirm(enabled, keep=False)  # the switch makes PostgreSQL plan anew
            for _i in range(5):
                confirm(enabled)
    print(f"median ms over {len(samples[True]['confirmation'])} confirmations of each phase:")
    print(f"  {'':44s} {'stock':>8s} {'add-ons':>8s} {'diff':>8s}")
    for key in sorted(set(samples[False]) | set(samples[True])):
        a = statistics.median(samples[False][key]) * 1000 if samples[False][key] else 0.0
        b = statistics.median(samples[True][key]) * 1000 if samples[True][key] else 0.0
        print(f"  {key:44s} {a:8.3f} {b:8.3f} {b - a:8.3f}")
