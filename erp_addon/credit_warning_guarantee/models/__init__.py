from . import credit_warning_rule
