from . import credit_score_factor
from . import res_partner
