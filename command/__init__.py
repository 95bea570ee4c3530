"""The parts of the ``credit`` command, one job per module.

``cli.py`` (beside this folder) is the entry point and the command table: which
subcommands exist and which function runs each. Here:

- ``errors``: the exit codes, and how a failure becomes one ``credit: error:`` line;
- ``options``: the options commands share (where the data comes from, output, language...);
- ``sources``: where a report's data comes from: a live Odoo, a snapshot, the demo;
- ``outputs``: checking and writing the output files;
- ``loading``: reading what a report needs through a source, failures worded for users;
- ``exposure``, ``staff``, ``ageing``, ``pull``: what each command does.

The connector (``connector/``) never imports any of this: it raises its own
``ConnectorError``, which ``errors`` maps to exit codes.
"""
