/** The year's award and disqualification lists: the credit manager sends them, the legal
 * representative approves them, each logged in as themselves (tests/test_tour.py checks the
 * records after each tour). Selectors use field, page and button names and the state's
 * value, not translated labels. */
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
        {
            content: "Draw the lists: every qualifier proposed",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_draw_lists']",
            run: "click",
        },
        ...listShows("awards", "award_entry_ids", "Admin A"),
        {
            content: "The drawn list is a draft, not approved",
            trigger: ".o_form_view div[name='award_entry_ids'] .o_data_row:contains(Admin A) td[name='decision']:contains(Draft List)",
        },
        {
            content: "Send the lists to the legal representative",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_submit_lists']",
            run: "click",
        },
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
        {
            content: "Approve the lists",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_approve_lists']",
            run: "click",
        },
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
