from . import test_cover_expiring
