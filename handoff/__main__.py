"""`python -m handoff <command>`: the hub's own command line (runs in .venv-hub).

The bot's `neuvo` command (in .venv) calls this for hub work, because the hub
lives in its own environment.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Optional, Sequence

# command -> module with `add_arguments(parser)` and `run(args) -> int`
COMMANDS = {
    "serve": ("handoff.serve", "run the hub (resident chat, console, bot channel)"),
    "migrate": ("handoff.migrate", "bring the database schema up to date"),
    "user": ("handoff.users_cli", "manage console users: `user add NAME --role counsellor`"),
    "purge": ("handoff.retention", "delete or anonymise conversations older than the retention setting"),
}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handoff", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text)
        sub.set_defaults(module_name=module_name)
        try:
            importlib.import_module(module_name).add_arguments(sub)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            sub.set_defaults(unavailable=True)
    args = parser.parse_args(argv)
    if getattr(args, "unavailable", False):
        print(f"`{args.command}` is not available in this build.", file=sys.stderr)
        return 2
    return int(importlib.import_module(args.module_name).run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
