"""Providers of external credit data: one class per source, in a registry.

A provider turns what a source delivers into rows of the documented format
(tools/external_format.py): the file import (``file``) parses an uploaded XLSX/CSV file;
an online service would implement ``fetch(codes)`` and register itself the same way, and
the import (models/credit_external_import_engine.py) works on the rows whatever their
provider. The company setting ``credit_external_provider`` chooses the default one.
"""

from . import base
from . import file_import
from .base import ExternalProvider, ExternalRow, RowError, get_provider, provider_selection

__all__ = [
    "ExternalProvider",
    "ExternalRow",
    "RowError",
    "get_provider",
    "provider_selection",
]
