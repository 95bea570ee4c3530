"""Read the credit add-ons' data from an Odoo 18 server over RPC.

``transport`` talks to Odoo (live, recording or replaying a snapshot), ``schema``
names every model and field read, ``pull`` reads whole datasets page by page,
and ``credit_data``, ``appraisal``, ``training`` and ``ageing`` turn the answers
into the plain values the reports print.
"""

from .credit_data import FIELDS, fetch_exposure, fetch_exposure_full
from .models import CompanyInfo, ExposureTotals, PartnerExposure
from .transport import (
    ConnectionFailed,
    ConnectorError,
    LoginRefused,
    MissingMethodError,
    OdooRpcTransport,
    RecordingTransport,
    ReplayMissError,
    ReplayTransport,
    SettingsError,
    SnapshotError,
    Transport,
)

__all__ = [
    "FIELDS",
    "CompanyInfo",
    "ConnectionFailed",
    "ConnectorError",
    "ExposureTotals",
    "LoginRefused",
    "MissingMethodError",
    "OdooRpcTransport",
    "PartnerExposure",
    "RecordingTransport",
    "ReplayMissError",
    "ReplayTransport",
    "SettingsError",
    "SnapshotError",
    "Transport",
    "fetch_exposure",
    "fetch_exposure_full",
]
