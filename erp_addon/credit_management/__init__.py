from . import models
from . import report
from . import wizards


def uninstall_hook(env):
    from .models.account_move_line import UNINSTALL_SQL

    env.cr.execute(UNINSTALL_SQL)
