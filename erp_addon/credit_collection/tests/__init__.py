from . import test_config
from . import test_daily_action
from . import test_promise_dispute
from . import test_letters
from . import test_writeoff
from . import test_credit_check
from . import test_access
from . import test_ageing
