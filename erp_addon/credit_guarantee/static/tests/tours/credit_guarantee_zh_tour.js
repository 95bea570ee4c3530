/** Guarantees in Chinese (zh_CN), each step by its role (tests/test_tour_zh.py logs in as
 * the role and checks the record after each tour): the credit analyst records a mortgage
 * for a customer from the Credit app's 信用担保 menu and submits it (提交审批); the credit
 * manager approves it (批准) with a reason in the decision dialog, and it is in force (有效);
 * the analyst revalues a mortgage in force (重新评估) in the revaluation dialog.
 * Steps find fields and buttons by name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { headerButton, openPage } from "@credit_management/../tests/tours/zh_tour_steps";

const { DateTime } = luxon;
/** zh_CN's date format (%Y年%m月%d日) */
const ZH_DATE = "yyyy年MM月dd日";

function stateIs(value, label) {
    return {
        content: `The state reads ${label}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${value}']:contains(${label})`,
    };
}

function labelShown(label, scope = ".o_form_view") {
    return {
        content: `The label ${label} is shown`,
        trigger: `${scope} .o_form_label:contains(${label})`,
    };
}

registry.category("web_tour.tours").add("credit_guarantee_zh_propose", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app (信用)",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]:contains(信用)',
            run: "click",
        },
        {
            content: "Open the guarantees (信用担保)",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_guarantee.menu_credit_guarantees"]:contains(信用担保)',
            run: "click",
        },
        {
            content: "New guarantee",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        stateIs("draft", "草稿"),
        labelShown("客户"),
        {
            content: "Search the customer",
            trigger: ".o_form_view div[name='partner_id'] input",
            run: "edit ZH担保客户",
        },
        {
            content: "Pick the customer",
            trigger: ".o-autocomplete--dropdown-item a:contains(ZH担保客户)",
            run: "click",
        },
        labelShown("类型"),
        {
            content: "A mortgage (抵押)",
            trigger: ".o_form_view div[name='kind'] select",
            run: 'selectByLabel "抵押"',
        },
        labelShown("价值"),
        {
            content: "Its value",
            trigger: ".o_form_view div[name='value'] input",
            run: "edit 50000",
        },
        labelShown("折扣率（%）"),
        {
            content: "The haircut",
            trigger: ".o_form_view div[name='haircut'] input",
            run: "edit 20",
        },
        labelShown("到期日"),
        {
            content: "It ends in a year",
            trigger: ".o_form_view div[name='date_end'] input",
            run: `edit ${DateTime.now().plus({ years: 1 }).toFormat(ZH_DATE)}`,
        },
        {
            content: "What is mortgaged",
            trigger: ".o_form_view div[name='collateral'] textarea",
            run: "edit 上海市浦东新区厂房一处",
        },
        {
            content: "Save the guarantee",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The cover after haircut (折扣后担保额) is computed",
            trigger: ".o_form_view div[name='cover_amount']:contains(40,000.00)",
        },
        {
            content: "Submit it (提交审批)",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_submit']:contains(提交审批)",
            run: "click",
        },
        stateIs("to_approve", "待审批"),
    ],
});

registry.category("web_tour.tours").add("credit_guarantee_zh_approve", {
    steps: () => [
        stateIs("to_approve", "待审批"),
        {
            content: "Approve it (批准)",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_approve']:contains(批准)",
            run: "click",
        },
        {
            content: "The decision dialog asks for the reason",
            trigger: ".modal .o_form_view div[name='note'] textarea",
            run: "edit 抵押登记已办妥",
        },
        {
            content: "Confirm the decision (确认)",
            trigger: ".modal .modal-footer button[name='action_confirm']:contains(确认)",
            run: "click",
        },
        {
            content: "The dialog closed",
            trigger: "body:not(:has(.modal))",
        },
        stateIs("active", "有效"),
    ],
});

/** The credit analyst revalues the mortgage in force (重新评估): the dialog shows the
 * current value and asks for the new one, the valuation date, the valuer and basis; a lower
 * value applies at once and shows in the valuations (评估记录). */
registry.category("web_tour.tours").add("credit_guarantee_zh_revalue", {
    steps: () => [
        stateIs("active", "有效"),
        headerButton("action_revalue", "重新评估"),
        {
            content: "The revaluation dialog (重新评估担保物) shows the current value",
            trigger: ".modal .modal-title:contains(重新评估担保物)",
        },
        labelShown("现价值", ".modal"),
        labelShown("评估人及依据", ".modal"),
        {
            content: "The new value",
            trigger: ".modal .o_form_view div[name='new_value'] input",
            run: "edit 40000",
        },
        {
            content: "A lower value applies at once (即时生效)",
            trigger: ".modal .alert-warning:contains(即时生效)",
        },
        {
            content: "The valuer and basis",
            trigger: ".modal .o_form_view div[name='note'] textarea",
            run: "edit 上海东方评估事务所评估报告（沪东评字2026第058号）",
        },
        {
            content: "Record the valuation (记录评估)",
            trigger: ".modal .modal-footer button[name='action_confirm']:contains(记录评估)",
            run: "click",
        },
        {
            content: "The dialog closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The new value is the guarantee's",
            trigger: ".o_form_view div[name='value']:contains(40,000.00)",
        },
        openPage("valuations", "评估记录"),
        {
            content: "The valuation is recorded as applied (已生效)",
            trigger: ".o_form_view div[name='valuation_ids'] .o_data_row:contains(已生效):contains(40,000.00)",
        },
    ],
});

/** The credit manager approves a revaluation that raises the cover (批准) from the
 * guarantee's valuations (评估记录), with a reason in the decision dialog. */
registry.category("web_tour.tours").add("credit_guarantee_zh_revalue_approve", {
    steps: () => [
        stateIs("active", "有效"),
        openPage("valuations", "评估记录"),
        {
            content: "The revaluation awaits approval (待审批)",
            trigger: ".o_form_view div[name='valuation_ids'] .o_data_row:contains(待审批):contains(60,000.00)",
        },
        {
            content: "Approve it (批准)",
            trigger: ".o_form_view div[name='valuation_ids'] .o_data_row button[name='action_approve']",
            run: "click",
        },
        {
            content: "The decision dialog asks for the reason",
            trigger: ".modal .o_form_view div[name='note'] textarea",
            run: "edit 复评报告已核实",
        },
        {
            content: "Confirm the decision (确认)",
            trigger: ".modal .modal-footer button[name='action_confirm']:contains(确认)",
            run: "click",
        },
        {
            content: "The dialog closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The revaluation is applied (已生效)",
            trigger: ".o_form_view div[name='valuation_ids'] .o_data_row:contains(已生效):contains(60,000.00)",
        },
        {
            content: "The new value is the guarantee's",
            trigger: ".o_form_view div[name='value']:contains(60,000.00)",
        },
    ],
});
