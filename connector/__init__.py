"""Read customer credit figures from an Odoo 18 server running the credit_management add-on.

``transport`` talks to Odoo (live, recording or replaying), ``credit_data``
turns the answers into the immutable values of ``models``.
"""

from connector.credit_data import FIELDS, fetch_exposure
from connector.models import CompanyInfo, ExposureTotals, PartnerExposure
from connector.transport import (
    ConnectorError,
    OdooRpcTransport,
    RecordingTransport,
    ReplayMissError,
    ReplayTransport,
    Transport,
)

__all__ = [
    "FIELDS",
    "CompanyInfo",
    "ConnectorError",
    "ExposureTotals",
    "OdooRpcTransport",
    "PartnerExposure",
    "RecordingTransport",
    "ReplayMissError",
    "ReplayTransport",
    "Transport",
    "fetch_exposure",
]
