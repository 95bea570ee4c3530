from odoo import http
from odoo.http import request

from ..tools.external_format import write_file

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
# the template's example row: the format's columns filled as a bank's report would be
EXAMPLE = {
    "credit_code": "91310115MA1K4HC8X3",
    "source": "中国工商银行上海分行",
    "date": None,
    "rating": "AA",
    "registered_capital": 10_000_000,
    "operating_status": "active",
    "dishonest_debtor": [],
    "judgment_debtor": ["(2026)沪0115执1234号"],
    "admin_penalty": [],
    "abnormal_operation": [],
}


class CreditExternalTemplate(http.Controller):
    @http.route("/credit_external_data/template.<string:file_format>", type="http", auth="user")
    def template(self, file_format):
        """The documented format (readme/USAGE.md) as a template with one example row."""
        if file_format not in CONTENT_TYPES:
            return request.not_found()
        import datetime  # noqa: PLC0415

        row = dict(EXAMPLE, date=datetime.date(2026, 6, 1))
        content = write_file([row], file_format)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", CONTENT_TYPES[file_format]),
                (
                    "Content-Disposition",
                    http.content_disposition(f"credit_external_template.{file_format}"),
                ),
            ],
        )
