/** The credit manager's overview in Chinese: the collections' cards (ageing, DSO trend)
 * with their charts, and the ageing card opening the list it counts
 * (tests/test_overview.py sets the manager's language to zh_CN and the invoices). */
import { registry } from "@web/core/registry";

const AGEING = ".o_kanban_record:contains(应收账款账龄)";
const DSO = ".o_kanban_record:contains(应收账款周转天数（DSO）趋势)";

registry.category("web_tour.tours").add("credit_collection_overview_zh", {
    steps: () => [
        {
            content: "The ageing card counts the two overdue invoices, in Chinese",
            trigger: `${AGEING} .o_credit_overview_count:contains(2)`,
        },
        {
            content: "Its amount is in the company's currency, labelled in Chinese",
            trigger: `${AGEING} span:contains(逾期)`,
        },
        {
            content: "The ageing chart is drawn",
            trigger: `${AGEING} .o_credit_overview_chart canvas`,
        },
        {
            content: "The DSO trend is drawn",
            trigger: `${DSO} .o_credit_overview_chart canvas`,
        },
        {
            content: "The contract-free overview still shows credit_management's cards",
            trigger: ".o_kanban_record:contains(超限或接近授信额度)",
        },
        {
            content: "Open the overdue invoices behind the ageing card",
            trigger: `${AGEING} .o_credit_overview_count`,
            run: "click",
        },
        {
            content: "The list is the ageing, with its Chinese columns",
            trigger: ".o_list_view th:contains(逾期天数)",
        },
        {
            content: "It shows the two invoices the card counted, no more",
            trigger:
                ".o_list_view tbody:not(:has(.o_data_row:nth-child(3))) .o_data_row:nth-child(2)",
        },
        {
            content: "The breadcrumb leads back to the overview, in Chinese",
            trigger: ".o_breadcrumb:contains(信用概览)",
        },
    ],
});
