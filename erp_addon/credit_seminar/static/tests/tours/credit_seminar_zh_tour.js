/** A case review in Chinese (zh_CN) by the head of the credit department (a credit
 * manager; tests/test_tour_zh.py logs in and checks the records): a new case review
 * (案例评析会) with a participant, a conclusion and an action with its owner, held
 * (标记为已举行), then closed (结案) through its confirmation dialog. */
import { registry } from "@web/core/registry";
import {
    fill,
    headerButton,
    labelShown,
    openCreditSubMenu,
    openPage,
    stateIs,
    tag,
} from "@credit_management/../tests/tours/zh_tour_steps";

registry.category("web_tour.tours").add("credit_seminar_zh", {
    steps: () => [
        ...openCreditSubMenu(
            "credit_management.menu_credit_oversight",
            "信息与监督",
            "credit_seminar.menu_credit_seminars",
            "研讨会"
        ),
        {
            content: "New",
            trigger: ".o_list_button_add",
            run: "click",
        },
        labelShown("组织人"),
        fill("title", "ZH 逾期客户案例评析"),
        {
            content: "A case review (案例评析会)",
            trigger: '.o_form_view div[name="kind"] select',
            run: "selectByLabel 案例评析会",
        },
        ...tag("participant_ids", "ZH 信用经理"),
        openPage("conclusions", "结论"),
        {
            content: "Add a conclusion",
            trigger: '.o_form_view div[name="conclusion_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "The conclusion",
            trigger: '.o_form_view div[name="conclusion_ids"] .o_selected_row div[name="name"] textarea',
            run: "edit 付清逾期货款前暂停赊销。",
        },
        openPage("actions", "措施"),
        {
            content: "Add an action",
            trigger: '.o_form_view div[name="action_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "The action",
            trigger: '.o_form_view div[name="action_ids"] .o_selected_row div[name="name"] input',
            run: "edit 发出催款函",
        },
        {
            content: "Its owner",
            trigger: '.o_form_view div[name="action_ids"] .o_selected_row div[name="user_id"] input',
            run: "edit ZH 分析员",
        },
        {
            content: "Pick the analyst",
            trigger: '.o_form_view div[name="action_ids"] .o-autocomplete--dropdown-item a:contains(ZH 分析员)',
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        headerButton("action_hold", "标记为已举行"),
        stateIs("held", "已举行"),
        headerButton("action_close", "结案"),
        {
            content: "Confirm closing (确定)",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        stateIs("closed", "已结案"),
    ],
});
