/** The assessor reads the audit findings on the person appraised (审计发现 page of the
 * appraisal), in Chinese (tests/test_tour_zh.py). */
import { registry } from "@web/core/registry";
import {
    openCreditSubMenu,
    openPage,
    openRow,
} from "@credit_management/../tests/tours/zh_tour_steps";

registry.category("web_tour.tours").add("credit_audit_appraisal_zh", {
    steps: () => [
        ...openCreditSubMenu(
            "credit_appraisal.menu_credit_staff",
            "人员",
            "credit_appraisal.menu_credit_staff_appraisals",
            "考核"
        ),
        openRow("ZH 管理员"),
        openPage("audit_findings", "审计发现"),
        {
            content: "The finding on the person is listed with its state (已验证)",
            trigger: ".o_form_view div[name='audit_finding_ids'] .o_data_row:contains(合同评审表填写不完整):contains(已验证)",
        },
    ],
});
