"""The credit department's reports: XLSX (xlsxwriter) and printable HTML (jinja2)."""

from .awards import write_awards_html, write_awards_xlsx
from .exposure_html import write_exposure_html
from .exposure_xlsx import write_exposure_xlsx
from .labels import DEFAULT_LANG, LANGUAGES, labels_for
from .records import write_ageing_xlsx, write_hr_export_xlsx, write_training_xlsx
from .scorecards_xlsx import write_scorecards_xlsx

__all__ = [
    "DEFAULT_LANG",
    "LANGUAGES",
    "labels_for",
    "write_ageing_xlsx",
    "write_awards_html",
    "write_awards_xlsx",
    "write_exposure_html",
    "write_exposure_xlsx",
    "write_hr_export_xlsx",
    "write_scorecards_xlsx",
    "write_training_xlsx",
]
