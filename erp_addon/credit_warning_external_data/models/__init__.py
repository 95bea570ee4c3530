from . import credit_external_import
from . import credit_warning_rule
