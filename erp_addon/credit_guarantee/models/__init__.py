from . import credit_guarantee
from . import credit_guarantee_flow
from . import credit_guarantee_cron
from . import credit_collection_history
from . import credit_overview_card
from . import res_company
from . import res_config_settings
from . import res_partner
