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
