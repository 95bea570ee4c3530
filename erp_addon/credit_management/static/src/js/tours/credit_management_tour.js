import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("credit_management_request_exception", {
    steps: () => [
        {
            content: "The order shows why it cannot be confirmed",
            trigger: ".o_credit_check_warning:contains(over the credit limit)",
        },
        {
            content: "Try to confirm anyway",
            trigger: ".o_form_view button[name='action_confirm']:visible",
            run: "click",
        },
        {
            content: "The refusal gives the figures",
            trigger: ".modal .modal-body:contains(over the credit limit):contains(1,800.00)",
        },
        {
            content: "Ask for an exception",
            trigger: ".modal button:contains(Request Credit Exception)",
            run: "click",
        },
        {
            content: "Explain why",
            trigger: ".modal div[name='request_note'] textarea",
            run: "edit Deposit of 50% arrives on Monday",
        },
        {
            content: "Send the request",
            trigger: ".modal button[name='action_request']",
            run: "click",
        },
        {
            content: "The request is confirmed",
            trigger: ".o_notification:contains(requested)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_management_confirm_after_exception", {
    steps: () => [
        {
            content: "The warning is gone once the exception is granted",
            trigger: ".o_form_view:not(:has(.o_credit_check_warning))",
        },
        {
            content: "Confirm the order",
            trigger: ".o_form_view button[name='action_confirm']:visible",
            run: "click",
        },
        {
            content: "The order is confirmed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Sales Order)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_management_overview", {
    steps: () => [
        {
            content: "The overview counts the customers near their limit",
            trigger: ".o_kanban_record:contains(Over or Near the Limit) .o_credit_overview_count:contains(1)",
        },
        {
            content: "Every card draws from the same figures as the check",
            trigger: ".o_kanban_record:contains(Over or Near the Limit) .o_credit_overview_chart canvas",
        },
        {
            content: "Open the customers behind the card",
            trigger: ".o_kanban_record:contains(Over or Near the Limit) .o_credit_overview_count",
            run: "click",
        },
        {
            content: "The credit files are filtered as the card counted",
            trigger: ".o_searchview_facet:contains(Over or Near the Limit)",
        },
        {
            content: "Open the customer",
            trigger: ".o_data_row:contains(Overview Customer) td[name='name']",
            run: "click",
        },
        {
            content: "Go to the Credit tab",
            trigger: ".o_notebook .nav-link:contains(Credit)",
            run: "click",
        },
        {
            content: "Usage shows as a bar, limit with its currency",
            trigger: "div[name='credit_usage'] .o_progressbar:contains(95)",
        },
        {
            content: "Open the receivables behind the amount",
            trigger: "button[name='action_credit_open_receivables']",
            run: "click",
        },
        {
            content: "The open items are listed",
            trigger: ".o_list_view .o_data_row",
        },
    ],
});
