from . import credit_warning_rule
from . import credit_restructuring
