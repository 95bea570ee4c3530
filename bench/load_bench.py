#!/usr/bin/env python3
"""Benchmark the hard credit check under concurrent load, on a real multi-worker Odoo.

Why: the check makes concurrent confirmations for one customer wait for one another (a
lock per customer; Odoo retries a request that loses a serialization conflict), so its
cost shows only when many people confirm at once, on separate worker processes, which a
single-process benchmark (bench/run.py) cannot show. This one measures the case of the
issue: a 4-worker Odoo, 16 salespeople confirming 10 orders of 400.00 each at once, for
4 customers whose credit limit is 10,000 (40 orders, 16,000, per customer). It prints,
for stock Odoo and for the add-on's check, measured in the same run: decisions
(confirmed or refused), errors, seconds, decisions per second, customers left over their
limit, the serialization retries in the server log, the CPUs other processes took
meanwhile (on a shared machine, figures mean little unless that is near 0), and the ratio
of the two rates. Figures are information: the exit code is 0 when it ran, 2 when no Odoo
is found.

One command: ``python3 bench/load_bench.py`` (``--rounds N`` repeats both phases
alternately and reports medians; ``--fresh`` rebuilds the database).

How: Odoo is found like the tests find it (scripts/odoo_env.py). The database
``credit_load_bench`` is installed once (updated on later runs). Before each phase this
file, run again with Odoo's Python (``--inside``), recreates the 160 draft orders and
writes the phase's settings; then a fresh ``--workers 4`` server is started (so no worker
holds a stale cached setting), 16 client threads log in, read their orders (warm-up), are
released at once by a barrier and confirm their orders one by one; the time runs from the
release to the last answer. "Stock" is the same Odoo with the check off
(``credit_check_sale``) and the add-on's balance triggers disabled, as in
bench/credit_check_bench.py: stock Odoo has neither (an interrupted run may leave them
disabled in this benchmark database; the next run puts them back).

Clients use web sessions (/web/session/authenticate, then /web/dataset/call_kw, as the
web client does) rather than /jsonrpc with a password: /jsonrpc verifies the password
(600,000 PBKDF2 rounds, about 0.5 s of CPU) once per user in every worker process, which
would put up to 64 such checks inside the measured time. The server's long-polling
process is an idle stand-in (see serve_odoo): the benchmark uses no websocket.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from bench_odoo import bench_odoo, prepare_database
from odoo_env import OdooSetup, addons_path, free_port

SALESPEOPLE = 16
ORDERS_EACH = 10
CUSTOMERS = 4
CREDIT_LIMIT = 10_000.0
ORDER_AMOUNT = 400.0
MANAGER = "bench_load_manager"
HTTP_TIMEOUT = 120  # seconds, for every HTTP call
START_TIMEOUT = 180  # seconds for a server to answer /web/health
PHASE_BUDGET = 900  # seconds: calls not started by then are counted as errors
BLOCKED = "odoo.addons.credit_management.exceptions.CreditCheckBlocked"
JSON_MARK = "LOAD_BENCH_JSON "
SERVER_ROLE = "CREDIT_LOAD_BENCH_SERVER"  # set in the environment of the Odoo server
# the add-ons' triggers keeping the balances (the orders' four: sql/credit_order_balance.sql)
TRIGGERS = (
    *(("sale_order", f"credit_order_balance_{kind}") for kind in ("ins", "del", "old", "new")),
    ("account_move_line", "credit_receivable_balance"),
)
# Odoo logs a retried serialization failure with "try again in", a lost one as below.
RETRY_MARK = "try again in"
GAVE_UP_MARK = "maximum number of tries reached"
# No proxy: every request goes to the local server.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# ---------------------------------------------------------------- JSON-RPC client
class RpcError(Exception):
    """An error answered by Odoo: ``name`` is the exception's class path."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


class Session:
    """A web session of one user on the benchmark server."""

    def __init__(self, base_url: str, db: str) -> None:
        self.base_url = base_url
        self.db = db
        self.session_id = ""

    def post(self, path: str, params: dict[str, Any]) -> Any:
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1})
        headers = {"Content-Type": "application/json"}
        if self.session_id:
            headers["Cookie"] = f"session_id={self.session_id}"
        request = urllib.request.Request(self.base_url + path, body.encode(), headers)
        with OPENER.open(request, timeout=HTTP_TIMEOUT) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie(header)
                if "session_id" in cookie:
                    self.session_id = cookie["session_id"].value
            answer = json.loads(response.read())
        if "error" in answer:
            data = answer["error"].get("data") or {}
            raise RpcError(data.get("name", "?"), data.get("message", str(answer["error"])))
        return answer["result"]

    def login(self, login: str, password: str) -> None:
        result = self.post(
            "/web/session/authenticate", {"db": self.db, "login": login, "password": password}
        )
        if not result.get("uid"):
            raise RuntimeError(f"login refused for {login}")

    def call_kw(self, model: str, method: str, args: list[Any], **kwargs: Any) -> Any:
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.post(f"/web/dataset/call_kw/{model}/{method}", params)


# ---------------------------------------------------------------- the server
def prepare_phase(odoo: OdooSetup, db: str, check: bool) -> dict[str, Any]:
    """Run this file inside Odoo to reset the orders and set the phase's settings."""
    command = [odoo.python, str(Path(__file__).resolve()), "--inside"]
    command += ["-c", str(odoo.rc), "--addons-path", addons_path(odoo.options), "-d", db]
    command += ["--check", "on" if check else "off"]
    env = dict(os.environ, PYTHONPATH=str(odoo.odoo_bin.parent))
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    lines = [line for line in done.stdout.splitlines() if line.startswith(JSON_MARK)]
    if done.returncode or not lines:
        raise RuntimeError(f"phase set-up failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1][len(JSON_MARK) :])


@contextmanager
def odoo_server(odoo: OdooSetup, db: str, workers: int, log: Path) -> Iterator[str]:
    """A multi-worker Odoo on a free local port, stopped on the way out; yields its URL.

    Started through this file (see serve_odoo) instead of odoo-bin, with odoo-bin's
    arguments, so that its long-polling process is an idle stand-in.
    """
    port = free_port()
    command = [odoo.python, str(Path(__file__).resolve()), *odoo.command(db)[2:]]
    command += ["--workers", str(workers), "--http-port", str(port)]
    command += ["--http-interface", "127.0.0.1", "--gevent-port", str(free_port())]
    command += ["--db-filter", f"^{db}$", "--log-level", "warn"]
    command += ["--log-handler", "odoo.service.model:INFO"]  # serialization retries
    env = dict(os.environ, PYTHONPATH=str(odoo.odoo_bin.parent), TZ="UTC")
    env[SERVER_ROLE] = "1"
    with log.open("w") as out:
        server = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, server, log)
        yield url
    finally:
        stop(server)


def serve_odoo() -> int:
    """Run Odoo's server as odoo-bin does; stand in for its long-polling process.

    A multi-worker Odoo starts its long-polling (websocket) process as
    ``python <its own script> gevent ...`` and starts it again whenever it exits. In the
    Odoo provisioned here that process dies on start (gevent's plugins fail in
    pkg_resources: 'zope.interface' distribution not found), so Odoo restarts it about
    twice a second, at about 0.7 s of CPU each time: half of a 2-core machine, taken
    from the workers being measured. The benchmark uses no websocket, so an idle process
    takes its place.
    """
    if sys.argv[1:2] == ["gevent"]:
        parent = os.getppid()
        while os.getppid() == parent:
            time.sleep(1)
        return 0
    import odoo

    odoo.cli.main()
    return 0


def wait_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"Odoo exited ({server.returncode}):\n{tail(log)}")
        try:
            with OPENER.open(url + "/web/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"Odoo did not answer in {START_TIMEOUT} s:\n{tail(log)}")


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server's whole process group: gently, then for good."""
    for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


# ---------------------------------------------------------------- one phase
@dataclass
class PhaseResult:
    phase: str
    decisions: int = 0
    confirmed: int = 0
    refused: int = 0
    errors: int = 0
    seconds: float = 0.0
    breaches: int = 0
    retries: int = 0
    gave_up: int = 0
    others: float = 0.0  # CPUs busy with other processes meanwhile (see cpu_of_others)
    error_samples: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.decisions / self.seconds if self.seconds else 0.0


@dataclass
class Salesperson:
    """One client thread's user, orders and outcomes."""

    login: str
    orders: list[int]
    session: Session
    outcomes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    finished: float = 0.0


def log_in(sales: list[Salesperson]) -> None:
    """Log every salesperson in and check their orders are drafts (also warms the workers)."""

    def one(person: Salesperson) -> None:
        person.session.login(person.login, person.login)
        states = person.session.call_kw("sale.order", "read", [person.orders, ["state"]])
        if {row["state"] for row in states} != {"draft"}:
            raise RuntimeError(f"{person.login}: orders are not all drafts: {states}")

    run_threads([threading.Thread(target=one, args=(p,)) for p in sales])


def run_threads(threads: list[threading.Thread]) -> None:
    failures: list[BaseException] = []
    original = threading.excepthook
    threading.excepthook = lambda hook: failures.append(hook.exc_value)
    try:
        for thread in threads:
            thread.daemon = True
            thread.start()
        deadline = time.monotonic() + PHASE_BUDGET + 2 * HTTP_TIMEOUT
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0))
    finally:
        threading.excepthook = original
    if failures:
        raise RuntimeError(f"a client thread failed: {failures[0]!r}")
    if any(thread.is_alive() for thread in threads):
        raise RuntimeError("client threads did not finish in time")


def confirm_all(person: Salesperson, barrier: threading.Barrier, deadline: list[float]) -> None:
    """Wait for the others, then confirm each order, noting what came of it."""
    barrier.wait()
    for order in person.orders:
        if time.monotonic() > deadline[0]:
            person.outcomes.append("error")
            person.errors.append("not attempted: time budget spent")
            continue
        try:
            person.session.call_kw("sale.order", "action_confirm", [[order]])
            person.outcomes.append("confirmed")
        except RpcError as exc:
            refused = exc.name == BLOCKED or "Credit check failed" in exc.message
            person.outcomes.append("refused" if refused else "error")
            if not refused:
                person.errors.append(str(exc)[:300])
        except OSError as exc:
            person.outcomes.append("error")
            person.errors.append(f"{type(exc).__name__}: {exc}"[:300])
    person.finished = time.perf_counter()


def confirm_concurrently(sales: list[Salesperson]) -> float:
    """All salespeople confirm at once; seconds from the release to the last answer."""
    started = [0.0]
    deadline = [0.0]

    def release() -> None:
        started[0] = time.perf_counter()
        deadline[0] = time.monotonic() + PHASE_BUDGET

    barrier = threading.Barrier(len(sales), action=release)
    run_threads([threading.Thread(target=confirm_all, args=(p, barrier, deadline)) for p in sales])
    return max(p.finished for p in sales) - started[0]


def cpu_of_others(db: str) -> dict[int, int]:
    """CPU ticks used so far by each process outside this benchmark (Linux /proc).

    Outside: neither in this process group nor a process of the server (run as this
    file), nor a PostgreSQL backend of the benchmark database. Tells a shared machine.
    """
    ours = (str(Path(__file__).resolve()).encode(), f" {db} ".encode())
    ticks = {}
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text() if entry.name.isdigit() else ""
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) < 13 or int(fields[2]) == os.getpgrp():
            continue
        if any(mark in cmdline for mark in ours):
            continue
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
    return ticks


def cpus_between(before: dict[int, int], after: dict[int, int], seconds: float) -> float:
    """CPUs the other processes kept busy between two readings (those that ended
    meanwhile are left out, those that started counted whole)."""
    used = sum(total - before.get(pid, 0) for pid, total in after.items())
    return used / os.sysconf("SC_CLK_TCK") / seconds


def count_breaches(url: str, db: str, customers: list[int]) -> int:
    """Customers whose confirmed orders total more than their limit (read as a manager)."""
    manager = Session(url, db)
    manager.login(MANAGER, MANAGER)
    groups = manager.call_kw(
        "sale.order",
        "read_group",
        [[("partner_id", "in", customers), ("state", "=", "sale")], ["amount_total:sum"]],
        groupby=["partner_id"],
        lazy=False,
    )
    return sum(1 for group in groups if group["amount_total"] > CREDIT_LIMIT + 0.005)


def run_phase(odoo: OdooSetup, db: str, workers: int, check: bool, logs: Path) -> PhaseResult:
    name = "with check" if check else "stock"
    plan = prepare_phase(odoo, db, check)
    log = logs / f"odoo-{name.replace(' ', '-')}-{time.monotonic_ns()}.log"
    with odoo_server(odoo, db, workers, log) as url:
        sales = [
            Salesperson(login, orders, Session(url, db))
            for login, orders in plan["salespeople"].items()
        ]
        log_in(sales)
        others_before = cpu_of_others(db)
        seconds = confirm_concurrently(sales)
        others = cpus_between(others_before, cpu_of_others(db), seconds)
        breaches = count_breaches(url, db, plan["customers"])
    outcomes = [outcome for p in sales for outcome in p.outcomes]
    text = log.read_text(errors="replace")
    return PhaseResult(
        phase=name,
        decisions=len(outcomes),
        confirmed=outcomes.count("confirmed"),
        refused=outcomes.count("refused"),
        errors=outcomes.count("error"),
        seconds=seconds,
        breaches=breaches,
        retries=text.count(RETRY_MARK),
        gave_up=text.count(GAVE_UP_MARK),
        others=others,
        error_samples=[error for p in sales for error in p.errors][:5],
    )


# ---------------------------------------------------------------- report
COLUMNS = (
    ("phase", 19, "{}"),
    ("decisions", 9, "{:g}"),
    ("confirmed", 9, "{:g}"),
    ("refused", 7, "{:g}"),
    ("errors", 6, "{:g}"),
    ("seconds", 7, "{:.1f}"),
    ("decisions/s", 11, "{:.1f}"),
    ("breaches", 8, "{:g}"),
    ("retries", 7, "{:g}"),
    ("others", 6, "{:.2f}"),
)


def row(values: list[Any]) -> str:
    cells = []
    for value, (_name, width, fmt) in zip(values, COLUMNS, strict=True):
        cells.append((value if isinstance(value, str) else fmt.format(value)).rjust(width))
    return "  ".join(cells)


def result_row(label: str, r: PhaseResult) -> str:
    return row(
        [label, r.decisions, r.confirmed, r.refused, r.errors, r.seconds, r.rate, r.breaches]
        + [r.retries, r.others]
    )


def median_row(phase: str, runs: list[PhaseResult]) -> str:
    """Each column's median over the rounds (the rate too, not the rate of the median)."""

    def med(attr: str) -> Any:
        return statistics.median(getattr(r, attr) for r in runs)

    names = ("decisions", "confirmed", "refused", "errors", "seconds", "rate", "breaches")
    return row([f"{phase} (median)", *(med(name) for name in names), med("retries"), med("others")])


def print_header(workers: int) -> None:
    print(
        f"\n{workers}-worker Odoo, {SALESPEOPLE} salespeople x {ORDERS_EACH} orders of "
        f"{ORDER_AMOUNT:,.2f} for {CUSTOMERS} customers at once (limit {CREDIT_LIMIT:,.0f} each)"
    )
    print(row([name for name, _, _ in COLUMNS]), flush=True)


def print_summary(results: dict[str, list[PhaseResult]]) -> None:
    """Medians when there were several rounds, error samples, then the ratio of the rates."""
    if len(results["stock"]) > 1:
        for phase, runs in results.items():
            print(median_row(phase, runs))
    gave_up = sum(r.gave_up for runs in results.values() for r in runs)
    print(f"retries: serialization failures Odoo retried (server log); given up: {gave_up}")
    print(
        f"others: CPUs of the {os.cpu_count()} busy with processes other than the benchmark's, "
        "its server's and its database's while orders were confirmed"
    )
    for phase, runs in results.items():
        for sample in [s for r in runs for s in r.error_samples][:5]:
            print(f"error ({phase}): {sample}")
    rates = {phase: statistics.median(r.rate for r in runs) for phase, runs in results.items()}
    ratio = rates["with check"] / rates["stock"] if rates["stock"] else float("nan")
    print(f"ratio (with check / stock decisions per second): {ratio:.2f}")


# ---------------------------------------------------------------- entry point
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="credit_load_bench")
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--rounds", type=int, default=1, help="stock/check pairs to run")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if args.rounds < 1 or args.workers < 1:
        parser.error("--rounds and --workers must be at least 1")

    odoo = bench_odoo()
    if odoo is None:
        return 2
    prepare_database(odoo, args.db, args.fresh)
    results: dict[str, list[PhaseResult]] = {"stock": [], "with check": []}
    print_header(args.workers)
    with tempfile.TemporaryDirectory(prefix="credit-load-bench-") as logs:
        for number in range(1, args.rounds + 1):
            for check in (False, True):
                result = run_phase(odoo, args.db, args.workers, check, Path(logs))
                results[result.phase].append(result)
                label = result.phase if args.rounds == 1 else f"{result.phase} #{number}"
                print(result_row(label, result), flush=True)
    print_summary(results)
    return 0


# ---------------------------------------------------------------- inside Odoo
def inside(argv: list[str]) -> int:
    """Set up one phase in the database (run with Odoo's Python) and print the plan."""
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", dest="config", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("-d", dest="db", required=True)
    parser.add_argument("--check", choices=("on", "off"), required=True)
    args = parser.parse_args(argv)

    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(
        ["-c", args.config, "--addons-path", args.addons_path, "-d", args.db, "--log-level", "warn"]
    )
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        context = {"tracking_disable": True, "mail_create_nolog": True, "no_reset_password": True}
        env = api.Environment(cr, SUPERUSER_ID, context)
        company = env.ref("base.main_company")
        ensure_chart(env, company)
        customers = ensure_customers(env, company)
        sales = ensure_users(env, company)
        set_triggers(env, enabled=False)
        orders = reset_orders(env, company, sales, customers, ensure_product(env))
        check = args.check == "on"
        settings = {"credit_check_sale": check}
        if check:
            settings.update(credit_block_overdue=False, credit_no_limit_policy="none")
        company.write(settings)
        set_triggers(env, enabled=check)
        cr.commit()
        plan = {
            "salespeople": {u.login: orders[u.id] for u in sales},
            "customers": customers.ids,
        }
    print(JSON_MARK + json.dumps(plan), flush=True)
    return 0


def ensure_chart(env: Any, company: Any) -> None:
    if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )


def ensure_product(env: Any) -> Any:
    """A consumable without taxes, so that an order of one is exactly its price."""
    from odoo import Command

    Product = env["product.product"]
    product = Product.search([("default_code", "=", "CREDIT-LOAD-BENCH")], limit=1)
    if not product:
        product = Product.create(
            {"name": "Load bench product", "default_code": "CREDIT-LOAD-BENCH", "type": "consu"}
        )
    product.taxes_id = [Command.clear()]
    return product


def ensure_customers(env: Any, company: Any) -> Any:
    Partner = env["res.partner"]
    customers = Partner
    for number in range(1, CUSTOMERS + 1):
        name = f"Load bench customer {number}"
        partner = Partner.search([("name", "=", name), ("is_company", "=", True)], limit=1)
        customers |= partner or Partner.create(
            {"name": name, "is_company": True, "customer_rank": 1}
        )
    customers.with_company(company).write(
        {"credit_limit": CREDIT_LIMIT, "use_partner_credit_limit": True}
    )
    return customers


def ensure_users(env: Any, company: Any) -> Any:
    """The salespeople (own documents only) and a sales manager who reads the results."""
    from odoo import Command

    Users = env["res.users"].with_context(active_test=False)
    wanted = [
        (f"bench_sales_{n:02d}", "sales_team.group_sale_salesman")
        for n in range(1, SALESPEOPLE + 1)
    ]
    wanted.append((MANAGER, "sales_team.group_sale_manager"))
    users = Users
    for login, group in wanted:
        user = Users.search([("login", "=", login)], limit=1)
        if not user:
            user = Users.create(
                {
                    "name": login.replace("_", " ").title(),
                    "login": login,
                    "password": login,
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [Command.set([env.ref(group).id])],
                }
            )
        users |= user
    return users.filtered(lambda u: u.login != MANAGER)


def reset_orders(
    env: Any, company: Any, sales: Any, customers: Any, product: Any
) -> dict[int, list[int]]:
    """Delete the salespeople's orders and make each 10 new drafts spread over the customers.

    Returns {salesperson id: [order ids]}.
    """
    from odoo import Command

    old = env["sale.order"].search([("user_id", "in", sales.ids)])
    old.filtered(lambda o: o.state not in ("draft", "cancel"))._action_cancel()
    old.unlink()
    values = [
        {
            "partner_id": customers[(index + number) % len(customers)].id,
            "user_id": user.id,
            "company_id": company.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1,
                        "price_unit": ORDER_AMOUNT,
                        "tax_id": [Command.clear()],
                    }
                )
            ],
        }
        for index, user in enumerate(sales)
        for number in range(ORDERS_EACH)
    ]
    orders = env["sale.order"].create(values)
    wrong = orders.filtered(lambda o: o.currency_id.compare_amounts(o.amount_total, ORDER_AMOUNT))
    if wrong:
        raise RuntimeError(f"orders not of {ORDER_AMOUNT}: {wrong.mapped('amount_total')}")
    return {user.id: orders.filtered(lambda o, u=user: o.user_id == u).ids for user in sales}


def set_triggers(env: Any, enabled: bool) -> None:
    """Switch the add-on's balance triggers; when on, recount the balances they keep."""
    action = "ENABLE" if enabled else "DISABLE"
    for table, trigger in TRIGGERS:
        env.cr.execute(f"ALTER TABLE {table} {action} TRIGGER {trigger}")
    if enabled:
        env.cr.execute("SELECT credit_order_balance_rebuild()")
        env.cr.execute("SELECT credit_receivable_balance_rebuild()")


if __name__ == "__main__":
    if os.environ.get(SERVER_ROLE):
        sys.exit(serve_odoo())
    if sys.argv[1:2] == ["--inside"]:
        sys.exit(inside(sys.argv[2:]))
    sys.exit(main())
