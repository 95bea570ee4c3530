/** An audit finding rectified in Chinese (zh_CN), each step by its role
 * (tests/test_tour_zh.py logs in as the role and checks the record after each tour): the
 * auditor opens the draft finding from 审计整改 > 审计发现 and starts its rectification
 * (开始整改); the responsible person records a follow-up (登记整改跟踪) in its dialog and
 * reports it done (整改完成); the credit manager verifies it (验证). Steps find fields and
 * buttons by name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import {
    headerButton,
    labelShown,
    openCreditSubMenu,
    openPage,
    openRow,
    stateIs,
} from "@credit_management/../tests/tours/zh_tour_steps";

function openFinding() {
    return [
        ...openCreditSubMenu(
            "credit_management.menu_credit_oversight",
            "审计整改",
            "credit_audit.menu_credit_audit_findings",
            "审计发现"
        ),
        {
            content: "Show every finding (not only those not verified)",
            trigger: ".o_searchview .o_facet_remove",
            run: "click",
        },
        openRow("超授信额度发货未经审批"),
    ];
}

registry.category("web_tour.tours").add("credit_audit_zh_start", {
    steps: () => [
        ...openFinding(),
        labelShown("责任部门"),
        labelShown("责任人"),
        labelShown("整改期限"),
        openPage("plan", "整改计划"),
        stateIs("draft", "草稿"),
        headerButton("action_confirm", "开始整改"),
        stateIs("open", "整改中"),
    ],
});

registry.category("web_tour.tours").add("credit_audit_zh_followup", {
    steps: () => [
        ...openFinding(),
        stateIs("open", "整改中"),
        headerButton("action_add_followup", "登记整改跟踪"),
        {
            content: "The follow-up dialog asks for the effect (整改效果)",
            trigger: ".modal .o_form_view .o_form_label:contains(整改效果)",
        },
        {
            content: "Write the effect",
            trigger: ".modal .o_form_view div[name='note'] textarea",
            run: "edit 超额发货均已报信用经理审批。",
        },
        {
            content: "Save the follow-up (保存)",
            trigger: ".modal .o_form_button_save:contains(保存)",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        openPage("followups", "整改跟踪"),
        {
            content: "The follow-up is listed",
            trigger: ".o_form_view div[name='followup_ids'] .o_data_row:contains(超额发货均已报信用经理审批)",
        },
        headerButton("action_submit", "整改完成"),
        stateIs("to_verify", "待验证"),
    ],
});

registry.category("web_tour.tours").add("credit_audit_zh_verify", {
    steps: () => [
        ...openFinding(),
        stateIs("to_verify", "待验证"),
        headerButton("action_verify", "验证"),
        stateIs("verified", "已验证"),
        labelShown("验证人"),
    ],
});
