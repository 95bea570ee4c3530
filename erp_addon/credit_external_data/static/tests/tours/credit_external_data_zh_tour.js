/** The external-data flow in Chinese (zh_CN) by the credit analyst (tests/test_tour_zh.py
 * logs in and checks the records after the tour): open the bank's import (征信数据导入)
 * uploaded as a draft, preview it (预览: the changes old → new and the row without a credit
 * file), apply it (应用, confirmed in its dialog); then open the new dishonest-debtor
 * record (不良记录) and put the customer on the warning list (列入警示名单, confirmed in
 * its dialog). Steps find menus, fields and buttons by name and check the Chinese labels
 * the .po translates. */
import { registry } from "@web/core/registry";
import {
    headerButton,
    labelShown,
    openCreditSubMenu,
    openRow,
    stateIs,
} from "@credit_management/../tests/tours/zh_tour_steps";

const CONFIRM = {
    content: "Confirm in the dialog (确定)",
    trigger: ".modal-footer button.btn-primary:contains(确定)",
    run: "click",
};

registry.category("web_tour.tours").add("credit_external_data_zh_import", {
    steps: () => [
        ...openCreditSubMenu(
            "credit_management.menu_credit_oversight",
            "外部征信",
            "credit_external_data.menu_credit_external_imports",
            "征信数据导入"
        ),
        openRow("ZH测试银行"),
        labelShown("来源"),
        stateIs("draft", "草稿"),
        headerButton("action_preview", "预览"),
        stateIs("previewed", "已预览"),
        {
            content: "The preview shows the change old → new",
            trigger: ".o_field_one2many[name='line_ids'] td:contains(注册资本：1,000,000.00 → 2,000,000.00)",
        },
        {
            content: "The preview shows the row without a credit file",
            trigger: ".o_field_one2many[name='line_ids'] td:contains(没有资信档案使用此统一社会信用代码)",
        },
        headerButton("action_apply", "应用"),
        {
            content: "The apply dialog says all or nothing",
            trigger: ".modal-body:contains(所有行全部应用，或全部不应用)",
        },
        CONFIRM,
        stateIs("applied", "已应用"),
        ...openCreditSubMenu(
            "credit_management.menu_credit_oversight",
            "外部征信",
            "credit_external_data.menu_credit_external_adverse",
            "不良记录"
        ),
        openRow("(2026)沪01执88号"),
        labelShown("案号 / 决定书文号"),
        {
            content: "Click 列入警示名单",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_propose_warning_list']:contains(列入警示名单)",
            run: "click",
        },
        {
            content: "The dialog asks about the warning list",
            trigger: ".modal-body:contains(严重失信警示名单)",
        },
        CONFIRM,
        {
            content: "The record now names its warning-list entry",
            trigger: ".o_form_view div[name='warning_entry_id']:contains(ZH钢贸客户)",
        },
    ],
});
