/** The credit-granting flow in Chinese (zh_CN), each step by its role (tests/test_tour_zh.py
 * logs in as the role and checks the records after each tour): the analyst scores the
 * customer, the salesperson applies for credit from the partner's Credit tab, the credit
 * manager approves within the manager's band, and an order over the new limit is blocked
 * and an exception requested and granted. Steps find fields and buttons by name and check
 * the Chinese labels the .po translates (menus, buttons, tabs, states). */
import { registry } from "@web/core/registry";
import {
    openCreditMenu,
    openRow,
    headerButton,
    stateIs,
} from "@credit_management/../tests/tours/zh_tour_steps";

function creditTab() {
    return {
        content: "Open the partner's Credit tab (信用)",
        trigger: ".o_form_view .o_notebook_headers a.nav-link[name='credit']:contains(信用)",
        run: "click",
    };
}

/** The decision dialog: a note, then 确认 (Confirm). */
function decisionDialog(note) {
    return [
        {
            content: "The decision dialog asks for the reason",
            trigger: ".modal .o_form_view div[name='note'] textarea",
            run: `edit ${note}`,
        },
        {
            content: "Confirm the decision (确认)",
            trigger: ".modal .modal-footer button[name='action_confirm']:contains(确认)",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

registry.category("web_tour.tours").add("credit_management_zh_score", {
    steps: () => [
        ...openCreditMenu("credit_management.menu_credit_files", "资信档案"),
        openRow("ZH Steel Trading"),
        creditTab(),
        {
            content: "The standing has no score yet",
            trigger: ".o_form_view .o_horizontal_separator:contains(信用状况)",
        },
        {
            content: "Compute the credit score (计算信用评分)",
            trigger: ".o_form_view button[name='action_credit_score']:contains(计算信用评分)",
            run: "click",
        },
        {
            content: "The score is on the Credit tab with its grade",
            trigger: ".o_form_view div[name='credit_grade_id']:contains(ZA)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_management_zh_apply", {
    steps: () => [
        ...openCreditMenu("credit_management.menu_credit_files", "资信档案"),
        openRow("ZH Steel Trading"),
        creditTab(),
        {
            content: "Apply for credit (申请授信)",
            trigger: ".o_form_view button[name='action_new_credit_application']:contains(申请授信)",
            run: "click",
        },
        stateIs("draft", "草稿"),
        {
            content: "The requested limit (申请额度)",
            trigger: ".o_form_view .o_wrap_label:contains(申请额度)",
        },
        {
            content: "Type the requested limit",
            trigger: ".o_form_view div[name='requested_limit'] input",
            run: "edit 50000",
        },
        {
            content: "The justification (申请理由)",
            trigger: ".o_form_view .o_horizontal_separator:contains(申请理由)",
        },
        {
            content: "Type the justification",
            trigger: ".o_form_view div[name='justification'] textarea",
            run: "edit 年采购量稳定，三年无逾期",
        },
        headerButton("action_submit", "提交"),
        stateIs("submitted", "待审批"),
        {
            content: "The assessment (评估) is taken on submission: score and grade",
            trigger: ".o_form_view .o_horizontal_separator:contains(评估)",
        },
        {
            content: "The assessed grade",
            trigger: ".o_form_view div[name='grade_id']:contains(ZA)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_management_zh_approve", {
    steps: () => [
        ...openCreditMenu("credit_management.menu_credit_applications", "授信申请"),
        openRow("ZH Steel Trading"),
        stateIs("submitted", "待审批"),
        headerButton("action_approve", "批准"),
        ...decisionDialog("评分为 ZA 级，额度在经理权限内"),
        stateIs("approved", "已批准"),
        {
            content: "The decision (审批结果) shows who decided (审批人)",
            trigger: ".o_form_view .o_wrap_label:contains(审批人) + .o_wrap_input div[name='decided_by_id']:contains(ZH Manager)",
        },
        ...openCreditMenu("credit_management.menu_credit_files", "资信档案"),
        openRow("ZH Steel Trading"),
        creditTab(),
        {
            content: "The approved limit is in force on the partner (有效授信额度)",
            trigger: ".o_form_view .o_form_label:contains(有效授信额度)",
        },
        {
            content: "50,000 in force",
            trigger: ".o_form_view div[name='credit_limit_in_force']:contains(50,000.00)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_management_zh_order_blocked", {
    steps: () => [
        {
            content: "The order says why it cannot be confirmed (信用检查)",
            trigger: ".o_credit_check_warning:contains(信用检查：此订单在当前状态下不能确认。)",
        },
        {
            content: "Try to confirm anyway",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']:visible",
            run: "click",
        },
        {
            content: "The refusal offers an exception request (申请信用特批)",
            trigger: ".modal button:contains(申请信用特批)",
            run: "click",
        },
        {
            content: "The request dialog is titled 申请信用特批",
            trigger: ".modal .modal-title:contains(申请信用特批)",
        },
        {
            content: "Explain why",
            trigger: ".modal div[name='request_note'] textarea",
            run: "edit 周一到账 50% 预付款",
        },
        {
            content: "Request the exception (申请特批)",
            trigger: ".modal .modal-footer button[name='action_request']:contains(申请特批)",
            run: "click",
        },
        {
            content: "The request is confirmed",
            trigger: ".o_notification:contains(已申请信用特批)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_management_zh_grant", {
    steps: () => [
        ...openCreditMenu("credit_management.menu_credit_exceptions", "特批"),
        openRow("ZH Steel Trading"),
        stateIs("requested", "已申请"),
        headerButton("action_grant", "批准"),
        ...decisionDialog("预付款已到账"),
        stateIs("granted", "已批准"),
    ],
});
