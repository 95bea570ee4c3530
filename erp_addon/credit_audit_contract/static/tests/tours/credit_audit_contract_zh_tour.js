/** A contract's audit findings from its smart button (审计发现), in Chinese
 * (tests/test_tour_zh.py). */
import { registry } from "@web/core/registry";
import { openCreditSubMenu, openRow } from "@credit_management/../tests/tours/zh_tour_steps";

registry.category("web_tour.tours").add("credit_audit_contract_zh", {
    steps: () => [
        ...openCreditSubMenu(
            "credit_contract.menu_credit_contract_root",
            "合同",
            "credit_contract.menu_credit_contract",
            "合同"
        ),
        openRow("ZH 钢材供货合同"),
        {
            content: "Open the contract's audit findings (审计发现)",
            trigger: ".o_form_view button[name='action_view_audit_findings']:contains(审计发现)",
            run: "click",
        },
        {
            content: "The finding on the contract is listed",
            trigger: ".o_list_view .o_data_row:contains(合同评审表填写不完整)",
        },
    ],
});
