/** The rescue flow in Chinese (zh_CN), each step by its role (tests/test_tour_zh.py logs in
 * as the role and checks the records after each tour): the credit analyst opens a rescue
 * case (发起挽救案件) from a customer in early warning (预警客户), writes the situation and the
 * action plan and starts it (开始执行); the credit manager marks the task done, records the
 * outcome (已收回) and the conclusion and closes the case (结案). Steps find fields and
 * buttons by name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

function openWarningMenu(item, itemLabel) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app (信用)",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]:contains(信用)',
            run: "click",
        },
        {
            content: "Open the Early Warning menu (信用预警)",
            trigger:
                '.o_menu_sections [data-menu-xmlid="credit_warning.menu_warning_root"]:contains(信用预警)',
            run: "click",
        },
        {
            content: `Open ${itemLabel}`,
            trigger: `.dropdown-item[data-menu-xmlid="${item}"]:contains(${itemLabel})`,
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

function labelShown(label, scope = ".o_form_view") {
    return {
        content: `The label ${label} is shown`,
        trigger: `${scope} .o_form_label:contains(${label})`,
    };
}

const SAVE = {
    content: "Save",
    trigger: ".o_form_view .o_form_button_save",
    run: "click",
};

registry.category("web_tour.tours").add("credit_warning_zh_open", {
    steps: () => [
        ...openWarningMenu("credit_warning.menu_warning_customers", "预警客户"),
        {
            content: "The customer in warning, its level in Chinese (警告)",
            trigger: '.o_list_renderer .o_data_row:contains("ZH 钢贸客户"):contains(警告)',
        },
        {
            content: "Open the customer",
            trigger: '.o_list_renderer .o_data_row:contains("ZH 钢贸客户") td[name="name"]',
            run: "click",
        },
        {
            content: "Open its Early Warning tab (信用预警)",
            trigger: '.o_form_view .o_notebook_headers a.nav-link[name="credit_warning"]:contains(信用预警)',
            run: "click",
        },
        {
            content: "A signal in force with its evidence (列入失信名单)",
            trigger: '.o_form_view div[name="credit_warning_signal_ids"] .o_data_row:contains(列入失信名单)',
        },
        {
            content: "Open a rescue case (发起挽救案件)",
            trigger: 'button[name="action_credit_open_rescue"]:contains(发起挽救案件)',
            run: "click",
        },
        labelShown("立案时的预警级别"),
        {
            content: "The situation",
            trigger: '.o_form_view div[name="situation"] textarea',
            run: "edit 法定代表人被列入失信被执行人名单，额度使用率超过九成。",
        },
        {
            content: "Add an action to the plan",
            trigger: '.o_form_view div[name="action_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Require prepayment (要求预付款)",
            trigger: '.o_form_view div[name="action_ids"] .o_selected_row div[name="action_type"] select',
            run: "selectByLabel 要求预付款",
        },
        {
            content: "The task",
            trigger: '.o_form_view div[name="action_ids"] .o_selected_row div[name="name"] input',
            run: "edit 新订单一律款到发货",
        },
        SAVE,
        headerButton("action_open", "开始执行"),
        stateIs("open", "进行中"),
    ],
});

registry.category("web_tour.tours").add("credit_warning_zh_close", {
    steps: () => [
        ...openWarningMenu("credit_warning.menu_warning_rescues", "挽救案件"),
        {
            content: "Open the case of the customer",
            trigger: '.o_list_renderer .o_data_row:contains("ZH 钢贸客户") td[name="name"]',
            run: "click",
        },
        stateIs("open", "进行中"),
        {
            content: "Mark the task done (完成)",
            trigger: '.o_form_view div[name="action_ids"] .o_data_row:contains(款到发货) button[name="action_done"]',
            run: "click",
        },
        {
            content: "The task is done (完成)",
            trigger: '.o_form_view div[name="action_ids"] .o_data_row:contains(款到发货) td[name="state"]:contains(完成)',
        },
        {
            content: "Open the Outcome tab (结果)",
            trigger: '.o_form_view .o_notebook_headers a.nav-link[name="outcome"]:contains(结果)',
            run: "click",
        },
        {
            content: "Recovered (已收回)",
            trigger: '.o_form_view div[name="outcome"] select',
            run: "selectByLabel 已收回",
        },
        {
            content: "The conclusion",
            trigger: '.o_form_view div[name="conclusion"] textarea',
            run: "edit 客户已付清逾期欠款，额度维持。",
        },
        SAVE,
        headerButton("action_close", "结案"),
        stateIs("closed", "已结案"),
    ],
});
