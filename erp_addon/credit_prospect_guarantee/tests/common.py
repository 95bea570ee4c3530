from odoo.addons.credit_prospect.tests.common import ProspectCase


class ProspectCoverCase(ProspectCase):
    """ProspectCase with cover counted in the limit: the good payer guarantees 10,000 of
    the late payer's credit (``cls.guarantee``, proposed by the analyst and approved by
    the credit manager), in force over ``cover_period()``."""

    @classmethod
    def cover_period(cls):
        """(start, end) of the guarantee."""
        return "2026-01-01", "2026-12-31"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "credit_guarantee_cover_mode": "limit",
                "credit_guarantee_max_share": 50.0,
            }
        )
        start, end = cls.cover_period()
        guarantee = (
            cls.env["credit.guarantee"]
            .with_user(cls.analyst)
            .create(
                {
                    "partner_id": cls.slow.id,
                    "company_id": cls.company.id,
                    "kind": "guarantee",
                    "guarantor_id": cls.good.id,
                    "value": 10_000,
                    "date_start": start,
                    "date_end": end,
                    "valuation_date": start,
                }
            )
        )
        guarantee.with_user(cls.analyst).action_submit()
        guarantee.with_user(cls.manager)._action_decide("approve", "documents checked")
        cls.guarantee = guarantee
