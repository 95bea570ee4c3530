"""Every Odoo model and field name the connector reads, in one place.

The add-ons (credit_management, credit_appraisal, credit_contract,
credit_collection) are developed alongside this command; when one of them
renames a model or field, the change is one line here. Each dataset is read
with an explicit field list (never "all fields"), page by page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Dataset:
    """One model read whole (filtered by ``domain``) with an explicit field list."""

    model: str
    fields: tuple[str, ...]
    addon: str
    domain: tuple[Any, ...] = ()
    #: Field that holds the appraisal year, when the dataset can be cut to some years.
    year_field: str | None = None


COMPANY = Dataset("res.company", ("name", "currency_id"), "base")

# --- credit_management: the exposure report --------------------------------------------
#: Fields of res.partner read per customer (the credit_* ones come from the add-on).
FIELDS: tuple[str, ...] = (
    "name",
    "ref",
    "credit_code",
    "credit_grade_id",
    "credit_score",
    "credit_limit",
    "credit_exposure_receivable",
    "credit_exposure_draft_invoice",
    "credit_exposure_sale_order",
    "credit_exposure",
    "credit_available",
    "credit_overdue_amount",
    "credit_next_review_date",
    "credit_on_warning_list",
    "user_id",
)

#: Customers are commercial entities (no contact persons) that have bought from us.
# Customers, and anyone with exposure: Odoo counts a customer only once an invoice is posted.
CUSTOMER_DOMAIN: list[Any] = [
    ["parent_id", "=", False],
    "|",
    ["customer_rank", ">", 0],
    ["credit_exposure_line_ids", "!=", False],
]

#: Read besides FIELDS from servers and snapshots of this version (credit_management add-on).
EXTRA_FIELDS: tuple[str, ...] = (
    "credit_policy",
    "credit_limit_in_force",
    "credit_has_limit",
    "credit_temporary_until",
    "credit_overdue_beyond_tolerance",
    "credit_score_date",
)
#: Read besides when the server has them (the credit_guarantee add-on): active cover after
#: haircut and contingent liability as guarantor, the figures the check counts.
GUARANTEE_FIELDS: tuple[str, ...] = ("credit_guarantee_cover", "credit_guarantee_contingent")
#: Open receivable journal items, aggregated per customer on the server.
RECEIVABLE_DOMAIN: list[Any] = [
    ["account_type", "=", "asset_receivable"],
    ["parent_state", "=", "posted"],
    ["reconciled", "=", False],
]
EXCEPTION_MODEL = "credit.exception"
EXCEPTION_PENDING_STATE = "requested"
#: A model of credit_management: its presence says the exposure report can be made.
CREDIT_MANAGEMENT = Dataset(EXCEPTION_MODEL, ("name",), "credit_management")


# --- credit_appraisal (issue 10) -------------------------------------------------------
APPRAISAL_PERIOD = Dataset(
    "credit.appraisal.period",
    (
        "name",
        "year",
        "company_id",
        "state",
    ),
    "credit_appraisal",
    year_field="year",
)
TRAINING_SESSION = Dataset(
    "credit.training.session",
    (
        "name",
        "session_type",
        "date",
        "year",
        "half",
        "company_id",
        "assessment",
        "invited_ids",
        "attendee_ids",
    ),
    "credit_appraisal",
    year_field="year",
)
TRAINING_RESULT = Dataset(
    "credit.training.result",
    (
        "session_id",
        "employee_id",
        "year",
        "date",
        "kind",
        "score",
        "mastery",
        "attempt",
        "makeup_of_id",
        "pass_mark",
        "passed",
        "makeup_required",
        "fee_id",
    ),
    "credit_appraisal",
    year_field="year",
)
TRAINING_FEE = Dataset(
    "credit.training.fee",
    ("employee_id", "company_id", "kind", "amount", "reason", "date", "session_id", "paid"),
    "credit_appraisal",
)

# --- credit_collection ------------------------------------------------------------------
COLLECTION_BUCKET = Dataset(
    "credit.collection.bucket", ("name", "days_from", "company_id"), "credit_collection"
)
COLLECTION_STAGE = Dataset(
    "credit.collection.stage",
    ("name", "days_from", "action_type", "company_id", "blocks_credit"),
    "credit_collection",
)
#: The collections add-on's ageing report (credit.collection.ageing, a SQL view of every
#: open receivable item as at a day: balance after the payments up to that day, days
#: overdue by the credit check's rule, bucket, and the stage of that day), added up on the
#: server (read_group) by customer, bucket and stage. The day is the context's AGEING_AS_AT.
AGEING_MODEL = "credit.collection.ageing"
AGEING_DOMAIN: tuple[Any, ...] = ()
AGEING_AGGREGATES: tuple[str, ...] = (
    "amount_residual:sum",
    "days_overdue:max",
    "move_id:count_distinct",
)
AGEING_GROUPBY: tuple[str, ...] = ("company_id", "partner_id", "bucket_id", "stage_id")
AGEING_AS_AT = "collection_as_at"

# --- credit_warning ---------------------------------------------------------------------
#: The early warnings as the server words them (customers in warning with their signals in
#: force and rescue cases, in the asked language): one call per company, never recomputed
#: here. Args: company id, language.
WARNINGS_MODEL = "credit.warning.signal"
WARNINGS_METHOD = "credit_warnings"
WARNINGS_ADDON = "credit_warning"

# --- credit_prospect ---------------------------------------------------------------------
#: Customers and prospects ranked by standing for sales (征信助销), as the server computed
#: them (grade, payment behaviour, available credit, growth, the ranking score, good payers
#: and the limit proposed for them): one call per company, never recomputed here. Args:
#: company id, language.
PROSPECTS_MODEL = "credit.prospect"
PROSPECTS_METHOD = "credit_prospects"
PROSPECTS_ADDON = "credit_prospect"

#: The recompute server method of a period (one call per period, credit manager only).
PERIOD_RECOMPUTE = "action_recompute"
#: The year's scorecards as the server computed them (credit_appraisal): items, scores,
#: evidence in the asked language, total, tier, outcome, failure count, bonus withheld,
#: the lists and their status. One call per period; the command computes none of it.
SCORECARDS_METHOD = "credit_scorecards"

#: Values of credit.appraisal.outcome that are penalties.
OUTCOME_FIRST_FAILURE, OUTCOME_REVOCATION = "first_failure", "revocation"
PENALTY_OUTCOMES: tuple[str, ...] = (OUTCOME_FIRST_FAILURE, OUTCOME_REVOCATION)

#: The periods (to choose the year and company); the scorecards come from SCORECARDS_METHOD.
APPRAISAL_DATASETS: tuple[Dataset, ...] = (COMPANY, APPRAISAL_PERIOD)
TRAINING_DATASETS: tuple[Dataset, ...] = (COMPANY, TRAINING_SESSION, TRAINING_RESULT, TRAINING_FEE)
HR_DATASETS: tuple[Dataset, ...] = APPRAISAL_DATASETS + TRAINING_DATASETS[1:]
COLLECTION_DATASETS: tuple[Dataset, ...] = (COMPANY, COLLECTION_BUCKET, COLLECTION_STAGE)

#: Everything ``credit pull`` saves (besides the exposure queries).
ALL_DATASETS: tuple[Dataset, ...] = (
    COMPANY,
    APPRAISAL_PERIOD,
    TRAINING_SESSION,
    TRAINING_RESULT,
    TRAINING_FEE,
    COLLECTION_BUCKET,
    COLLECTION_STAGE,
)

#: Every model whose add-on is checked before a report (one ir.model call, the same for all).
CHECKED_DATASETS: tuple[Dataset, ...] = (*ALL_DATASETS, CREDIT_MANAGEMENT)
#: What the exposure report needs besides res.partner's credit fields.
EXPOSURE_DATASETS: tuple[Dataset, ...] = (COMPANY, CREDIT_MANAGEMENT)

#: Report language → Odoo language code sent in the context.
ODOO_LANG = {"zh_CN": "zh_CN", "en": "en_US"}
