/** The supplier evaluation in Chinese (zh_CN), each step by its role (tests/test_tour_zh.py
 * logs in as the role and checks the records after each tour): the evaluator opens the
 * evaluation the daily job opened (供应商评价), reads the purchase figures (读取数据), gives
 * the evaluator's points and submits it (提交签核); the labour and wages section (劳资科)
 * opens it among the evaluations to sign off (待签核评价) and signs it off (签核) in the
 * decision dialog. Steps find fields and buttons by name and check the Chinese labels the
 * .po translates. */
import { registry } from "@web/core/registry";
import {
    headerButton,
    openCreditSubMenu,
    openRow,
    stateIs,
} from "@credit_management/../tests/tours/zh_tour_steps";

const ROOT = "credit_management.menu_credit_oversight";

registry.category("web_tour.tours").add("credit_supplier_zh_evaluate", {
    steps: () => [
        ...openCreditSubMenu(
            ROOT,
            "供应商信用",
            "credit_supplier.menu_credit_supplier_evaluations",
            "供应商评价"
        ),
        openRow("ZH 永信钢管"),
        stateIs("draft", "评价中"),
        headerButton("action_compute_figures", "读取数据"),
        {
            content: "The return rate is read from the purchase data (5.00)",
            trigger: ".o_form_view div[name='line_ids'] .o_data_row:contains(退货率) td[name='value_display']:contains(5.00)",
        },
        {
            content: "Click the evaluator's points of the quality factor (货物质量)",
            trigger: ".o_form_view div[name='line_ids'] .o_data_row:contains(货物质量) td[name='evaluator_points']",
            run: "click",
        },
        {
            content: "Give 90 points",
            trigger: ".o_form_view div[name='line_ids'] .o_selected_row td[name='evaluator_points'] input",
            run: "edit 90",
        },
        headerButton("action_submit", "提交签核"),
        stateIs("submitted", "待签核"),
    ],
});

registry.category("web_tour.tours").add("credit_supplier_zh_sign", {
    steps: () => [
        ...openCreditSubMenu(
            ROOT,
            "供应商信用",
            "credit_supplier.menu_credit_supplier_to_sign",
            "待签核评价"
        ),
        openRow("ZH 永信钢管"),
        headerButton("action_approve", "签核"),
        {
            content: "The decision dialog asks for the reason",
            trigger: ".modal .o_form_view div[name='note'] textarea",
            run: "edit 已会同劳资科核对",
        },
        {
            content: "Confirm the decision (确认)",
            trigger: ".modal .modal-footer button[name='action_confirm']:contains(确认)",
            run: "click",
        },
        {
            content: "The dialog closed",
            trigger: "body:not(:has(.modal))",
        },
        stateIs("signed", "已签核"),
    ],
});
