"""Every text a report or the CLI summary shows, in zh_CN (default) and en.

The Chinese terms are the ones a Chinese credit department already uses (see
SPEC.md: 授信额度, 信用等级, 逾期, 应收账款, 严重失信 ...), so the reports read like
their own forms. Both languages must have exactly the same keys; a test checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..i18n import LANGUAGES

#: The writers' default language (the command passes the one it speaks: i18n).
DEFAULT_LANG = "zh_CN"

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
        "guarantee_cover": "担保额",
        "contingent_liability": "或有负债",
        "utilisation": "额度使用率",
        "overdue": "逾期金额",
        "next_review_date": "下次复审日期",
        "on_warning_list": "严重失信",
        "salesperson": "业务员",
        "policy": "信用政策",
        "policy_normal": "赊销",
        "policy_prepayment": "预付款",
        "policy_blocked": "停止销售",
        "temporary_until": "临时额度截止",
        "overdue_share": "逾期占比",
        "days_overdue": "逾期天数",
        "pending_exceptions": "待批例外",
        "would_block": "现将拦截",
        "block_reasons": "拦截原因",
        "credit_check": "信用检查",
        "check_on": "已启用",
        "check_off": "未启用（不拦截）",
        "total": "合计",
        "yes": "是",
        "customers": "客户数",
        "over_limit": "超出授信额度",
        "review_due": "到期待复审",
        "warning_list": "严重失信名单",
        "no_customers": "没有客户。",
        "legend": (
            "风险敞口 = 应收账款 + 未过账发票 + 未开票订单；金额单位为公司本位币。"
            "红色行：风险敞口超出授信额度；红字：有逾期。“—”表示未评分或未设定额度。"
            "授信额度为有效额度（含未到期的临时额度）；行按风险从高到低排列。"
            "“现将拦截”及其原因由Odoo的信用检查按现状对一笔新销售给出（“—”：服务器无法提供）；"
            "逾期按信用检查的定义（到期日早于报表日减宽限天数）；"
            "账龄分段及各段金额由Odoo计算（安装催收模块时为其配置的账龄分段）。"
        ),
        "summary": (
            "客户 {customers} 户，风险敞口合计 {exposure} {currency}，超出授信额度 {over_limit} 户"
        ),
        "h_customer": "客户",
        "h_standing": "信用状况",
        "h_exposure": "风险敞口",
        "h_overdue": "逾期",
        "h_ageing": "账龄",
        "h_check": "信用检查",
        "h_grade_policy": "等级／政策",
        "h_score": "评分",
        "h_limit": "授信额度",
        "h_next_review": "下次复审",
        "h_exposure_total": "敞口合计",
        "h_utilisation": "使用率",
        "h_amount": "金额",
        "h_share": "占比",
        "h_days": "天数",
        "h_exceptions": "待批例外",
        "h_guarantee_cover": "担保额",
        "h_contingent": "或有负债",
        "h_would_block": "现将拦截",
        "temporary_until_short": "临时额度至",
        "detail_sep": "：",
        "wrote": "已写入",
        "appraisal_summary": (
            "{year}年 {company}：信用管理员 {people} 人；先进 {advanced}，优秀 {excellent}，"
            "表扬 {commendation}，合格 {passed}，不合格 {failed}；取消资格名单 {revoked} 人；"
            "名单：{lists}"
        ),
        "training_summary": "{when}：培训 {sessions} 次，成绩 {results} 条，费用与罚款 {fees} 笔",
        "ageing_summary": (
            "{company}：有未结应收的客户 {customers} 户，合计 {total}，逾期 {overdue} 户"
        ),
        "warnings_title": "信用预警与挽救",
        "warnings_summary": (
            "{company}：预警客户 {customers} 户（严重 {severe}，警告 {warning}，关注 {watch}），"
            "进行中的挽救案件 {rescues} 件"
        ),
        "w_customer": "客户",
        "w_level": "预警级别",
        "w_score": "预警分值",
        "w_analyst": "信用分析员",
        "w_signal": "预警信号",
        "w_evidence": "依据",
        "w_weight": "权重",
        "w_since": "起始日期",
        "w_rescue": "挽救案件",
        "w_state": "状态",
        "w_outcome": "结果",
        "w_responsible": "负责人",
        "w_opened": "开始日期",
        "w_todo": "待办措施",
        "w_none": "没有预警客户。",
        "prospects_title": "征信助销：客户资信排名",
        "prospects_summary": (
            "{company}：排名客户 {customers} 户（潜在客户 {prospects} 户），"
            "优质付款客户 {good} 户，可建议提高授信额度 {proposals} 户"
        ),
        "p_rank": "排名",
        "p_customer": "客户",
        "p_ref": "客户编码",
        "p_kind": "类别",
        "p_salesperson": "销售员",
        "p_score": "排名得分",
        "p_grade": "信用等级",
        "p_policy": "等级政策",
        "p_days_late": "平均逾期天数",
        "p_on_time": "按期付款比例 (%)",
        "p_paid": "近12个月回款",
        "p_limit": "授信额度",
        "p_cover": "担保覆盖",
        "p_exposure": "信用敞口",
        "p_overdue": "逾期金额",
        "p_available": "可用额度",
        "p_sales": "近12个月销售额",
        "p_sales_prev": "前12个月销售额",
        "p_growth": "销售增长 (%)",
        "p_good": "优质付款客户",
        "p_proposed": "建议授信额度",
        "p_warning_list": "警示名单",
        "p_none": "没有可排名的客户。",
        "p_settings": "排名规则",
        "p_setting": "项目",
        "p_value": "设定值",
        "p_w_grade": "权重：信用等级",
        "p_w_on_time": "权重：按期付款",
        "p_w_days_late": "权重：逾期天数",
        "p_w_available": "权重：可用额度",
        "p_w_growth": "权重：销售增长",
        "p_r_days": "优质付款客户：平均逾期天数不超过",
        "p_r_on_time": "优质付款客户：按期付款比例不低于 (%)",
        "p_r_raise": "建议提高授信额度 (%)",
        "p_guarantees": "可用额度含担保覆盖",
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
        "guarantee_cover": "Guarantee cover",
        "contingent_liability": "Contingent liability",
        "utilisation": "Utilisation",
        "overdue": "Overdue",
        "next_review_date": "Next review",
        "on_warning_list": "Warning list",
        "salesperson": "Salesperson",
        "policy": "Credit policy",
        "policy_normal": "Credit sales",
        "policy_prepayment": "Prepayment",
        "policy_blocked": "Blocked",
        "temporary_until": "Temporary limit until",
        "overdue_share": "Overdue share",
        "days_overdue": "Days overdue",
        "pending_exceptions": "Pending exceptions",
        "would_block": "Would block now",
        "block_reasons": "Reasons of the check",
        "credit_check": "Credit check",
        "check_on": "on",
        "check_off": "off (blocks nothing)",
        "total": "Total",
        "yes": "Yes",
        "customers": "Customers",
        "over_limit": "Over limit",
        "review_due": "Review due",
        "warning_list": "On warning list",
        "no_customers": "No customers.",
        "legend": (
            "Exposure = receivable + draft invoices + confirmed orders not yet invoiced; "
            "amounts in the company currency. Red rows: exposure above the credit limit; "
            "red figures: overdue. \u2014 means not scored or no limit set. The credit limit is "
            "the one in force (a temporary limit until its end). Riskiest customers first. "
            "\u201cWould block now\u201d and its reasons are Odoo's credit check of a new sale "
            "as things stand (\u2014: the server cannot say); overdue is the check's: due "
            "before the report date less the company's grace days. The ageing buckets and "
            "their sums are Odoo's (the collections add-on's configured buckets when installed)."
        ),
        "summary": (
            "{customers} customers, total exposure {exposure} {currency}, {over_limit} over limit"
        ),
        "h_customer": "Customer",
        "h_standing": "Standing",
        "h_exposure": "Exposure",
        "h_overdue": "Overdue",
        "h_ageing": "Ageing",
        "h_check": "Credit check",
        "h_grade_policy": "Grade / policy",
        "h_score": "Score",
        "h_limit": "Limit",
        "h_next_review": "Next review",
        "h_exposure_total": "Total",
        "h_utilisation": "Used",
        "h_amount": "Amount",
        "h_share": "Share",
        "h_days": "Days",
        "h_exceptions": "Pending ex\u00adcep\u00adtions",
        "h_guarantee_cover": "Cover",
        "h_contingent": "Con\u00adtin\u00adgent li\u00ada\u00adbil\u00adity",
        "h_would_block": "Would block now",
        "temporary_until_short": "temporary until",
        "detail_sep": ": ",
        "wrote": "wrote",
        "appraisal_summary": (
            "{year} {company}: {people} administrators; advanced {advanced}, "
            "excellent {excellent}, commendation {commendation}, pass {passed}, "
            "fail {failed}; {revoked} on the disqualification list; lists: {lists}"
        ),
        "training_summary": (
            "{when}: {sessions} sessions, {results} results, {fees} fees and fines"
        ),
        "ageing_summary": (
            "{company}: {customers} customers with open receivables, {total} in total, "
            "{overdue} overdue"
        ),
        "warnings_title": "Early warning and rescue",
        "warnings_summary": (
            "{company}: customers in early warning {customers} (severe {severe}, warning "
            "{warning}, watch {watch}); rescue cases open {rescues}"
        ),
        "w_customer": "Customer",
        "w_level": "Warning level",
        "w_score": "Warning score",
        "w_analyst": "Credit analyst",
        "w_signal": "Signal",
        "w_evidence": "Evidence",
        "w_weight": "Weight",
        "w_since": "Since",
        "w_rescue": "Rescue case",
        "w_state": "State",
        "w_outcome": "Outcome",
        "w_responsible": "Responsible",
        "w_opened": "Opened",
        "w_todo": "Actions to do",
        "w_none": "No customer in early warning.",
        "prospects_title": "Credit data for sales: customer standing",
        "prospects_summary": (
            "{company}: customers ranked {customers} (prospects {prospects}); good payers "
            "{good}; limit increases to propose {proposals}"
        ),
        "p_rank": "Rank",
        "p_customer": "Customer",
        "p_ref": "Code",
        "p_kind": "Kind",
        "p_salesperson": "Salesperson",
        "p_score": "Ranking score",
        "p_grade": "Grade",
        "p_policy": "Grade policy",
        "p_days_late": "Average days late",
        "p_on_time": "Paid on time (%)",
        "p_paid": "Paid (12 months)",
        "p_limit": "Credit limit",
        "p_cover": "Guarantee cover",
        "p_exposure": "Exposure",
        "p_overdue": "Overdue",
        "p_available": "Available",
        "p_sales": "Sales (12 months)",
        "p_sales_prev": "Sales (12 months before)",
        "p_growth": "Sales growth (%)",
        "p_good": "Good payer",
        "p_proposed": "Proposed limit",
        "p_warning_list": "Warning list",
        "p_none": "No customer to rank.",
        "p_settings": "Ranking rules",
        "p_setting": "Setting",
        "p_value": "Value",
        "p_w_grade": "Weight: grade",
        "p_w_on_time": "Weight: paying on time",
        "p_w_days_late": "Weight: days late",
        "p_w_available": "Weight: available credit",
        "p_w_growth": "Weight: sales growth",
        "p_r_days": "Good payer: average days late at most",
        "p_r_on_time": "Good payer: paid on time at least (%)",
        "p_r_raise": "Proposed limit increase (%)",
        "p_guarantees": "Available credit counts guarantee cover",
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
