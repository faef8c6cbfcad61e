"""The `kehoach` command: the only code that talks to the terminal or imports click.

`console` holds the group, the console's language, progress bars and exit codes; the commands
are registered on the group by the modules beside it, grouped by what they work on.
"""

from pipeline.cli import document_commands, plan_commands, run_commands
from pipeline.cli.console import cli, main

__all__ = ["cli", "document_commands", "main", "plan_commands", "run_commands"]
