/** A bad-debt write-off in the browser: a collector proposes it, a credit manager and an
 * accountant approve it, each logged in as themselves (tests/test_tour_writeoff.py checks
 * the records after each tour). Selectors use field and button names and the state's value,
 * not translated labels. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** From the home screen to the write-offs (Credit > Collections > Bad-Debt Write-offs). */
function openWriteoffs() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]',
            run: "click",
        },
        {
            content: "Open the Collections menu",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_collection.menu_collection_root"]',
            run: "click",
        },
        {
            content: "Open the write-offs",
            trigger: '.dropdown-item[data-menu-xmlid="credit_collection.menu_collection_writeoffs"]',
            run: "click",
        },
    ];
}

function stateIs(state) {
    return {
        content: `The write-off is ${state}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${state}']`,
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

registry.category("web_tour.tours").add("credit_collection_writeoff_propose", {
    steps: () => [
        ...openWriteoffs(),
        {
            content: "New write-off proposal",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Search the invoice by its reference",
            trigger: ".o_form_view div[name='move_id'] input",
            run: "edit WRITEOFF-TOUR",
        },
        {
            content: "Pick the invoice",
            trigger: ".o-autocomplete--dropdown-item a:contains(WRITEOFF-TOUR)",
            run: "click",
        },
        {
            content: "The customer comes from the invoice",
            trigger: ".o_form_view div[name='partner_id']:contains(Writeoff Tour Customer)",
        },
        {
            content: "The evidence",
            trigger: ".o_form_view div[name='evidence'] textarea",
            run: "edit Customer bankrupt, court ruling 2026-123",
        },
        {
            content: "Save the proposal",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        stateIs("draft"),
        clickHeaderButton("[name='action_submit']", "Submit it for approval"),
        stateIs("submitted"),
        {
            content: "The evidence is fixed once submitted",
            trigger: ".o_form_view div[name='evidence'].o_readonly_modifier",
        },
    ],
});

registry.category("web_tour.tours").add("credit_collection_writeoff_approve_manager", {
    steps: () => [
        ...openWriteoffs(),
        {
            content: "Open the submitted proposal",
            trigger: ".o_list_view .o_data_row:contains(Writeoff Tour Customer) td.o_data_cell",
            run: "click",
        },
        stateIs("submitted"),
        clickHeaderButton("[name='action_approve_manager']", "Approve as the credit manager"),
        {
            content: "The credit manager's approval is recorded",
            trigger: ".o_form_view div[name='manager_id']:contains(Tour Credit Manager)",
        },
        {
            content: "Nothing is posted before the accountant approves",
            trigger: ".o_form_view:not(:has(button[name='action_approve_manager']))",
        },
        stateIs("submitted"),
    ],
});

registry.category("web_tour.tours").add("credit_collection_writeoff_approve_accountant", {
    steps: () => [
        stateIs("submitted"),
        clickHeaderButton("[name='action_approve_accountant']", "Approve as the accountant"),
        stateIs("posted"),
        {
            content: "The accountant's approval is recorded",
            trigger: ".o_form_view div[name='accountant_id']:contains(Tour Accountant)",
        },
        {
            content: "The write-off entry is linked",
            trigger: ".o_form_view div[name='writeoff_move_id'] a, .o_form_view div[name='writeoff_move_id'] span:not(:empty)",
        },
    ],
});
