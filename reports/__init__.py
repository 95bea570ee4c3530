"""Customer credit exposure reports (XLSX and HTML), labelled in zh_CN or en."""

from reports.exposure_html import write_exposure_html
from reports.exposure_xlsx import write_exposure_xlsx
from reports.labels import DEFAULT_LANG, LANGUAGES, labels_for

__all__ = [
    "DEFAULT_LANG",
    "LANGUAGES",
    "labels_for",
    "write_exposure_html",
    "write_exposure_xlsx",
]
