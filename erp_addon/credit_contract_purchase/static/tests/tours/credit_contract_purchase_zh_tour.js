/** A purchase order needing a written contract, in Chinese (zh_CN), by the buyer
 * (tests/test_tour_zh.py logs in and checks the records after each tour): from the order's
 * Contracts button (合同) a purchase contract is drafted for the supplier and the order's
 * amount and submitted for review; once signed, the buyer links the order to it on its
 * Orders page (订单) and the order counts the contract. Steps find fields and buttons by
 * name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;
/** zh_CN's date format (%Y年%m月%d日) */
const ZH_DATE = "yyyy年MM月dd日";

function fill(name, value) {
    return {
        content: `Fill ${name}`,
        trigger: `.o_form_view div[name='${name}'] input`,
        run: `edit ${value}`,
    };
}

function pick(name, search) {
    return [
        {
            content: `Search ${search}`,
            trigger: `.o_form_view div[name='${name}'] input`,
            run: `edit ${search}`,
        },
        {
            content: `Pick ${search}`,
            trigger: `.o-autocomplete--dropdown-item a:contains(${search})`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("credit_contract_purchase_zh_draft", {
    steps: () => {
        const today = DateTime.now();
        return [
            {
                content: "The order's Contracts button (合同)",
                trigger: ".o_form_view button[name='action_view_credit_contracts']:contains(合同)",
                run: "click",
            },
            {
                content: "No contract covers the order yet: make one",
                trigger: ".o_control_panel .o_list_button_add",
                run: "click",
            },
            {
                content: "A purchase contract (采购合同)",
                trigger: ".o_form_view div[name='contract_type']:contains(采购合同), .o_form_view div[name='contract_type'] select:has(option:selected:contains(采购合同))",
            },
            {
                content: "for the order's supplier",
                trigger: ".o_form_view div[name='partner_id'] input:value(ZH Steel Mill)",
            },
            fill("title", "钢坯采购合同"),
            fill("subject_matter", "钢坯"),
            fill("date_start", today.toFormat(ZH_DATE)),
            fill("date_end", today.plus({ days: 90 }).toFormat(ZH_DATE)),
            ...pick("signatory_id", "Zhou Purchaser"),
            ...pick("power_of_attorney_id", "SQ"),
            {
                content: "Save the draft",
                trigger: ".o_form_view .o_form_button_save",
                run: "click",
            },
            {
                content: "Submit for review (提交审查)",
                trigger: ".o_form_view .o_statusbar_buttons button[name='action_submit_review']:contains(提交审查)",
                run: "click",
            },
            {
                content: "Under review (审查中)",
                trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='review']:contains(审查中)",
            },
        ];
    },
});

registry.category("web_tour.tours").add("credit_contract_purchase_zh_link", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app (信用)",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]:contains(信用)',
            run: "click",
        },
        {
            content: "Open the Contracts menu (合同)",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_contract.menu_credit_contract_root"]:contains(合同)',
            run: "click",
        },
        {
            content: "Open the contracts",
            trigger: '.dropdown-item[data-menu-xmlid="credit_contract.menu_credit_contract"]',
            run: "click",
        },
        {
            content: "Open the signed purchase contract",
            trigger: ".o_list_view .o_data_row:contains(钢坯采购合同) td.o_data_cell",
            run: "click",
        },
        {
            content: "Signed (已签订)",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='signed']:contains(已签订)",
        },
        {
            content: "Open the Orders page (订单)",
            trigger: ".o_form_view .o_notebook_headers a.nav-link[name='orders']:contains(订单)",
            run: "click",
        },
        {
            content: "Add the order",
            trigger: ".o_form_view div[name='purchase_order_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Select the supplier's order",
            trigger: ".modal .o_data_row:contains(ZH Steel Mill) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Confirm the selection",
            trigger: ".modal .o_select_button",
            run: "click",
        },
        {
            content: "The order is listed",
            trigger: ".o_form_view div[name='purchase_order_ids'] .o_data_row",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The contract counts its purchase order (采购订单)",
            trigger: ".o_form_view button[name='action_view_purchase_orders']:contains(采购订单):contains(1)",
        },
    ],
});
