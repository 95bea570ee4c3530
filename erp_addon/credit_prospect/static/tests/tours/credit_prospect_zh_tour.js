/** Credit data for sales in Chinese (zh_CN), walked by the salesperson
 * (tests/test_tour_zh.py logs in and checks the application afterwards): Sales > Orders >
 * Customer Standing (客户资信排名) lists the salesperson's customers ranked by score, the good
 * payer flagged (优质付款客户); its button (建议提高授信额度) opens a credit application prefilled
 * with the proposed limit and the figures behind it, which the salesperson saves and submits
 * (提交) to the credit department (待审批). */
import { registry } from "@web/core/registry";
import { openCustomerStanding } from "@credit_prospect/../tests/tours/prospect_tour_steps";
import { headerButton, stateIs } from "@credit_management/../tests/tours/zh_tour_steps";

const GOOD = "ZH 港联钢构";

registry.category("web_tour.tours").add("credit_prospect_zh_propose", {
    steps: () => [
        ...openCustomerStanding(),
        {
            content: "The ranking's columns in Chinese (排名得分, 按期付款比例)",
            trigger:
                '.o_list_view th[data-name="score"]:contains(排名得分) ~ th[data-name="on_time_share"]:contains(按期付款)',
        },
        {
            content: "The good payer ranks first",
            trigger: `.o_list_view .o_data_row:first-child td[name="partner_id"]:contains(${GOOD})`,
        },
        {
            content: "The late payer is listed, without a proposal",
            trigger:
                '.o_list_view .o_data_row:contains(ZH 迟付客户):not(:has(button[name="action_propose_limit"]:visible))',
        },
        {
            content: "Propose a higher limit (建议提高授信额度)",
            trigger: `.o_list_view .o_data_row:contains(${GOOD}) button[name="action_propose_limit"]:contains(建议提高授信额度)`,
            run: "click",
        },
        {
            content: "The credit application (授信申请) opens for the customer",
            trigger: `.o_form_view div[name="partner_id"] input:value(${GOOD})`,
        },
        {
            content: "Its type: a limit change (额度变更)",
            trigger: '.o_form_view div[name="application_type"]:contains(额度变更)',
        },
        {
            content: "Prefilled with the proposed limit",
            trigger: '.o_form_view div[name="requested_limit"] input:value(/^120.000.00$/)',
        },
        {
            content: "and the figures behind it, in Chinese",
            trigger: '.o_form_view div[name="justification"] textarea:value(征信助销)',
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        headerButton("action_submit", "提交"),
        stateIs("submitted", "待审批"),
    ],
});
