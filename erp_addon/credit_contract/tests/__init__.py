from . import test_contract_flow
from . import test_guards
from . import test_bad_input
from . import test_rules
from . import test_ledger
from . import test_views
from . import test_ui
