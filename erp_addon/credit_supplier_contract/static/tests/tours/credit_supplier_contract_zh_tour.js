/** The contract performance in Chinese (zh_CN): the evaluator opens the evaluation (供应商评价),
 * reads the figures (读取数据) and finds the share of its ended purchase contracts completed (合同履约率)
 * among the factors (tests/test_tour_zh.py checks the figure). */
import { registry } from "@web/core/registry";
import {
    headerButton,
    openCreditSubMenu,
    openRow,
    stateIs,
} from "@credit_management/../tests/tours/zh_tour_steps";

registry.category("web_tour.tours").add("credit_supplier_contract_zh", {
    steps: () => [
        ...openCreditSubMenu(
            "credit_management.menu_credit_oversight",
            "供应商信用",
            "credit_supplier.menu_credit_supplier_evaluations",
            "供应商评价"
        ),
        openRow("ZH 永信钢管"),
        stateIs("draft", "评价中"),
        headerButton("action_compute_figures", "读取数据"),
        {
            content: "Half of the ended contracts were completed (合同履约率 50.00)",
            trigger: ".o_form_view div[name='line_ids'] .o_data_row:contains(合同履约率) td[name='value_display']:contains(50.00)",
        },
    ],
});
