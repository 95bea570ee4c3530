from . import res_company
from . import res_config_settings
from . import credit_prospect
from . import credit_prospect_export
