/** The annual appraisal in Chinese (zh_CN), each step by its role (tests/test_tour_zh.py
 * logs in as the role and checks the records after each tour): the credit manager opens
 * the year's period and its appraisals (开启考核); the assessor scores an item by hand with
 * its evidence and submits (提交); the credit manager approves (批准); the lists drawn
 * (拟定名单), a name removed from the award list with its reason (移除) and put back (恢复),
 * sent to the legal representative (报送法定代表人), who approves them (批准名单) with the
 * disqualification list; the education and help after a first failure recorded by the
 * department head (登记结果), the accountability for unlawful use decided by the legal
 * representative (登记决定). Steps find fields and buttons by name and check the Chinese
 * labels the .po translates. */
import { registry } from "@web/core/registry";
import {
    openCreditSubMenu,
    stateIs,
    headerButton,
    labelShown,
    openPage,
} from "@credit_management/../tests/tours/zh_tour_steps";

function openStaffMenu(xmlid, label) {
    return openCreditSubMenu("credit_appraisal.menu_credit_staff", "人员", xmlid, label);
}

function openPeriod(year) {
    return [
        ...openStaffMenu("credit_appraisal.menu_credit_staff_periods", "考核期"),
        {
            content: `Open ${year}`,
            trigger: `.o_list_view .o_data_row td[name='name']:contains(${year})`,
            run: "click",
        },
    ];
}

function openAppraisal(name) {
    return [
        ...openStaffMenu("credit_appraisal.menu_credit_staff_appraisals", "考核"),
        {
            content: `Open ${name}'s appraisal`,
            trigger: `.o_list_view .o_data_row td[name='employee_id']:contains(${name})`,
            run: "click",
        },
    ];
}

const LINE_32 =
    ".o_form_view div[name='line_ids'] .o_data_row:has(td[name='code']:contains(3.2))";

registry.category("web_tour.tours").add("credit_appraisal_zh_open_period", {
    steps: () => [
        ...openStaffMenu("credit_appraisal.menu_credit_staff_periods", "考核期"),
        {
            content: "New period",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        labelShown("年份"),
        {
            content: "The year 2025",
            trigger: ".o_form_view div[name='year'] input",
            run: "edit 2025",
        },
        labelShown("评分表"),
        {
            content: "The shipped scorecard is proposed",
            trigger: ".o_form_view div[name='rubric_id'] input:not(:value(''))",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        stateIs("open", "开放"),
        headerButton("action_generate_appraisals", "开启考核"),
        openPage("appraisals", "考核"),
        {
            content: "An appraisal for each administrator: Admin A",
            trigger: ".o_form_view div[name='appraisal_ids'] .o_data_row:contains(Admin A)",
        },
        {
            content: "and Admin B",
            trigger: ".o_form_view div[name='appraisal_ids'] .o_data_row:contains(Admin B)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_appraisal_zh_score_submit", {
    steps: () => [
        ...openAppraisal("Admin A"),
        stateIs("draft", "草稿"),
        openPage("scorecard", "考核评分表"),
        {
            content: "The assessor's score column (考核人评分)",
            trigger: ".o_form_view div[name='line_ids'] th:contains(考核人评分)",
        },
        {
            content: "The evidence column (考核人评分依据)",
            trigger: ".o_form_view div[name='line_ids'] th:contains(考核人评分依据)",
        },
        {
            content: "Edit item 3.2",
            trigger: `${LINE_32} td[name='hand_score']`,
            run: "click",
        },
        {
            content: "Give the score",
            trigger: ".o_form_view div[name='line_ids'] .o_selected_row td[name='hand_score'] input",
            run: "edit 5",
        },
        {
            content: "Write the evidence the score rests on",
            trigger: ".o_form_view div[name='line_ids'] .o_selected_row td[name='hand_evidence'] :is(input, textarea)",
            run: "edit 每季度与销售人员对账，记录齐全",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: item 3.2 scores 5",
            trigger: `.o_form_view div[name='line_ids'] .o_data_row:not(.o_selected_row):has(td[name='code']:contains(3.2)):has(td[name='score']:contains(5.0)) td[name='hand_evidence']:contains(每季度与销售人员对账)`,
        },
        headerButton("action_submit", "提交"),
        stateIs("submitted", "已提交"),
    ],
});

registry.category("web_tour.tours").add("credit_appraisal_zh_approve", {
    steps: () => [
        ...openAppraisal("Admin A"),
        stateIs("submitted", "已提交"),
        headerButton("action_approve", "批准"),
        stateIs("approved", "已批准"),
    ],
});

registry.category("web_tour.tours").add("credit_appraisal_zh_lists_submit", {
    steps: () => {
        const rowA = ".o_form_view div[name='award_entry_ids'] .o_data_row:contains(Admin A)";
        return [
            ...openPeriod(2025),
            stateIs("open", "开放"),
            headerButton("action_draw_lists", "拟定名单"),
            openPage("awards", "奖励名单"),
            {
                content: "Admin A is proposed on the draft list (草稿名单)",
                trigger: `${rowA} td[name='decision']:contains(草稿名单)`,
            },
            {
                content: "Edit Admin A's entry",
                trigger: `${rowA} td[name='reason']`,
                run: "click",
            },
            {
                content: "The reason to remove",
                trigger: ".o_form_view div[name='award_entry_ids'] .o_selected_row td[name='reason'] :is(input, textarea)",
                run: "edit 年内有一份合同未按时登记台账",
            },
            {
                content: "Remove Admin A from the award list (移除)",
                trigger: `${rowA} button[name='action_remove']`,
                run: "click",
            },
            {
                content: "Admin A reads 已移除; Put Back (恢复) is offered",
                trigger: `${rowA}:has(td[name='state']:contains(已移除)) button[name='action_reconsider']`,
            },
            {
                content: "Put Admin A back (恢复)",
                trigger: `${rowA} button[name='action_reconsider']`,
                run: "click",
            },
            {
                content: "Admin A is on the list again (已提名（在名单上）)",
                trigger: `${rowA}:has(td[name='state']:contains(已提名)) button[name='action_remove']`,
            },
            openPage("disqualifications", "取消资格名单"),
            {
                content: "Admin B, failed twice, is on the disqualification list",
                trigger: ".o_form_view div[name='disqualification_entry_ids'] .o_data_row:contains(Admin B)",
            },
            headerButton("action_submit_lists", "报送法定代表人"),
            stateIs("submitted", "名单待批准"),
        ];
    },
});

registry.category("web_tour.tours").add("credit_appraisal_zh_lists_approve", {
    steps: () => [
        ...openPeriod(2025),
        stateIs("submitted", "名单待批准"),
        headerButton("action_approve_lists", "批准名单"),
        stateIs("locked", "已锁定"),
        openPage("disqualifications", "取消资格名单"),
        {
            content: "The disqualification is approved (已批准)",
            trigger: ".o_form_view div[name='disqualification_entry_ids'] .o_data_row:contains(Admin B) td[name='decision']:contains(已批准)",
        },
        openPage("approval", "审批"),
        {
            content: "The approver is recorded",
            trigger: ".o_form_view div[name='lists_approved_by_id']:contains(ZH Legal Representative)",
        },
    ],
});

/** Opened from the head's activity link: a department head has no Credit menu. */
registry.category("web_tour.tours").add("credit_appraisal_zh_followup_done", {
    steps: () => [
        stateIs("open", "待办"),
        {
            content: "The outcome (结果)",
            trigger: ".o_form_view .o_form_label:contains(结果)",
        },
        {
            content: "Write what was done and what came of it",
            trigger: ".o_form_view div[name='outcome'] textarea",
            run: "edit 两次台账专题辅导，已改进",
        },
        headerButton("action_done", "登记结果"),
        stateIs("done", "已完成"),
        {
            content: "The outcome is fixed once recorded",
            trigger: ".o_form_view div[name='outcome'].o_readonly_modifier",
        },
    ],
});

registry.category("web_tour.tours").add("credit_appraisal_zh_accountability_decide", {
    steps: () => [
        ...openStaffMenu("credit_appraisal.menu_credit_staff_accountability", "责任追究决定"),
        {
            content: "Open Admin A's accountability",
            trigger: ".o_list_view .o_data_row:contains(Admin A) td.o_data_cell",
            run: "click",
        },
        stateIs("to_decide", "待决定"),
        labelShown("违法违纪行为"),
        labelShown("决定"),
        {
            content: "Administrative accountability (追究行政责任)",
            trigger: ".o_form_view div[name='decision'] select",
            run: "selectByLabel 追究行政责任",
        },
        {
            content: "Its outcome",
            trigger: ".o_form_view div[name='outcome'] textarea",
            run: "edit 通报批评，扣发年度奖金",
        },
        headerButton("action_decide", "登记决定"),
        stateIs("decided", "已决定"),
        {
            content: "The decision is fixed once recorded",
            trigger: ".o_form_view div[name='decision'].o_readonly_modifier",
        },
    ],
});
