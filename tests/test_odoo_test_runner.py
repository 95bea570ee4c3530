"""How scripts/run_odoo_tests.py reads Odoo's results: test by test, from Odoo's own log.

Odoo's closing summary ("2 failed, 0 error(s) of 4 tests") counts a skipped test among
the tests run, so "passed = run - failed" counted a tour that Chromium never ran as
passed. The runner now reads what Odoo 18 logs for each test (odoo/tests/result.py:
"Starting ..." on startTest, "FAIL:"/"ERROR:" on a failure, "skipped ... : reason" on a
skip). The excerpts in tests/odoo_logs/ are lines copied from real Odoo 18 logs:

- probe_tour_skip_and_failures.log: a run of four tests under --log-level test with no
  Chromium on the PATH (a tour skipped, a failure, a failing subtest, a class whose
  setUpClass skips) and Odoo's summary;
- role_errors.log: an add-on's run with an error, a failure and an erroring subtest;
- baseline_stock_skips.log: Odoo's own sale and account tests skipping on Community;
- baseline_interrupted.log: the end of a run stopped by a signal, with no summary.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

from run_odoo_tests import OdooResults, parse_log, report_results  # noqa: E402

LOGS = Path(__file__).resolve().parent / "odoo_logs"
PROBE = "credit_skip_probe.tests.test_probe."


def read(name: str) -> tuple[list[str], OdooResults]:
    return parse_log((LOGS / name).read_text(encoding="utf-8").splitlines())


def test_a_tour_skipped_for_want_of_chromium_is_not_a_pass() -> None:
    problems, results = read("probe_tour_skip_and_failures.log")
    assert results.summary == (2, 4)  # Odoo's own count: the skipped tour among the 4 run
    assert results.started == [
        PROBE + "TestProbeUi.test_fails",
        PROBE + "TestProbeUi.test_passes",
        PROBE + "TestProbeUi.test_subtests",
        PROBE + "TestProbeUi.test_tour_without_chrome",
    ]
    assert results.failed == [PROBE + "TestProbeUi.test_fails", PROBE + "TestProbeUi.test_subtests"]
    assert results.skipped == {
        PROBE + "TestProbeUi.test_tour_without_chrome": "Chrome executable not found",
        "setUpClass (odoo.addons.credit_skip_probe.tests.test_probe.TestProbeClassSkip)": (
            "the class cannot run here"
        ),
    }
    assert results.passed == [PROBE + "TestProbeUi.test_passes"]
    assert results.line() == "odoo: 1 passed, 2 failed, 2 skipped"
    assert results.inconsistencies() == []
    # the failures are ERROR lines of the log as well
    assert [line.split(": ", 1)[1] for line in problems] == [
        "FAIL: TestProbeUi.test_fails",
        "FAIL: Subtest TestProbeUi.test_subtests (n=2)",
        "2 failed, 0 error(s) of 4 tests when loading database 'credit_skip_probe' ",
    ]


def test_errors_failures_and_subtests_count_once_per_test() -> None:
    _problems, results = read("role_errors.log")
    base = "credit_collection.tests.test_roles_open_documents.TestRolesOpenDocuments."
    assert results.summary == (3, 11)
    assert len(results.started) == 11  # "Starting post tests" is not a test
    assert results.failed == [
        base + "test_auditor_invoice_in_browser",
        base + "test_employee_reads_no_collection_figures",
        base + "test_internal_user",
    ]
    assert results.line() == "odoo: 8 passed, 3 failed, 0 skipped"
    assert results.inconsistencies() == []


def test_skipped_subtests_and_stock_skips_are_skips() -> None:
    _problems, results = read("baseline_stock_skips.log")
    hook = "account.tests.test_account_payment.TestAccountPayment."
    hook += "test_invoice_paid_hook_called_in_various_scenarios"
    threshold = "sale.tests.test_sale_to_invoice.TestSaleToInvoice."
    threshold += "test_partial_invoicing_interaction_with_invoicing_switch_threshold"
    assert results.skipped[hook] == (
        "[without oustanding]: Accounting not installed; "
        "[with mixed oustanding]: Accounting not installed"
    )
    assert results.skipped[threshold].startswith("This test requires the installation")
    assert hook not in results.passed and threshold not in results.passed
    assert len(results.passed) == 4
    assert results.summary is None  # an excerpt: no summary, so nothing to compare


def test_an_interrupted_run_has_no_result() -> None:
    """Odoo stopped by a signal prints no summary: the run fails whatever the tests did."""
    _problems, results = read("baseline_interrupted.log")
    assert results.summary is None
    assert [name.rsplit(".", 1)[1] for name in results.started] == [
        "test_contract_form_and_smart_buttons",  # logged at a frozen date (freezegun)
        "test_roles_open_orders_and_partners",
    ]
    assert report_results(results, ci=False) is False


def test_a_summary_the_lines_do_not_add_up_to_is_a_failure() -> None:
    lines = (LOGS / "role_errors.log").read_text(encoding="utf-8").splitlines()
    truncated = [line for line in lines if "test_portal_user" not in line]
    _problems, results = parse_log(truncated)
    assert results.inconsistencies() == [
        "Odoo's summary counts 11 tests but the log shows 10 starting"
    ]
    assert report_results(results, ci=False) is False


@pytest.mark.parametrize(("ci", "ok"), [(True, False), (False, True)])
def test_a_skip_fails_the_run_in_ci_only_and_is_named_either_way(
    capsys: pytest.CaptureFixture[str], ci: bool, ok: bool
) -> None:
    lines = (LOGS / "probe_tour_skip_and_failures.log").read_text(encoding="utf-8").splitlines()
    # the same run without its two failing tests
    passing = [line for line in lines if "test_fails" not in line and "test_subtests" not in line]
    _problems, results = parse_log(passing)
    results.summary = (0, 2)  # what Odoo would have said of the two tests left
    assert results.failed == []
    assert report_results(results, ci=ci) is ok
    out = capsys.readouterr().out
    assert f"SKIPPED {PROBE}TestProbeUi.test_tour_without_chrome: Chrome executable" in out
    assert ("FAILED (CI=true)" in out) is ci
    assert results.line() == "odoo: 1 passed, 0 failed, 2 skipped"


def test_only_wkhtmltopdfs_notice_of_its_unpatched_qt_is_ignored() -> None:
    """Debian's wkhtmltopdf says on every PDF that it ignores the header switches, and Odoo
    logs it as a WARNING: that line alone passes; anything else wkhtmltopdf says fails."""
    prefix = "2026-12-03 17:53:30,000 6292 WARNING db odoo.addons.base.models.ir_actions_report: "
    notice = (
        "wkhtmltopdf: The switch --header-spacing, is not support using unpatched qt, and will "
        "be ignored.The switch --footer-html, is not support using unpatched qt, and will be "
        "ignored.QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'"
    )
    problems, _results = parse_log([prefix + notice])
    assert problems == []
    other = prefix + notice + " Error: font not found"
    problems, _results = parse_log([other])
    assert problems == [other]
