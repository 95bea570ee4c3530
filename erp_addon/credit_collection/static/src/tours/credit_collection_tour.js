/** A collector's day: the worklist by stage, an overdue invoice, a call logged with its
 * outcome and next step, a promise to pay recorded (tests/test_tour.py checks the result). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("credit_collection_collector_tour", {
    url: "/odoo",
    steps: () => {
        const inAWeek = DateTime.now().plus({ days: 7 }).toFormat("MM/dd/yyyy");
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
                content: "Open my worklist",
                trigger:
                    '.dropdown-item[data-menu-xmlid="credit_collection.menu_collection_worklist"]',
                run: "click",
            },
            {
                content: "The worklist shows my overdue invoice in its stage's column",
                trigger:
                    '.o_kanban_renderer .o_kanban_group:contains("Tour Reminder") .o_kanban_record:contains("Tour Customer Ltd")',
            },
            {
                content: "Switch to the list",
                trigger: "button.o_switch_view.o_list",
                run: "click",
            },
            {
                content: "Open the overdue invoice",
                trigger: '.o_list_renderer .o_data_row:contains("Tour Customer Ltd") td[name="collection_invoice_number"]',
                run: "click",
            },
            {
                content: "Open the invoice's Collection tab",
                trigger: '.o_form_view .o_notebook_headers a.nav-link[name="collection"]',
                run: "click",
            },
            {
                content: "Log a contact",
                trigger: 'button[name="action_collection_log_contact"]',
                run: "click",
            },
            {
                content: "A phone call",
                trigger: '.modal div[name="contact_type"] select',
                run: "selectByLabel Phone call",
            },
            {
                content: "Its outcome",
                trigger: '.modal div[name="outcome"] select',
                run: "selectByLabel Promised to pay",
            },
            {
                content: "Who was reached",
                trigger: '.modal div[name="contact_person"] input',
                run: "edit Ms. Wang, accounts payable",
            },
            {
                content: "The next step",
                trigger: '.modal div[name="next_step"] input',
                run: "edit Check that the payment arrived",
            },
            {
                content: "The next step's day",
                trigger: '.modal div[name="next_date"] input',
                run: `edit ${inAWeek}`,
            },
            {
                content: "What was said",
                trigger: '.modal div[name="note"] textarea',
                run: "edit Will pay 400 next week.",
            },
            {
                content: "Save the contact",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                content: "The contact is in the invoice's log",
                trigger:
                    'div[name="collection_contact_ids"] .o_data_row:contains("Check that the payment arrived")',
            },
            {
                content: "Record a promise to pay",
                trigger: 'button[name="action_collection_promise"]',
                run: "click",
            },
            {
                content: "The promised amount",
                trigger: '.modal div[name="amount"] input',
                run: "edit 400",
            },
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
