"""Derived figures of PartnerExposure and ExposureTotals."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from credit_cli.connector.models import ExposureTotals

from tests.factories import TODAY, make_partner


def test_partner_is_frozen() -> None:
    partner = make_partner()
    with pytest.raises(dataclasses.FrozenInstanceError):
        partner.exposure = 1.0  # type: ignore[misc]


def test_utilisation_is_exposure_over_limit() -> None:
    assert make_partner(credit_limit=200.0, exposure=50.0).utilisation == pytest.approx(0.25)


def test_no_limit_means_no_utilisation_and_never_over_limit() -> None:
    partner = make_partner(credit_limit=0.0, exposure=1_000_000.0)
    assert partner.has_limit is False
    assert partner.utilisation is None
    assert partner.over_limit is False


@pytest.mark.parametrize(
    ("limit", "exposure", "over"),
    [
        (100.0, 100.0, False),  # exactly at the limit is allowed
        (100.0, 100.004, False),  # rounding noise below half a cent
        (100.0, 100.01, True),
        (100.0, 250.0, True),
        (100.0, 0.0, False),
    ],
)
def test_over_limit(limit: float, exposure: float, over: bool) -> None:
    assert make_partner(credit_limit=limit, exposure=exposure).over_limit is over


def test_review_due_on_and_before_today_only() -> None:
    assert make_partner(next_review_date=TODAY).review_due(TODAY) is True
    assert make_partner(next_review_date=TODAY - dt.timedelta(days=1)).review_due(TODAY) is True
    assert make_partner(next_review_date=TODAY + dt.timedelta(days=1)).review_due(TODAY) is False
    assert make_partner(next_review_date=None).review_due(TODAY) is False


def test_totals(partners) -> None:
    totals = ExposureTotals.of(partners, TODAY)
    assert totals.customers == 3
    assert totals.exposure == pytest.approx(50000.0 + 24000.0 + 1200.0)
    assert totals.credit_limit == pytest.approx(120000.0)
    assert totals.overdue == pytest.approx(7500.0)
    assert totals.over_limit == 1
    assert totals.on_warning_list == 1
    assert totals.review_due == 1


def test_totals_of_nothing() -> None:
    totals = ExposureTotals.of([], TODAY)
    assert (totals.customers, totals.exposure, totals.over_limit) == (0, 0, 0)
