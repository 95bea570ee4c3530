{
    "name": "Credit Administrator Appraisal - Survey Exams",
    "summary": "Credit training exams as survey certifications: score from the attempt, "
    "make-up as the next attempt, certification validity on the employee",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_appraisal", "survey"],
    "data": [
        "views/credit_training_session_views.xml",
        "views/hr_employee_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "credit_appraisal_survey/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
}
