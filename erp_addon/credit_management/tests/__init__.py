from . import test_credit_code
from . import test_access
from . import test_scoring
from . import test_application
from . import test_exposure
from . import test_credit_check
from . import test_concurrency
from . import test_ui
