/** The dialogs of the contract flows, each clicked by its role (tests/test_tour.py logs in
 * as the role and checks the records afterwards). Selectors use field and button names, and
 * the texts the tour types itself, not translated labels. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;

/** From the home screen to a menu of the Credit app's Contracts section. */
function openContractsMenu(item) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]',
            run: "click",
        },
        {
            content: "Open the Contracts menu",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_contract.menu_credit_contract_root"]',
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.dropdown-item[data-menu-xmlid="${item}"]`,
            run: "click",
        },
    ];
}

function openRow(text) {
    return {
        content: `Open ${text}`,
        trigger: `.o_list_view .o_data_row:contains(${text}) td.o_data_cell`,
        run: "click",
    };
}

/** Click a button of the form's header, e.g. clickHeaderButton("[name='action_x']", ...). */
function clickHeaderButton(button, content) {
    return {
        content,
        trigger: `.o_form_view .o_statusbar_buttons button${button}`,
        run: "click",
    };
}

/** Type the reason in the open reason dialog and confirm it. */
function reasonDialog(reason, extra = []) {
    return [
        {
            content: "The reason dialog is open",
            trigger: ".modal .o_form_view div[name='reason'] textarea",
        },
        ...extra,
        {
            content: "Type the reason",
            trigger: ".modal .o_form_view div[name='reason'] textarea",
            run: `edit ${reason}`,
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

function pickMany2one(selector, text) {
    return [
        {
            content: `Search ${text}`,
            trigger: `${selector} input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-item a:contains(${text})`,
            run: "click",
        },
    ];
}

function chatterShows(text) {
    return {
        content: `The chatter records: ${text}`,
        trigger: `.o-mail-Chatter .o-mail-Message-body:contains(${text})`,
    };
}

registry.category("web_tour.tours").add("credit_contract_override_dialog", {
    steps: () => [
        ...openContractsMenu("credit_contract.menu_credit_contract_review"),
        openRow("Tour override contract"),
        clickHeaderButton("[name='action_override']", "Override the review"),
        ...reasonDialog("Bank guarantee received from the parent company"),
        chatterShows("Bank guarantee received from the parent company"),
        {
            content: "The override button is gone: the review now counts as passed",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_override']))",
        },
    ],
});

registry.category("web_tour.tours").add("credit_contract_invalid_dialog", {
    steps: () => [
        ...openContractsMenu("credit_contract.menu_credit_contract"),
        openRow("Tour invalid contract"),
        clickHeaderButton("[name='action_mark_invalid']", "Record the contract as invalid"),
        ...reasonDialog("Forged counterparty seal", [
            ...pickMany2one(".modal div[name='employee_ids']", "Li Without Authority"),
            {
                content: "The employee is named",
                trigger: ".modal div[name='employee_ids'] .o_tag:contains(Li Without Authority)",
            },
        ]),
        chatterShows("Forged counterparty seal"),
        {
            content: "Recorded once: the button is gone",
            trigger:
                ".o_form_view .o_form_statusbar:not(:has(button[name='action_mark_invalid']))",
        },
    ],
});

registry.category("web_tour.tours").add("credit_contract_poa_issue_revoke", {
    steps: () => {
        const today = DateTime.now();
        const fmt = "MM/dd/yyyy";
        return [
            ...openContractsMenu("credit_contract.menu_credit_power_attorney"),
            {
                content: "New power of attorney",
                trigger: ".o_list_view .o_list_button_add",
                run: "click",
            },
            ...pickMany2one(".o_form_view div[name='employee_id']", "Tour Holder"),
            {
                content: "Up to 800,000",
                trigger: ".o_form_view div[name='max_amount'] input",
                run: "edit 800000",
            },
            {
                content: "Valid from today",
                trigger: ".o_form_view div[name='date_from'] input",
                run: `edit ${today.toFormat(fmt)}`,
            },
            {
                content: "For a year",
                trigger: ".o_form_view div[name='date_to'] input",
                run: `edit ${today.plus({ days: 365 }).toFormat(fmt)}`,
            },
            {
                content: "For sales contracts",
                trigger: ".o_form_view div[name='allow_sale'] input",
                run: "click",
            },
            {
                content: "A scope note",
                trigger: ".o_form_view div[name='note'] textarea",
                run: "edit Steel coil sales only",
            },
            {
                content: "Save",
                trigger: ".o_form_view .o_form_button_save",
                run: "click",
            },
            {
                content: "Saved as a draft",
                trigger: ".o_form_view .o_form_saved",
            },
            clickHeaderButton("[name='action_issue']", "Issue it"),
            {
                content: "Issued",
                trigger: ".o_form_view div[name='issued_by_id']:contains(Tour Legal)",
            },
            clickHeaderButton("[name='action_revoke']", "Revoke it"),
            ...reasonDialog("Holder moved to another post"),
            {
                content: "The revocation is on the form",
                trigger:
                    ".o_form_view div[name='revoke_reason']:contains(Holder moved to another post)",
            },
        ];
    },
});

registry.category("web_tour.tours").add("credit_contract_seal_use_dialog", {
    steps: () => [
        ...openContractsMenu("credit_contract.menu_credit_contract"),
        openRow("Tour sealed contract"),
        clickHeaderButton("[name='action_use_seal']", "Use the contract seal"),
        {
            content: "The seal-use dialog proposes the company's seal",
            trigger: ".modal div[name='seal_id'] input",
        },
        {
            content: "What it is sealed for",
            trigger: ".modal div[name='purpose'] input",
            run: "edit Two originals for the customer",
        },
        {
            content: "How many copies",
            trigger: ".modal div[name='copies'] input",
            run: "edit 3",
        },
        {
            content: "Log the seal use",
            trigger: ".modal .modal-footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The seal use is logged",
            trigger: ".o_form_view button[name='action_view_seal_uses'] .o_stat_value:contains(1)",
        },
        ...openContractsMenu("credit_contract.menu_credit_contract_seal_use"),
        {
            content: "The seal log lists the use",
            trigger: ".o_list_view .o_data_row:contains(Two originals for the customer)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_contract_seal_hand_over", {
    steps: () => [
        ...openContractsMenu("credit_contract.menu_credit_contract_seal"),
        openRow("Contract Seal No. 1"),
        clickHeaderButton("[name='action_change_custodian']", "Hand the seal over"),
        ...reasonDialog("Custodian on annual leave", [
            ...pickMany2one(".modal div[name='new_custodian_id']", "Tour Deputy"),
        ]),
        {
            content: "The handover is in the custody log",
            trigger: ".o_notebook .nav-link[name='custody']",
            run: "click",
        },
        {
            content: "The custody log lists it",
            trigger:
                "div[name='custody_ids'] .o_data_row:contains(Custodian on annual leave):contains(Tour Deputy)",
        },
    ],
});
