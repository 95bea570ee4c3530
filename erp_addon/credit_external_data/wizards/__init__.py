from . import credit_external_share_wizard
