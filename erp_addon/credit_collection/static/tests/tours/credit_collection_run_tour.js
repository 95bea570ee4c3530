/** "Run now" in the browser: a credit manager runs the daily collection action from the
 * runs' list and reads what it did on the run it opens (tests/test_tour.py checks the run
 * record). Selectors use field and button names and the state's value, not translated
 * labels. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

function fieldShows(name, value) {
    return {
        content: `${name} is ${value}`,
        trigger: `.o_form_view div[name='${name}']:contains(${value})`,
    };
}

registry.category("web_tour.tours").add("credit_collection_run_now", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]',
            run: "click",
        },
        {
            content: "Open the Reporting menu",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_management.menu_credit_reporting"]',
            run: "click",
        },
        {
            content: "Open the collection runs",
            trigger: '.dropdown-item[data-menu-xmlid="credit_collection.menu_collection_runs"]',
            run: "click",
        },
        {
            content: "No run yet",
            trigger: ".o_view_nocontent",
        },
        {
            content: "Run the daily action now",
            trigger: ".o_control_panel button[name='action_run_now']",
            run: "click",
        },
        {
            content: "The run opens, done",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
        {
            content: "Started by hand",
            trigger: ".o_form_view div[name='trigger']:contains(Run now)",
        },
        fieldShows("user_id", "Tour Credit Manager"),
        fieldShows("invoice_count", "2"),
        fieldShows("moved_count", "2"),
        fieldShows("skipped_count", "0"),
        {
            content: "Back to the runs",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "The run is listed",
            trigger: ".o_list_view .o_data_row td[name='trigger']:contains(Run now)",
        },
    ],
});
