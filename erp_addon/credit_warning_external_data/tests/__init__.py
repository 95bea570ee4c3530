from . import test_external_adverse
