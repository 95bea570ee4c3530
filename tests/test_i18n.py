"""The ``credit`` command speaks the user's language: help, click's own words, errors.

One choice (``i18n.choose_language``: ``--lang``, else the locale) decides it; the
translations are the gettext catalog shipped in the package (``i18n/locale``), whose
compiled ``.mo`` must match its ``.po`` and cover every text the command shows.
"""

from __future__ import annotations

import ast
import errno
import gettext
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from credit_cli import i18n
from credit_cli.cli import credit
from credit_cli.i18n import build

from tests.test_cli import NO_ENV, ZH_LOCALE

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "i18n" / "locale" / "zh_CN" / "LC_MESSAGES" / "credit.po"
#: click's modules whose words the command shows (help, usage, errors, prompts).
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")
#: The reasons of the operating system shown inside messages (strerror).
OS_REASONS = ("EACCES", "ENOENT", "ENOTDIR", "EISDIR", "ENOSPC", "EROFS", "ECONNREFUSED")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=NO_ENV)


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


# ------------------------------------------------------------------ the one choice


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        ([], {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ([], {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ([], {"LC_MESSAGES": "zh_CN.utf8", "LANG": "C.UTF-8"}, "zh_CN"),
        ([], {"LANGUAGE": "zh_CN:en", "LANG": "C"}, "zh_CN"),
        ([], {"LANGUAGE": "", "LANG": "zh_TW.UTF-8"}, "zh_CN"),
        ([], {"LANG": "C.UTF-8"}, "zh_CN"),
        ([], {"LANG": "POSIX"}, "zh_CN"),
        ([], {}, "zh_CN"),
        ([], {"LANG": "en_GB.UTF-8"}, "en"),
        ([], {"LC_ALL": "en_US.UTF-8", "LANG": "C.UTF-8"}, "en"),
        (["exposure", "--lang", "zh_CN"], {"LANG": "en_US.UTF-8"}, "zh_CN"),
        (["exposure", "--lang", "en"], {"LANG": "C.UTF-8"}, "en"),
        (["--lang=en_US", "exposure"], {"LANG": "zh_CN.UTF-8"}, "en"),
        (["exposure", "--lang", "en", "--lang", "zh_CN"], {}, "zh_CN"),
        (["exposure", "--lang", "fr"], {"LANG": "zh_CN.UTF-8"}, "zh_CN"),  # click says why
        (["exposure", "--", "--lang", "zh_CN"], {"LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_language_is_lang_else_the_locale(args, environ, expected) -> None:
    assert i18n.choose_language(args, environ) == expected


def test_speaking_restores_the_process_state() -> None:
    before = (os.environ.get("LANGUAGE"), gettext.textdomain(), i18n.current_language())
    with i18n.speaking("zh_CN"):
        assert i18n.current_language() == "zh_CN"
        assert gettext.gettext("Usage:") == "用法："  # click's word, through gettext
        assert i18n._("interrupted") == "已中断"
    assert (os.environ.get("LANGUAGE"), gettext.textdomain(), i18n.current_language()) == before
    assert gettext.gettext("Usage:") == "Usage:"


def test_reports_follow_the_same_choice(runner: CliRunner, tmp_path: Path) -> None:
    """The report's language is the command's: the locale's, unless --lang says otherwise."""
    for env, args, word in (
        (ZH_LOCALE, [], "已写入"),
        (NO_ENV, [], "wrote"),
        (ZH_LOCALE, ["--lang", "en"], "wrote"),
        (NO_ENV, ["--lang", "zh_CN"], "已写入"),
    ):
        out = tmp_path / f"{len(args)}{word}"
        result = runner.invoke(
            credit,
            ["exposure", "--demo", "--format", "xlsx", "--output", str(out), *args],
            env=env,
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"{word} "), result.stdout


# ------------------------------------------------------------------ --help, exactly

EN_GROUP_LINES = [
    "Usage: credit [OPTIONS] COMMAND [ARGS]...",
    "  Reports of the credit department from Odoo 18 with the credit add-ons.",
    "Options:",
    "  -V, --version            Show the version and exit.",
    "  -h, --help               Show this message and exit.",
    "Commands:",
    "  ageing      Receivable ageing and collection stages (XLSX).",
    "  Exit codes (for scripts):",
    "      0  done",
    "      7  the output cannot be written (empty, a device, no such folder, no",
    "    130  interrupted",
]
ZH_GROUP_LINES = [
    "用法：credit [选项] 命令 [参数]...",
    "  从装有信用管理模块的 Odoo 18 生成信用管理部门的报表。",
    "选项：",
    "  -V, --version            显示版本并退出。",
    "  -h, --help               显示此帮助信息并退出。",
    "命令：",
    "  ageing      应收账款账龄和催收阶段（XLSX）。",
    "  exposure    客户风险敞口、授信额度、逾期和账龄，风险最高者在前（XLSX+HTML）。",
    "  退出码（供脚本使用）：",
    "      0  完成",
    "      7  无法写入输出（为空、是设备文件、文件夹不存在、无权限）",
    "    130  已中断",
]
EN_EXPOSURE_LINES = [
    "Usage: credit exposure [OPTIONS]",
    "  Customer credit exposure, riskiest first.",
    "  --demo                      Use the built-in snapshot of the add-ons' demo",
    "  --url URL                   Odoo URL, e.g. https://odoo.example.com (TLS",
    "  --db DATABASE               Odoo database name.  [env var: CREDIT_ODOO_DB]",
    "  --output FOLDER             Folder for the report files (created if missing).",
    "  --format [xlsx|html|both]   Which report files to write.  [default: both]",
    "  -h, --help                  Show this message and exit.",
]
ZH_EXPOSURE_LINES = [
    "用法：credit exposure [选项]",
    "  客户授信风险敞口，风险最高者在前。",
    "  --demo                      使用模块演示数据的内置快照；无需 Odoo。",
    "  --url 网址                  Odoo 网址，例如 https://odoo.example.com（会校验",
    "  --db 数据库                 Odoo 数据库名称。 [环境变量：CREDIT_ODOO_DB]",
    "  --output 文件夹             存放报表文件的文件夹（不存在时创建）。 [默认：out]",
    "  --format [xlsx|html|both]   要写入哪些报表文件。 [默认：both]",
    "  -h, --help                  显示此帮助信息并退出。",
]


@pytest.mark.parametrize(
    ("env", "args", "expected"),
    [
        (NO_ENV, ["--help"], EN_GROUP_LINES),
        (ZH_LOCALE, ["--help"], ZH_GROUP_LINES),
        (NO_ENV, ["--lang", "zh_CN", "--help"], ZH_GROUP_LINES),
        (ZH_LOCALE, ["--lang", "en", "--help"], EN_GROUP_LINES),
        (NO_ENV, ["exposure", "--help"], EN_EXPOSURE_LINES),
        (ZH_LOCALE, ["exposure", "--help"], ZH_EXPOSURE_LINES),
        (NO_ENV, ["exposure", "--help", "--lang", "zh_CN"], ZH_EXPOSURE_LINES),
        ({"LC_ALL": "zh_CN.UTF-8"}, ["exposure", "-h"], ZH_EXPOSURE_LINES),
    ],
)
def test_help_in_the_users_language(
    runner: CliRunner, env: dict, args: list[str], expected: list[str]
) -> None:
    result = runner.invoke(credit, args, env=env)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for line in expected:
        assert line in lines, (line, result.stdout)
    assert lines[0] == expected[0]


def test_chinese_help_reads_on_an_80_column_terminal(runner: CliRunner) -> None:
    """A Chinese character takes two columns: lines are wrapped by what the eye sees."""
    from credit_cli.command.localized import display_width

    for command in ([], ["exposure"], ["scorecards"], ["ageing"], ["pull"], ["training"]):
        result = runner.invoke(credit, [*command, "--help"], env=ZH_LOCALE)
        assert result.exit_code == 0, result.output
        assert "用法：" in result.stdout
        too_wide = [ln for ln in result.stdout.splitlines() if display_width(ln) > 80]
        assert not too_wide, too_wide


def test_version_in_each_language(runner: CliRunner) -> None:
    assert runner.invoke(credit, ["-V"]).stdout.startswith("credit, version ")
    assert runner.invoke(credit, ["-V"], env=ZH_LOCALE).stdout.startswith("credit，版本 ")


def test_help_of_a_chinese_process_from_the_source_tree(tmp_path: Path) -> None:
    """`python3 cli.py` finds the catalog in the source tree as the installed package does."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "exposure", "--no-such-option"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "LANG": "zh_CN.UTF-8"},
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "credit：错误：没有选项 '--no-such-option'。（参见 'credit exposure --help'）\n"
    )


# ------------------------------------------------------------------ errors, both languages


@pytest.mark.parametrize(
    ("args", "english", "chinese", "code"),
    [
        (
            ["exposure", "--no-such-option"],
            "credit: error: No such option '--no-such-option'. (see 'credit exposure --help')",
            "credit：错误：没有选项 '--no-such-option'。（参见 'credit exposure --help'）",
            2,
        ),
        (
            ["pull"],
            "credit: error: Missing option '--output'. (see 'credit pull --help')",
            "credit：错误：缺少选项 '--output'。（参见 'credit pull --help'）",
            2,
        ),
        (
            ["exposure", "--format", "pdf"],
            "credit: error: Invalid value for '--format': 'pdf' is not one of 'xlsx', 'html', "
            "'both'. (see 'credit exposure --help')",
            "credit：错误：'--format' 的值无效：'pdf' 不是 'xlsx', 'html', 'both' 之一。"
            "（参见 'credit exposure --help'）",
            2,
        ),
        (
            ["exposure"],
            "credit: error: missing --url, --db, --user, --password (or CREDIT_ODOO_URL, "
            "CREDIT_ODOO_DB, CREDIT_ODOO_USER, CREDIT_ODOO_PASSWORD, or a config file); "
            "use --demo to run on the built-in demo data instead",
            "credit：错误：缺少 --url, --db, --user, --password（或环境变量 CREDIT_ODOO_URL, "
            "CREDIT_ODOO_DB, CREDIT_ODOO_USER, CREDIT_ODOO_PASSWORD，或配置文件）；"
            "也可用 --demo 以内置演示数据运行",
            2,
        ),
        (
            ["exposure", "--demo", "--url", "http://x"],
            "credit: error: --url cannot be used with --demo: those read no server",
            "credit：错误：--url 不能与 --demo 同用：后者不读取服务器",
            2,
        ),
    ],
)
def test_usage_errors_in_each_language(
    runner: CliRunner, tmp_path: Path, args: list[str], english: str, chinese: str, code: int
) -> None:
    if args[0] != "pull":  # pull's missing option is --output itself
        args = [*args, "--output", str(tmp_path / "out")]
    for env, expected in ((NO_ENV, english), (ZH_LOCALE, chinese)):
        result = runner.invoke(credit, args, env=env)
        assert result.exit_code == code, result.output
        assert _error_line(result) == expected
        assert not (tmp_path / "out").exists()


def _error_line(result) -> str:
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_no_odoo_at_the_url_in_each_language(runner: CliRunner, tmp_path: Path) -> None:
    url = _closed_port_url()
    args = ["exposure", "--url", url, "--db", "d", "--user", "u", "--password", "p"]
    english = runner.invoke(credit, [*args, "--output", str(tmp_path / "en")])
    assert english.exit_code == 3
    assert _error_line(english) == (
        f"credit: error: cannot reach Odoo at {url}: {os.strerror(errno.ECONNREFUSED)}"
    )
    chinese = runner.invoke(credit, [*args, "--output", str(tmp_path / "zh")], env=ZH_LOCALE)
    assert chinese.exit_code == 3
    assert _error_line(chinese) == f"credit：错误：无法连接 {url} 上的 Odoo：连接被拒绝"
    # the folder was made just before connecting: it holds no file, half-written or not
    assert [list(p.iterdir()) for p in tmp_path.iterdir()] == [[], []]


def test_unwritable_output_in_each_language(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    args = ["exposure", "--demo", "--output", str(blocker / "out")]
    english = runner.invoke(credit, args)
    assert english.exit_code == 7
    assert _error_line(english) == (
        f"credit: error: cannot create output directory {blocker / 'out'}: Not a directory"
    )
    chinese = runner.invoke(credit, args, env=ZH_LOCALE)
    assert chinese.exit_code == 7
    assert _error_line(chinese) == f"credit：错误：无法创建输出文件夹 {blocker / 'out'}：不是文件夹"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_report_that_cannot_be_written_leaves_no_file(runner: CliRunner, tmp_path: Path) -> None:
    """A file that cannot be renamed into place: one line, exit 7, no temporary file left."""
    out = tmp_path / "out"
    out.mkdir()
    first = runner.invoke(credit, ["exposure", "--demo", "--format", "html", "--output", str(out)])
    assert first.exit_code == 0, first.output
    (page,) = out.iterdir()
    page.unlink()
    page.mkdir()  # a folder where the page goes
    chinese = runner.invoke(
        credit, ["exposure", "--demo", "--format", "html", "--output", str(out)], env=ZH_LOCALE
    )
    assert chinese.exit_code == 7
    assert _error_line(chinese).startswith(f"credit：错误：无法在 {out} 中写入报表：")
    assert [p.name for p in out.iterdir()] == [page.name]


def test_unknown_company_and_year_in_each_language(runner: CliRunner, tmp_path: Path) -> None:
    company = ["exposure", "--demo", "--company", "No Such Company", "--output", str(tmp_path)]
    english = runner.invoke(credit, company)
    assert english.exit_code == 5
    assert _error_line(english).startswith(
        "credit: error: no company 'No Such Company' in this database (companies: "
    )
    chinese = runner.invoke(credit, company, env=ZH_LOCALE)
    assert chinese.exit_code == 5
    assert _error_line(chinese).startswith(
        "credit：错误：该数据库中没有公司 'No Such Company'（现有公司："
    )
    year = ["scorecards", "--demo", "--year", "1999", "--output", str(tmp_path)]
    english = runner.invoke(credit, year)
    assert english.exit_code == 5
    assert _error_line(english).startswith("credit: error: no appraisal period for 1999 (periods: ")
    chinese = runner.invoke(credit, year, env=ZH_LOCALE)
    assert chinese.exit_code == 5
    assert _error_line(chinese).startswith("credit：错误：没有 1999 年的考核期间（已有期间：")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ the catalog


def test_shipped_mo_is_the_compiled_po() -> None:
    """``python -m credit_cli.i18n.build`` was run after the last change of the .po."""
    catalog = build.parse_po(PO.read_text(encoding="utf-8"))
    assert PO.with_suffix(".mo").read_bytes() == build.mo_bytes(catalog)
    assert gettext.GNUTranslations(PO.with_suffix(".mo").open("rb")).gettext("Usage:") == "用法："


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
def test_po_passes_msgfmt_check() -> None:
    """Placeholders ({name}, %(prog)s) kept in every translation, plural forms right."""
    subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(PO)], check=True, timeout=60)


def _marked(files: list[Path]) -> Iterator[str]:
    """Strings passed to _(), N_() and ngettext() in ``files`` (the plural's singular)."""
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield node.args[0].value


def _command_texts(command: click.Command) -> Iterator[str]:
    """Every help text and value name of the command table (English msgids)."""
    with i18n.speaking("en"):
        yield from (command.help, command.short_help, command.options_metavar)
        yield getattr(command, "subcommand_metavar", None)
        for param in command.params:
            yield param.help
            yield getattr(param, "metavar", None)
        for sub in getattr(command, "commands", {}).values():
            yield from _command_texts(sub)


def test_every_text_the_command_shows_is_translated() -> None:
    ours = [ROOT / "cli.py", *ROOT.glob("command/*.py"), *ROOT.glob("connector/*.py")]
    ours += list(ROOT.glob("i18n/*.py"))
    click_files = [Path(click.__file__).parent / f"{name}.py" for name in CLICK_MODULES]
    wanted = {*_marked(ours), *_marked(click_files), *filter(None, _command_texts(credit))}
    wanted |= {os.strerror(getattr(errno, code)) for code in OS_REASONS}
    catalog = {key.split("\0")[0] for key in build.parse_po(PO.read_text(encoding="utf-8"))}
    missing = sorted(wanted - catalog)
    assert not missing, missing


def test_translations_keep_their_placeholders() -> None:
    fields = re.compile(r"\{[^{}]*\}|%\([a-z]+\)s")
    for msgid, msgstr in build.parse_po(PO.read_text(encoding="utf-8")).items():
        if not msgid:
            continue
        source = set(fields.findall(msgid))
        for form in msgstr.split("\0"):
            assert set(fields.findall(form)) <= source, (msgid, form)
            if "\0" not in msgid:
                assert set(fields.findall(form)) == source, (msgid, form)
