/** The year's period in the browser: the credit manager lists the contracts no department
 * is responsible for; the award and disqualification lists, which the credit manager sends
 * and the legal representative approves, each logged in as themselves (tests/test_tour.py
 * checks the records after each tour). Selectors use field, page and button names and the
 * state's value, not translated labels. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** From the home screen to the year's period (Credit > Staff > Appraisal Periods). */
function openPeriod(year) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]',
            run: "click",
        },
        {
            content: "Open the Staff menu",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_appraisal.menu_credit_staff"]',
            run: "click",
        },
        {
            content: "Open the appraisal periods",
            trigger: '.dropdown-item[data-menu-xmlid="credit_appraisal.menu_credit_staff_periods"]',
            run: "click",
        },
        {
            content: `Open ${year}`,
            trigger: `.o_list_view .o_data_row td[name='name']:contains(${year})`,
            run: "click",
        },
    ];
}

function stateIs(state) {
    return {
        content: `The period is ${state}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${state}']`,
    };
}

/** Click a button of the form's header, e.g. clickHeaderButton("[name='action_x']", ...). */
function clickHeaderButton(button, content) {
    return { content, trigger: `.o_form_view .o_statusbar_buttons button${button}`, run: "click" };
}

function listShows(page, field, name) {
    return [
        {
            content: `Open the ${page} page`,
            trigger: `.o_form_view .o_notebook_headers a.nav-link[name='${page}']`,
            run: "click",
        },
        {
            content: `${name} is on it`,
            trigger: `.o_form_view div[name='${field}'] .o_data_row:contains(${name})`,
        },
    ];
}

registry.category("web_tour.tours").add("credit_appraisal_lists_submit", {
    steps: () => [
        ...openPeriod(2025),
        stateIs("open"),
        clickHeaderButton("[name='action_draw_lists']", "Draw the lists: every qualifier proposed"),
        ...listShows("awards", "award_entry_ids", "Admin A"),
        {
            content: "The drawn list is a draft, not approved",
            trigger: ".o_form_view div[name='award_entry_ids'] .o_data_row:contains(Admin A) td[name='decision']:contains(Draft List)",
        },
        clickHeaderButton("[name='action_submit_lists']", "Send the lists to the legal representative"),
        stateIs("submitted"),
        ...listShows("awards", "award_entry_ids", "Admin A"),
        ...listShows("disqualifications", "disqualification_entry_ids", "Admin B"),
        {
            content: "Only the legal representative approves: the manager has no Approve button",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_approve_lists']))",
        },
    ],
});

registry.category("web_tour.tours").add("credit_appraisal_lists_approve", {
    steps: () => [
        ...openPeriod(2025),
        stateIs("submitted"),
        ...listShows("awards", "award_entry_ids", "Admin A"),
        ...listShows("disqualifications", "disqualification_entry_ids", "Admin B"),
        clickHeaderButton("[name='action_approve_lists']", "Approve the lists"),
        stateIs("locked"),
        ...listShows("disqualifications", "disqualification_entry_ids", "Admin B"),
        {
            content: "The disqualification is approved, as the register says",
            trigger: ".o_form_view div[name='disqualification_entry_ids'] .o_data_row:contains(Admin B) td[name='decision']:contains(Approved)",
        },
        {
            content: "Open the approval page",
            trigger: ".o_form_view .o_notebook_headers a.nav-link[name='approval']",
            run: "click",
        },
        {
            content: "The approval is recorded with its approver",
            trigger: ".o_form_view div[name='lists_approved_by_id']:contains(Tour Legal Representative)",
        },
    ],
});

/** The assessor scores a hand-scored item (3.2) on the records of its register: the
 * department's reconciliations of the year are offered beside the item, one is linked and
 * the score given (tests/test_tour.py checks the line after the tour). */
registry.category("web_tour.tours").add("credit_appraisal_hand_score", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]',
            run: "click",
        },
        {
            content: "Open the Staff menu",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_appraisal.menu_credit_staff"]',
            run: "click",
        },
        {
            content: "Open the appraisals",
            trigger: '.dropdown-item[data-menu-xmlid="credit_appraisal.menu_credit_staff_appraisals"]',
            run: "click",
        },
        {
            content: "Open Admin A's appraisal",
            trigger: ".o_list_view .o_data_row td[name='employee_id']:contains(Admin A)",
            run: "click",
        },
        {
            content: "The year's reconciliation of the department is shown beside item 3.2",
            trigger: ".o_form_view div[name='line_ids'] .o_data_row:has(td[name='code']:contains(3.2)) td[name='available_work_record_ids']:contains(First quarter reconciliation)",
        },
        {
            content: "Edit item 3.2",
            trigger: ".o_form_view div[name='line_ids'] .o_data_row:has(td[name='code']:contains(3.2)) td[name='work_record_ids']",
            run: "click",
        },
        {
            content: "Look for the records of the item",
            trigger: ".o_form_view div[name='line_ids'] .o_selected_row td[name='work_record_ids'] input",
            run: "edit reconciliation",
        },
        {
            content: "Only the department's reconciliation of the year is offered: link it",
            trigger: ".o-autocomplete--dropdown-menu:not(:has(.o-autocomplete--dropdown-item:contains(Purchasing))) .o-autocomplete--dropdown-item:contains(First quarter reconciliation)",
            run: "click",
        },
        {
            content: "Give the score",
            trigger: ".o_form_view div[name='line_ids'] .o_selected_row td[name='hand_score'] input",
            run: "edit 5",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            // the score is the line's own: it shows 5.0 once the server saved the hand score
            content: "Saved: the record is linked to the item and the score counts",
            trigger: ".o_form_view div[name='line_ids'] .o_data_row:not(.o_selected_row):has(td[name='code']:contains(3.2)):has(td[name='score']:contains(5.0)) td[name='work_record_ids']:contains(First quarter reconciliation)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_appraisal_unassigned_contracts", {
    steps: () => [
        ...openPeriod(2025),
        stateIs("open"),
        clickHeaderButton("[name='action_unassigned_contracts']", "List the year's contracts without a department"),
        {
            content: "The list is the year's contracts without a department",
            trigger: ".o_breadcrumb .active:contains(2025)",
        },
        {
            content: "The contract without a department is listed",
            trigger: ".o_list_view .o_data_row td[name='title']:contains(Unassigned Supply)",
        },
        {
            content: "Only that one: the contract of a department is not",
            trigger: ".o_list_view:not(:has(td[name='title']:contains(Department Supply))):has(.o_data_row)",
        },
        {
            content: "Nothing is created from this list",
            trigger: ".o_control_panel:not(:has(.o_list_button_add))",
        },
        {
            content: "Open the contract to assign it",
            trigger: ".o_list_view .o_data_row td[name='title']:contains(Unassigned Supply)",
            run: "click",
        },
        {
            content: "Its form opens",
            trigger: ".o_form_view div[name='title']:contains(Unassigned Supply)",
        },
    ],
});
