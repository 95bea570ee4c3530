/** Guarantee cover in the salesperson's ranking, in Chinese (zh_CN): run by
 * credit_prospect_guarantee/tests/test_tour_zh.py (the bridge has no assets of its own:
 * this folder is globbed into web.assets_tests by credit_prospect's manifest). Sales >
 * Orders > Customer Standing (客户资信排名): the customer backed by a guarantee shows its
 * cover (担保覆盖) counted in its available credit (可用额度). */
import { registry } from "@web/core/registry";
import { openCustomerStanding } from "@credit_prospect/../tests/tours/prospect_tour_steps";

const BACKED = "ZH 担保客户";

registry.category("web_tour.tours").add("credit_prospect_guarantee_zh", {
    steps: () => [
        ...openCustomerStanding(),
        {
            content: `Open ${BACKED}`,
            trigger: `.o_list_view .o_data_row td[name="partner_id"]:contains(${BACKED})`,
            run: "click",
        },
        {
            content: "Its guarantee cover (担保覆盖) is 10,000.00",
            trigger:
                '.o_form_view .o_field_widget[name="guarantee_cover"]:contains(10,000.00)',
        },
        {
            content: "The cover's label reads in Chinese (担保覆盖)",
            trigger: '.o_form_view label:contains(担保覆盖)',
        },
        {
            content: "Its available credit (可用额度) counts the cover: 90,000.00",
            trigger: '.o_form_view .o_field_widget[name="available"]:contains(90,000.00)',
        },
    ],
});
