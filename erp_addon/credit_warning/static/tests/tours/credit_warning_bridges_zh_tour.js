/** The signals the early-warning bridges add, read in Chinese (zh_CN) by a credit user
 * (least privilege: group_credit_user) on the customer's warning: Credit > Early Warning >
 * Customers in Warning (预警客户) lists the customer at its level, its Early Warning tab
 * (信用预警) shows the bridge's signal by its Chinese label with its Chinese evidence.
 * Each tour is run by the bridge's own test (the bridges have no assets of their own: this
 * folder is globbed into web.assets_tests by credit_warning's manifest):
 *   credit_warning_external_data_zh    credit_warning_external_data/tests/test_tour_zh.py
 *   credit_warning_contract_zh         credit_warning_contract/tests/test_tour_zh.py
 *   credit_warning_guarantee_zh        credit_warning_guarantee/tests/test_tour_zh.py
 *   credit_warning_restructuring_zh    credit_warning_restructuring/tests/test_tour_zh.py
 * The evidence texts are those of each bridge's i18n/zh_CN.po (the signal's evidence is
 * worded in the company's language, here zh_CN). */
import { registry } from "@web/core/registry";
import { openCreditSubMenu } from "@credit_management/../tests/tours/zh_tour_steps";

/** The steps from the home screen to ``customer``'s signal ``signal`` (its Chinese label)
 * at ``level`` (the Chinese label of the customer's warning level), the signal's evidence
 * holding each text of ``evidence``. */
function signalOnWarning(customer, level, signal, evidence) {
    const row = `.o_form_view div[name="credit_warning_signal_ids"] .o_data_row:has(td[name="signal_type"]:contains(${signal}))`;
    return [
        ...openCreditSubMenu(
            "credit_warning.menu_warning_root",
            "信用预警",
            "credit_warning.menu_warning_customers",
            "预警客户"
        ),
        {
            content: `${customer} is in warning at ${level}`,
            trigger: `.o_list_renderer .o_data_row:contains("${customer}") td[name="credit_warning_level"]:contains(${level})`,
        },
        {
            content: `Open ${customer}`,
            trigger: `.o_list_renderer .o_data_row:contains("${customer}") td[name="name"]`,
            run: "click",
        },
        {
            content: "Open its Early Warning tab (信用预警)",
            trigger:
                '.o_form_view .o_notebook_headers a.nav-link[name="credit_warning"]:contains(信用预警)',
            run: "click",
        },
        {
            content: `The signal ${signal} is in force`,
            trigger: row,
        },
        ...evidence.map((text) => ({
            content: `Its evidence reads ${text}`,
            trigger: `${row} td[name="evidence"]:contains("${text}")`,
        })),
    ];
}

registry.category("web_tour.tours").add("credit_warning_external_data_zh", {
    steps: () =>
        signalOnWarning("ZH 失信钢贸", "关注", "外部不良记录", [
            "自2026年06月10日起报告了 1 条不良记录",
            "失信被执行人",
            "沪01执5号",
        ]),
});

registry.category("web_tour.tours").add("credit_warning_contract_zh", {
    steps: () =>
        signalOnWarning("ZH 合同纠纷钢贸", "关注", "合同纠纷发生", [
            "自 2026年06月15日 起有 1 宗合同纠纷未结",
            "涉及金额",
            "30,000.00",
            "HT2026-",
        ]),
});

registry.category("web_tour.tours").add("credit_warning_guarantee_zh", {
    steps: () =>
        signalOnWarning("ZH 担保到期钢贸", "关注", "担保即将到期", [
            "1 项担保将于 2026年07月05日 前到期",
            "担保额",
            "3,000.00",
            "CG/2026/",
        ]),
});

registry.category("web_tour.tours").add("credit_warning_restructuring_zh", {
    steps: () =>
        signalOnWarning("ZH 重组违约钢贸", "警告", "债务重组违约", [
            "1 份债务重组协议违约，最近一次为 2026年07月07日",
            "重组金额",
            "1,000.00",
            "DR/2026/",
        ]),
});
