/** Collections in Chinese (zh_CN), each step by its role (tests/test_tour_zh.py logs in as
 * the role and checks the records after each tour): the credit manager runs the daily
 * collection action (立即运行); the collector works the worklist (我的逾期发票), logs a call
 * (记录联系) and records a promise to pay (付款承诺); a bad debt is proposed for write-off by
 * the collector, approved by the credit manager and by the accountant. Steps find fields and
 * buttons by name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import {
    ZH_DATE,
    openCreditSubMenu,
    stateIs,
    headerButton,
    labelShown,
    pick,
} from "@credit_management/../tests/tours/zh_tour_steps";

const { DateTime } = luxon;

function openWriteoffs() {
    // the menu reads its whole name, 呆坏账核销 (账, one word across the add-ons)
    return openCreditSubMenu(
        "credit_collection.menu_collection_root",
        "商账",
        "credit_collection.menu_collection_writeoffs",
        "呆坏账核销"
    );
}

registry.category("web_tour.tours").add("credit_collection_zh_run_now", {
    steps: () => [
        ...openCreditSubMenu(
            "credit_management.menu_credit_reporting",
            "报表",
            "credit_collection.menu_collection_runs",
            "收账运行记录"
        ),
        {
            content: "Run the daily collection action now (立即运行)",
            trigger: ".o_control_panel button[name='action_run_now']:contains(立即运行)",
            run: "click",
        },
        stateIs("done", "已完成"),
        labelShown("启动人"),
        {
            content: "Started by hand (立即运行)",
            trigger: ".o_form_view div[name='trigger']:contains(立即运行)",
        },
        labelShown("分类的发票"),
        {
            content: "Both overdue invoices classified",
            trigger: ".o_form_view div[name='invoice_count']:contains(2)",
        },
        labelShown("阶段变动"),
    ],
});

registry.category("web_tour.tours").add("credit_collection_zh_worklist", {
    steps: () => {
        const inAWeek = DateTime.now().plus({ days: 7 }).toFormat(ZH_DATE);
        return [
            ...openCreditSubMenu(
                "credit_collection.menu_collection_root",
                "商账",
                "credit_collection.menu_collection_worklist",
                "我的逾期发票"
            ),
            {
                content: "The worklist shows my overdue invoice in its stage's column",
                trigger:
                    '.o_kanban_renderer .o_kanban_group:contains("ZH提醒") .o_kanban_record:contains("ZH Customer A")',
            },
            {
                content: "The card says how long it is overdue, in Chinese (逾期 10 天)",
                trigger: '.o_kanban_record:contains("ZH Customer A"):contains(逾期 10 天)',
            },
            {
                content: "Switch to the list",
                trigger: "button.o_switch_view.o_list",
                run: "click",
            },
            {
                content: "Open the overdue invoice",
                trigger: '.o_list_renderer .o_data_row:contains("ZH Customer A") td[name="collection_invoice_number"]',
                run: "click",
            },
            {
                content: "Open the invoice's Collection tab (收账)",
                trigger: '.o_form_view .o_notebook_headers a.nav-link[name="collection"]:contains(收账)',
                run: "click",
            },
            labelShown("收账阶段"),
            {
                content: "Log a contact (记录联系)",
                trigger: 'button[name="action_collection_log_contact"]:contains(记录联系)',
                run: "click",
            },
            labelShown("联系方式", ".modal"),
            {
                content: "A phone call (电话催收)",
                trigger: '.modal div[name="contact_type"] select',
                run: "selectByLabel 电话催收",
            },
            labelShown("结果", ".modal"),
            {
                content: "Its outcome: promised to pay (承诺付款)",
                trigger: '.modal div[name="outcome"] select',
                run: "selectByLabel 承诺付款",
            },
            labelShown("联系人", ".modal"),
            {
                content: "Who was reached",
                trigger: '.modal div[name="contact_person"] input',
                run: "edit 王女士（应付账款）",
            },
            labelShown("下一步", ".modal"),
            {
                content: "The next step",
                trigger: '.modal div[name="next_step"] input',
                run: "edit 核对回款",
            },
            {
                content: "The next step's day",
                trigger: '.modal div[name="next_date"] input',
                run: `edit ${inAWeek}`,
            },
            {
                content: "What was said",
                trigger: '.modal div[name="note"] textarea',
                run: "edit 下周付 400 元。",
            },
            {
                content: "Save the contact",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                content: "The contact is in the invoice's log",
                trigger: 'div[name="collection_contact_ids"] .o_data_row:contains("核对回款")',
            },
            {
                content: "Record a promise to pay (付款承诺)",
                trigger: 'button[name="action_collection_promise"]:contains(付款承诺)',
                run: "click",
            },
            labelShown("承诺金额", ".modal"),
            {
                content: "The promised amount",
                trigger: '.modal div[name="amount"] input',
                run: "edit 400",
            },
            labelShown("承诺日期", ".modal"),
            {
                content: "The promised day",
                trigger: '.modal div[name="date"] input',
                run: `edit ${inAWeek}`,
            },
            {
                content: "Save the promise",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                content: "The promise is on the invoice",
                trigger: 'div[name="collection_promise_ids"] .o_data_row:contains("400")',
            },
        ];
    },
});

registry.category("web_tour.tours").add("credit_collection_zh_writeoff_propose", {
    steps: () => [
        ...openWriteoffs(),
        {
            content: "The write-offs' list is titled 呆坏账核销",
            trigger: ".o_control_panel .o_breadcrumb:contains(呆坏账核销)",
        },
        {
            content: "New write-off proposal",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        stateIs("draft", "草稿"),
        labelShown("发票"),
        // the invoice, found by its reference
        ...pick("move_id", "ZH-WO-1"),
        {
            content: "The customer comes from the invoice",
            trigger: ".o_form_view div[name='partner_id']:contains(ZH Bad Debtor)",
        },
        labelShown("证据"),
        {
            content: "The evidence",
            trigger: ".o_form_view div[name='evidence'] textarea",
            run: "edit 客户已破产，法院裁定书（2026）第123号",
        },
        {
            content: "Save the proposal",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        headerButton("action_submit", "提交"),
        stateIs("submitted", "已提交"),
        labelShown("申请人"),
    ],
});

registry.category("web_tour.tours").add("credit_collection_zh_writeoff_manager", {
    steps: () => [
        ...openWriteoffs(),
        {
            content: "Open the submitted proposal",
            trigger: ".o_list_view .o_data_row:contains(ZH Bad Debtor) td.o_data_cell",
            run: "click",
        },
        stateIs("submitted", "已提交"),
        headerButton("action_approve_manager", "审批（信用经理）"),
        {
            content: "The credit manager's approval is recorded; nothing posted yet",
            trigger: ".o_form_view:not(:has(button[name='action_approve_manager'])) div[name='manager_id']:contains(ZH Credit Manager)",
        },
        stateIs("submitted", "已提交"),
    ],
});

registry.category("web_tour.tours").add("credit_collection_zh_writeoff_accountant", {
    steps: () => [
        stateIs("submitted", "已提交"),
        {
            content: "The proposal's breadcrumb names the write-offs (呆坏账核销)",
            trigger: ".o_control_panel .o_breadcrumb:contains(呆坏账核销)",
        },
        headerButton("action_approve_accountant", "审批（会计）"),
        stateIs("posted", "已核销"),
        labelShown("核销分录"),
        {
            content: "The write-off entry is linked",
            trigger: ".o_form_view div[name='writeoff_move_id'] a",
        },
    ],
});
