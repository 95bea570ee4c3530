/** The contract cases of a case review, in Chinese (tests/test_contract_cases.py): the
 * credit manager opens the review and reads its contracts and disputes (合同案例). */
import { registry } from "@web/core/registry";
import { openPage, openRow } from "@credit_management/../tests/tours/zh_tour_steps";

registry.category("web_tour.tours").add("credit_seminar_contract_zh", {
    url: "/odoo/action-credit_seminar.action_credit_seminar",
    steps: () => [
        openRow("ZH 合同纠纷评析"),
        openPage("contract_cases", "合同案例"),
        {
            content: "The disputed contract, its state in Chinese (纠纷中)",
            trigger: '.o_form_view div[name="contract_ids"] .o_data_row:contains(Disputed steel supply):contains(纠纷中)',
        },
        {
            content: "The dispute, its method in Chinese (协商)",
            trigger: '.o_form_view div[name="dispute_ids"] .o_data_row:contains(协商)',
        },
    ],
});
