"""Every text a report or the CLI summary shows, in zh_CN (default) and en.

The Chinese terms are the ones a Chinese credit department already uses (see
SPEC.md: 授信额度, 信用等级, 逾期, 应收账款, 严重失信 ...), so the reports read like
their own forms. Both languages must have exactly the same keys; a test checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

DEFAULT_LANG = "zh_CN"
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")

_LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "html_lang": "zh-CN",
        "title": "客户授信风险敞口报表",
        "sheet_name": "风险敞口",
        "company": "公司",
        "currency": "币种",
        "report_date": "报表日期",
        "ref": "客户编号",
        "name": "客户名称",
        "credit_code": "统一社会信用代码",
        "grade": "信用等级",
        "score": "信用评分",
        "credit_limit": "授信额度",
        "receivable": "应收账款",
        "draft_invoices": "未过账发票",
        "unbilled_orders": "未开票订单",
        "exposure": "风险敞口",
        "available": "可用额度",
        "utilisation": "额度使用率",
        "overdue": "逾期金额",
        "next_review_date": "下次复审日期",
        "on_warning_list": "严重失信",
        "salesperson": "业务员",
        "total": "合计",
        "yes": "是",
        "customers": "客户数",
        "over_limit": "超出授信额度",
        "review_due": "到期待复审",
        "warning_list": "严重失信名单",
        "no_customers": "没有客户。",
        "legend": (
            "风险敞口 = 应收账款 + 未过账发票 + 未开票订单；金额单位为公司本位币。"
            "红色行：风险敞口超出授信额度。授信额度为 0 表示未设定额度。"
        ),
        "summary": (
            "客户 {customers} 户，风险敞口合计 {exposure} {currency}，超出授信额度 {over_limit} 户"
        ),
        "wrote": "已写入",
    },
    "en": {
        "html_lang": "en",
        "title": "Customer credit exposure",
        "sheet_name": "Exposure",
        "company": "Company",
        "currency": "Currency",
        "report_date": "Report date",
        "ref": "Ref",
        "name": "Customer",
        "credit_code": "Credit code",
        "grade": "Credit grade",
        "score": "Credit score",
        "credit_limit": "Credit limit",
        "receivable": "Receivable",
        "draft_invoices": "Draft invoices",
        "unbilled_orders": "Unbilled orders",
        "exposure": "Exposure",
        "available": "Available",
        "utilisation": "Utilisation",
        "overdue": "Overdue",
        "next_review_date": "Next review",
        "on_warning_list": "Warning list",
        "salesperson": "Salesperson",
        "total": "Total",
        "yes": "Yes",
        "customers": "Customers",
        "over_limit": "Over limit",
        "review_due": "Review due",
        "warning_list": "On warning list",
        "no_customers": "No customers.",
        "legend": (
            "Exposure = receivable + draft invoices + confirmed orders not yet invoiced; "
            "amounts in the company currency. Red rows: exposure above the credit limit. "
            "A credit limit of 0 means no limit is set."
        ),
        "summary": (
            "{customers} customers, total exposure {exposure} {currency}, {over_limit} over limit"
        ),
        "wrote": "wrote",
    },
}


def labels_for(lang: str) -> Mapping[str, str]:
    """The read-only label table of ``lang``; an unknown language is a ValueError."""
    try:
        return MappingProxyType(_LABELS[lang])
    except KeyError:
        raise ValueError(
            f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}"
        ) from None
