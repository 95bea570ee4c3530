"""fetch_exposure over the recorded answers of a real Odoo 18 with the add-on's demo data."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from credit_cli.connector.credit_data import CUSTOMER_DOMAIN, FIELDS, fetch_exposure
from credit_cli.connector.models import CompanyInfo, PartnerExposure
from credit_cli.connector.transport import (
    RECORDING_FORMAT,
    ReplayMissError,
    ReplayTransport,
    SettingsError,
)


def test_fields_are_one_tuple_with_the_add_on_fields() -> None:
    assert isinstance(FIELDS, tuple)
    assert len(FIELDS) == len(set(FIELDS))
    assert {"credit_exposure", "credit_limit", "credit_available", "credit_grade_id"} <= set(FIELDS)


def test_batch_size_must_be_positive() -> None:
    replay = ReplayTransport({"format": RECORDING_FORMAT, "version": 1, "calls": []})
    # the connector's own error (a bad setting), never a bare ValueError
    with pytest.raises(SettingsError, match="batch size 0"):
        fetch_exposure(replay, batch_size=0)
    assert replay.calls_served == 0


@pytest.fixture
def demo(demo_recording: Path) -> tuple[ReplayTransport, CompanyInfo, list[PartnerExposure]]:
    replay = ReplayTransport.from_file(demo_recording)
    company, partners = fetch_exposure(replay, batch_size=replay.metadata["batch_size"])
    return replay, company, partners


def test_number_of_calls(demo) -> None:
    replay, _company, partners = demo
    batch_size = replay.metadata["batch_size"]
    assert partners, "the demo data should contain customers"
    # the company, the customers' ids, the guarantee fields the server has, one read a batch
    assert replay.calls_served == 1 + 1 + 1 + math.ceil(len(partners) / batch_size)


def test_calls_are_the_batched_ones(demo_recording: Path, demo) -> None:
    replay, _company, partners = demo
    calls = json.loads(demo_recording.read_text(encoding="utf-8"))["calls"]
    assert (calls[0]["model"], calls[0]["method"]) == ("res.company", "search_read")
    assert (calls[1]["model"], calls[1]["method"]) == ("res.partner", "search")
    assert calls[1]["args"] == [CUSTOMER_DOMAIN]
    assert (calls[2]["model"], calls[2]["method"]) == ("res.partner", "fields_get")
    reads = calls[3:]
    assert all((c["model"], c["method"]) == ("res.partner", "read") for c in reads)
    # the guarantee fields too: the demo has credit_guarantee
    fields = [*FIELDS, "credit_guarantee_cover", "credit_guarantee_contingent"]
    assert all(c["kwargs"] == {"fields": fields} for c in reads)
    assert all(len(c["args"][0]) <= replay.metadata["batch_size"] for c in reads)
    assert [pid for c in reads for pid in c["args"][0]] == [p.partner_id for p in partners]


def test_company(demo) -> None:
    _replay, company, _partners = demo
    assert company.name
    assert len(company.currency) == 3 and company.currency.isupper()


def test_no_odoo_false_leaks_through(demo) -> None:
    _replay, _company, partners = demo
    for partner in partners:
        for name in ("ref", "credit_code", "grade", "salesperson"):
            value = getattr(partner, name)
            assert value is None or (isinstance(value, str) and value), (partner.name, name)
        assert partner.next_review_date is None or isinstance(partner.next_review_date, dt.date)
        assert isinstance(partner.on_warning_list, bool)
        assert isinstance(partner.exposure, float)


def test_figures_are_consistent(demo) -> None:
    _replay, _company, partners = demo
    assert any(p.contingent_liability for p in partners), "the demo has a guarantor"
    for p in partners:
        # the server counts what a guarantor guarantees for others; cover after haircut
        # comes off exposure only where the company says so (else it adds to the limit)
        owed = p.receivable + p.draft_invoices + p.unbilled_orders + p.contingent_liability
        assert p.exposure in (
            pytest.approx(owed, abs=0.01),
            pytest.approx(owed - p.guarantee_cover, abs=0.01),
        ), p.name
        if p.has_limit:
            # the server's available amount is worked out from the limit in force: the
            # partner's limit, or a higher temporary limit until its end date (these plain
            # fields carry the partner's own limit only)
            assert p.available >= p.credit_limit - p.exposure - 0.01, p.name


def test_demo_data_covers_the_report_columns(demo) -> None:
    """The demo is only useful if grades, limits, codes, reviews and the warning list show."""
    _replay, _company, partners = demo
    assert any(p.grade for p in partners)
    assert any(p.grade is None for p in partners)
    assert any(p.has_limit for p in partners)
    assert any(p.credit_code for p in partners)
    assert any(p.next_review_date for p in partners)
    assert any(p.on_warning_list for p in partners)


def test_a_different_batch_size_is_not_silently_served(demo) -> None:
    replay, _company, partners = demo
    if len(partners) < 2:
        pytest.skip("needs at least two customers to split into batches")
    with pytest.raises(ReplayMissError):
        fetch_exposure(replay, batch_size=1)


# ------------------------------------------------------------ version 3+: the company


def test_default_company_is_the_users() -> None:
    from credit_cli.connector.credit_data import select_company

    rows = [{"id": 1, "name": "Main"}, {"id": 3, "name": "Branch"}]
    assert select_company(rows, None, 3)["name"] == "Branch"
    assert select_company(rows, None, None)["name"] == "Main"
    assert select_company(rows, None, 99)["name"] == "Main"  # not readable: the first
    assert select_company(rows, "Main", 3)["name"] == "Main"  # --company wins
    assert select_company(rows, "1", 3)["name"] == "Main"


class _GuaranteeServer:
    """A server of one customer, with or without credit_guarantee's fields: answers the
    calls of the report, says it has no collections ageing, no check preview, no exception."""

    def __init__(self, with_guarantees: bool) -> None:
        from credit_cli.connector.credit_data import GUARANTEE_FIELDS

        self.fields = list(GUARANTEE_FIELDS) if with_guarantees else []
        self.reads: list[list[str]] = []

    def execute_kw(self, model, method, args, kwargs):
        from credit_cli.connector.transport import MissingMethodError, MissingModelError

        if model == "res.company":
            return [{"id": 1, "name": "Main", "currency_id": [1, "CNY"]}]
        if (model, method) == ("res.partner", "search"):
            return [7]
        if (model, method) == ("res.partner", "fields_get"):
            return {name: {"type": "monetary"} for name in self.fields if name in args[0]}
        if (model, method) == ("res.partner", "read"):
            self.reads.append(kwargs["fields"])
            return [dict.fromkeys(kwargs["fields"], False) | _GUARANTEED]
        if (model, method) == ("res.partner", "credit_block_preview"):
            raise MissingMethodError("no preview")
        if method == "fields_get":
            return {}
        if method == "read_group":
            return []
        raise MissingModelError(model)


_GUARANTEED = {
    "id": 7,
    "name": "Guaranteed Ltd",
    "credit_score": 0.0,
    "credit_limit": 10000.0,
    "credit_exposure_receivable": 4000.0,
    "credit_exposure_draft_invoice": 0.0,
    "credit_exposure_sale_order": 0.0,
    "credit_exposure": 4000.0,
    "credit_available": 14000.0,
    "credit_overdue_amount": 0.0,
    "credit_limit_in_force": 18000.0,
    "credit_has_limit": True,
    "credit_guarantee_cover": 8000.0,
    "credit_guarantee_contingent": 1500.0,
}


@pytest.mark.parametrize("with_guarantees", [True, False])
def test_guarantee_cover_is_the_servers(with_guarantees: bool) -> None:
    """The cover and contingent liability come from the server's fields when it has them
    (credit_guarantee installed), and are unknown (None, no columns) when it has not."""
    from credit_cli.connector.credit_data import fetch_exposure_full
    from credit_cli.reports.columns import columns_for, html_groups

    server = _GuaranteeServer(with_guarantees)
    company, [partner] = fetch_exposure_full(server, dt.date(2026, 6, 15), {"lang": "en_US"})
    # one read per page: the guarantee fields only when the server has them
    assert [("credit_guarantee_cover" in read) for read in server.reads] == [with_guarantees]
    keys = [column.key for column in columns_for(company)]
    cells = [cell.column.key for group in html_groups(company) for cell in group.cells]
    if with_guarantees:
        assert company.guarantees
        assert (partner.guarantee_cover, partner.contingent_liability) == (8000.0, 1500.0)
        assert keys[keys.index("exposure") + 1 : keys.index("exposure") + 3] == [
            "guarantee_cover",
            "contingent_liability",
        ]
        assert {"guarantee_cover", "contingent_liability"} <= set(cells)
    else:
        assert not company.guarantees
        assert (partner.guarantee_cover, partner.contingent_liability) == (None, None)
        assert "guarantee_cover" not in keys and "guarantee_cover" not in cells
