/** The legal representative's sign-off in Chinese (zh_CN; tests/test_tour_zh.py logs in
 * as the legal representative and checks the review): the submitted review opened from
 * 合同 > 法定代表人审查, its ledger figures read, the opinion (法定代表人意见) written,
 * signed (签署). */
import { registry } from "@web/core/registry";
import {
    headerButton,
    labelShown,
    openCreditSubMenu,
    openPage,
    stateIs,
} from "@credit_management/../tests/tours/zh_tour_steps";

registry.category("web_tour.tours").add("credit_legal_review_zh", {
    steps: () => [
        ...openCreditSubMenu(
            "credit_contract.menu_credit_contract_root",
            "合同",
            "credit_legal_review.menu_credit_legal_review",
            "法定代表人审查"
        ),
        {
            content: "Open the submitted review (已提交)",
            trigger: ".o_list_view .o_data_row:contains(已提交) td.o_data_cell",
            run: "click",
        },
        stateIs("submitted", "已提交"),
        labelShown("签订合同数"),
        labelShown("逾期登记"),
        openPage("opinion", "意见"),
        {
            content: "The opinion",
            trigger: '.o_form_view div[name="opinion"] textarea',
            run: "edit 本期合同签订规范，同意。",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        headerButton("action_sign", "签署"),
        stateIs("signed", "已签署"),
    ],
});
