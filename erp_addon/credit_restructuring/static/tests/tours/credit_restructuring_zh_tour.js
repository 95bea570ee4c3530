/** Debt restructuring in Chinese (zh_CN), each step by its role (tests/test_tour_zh.py logs
 * in as the role and checks the agreement after each tour): the collector proposes an
 * agreement (债务重组协议) for a debtor's overdue invoice with a one-instalment schedule and
 * submits it (提交审批); the credit manager approves it (批准) through the decision dialog.
 * Steps find fields and buttons by name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;
/** zh_CN's date format (%Y年%m月%d日) */
const ZH_DATE = "yyyy年MM月dd日";

function openAgreements() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app (信用)",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]:contains(信用)',
            run: "click",
        },
        {
            content: "Open the Collections menu (商账)",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_collection.menu_collection_root"]:contains(商账)',
            run: "click",
        },
        {
            content: "Open Debt Restructuring (债务重组)",
            trigger: '.dropdown-item[data-menu-xmlid="credit_restructuring.menu_restructuring"]:contains(债务重组)',
            run: "click",
        },
    ];
}

function stateIs(value, label) {
    return {
        content: `The state reads ${label}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${value}']:contains(${label})`,
    };
}

function headerButton(name, label) {
    return {
        content: `Click ${label}`,
        trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']:contains(${label})`,
        run: "click",
    };
}

function tab(name, label) {
    return {
        content: `Open the ${label} page`,
        trigger: `.o_form_view .o_notebook_headers a.nav-link[name='${name}']:contains(${label})`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("credit_restructuring_zh_propose", {
    steps: () => {
        const inAMonth = DateTime.now().plus({ days: 30 }).toFormat(ZH_DATE);
        return [
            ...openAgreements(),
            {
                content: "Propose a new agreement",
                trigger: ".o_control_panel .o_list_button_add",
                run: "click",
            },
            stateIs("draft", "草稿"),
            {
                content: "The debtor (债务人)",
                trigger: ".o_form_view .o_form_label:contains(债务人)",
            },
            {
                content: "Choose the debtor",
                trigger: ".o_form_view div[name='partner_id'] input",
                run: "edit ZH Debtor",
            },
            {
                content: "Pick it",
                trigger: ".o-autocomplete--dropdown-item a:contains(ZH Debtor)",
                run: "click",
            },
            {
                content: "Give the reason (重组原因)",
                trigger: ".o_form_view div[name='reason'] textarea",
                run: "edit 下游客户停产，资金周转困难，同意一个月后一次付清",
            },
            tab("invoices", "涉及发票"),
            {
                content: "Add the overdue invoice",
                trigger: ".o_form_view div[name='move_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "Select the debtor's overdue invoice (the only one the dialog offers)",
                trigger: ".modal .o_data_row:contains(INV/) .o_list_record_selector input",
                run: "click",
            },
            {
                content: "Confirm the selection",
                trigger: ".modal .o_select_button",
                run: "click",
            },
            {
                content: "The invoice is covered",
                trigger: ".o_form_view div[name='move_ids'] .o_data_row:contains(INV/)",
            },
            {
                content: "The amount restructured follows the invoice (8,000)",
                trigger: ".o_form_view div[name='amount_restructured']:contains(8,000.00)",
            },
            tab("schedule", "还款计划"),
            {
                content: "Add an instalment",
                trigger: ".o_form_view div[name='instalment_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "Its due date, in a month",
                trigger: ".o_form_view div[name='instalment_ids'] .o_data_row td[name='date_due'] input",
                run: `edit ${inAMonth}`,
            },
            {
                content: "Its amount, the whole debt",
                trigger: ".o_form_view div[name='instalment_ids'] .o_data_row td[name='amount'] input",
                run: "edit 8000",
            },
            {
                content: "Save",
                trigger: ".o_form_view .o_form_button_save",
                run: "click",
            },
            {
                content: "Saved",
                trigger: ".o_form_view .o_form_saved",
            },
            headerButton("action_submit", "提交审批"),
            stateIs("submitted", "待审批"),
        ];
    },
});

registry.category("web_tour.tours").add("credit_restructuring_zh_approve", {
    steps: () => [
        ...openAgreements(),
        {
            content: "Open the agreement awaiting approval",
            trigger: ".o_list_view .o_data_row:contains(ZH Debtor) td.o_data_cell",
            run: "click",
        },
        stateIs("submitted", "待审批"),
        headerButton("action_approve", "批准"),
        {
            content: "Give the reason of the decision",
            trigger: ".modal .o_form_view div[name='note'] textarea",
            run: "edit 方案可行，同意",
        },
        {
            content: "Confirm (确认)",
            trigger: ".modal .modal-footer button[name='action_confirm']:contains(确认)",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        stateIs("active", "执行中"),
    ],
});
