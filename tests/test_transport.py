"""Transports: call keys, URL parsing, replay misses, recording round trip, failures.

Nothing here pretends to be Odoo: replayed answers come from the recording that
``credit record`` took from a real server, and connection failures are real
(a closed local port, a local web server that is not Odoo).
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from credit_cli.connector.credit_data import fetch_exposure
from credit_cli.connector.transport import (
    RECORDING_FORMAT,
    RECORDING_VERSION,
    ConnectionFailed,
    ConnectorError,
    OdooRpcTransport,
    RecordingTransport,
    ReplayMissError,
    ReplayTransport,
    SettingsError,
    SnapshotError,
    Transport,
    WriteFailed,
    canonical_call,
    parse_server_url,
)

EMPTY_RECORDING = {"format": RECORDING_FORMAT, "version": RECORDING_VERSION, "calls": []}


def test_canonical_call_ignores_tuple_list_and_key_order() -> None:
    a = canonical_call("res.partner", "search", [(("a", "=", 1),)], {"order": "name", "limit": 5})
    b = canonical_call("res.partner", "search", [[["a", "=", 1]]], {"limit": 5, "order": "name"})
    assert a == b
    assert a != canonical_call("res.partner", "search", [[["a", "=", 2]]], {"limit": 5})


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://localhost:8069", ("localhost", "jsonrpc", 8069)),
        ("http://localhost:8069/", ("localhost", "jsonrpc", 8069)),
        ("https://erp.example.com", ("erp.example.com", "jsonrpc+ssl", 443)),
        ("http://erp.example.com", ("erp.example.com", "jsonrpc", 80)),
        (" https://erp.example.com:8443 ", ("erp.example.com", "jsonrpc+ssl", 8443)),
    ],
)
def test_parse_server_url(url: str, expected: tuple[str, str, int]) -> None:
    assert parse_server_url(url) == expected


@pytest.mark.parametrize(
    "url",
    ["localhost:8069", "ftp://host", "http://", "http://host/odoo", "http://host:99999", "x"],
)
def test_parse_server_url_rejects(url: str) -> None:
    with pytest.raises(ConnectorError, match="invalid Odoo URL"):
        parse_server_url(url)


def test_transports_satisfy_the_protocol() -> None:
    replay = ReplayTransport(EMPTY_RECORDING)
    assert isinstance(replay, Transport)
    assert isinstance(RecordingTransport(replay), Transport)


def test_replay_unknown_call_is_a_clear_error() -> None:
    replay = ReplayTransport(EMPTY_RECORDING, source="empty.json")
    with pytest.raises(ReplayMissError) as excinfo:
        replay.execute_kw("res.partner", "search", [[["id", "=", 7]]], {})
    message = str(excinfo.value)
    assert "res.partner.search" in message
    assert "empty.json" in message
    assert "credit record" in message
    assert isinstance(excinfo.value, ConnectorError)
    assert replay.calls_served == 0


@pytest.mark.parametrize(
    ("document", "match"),
    [
        ({"calls": []}, "not a credit-management RPC recording"),
        ({"format": RECORDING_FORMAT, "calls": "x"}, "not a credit-management RPC recording"),
        ({"format": RECORDING_FORMAT, "version": 99, "calls": []}, "recording version 99"),
    ],
)
def test_replay_rejects_other_documents(document: dict, match: str) -> None:
    with pytest.raises(ConnectorError, match=match):
        ReplayTransport(document)


def test_replay_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConnectorError, match="cannot read recording"):
        ReplayTransport.from_file(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConnectorError, match="not valid JSON"):
        ReplayTransport.from_file(bad)
    listing = tmp_path / "list.json"
    listing.write_text("[]", encoding="utf-8")
    with pytest.raises(ConnectorError, match="not a credit-management RPC recording"):
        ReplayTransport.from_file(listing)


def test_demo_replay_answers_the_recorded_calls(demo_recording: Path) -> None:
    document = json.loads(demo_recording.read_text(encoding="utf-8"))
    replay = ReplayTransport.from_file(demo_recording)
    assert len(replay) == len({canonical_call(**_call(c)) for c in document["calls"]})
    for call in document["calls"]:
        assert replay.execute_kw(**_call(call)) == call["response"]
    assert replay.calls_served == len(document["calls"])
    first = document["calls"][0]
    with pytest.raises(ReplayMissError):
        replay.execute_kw(first["model"], first["method"], first["args"], {"limit": 99})


def _call(call: dict) -> dict:
    return {k: call[k] for k in ("model", "method", "args", "kwargs")}


def test_recording_round_trip(demo_recording: Path, tmp_path: Path) -> None:
    """Record over the replayed real answers, save, replay the copy: same result."""
    original = ReplayTransport.from_file(demo_recording)
    batch_size = original.metadata["batch_size"]
    recorder = RecordingTransport(original, metadata={"batch_size": batch_size})
    expected = fetch_exposure(recorder, batch_size=batch_size)
    assert len(recorder.calls) == original.calls_served

    saved = recorder.save(tmp_path / "copy.json")
    assert [p.name for p in tmp_path.iterdir()] == ["copy.json"]
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document["format"] == RECORDING_FORMAT
    assert document["version"] == RECORDING_VERSION
    assert document["metadata"] == {"batch_size": batch_size}
    assert {"model", "method", "args", "kwargs", "response"} == set(document["calls"][0])

    assert fetch_exposure(ReplayTransport.from_file(saved), batch_size=batch_size) == expected


def test_demo_recording_holds_no_password(demo_recording: Path) -> None:
    text = demo_recording.read_text(encoding="utf-8")
    metadata = json.loads(text)["metadata"]
    assert "password" not in json.dumps(metadata).lower()
    assert metadata["server_version"].startswith("18.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_connection_refused_is_a_connector_error() -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(ConnectorError, match=f"cannot reach Odoo at {url}: Connection refused"):
        OdooRpcTransport.connect(url, "db", "admin", "admin", timeout=5, retries=0)


def test_connection_refused_is_retried_with_backoff() -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    said: list[str] = []
    with pytest.raises(ConnectorError, match=r"Connection refused \(tried 3 times\)"):
        OdooRpcTransport.connect(
            url,
            "db",
            "admin",
            "secret-pw",
            timeout=5,
            retries=2,
            backoff=0.01,
            progress=said.append,
        )
    retries = [line for line in said if "retrying in" in line]
    assert [line.rsplit(" ", 2)[-2] for line in retries] == ["0.01", "0.02"]
    assert not any("secret-pw" in line for line in said)


class _Unavailable(BaseHTTPRequestHandler):
    """A proxy in front of a restarting server: 503 to everything."""

    def do_POST(self) -> None:
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class _Silent(BaseHTTPRequestHandler):
    """Accepts the request and never answers (a hung server)."""

    def do_POST(self) -> None:
        threading.Event().wait(3)

    def log_message(self, *args: object) -> None:
        pass


def _serve(handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def test_service_unavailable_is_retried_then_one_error() -> None:
    server, url = _serve(_Unavailable)
    try:
        with pytest.raises(ConnectorError, match=r"HTTP 503 .*\(tried 2 times\)"):
            OdooRpcTransport.connect(url, "db", "u", "p", timeout=5, retries=1, backoff=0.01)
    finally:
        server.shutdown()
        server.server_close()


def test_timeout_gives_up_after_the_given_seconds() -> None:
    server, url = _serve(_Silent)
    try:
        with pytest.raises(ConnectorError, match=f"cannot reach Odoo at {url}: .*timed out"):
            OdooRpcTransport.connect(url, "db", "u", "p", timeout=0.3, retries=0)
    finally:
        server.shutdown()
        server.server_close()


class _NotOdoo(BaseHTTPRequestHandler):
    """A plain web page server: whatever is asked, it answers HTML, like a proxy page."""

    def do_POST(self) -> None:
        body = b"<html><body>Welcome to nginx!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def not_odoo_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotOdoo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_a_server_that_is_not_odoo(not_odoo_url: str) -> None:
    with pytest.raises(ConnectorError, match="did not answer like an Odoo server") as info:
        OdooRpcTransport.connect(not_odoo_url, "db", "admin", "admin", timeout=5, retries=0)
    assert isinstance(info.value, ConnectionFailed)  # cannot connect (to an Odoo): exit 3


def test_url_with_credentials_is_refused_without_echoing_them() -> None:
    with pytest.raises(ConnectorError) as info:
        parse_server_url("https://admin:s3cret@odoo.example.com")
    assert "s3cret" not in str(info.value)
    assert isinstance(info.value, SettingsError)  # a bad setting: exit 2


@pytest.mark.parametrize(
    "document",
    [
        {"format": RECORDING_FORMAT, "version": RECORDING_VERSION, "calls": [{"model": "x"}]},
        {"format": RECORDING_FORMAT, "version": RECORDING_VERSION, "calls": [1]},
        {"format": RECORDING_FORMAT, "version": RECORDING_VERSION, "calls": [], "metadata": [1]},
    ],
)
def test_a_malformed_snapshot_is_the_connectors_error(document: dict) -> None:
    """The connector raises only its own error: a bad snapshot is a SnapshotError, never a
    KeyError or TypeError for the caller to guess at."""
    with pytest.raises(SnapshotError, match="not a credit-management snapshot"):
        ReplayTransport(document)


def test_a_binary_snapshot_is_the_connectors_error(tmp_path: Path) -> None:
    path = tmp_path / "snap.json"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(SnapshotError, match="not a text"):
        ReplayTransport.from_file(path)


def test_a_snapshot_that_cannot_be_written_is_the_connectors_error(tmp_path: Path) -> None:
    recorder = RecordingTransport(
        ReplayTransport({"format": RECORDING_FORMAT, "version": 1, "calls": []})
    )
    with pytest.raises(WriteFailed, match="cannot write snapshot"):
        recorder.save(tmp_path / "no-such-folder" / "snap.json")


def test_the_connector_never_imports_the_command() -> None:
    """The connector is a library: it knows nothing of the `credit` command.

    It imports only itself and the package's language module (``i18n``: its messages
    are worded in the language of whoever uses it, as the command's are)."""
    import ast

    folder = Path(__file__).resolve().parents[1] / "connector"
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                assert not module.startswith("..") or module == "..i18n", (path.name, module)
                assert "cli" not in module and "command" not in module, (path.name, module)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith(("credit_cli", "cli", "command")), path.name


def test_overdue_and_ageing_are_read_never_computed() -> None:
    """The connector renders what the server computed: it reads no due date and does no
    date arithmetic, so overdue, days overdue and the buckets can only be Odoo's."""
    folder = Path(__file__).resolve().parents[1] / "connector"
    for path in sorted(folder.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for word in ("date_maturity", "invoice_date_due", "timedelta", "date_due"):
            assert word not in text, (path.name, word)
