/** Steps the credit_prospect tours share (this folder is globbed into web.assets_tests
 * by credit_prospect's manifest). */
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** Sales > Orders > Customer Standing (客户资信排名), from the home menu. */
export function openCustomerStanding() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales app (销售)",
            trigger: '.o_app[data-menu-xmlid="sale.sale_menu_root"]:contains(销售)',
            run: "click",
        },
        {
            content: "Open the Orders menu (订单)",
            trigger: '.o_menu_sections [data-menu-xmlid="sale.sale_order_menu"]:contains(订单)',
            run: "click",
        },
        {
            content: "Open Customer Standing (客户资信排名)",
            trigger:
                '.dropdown-item[data-menu-xmlid="credit_prospect.menu_sale_credit_prospect"]:contains(客户资信排名)',
            run: "click",
        },
    ];
}
