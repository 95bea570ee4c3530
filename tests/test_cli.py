"""The ``credit`` command line through click's CliRunner (and once as a real process)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.command.exposure import summary_line
from credit_cli.connector.credit_data import fetch_exposure
from credit_cli.connector.transport import ReplayTransport

from tests.factories import TODAY, make_partner

NO_ENV = {
    "CREDIT_ODOO_URL": None,
    "CREDIT_ODOO_DB": None,
    "CREDIT_ODOO_USER": None,
    "CREDIT_ODOO_PASSWORD": None,
    "CREDIT_ODOO_API_KEY": None,
    "CREDIT_ODOO_TIMEOUT": None,
    "CREDIT_CONFIG": None,
    "CREDIT_ODOO_RETRIES": "0",
    "XDG_CONFIG_HOME": "/nonexistent/credit-test-config",
    # an English locale: the command speaks it unless a test says otherwise
    "LANGUAGE": None,
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANG": "en_US.UTF-8",
}
#: A Chinese locale: the command, its errors and its reports speak Chinese.
ZH_LOCALE = {"LANG": "zh_CN.UTF-8"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=NO_ENV)


def assert_user_error(result, *fragments: str, code: int = 2) -> None:
    """One ``credit: error:`` line on stderr, nothing on stdout, exit ``code``."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("credit: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_summary_line() -> None:
    from credit_cli.connector.models import CompanyInfo

    partners = [make_partner(), make_partner(partner_id=2, exposure=150000.0)]
    company = CompanyInfo("C", "CNY")
    assert summary_line(partners, company, TODAY, "en") == (
        "2 customers, total exposure 200,000.00 CNY, 1 over limit"
    )
    assert summary_line(partners, company, TODAY, "zh_CN") == (
        "客户 2 户，风险敞口合计 200,000.00 CNY，超出授信额度 1 户"
    )


def test_demo_writes_both_reports(
    runner: CliRunner,
    tmp_path: Path,
    demo_recording: Path,
) -> None:
    out = tmp_path / "reports"
    result = runner.invoke(
        credit,
        ["exposure", "--snapshot", str(demo_recording), "--output", str(out)]
        + ["--today", "2025-03-31"],
        env=ZH_LOCALE,
    )
    assert result.exit_code == 0, result.output
    xlsx = out / "credit_exposure_2025-03-31.xlsx"
    html = out / "credit_exposure_2025-03-31.html"
    assert sorted(out.iterdir()) == sorted([xlsx, html])
    lines = result.stdout.strip().splitlines()
    assert lines[:2] == [f"已写入 {xlsx}", f"已写入 {html}"]

    replay = ReplayTransport.from_file(demo_recording)
    company, partners = fetch_exposure(replay, batch_size=replay.metadata["batch_size"])
    assert lines[2] == summary_line(partners, company, TODAY, "zh_CN")
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet["B2"].value == company.name
    names = [sheet.cell(7 + i, 2).value for i in range(len(partners))]
    assert names == [p.name for p in sorted(partners, key=lambda p: p.risk_key)]
    assert sheet.cell(7 + len(partners), 1).value == "合计"
    assert "授信额度" in html.read_text(encoding="utf-8")


def test_demo_xlsx_only_in_english(runner: CliRunner, tmp_path: Path, demo_recording: Path) -> None:
    result = runner.invoke(
        credit,
        [
            "exposure",
            "--snapshot",
            str(demo_recording),
            "--format",
            "xlsx",
            "--lang",
            "en",
            "--output",
            str(tmp_path),
            "--today",
            "2025-01-02",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["credit_exposure_2025-01-02.xlsx"]
    assert result.stdout.startswith("wrote ")
    assert " customers, total exposure " in result.stdout


def test_report_that_cannot_be_written(
    runner: CliRunner, tmp_path: Path, demo_recording: Path
) -> None:
    (tmp_path / "credit_exposure_2025-03-31.html").mkdir()  # a folder where the file should go
    result = runner.invoke(
        credit,
        [
            "exposure",
            "--snapshot",
            str(demo_recording),
            "--format",
            "html",
            "--output",
            str(tmp_path),
            "--today",
            "2025-03-31",
        ],
    )
    assert_user_error(result, "cannot write report in", code=7)
    assert [p.name for p in tmp_path.iterdir()] == ["credit_exposure_2025-03-31.html"]


def test_missing_connection_options(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(credit, ["exposure", "--output", str(out)])
    assert_user_error(result, "missing --url, --db, --user, --password", "--demo")
    assert not out.exists()  # nothing created for a command that cannot run


def test_partly_missing_options_name_the_env_variable(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        credit,
        ["exposure", "--url", "http://localhost:8069", "--output", str(tmp_path)],
        env={"CREDIT_ODOO_DB": "x"},
    )
    assert_user_error(result, "missing --user, --password", "CREDIT_ODOO_PASSWORD")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["exposure", "--format", "pdf"], "'--format'"),
        (["exposure", "--lang", "fr"], "'--lang'"),
        (["exposure", "--today", "31/03/2025"], "'--today'"),
        (["exposure", "--today", "2025-02-30"], "'--today'"),
        (["exposure", "--no-such-option"], "--no-such-option"),
        (["nonsense"], "nonsense"),
        (["record", "--url", "http://localhost:8069"], "'--output'"),
        (["record", "--output", "x.json", "--batch-size", "0"], "'--batch-size'"),
    ],
)
def test_bad_options(runner: CliRunner, args: list[str], fragment: str) -> None:
    assert_user_error(runner.invoke(credit, args), fragment)


def _offline_connection() -> list[str]:
    """Connection options pointing at a port where no Odoo listens."""
    return ["--url", _closed_port_url(), "--db", "d", "--user", "u", "--password", "p"]


@pytest.mark.parametrize(
    ("below_the_file", "fragments"),
    [
        (True, ("cannot create output directory", "Not a directory")),
        (False, ("--output", "is not a folder")),
    ],
)
def test_output_blocked_by_a_file(
    runner: CliRunner, tmp_path: Path, below_the_file: bool, fragments: tuple[str, str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    output = blocker / "out" if below_the_file else blocker
    result = runner.invoke(credit, ["exposure", *_offline_connection(), "--output", str(output)])
    assert_user_error(result, *fragments, code=7)


def test_no_connection(runner: CliRunner, tmp_path: Path) -> None:
    url = _closed_port_url()
    result = runner.invoke(
        credit,
        ["exposure", "--output", str(tmp_path)],
        env={
            "CREDIT_ODOO_URL": url,
            "CREDIT_ODOO_DB": "d",
            "CREDIT_ODOO_USER": "u",
            "CREDIT_ODOO_PASSWORD": "p",
        },
    )
    assert_user_error(result, f"cannot reach Odoo at {url}", "Connection refused", code=3)
    assert list(tmp_path.iterdir()) == []


def test_record_without_server(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "rec.json"
    result = runner.invoke(
        credit,
        [
            "record",
            *_offline_connection(),
            "--output",
            str(target),
        ],
    )
    assert_user_error(result, "cannot reach Odoo", "Connection refused", code=3)
    assert not target.exists()


def test_record_into_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        credit,
        [
            "record",
            *_offline_connection(),
            "--output",
            str(tmp_path / "nope" / "rec.json"),
        ],
    )
    assert_user_error(result, "cannot write", "does not exist", code=7)


def test_help_lists_the_commands(runner: CliRunner) -> None:
    result = runner.invoke(credit, ["--help"])
    assert result.exit_code == 0
    for command in ("exposure", "scorecards", "awards", "pull"):
        assert command in result.stdout
    result = runner.invoke(credit, ["exposure", "--help"])
    assert result.exit_code == 0
    assert "CREDIT_ODOO_PASSWORD" in result.stdout  # users learn the environment names
    assert "--demo" in result.stdout and "--today" in result.stdout


# ------------------------------------------------------------ sources and bad input


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(credit, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("credit, version ")


@pytest.mark.parametrize("command", ["exposure", "scorecards", "awards"])
def test_connection_options_with_demo_are_an_error(runner: CliRunner, command: str) -> None:
    result = runner.invoke(credit, [command, "--demo", "--url", "http://localhost:8069"])
    assert_user_error(result, "--url cannot be used with --demo")


def test_connection_options_with_snapshot_are_an_error(
    runner: CliRunner, demo_recording: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        credit,
        ["exposure", "--snapshot", str(demo_recording), "--db", "x", "--password", "p"],
    )
    assert_user_error(result, "--db, --password cannot be used with --snapshot")


def test_environment_does_not_clash_with_demo(
    runner: CliRunner, tmp_path: Path, demo_recording: Path
) -> None:
    """Only options typed on the command line clash; a set environment is just unused."""
    result = runner.invoke(
        credit,
        ["exposure", "--demo", "--output", str(tmp_path), "--format", "xlsx"],
        env={"CREDIT_ODOO_URL": "http://localhost:1"},
    )
    assert result.exit_code == 0, result.output


def test_demo_and_snapshot_together(runner: CliRunner, demo_recording: Path) -> None:
    result = runner.invoke(credit, ["exposure", "--demo", "--snapshot", str(demo_recording)])
    assert_user_error(result, "--demo and --snapshot exclude each other")


def test_exposure_from_a_snapshot_file(
    runner: CliRunner, tmp_path: Path, demo_recording: Path
) -> None:
    result = runner.invoke(
        credit,
        ["exposure", "--snapshot", str(demo_recording), "--output", str(tmp_path)]
        + ["--format", "xlsx", "--today", "2025-03-31"],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "credit_exposure_2025-03-31.xlsx").is_file()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "is not valid JSON"),
        ('{"format": "something-else", "calls": []}', "is not a credit-management"),
        ("[1, 2, 3]", "is not a credit-management"),
        ('{"format": "credit-management/rpc-recording", "version": 1, "calls": [{}]}', "is not a"),
        ("", "is not valid JSON"),
    ],
)
@pytest.mark.parametrize("command", ["exposure", "scorecards", "awards"])
def test_corrupt_or_foreign_snapshot(
    runner: CliRunner, tmp_path: Path, content: str, fragment: str, command: str
) -> None:
    snapshot = tmp_path / "snap.json"
    snapshot.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(credit, [command, "--snapshot", str(snapshot), "--output", str(out)])
    assert_user_error(result, fragment, code=6)
    assert not out.exists()


def test_missing_snapshot_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(credit, ["scorecards", "--snapshot", str(tmp_path / "none.json")])
    assert_user_error(result, "cannot read recording", "No such file", code=6)


def test_snapshot_without_appraisal_data(
    runner: CliRunner, tmp_path: Path, demo_recording: Path
) -> None:
    """The exposure-only recording holds no appraisal answers: said in one line."""
    result = runner.invoke(
        credit,
        ["scorecards", "--snapshot", str(demo_recording), "--output", str(tmp_path / "o")],
    )
    assert_user_error(result, "does not hold this data", "credit pull", code=5)
    assert list((tmp_path / "o").glob("*")) == []


@pytest.mark.parametrize("command", ["exposure", "scorecards", "awards"])
@pytest.mark.parametrize(
    ("output", "fragment"), [("", "--output is empty"), ("/dev/null", "is not a folder")]
)
def test_empty_or_device_output_folder(
    runner: CliRunner, command: str, output: str, fragment: str
) -> None:
    result = runner.invoke(credit, [command, "--demo", "--output", output])
    assert_user_error(result, fragment, code=7)


@pytest.mark.parametrize(
    ("output", "fragment"),
    [("", "--output is empty"), ("/dev/null", "is not a regular file")],
)
def test_pull_refuses_empty_or_device_output(runner: CliRunner, output: str, fragment: str) -> None:
    result = runner.invoke(credit, ["pull", *_offline_connection(), "--output", output])
    assert_user_error(result, fragment, code=7)


@contextlib.contextmanager
def _unprivileged() -> Iterator[None]:
    """Act as an ordinary user, also when the tests run as root (as in CI's containers).

    Root writes anywhere, so a read-only folder means nothing to it; the real and effective
    ids become nobody's (os.access checks the real one), the saved id stays root's so that
    they can be put back.
    """
    if os.geteuid() != 0:
        yield
        return
    nobody = pwd.getpwnam("nobody")
    os.setresgid(nobody.pw_gid, nobody.pw_gid, 0)
    os.setresuid(nobody.pw_uid, nobody.pw_uid, 0)
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)
        os.setresgid(0, 0, 0)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody but root may write in, inside one every user may walk through."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o500)
        yield folder
        return
    base = Path(tempfile.mkdtemp(prefix="credit-ro-"))  # pytest's tmp_path is root's alone
    try:
        base.chmod(0o755)
        folder = base / "ro"
        folder.mkdir(mode=0o555)
        yield folder
    finally:
        shutil.rmtree(base)


def test_pull_into_a_read_only_folder(runner: CliRunner, read_only_folder: Path) -> None:
    with _unprivileged():
        result = runner.invoke(
            credit, ["pull", *_offline_connection(), "--output", str(read_only_folder / "s.json")]
        )
    assert_user_error(result, "Permission denied", code=7)
    assert list(read_only_folder.iterdir()) == []


def test_pull_without_server_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "snap.json"
    result = runner.invoke(credit, ["pull", *_offline_connection(), "--output", str(target)])
    assert_user_error(result, "cannot reach Odoo", "Connection refused", code=3)
    assert list(tmp_path.iterdir()) == []


def test_pull_refuses_demo(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(credit, ["pull", "--demo", "--output", str(tmp_path / "s.json")])
    assert_user_error(result, "pull reads a live server")


def test_settings_from_config_file(runner: CliRunner, tmp_path: Path) -> None:
    """The config file fills what options and environment leave out."""
    url = _closed_port_url()
    config = tmp_path / "credit.toml"
    config.write_text(f'url = "{url}"\ndb = "d"\nuser = "u"\napi_key = "k-secret"\n')
    result = runner.invoke(
        credit, ["scorecards", "--config", str(config), "--output", str(tmp_path / "o")]
    )
    assert_user_error(result, f"cannot reach Odoo at {url}", code=3)
    assert "k-secret" not in result.output


def test_options_win_over_environment_and_config(runner: CliRunner, tmp_path: Path) -> None:
    url = _closed_port_url()
    config = tmp_path / "credit.toml"
    config.write_text('url = "http://config.invalid"\ndb = "d"\nuser = "u"\npassword = "p"\n')
    result = runner.invoke(
        credit,
        ["exposure", "--config", str(config), "--url", url, "--output", str(tmp_path / "o")],
        env={"CREDIT_ODOO_URL": "http://env.invalid"},
    )
    assert_user_error(result, f"cannot reach Odoo at {url}", code=3)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("url = ", "is not valid TOML"), ('color = "red"\n', "unknown setting(s) color")],
)
def test_bad_config_file(runner: CliRunner, tmp_path: Path, text: str, fragment: str) -> None:
    config = tmp_path / "credit.toml"
    config.write_text(text)
    result = runner.invoke(credit, ["exposure", "--config", str(config)])
    assert_user_error(result, fragment)


def test_named_config_file_that_does_not_exist(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(credit, ["exposure", "--config", str(tmp_path / "none.toml")])
    assert_user_error(result, "does not exist")


def test_default_config_file_is_read(runner: CliRunner, tmp_path: Path) -> None:
    url = _closed_port_url()
    (tmp_path / "credit").mkdir()
    (tmp_path / "credit" / "credit.toml").write_text(
        f'[odoo]\nurl = "{url}"\ndb = "d"\nuser = "u"\npassword = "p"\n'
    )
    result = runner.invoke(
        credit,
        ["exposure", "--output", str(tmp_path / "o")],
        env={"XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert_user_error(result, f"cannot reach Odoo at {url}", code=3)


def test_password_is_not_prompted_without_a_terminal(runner: CliRunner) -> None:
    result = runner.invoke(
        credit, ["exposure", "--url", "http://localhost:1", "--db", "d", "--user", "u"]
    )
    assert_user_error(result, "missing --password", "CREDIT_ODOO_PASSWORD")


@pytest.mark.parametrize("timeout", ["0", "-1", "abc"])
def test_bad_timeout(runner: CliRunner, timeout: str) -> None:
    assert_user_error(runner.invoke(credit, ["exposure", "--timeout", timeout]), "'--timeout'")


def test_recompute_needs_a_live_server(runner: CliRunner) -> None:
    result = runner.invoke(credit, ["scorecards", "--demo", "--recompute"])
    assert_user_error(result, "--recompute needs a live server")


# ------------------------------------------------------------ exit codes


def test_help_lists_the_exit_codes(runner: CliRunner) -> None:
    from credit_cli.command.errors import EXIT_CODES

    result = runner.invoke(credit, ["--help"])
    assert result.exit_code == 0
    assert "Exit codes (for scripts):" in result.stdout
    lines = result.stdout.splitlines()
    for code, meaning in EXIT_CODES:
        assert any(line.strip().startswith(f"{code}  {meaning.split()[0]}") for line in lines)
    assert [code for code, _m in EXIT_CODES] == [0, 1, 2, 3, 4, 5, 6, 7, 130]


def test_invalid_url_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        credit,
        ["exposure", "--url", "ftp://odoo", "--db", "d", "--user", "u", "--password", "p"]
        + ["--output", str(tmp_path / "o")],
    )
    assert_user_error(result, "invalid Odoo URL", code=2)


def test_unexpected_failure_exits_1(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug is the one case with a traceback, and exit 1."""
    import credit_cli.command.staff as cli

    def broken(*_args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "write_scorecards_xlsx", broken)
    result = runner.invoke(credit, ["scorecards", "--demo", "--output", str(tmp_path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, RuntimeError)


def test_interrupted_exits_130(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import credit_cli.command.staff as cli

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "write_scorecards_xlsx", interrupted)
    result = runner.invoke(credit, ["scorecards", "--demo", "--output", str(tmp_path)])
    assert result.exit_code == 130
    assert result.stderr.strip() == "credit: aborted"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["scorecards", "--demo"], 0),
        (["scorecards", "--demo", "--lang", "fr"], 2),
        (["scorecards", "--url", "@closed", "--db", "d", "--user", "u", "--password", "p"], 3),
        (["scorecards", "--demo", "--year", "1999"], 5),
        (["scorecards", "--snapshot", "@corrupt"], 6),
        (["scorecards", "--demo", "--output", "/dev/null"], 7),
    ],
)
def test_each_exit_code(runner: CliRunner, tmp_path: Path, args: list[str], code: int) -> None:
    """One command per exit code (4, a refused login, is tested against a live Odoo)."""
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text("{not json", encoding="utf-8")
    args = [{"@closed": _closed_port_url(), "@corrupt": str(corrupt)}.get(arg, arg) for arg in args]
    if "--output" not in args:
        args += ["--output", str(tmp_path / "out")]
    result = runner.invoke(credit, args)
    assert result.exit_code == code, result.output
    if code:
        assert_user_error(result, code=code)
