"""`python -m handoff user add|list|disable|enable|unlock|password`: console users from the command line.

Passwords are read with getpass (never echoed, never an argument, so they do
not end up in shell history or `ps`), or from standard input with
`--password-stdin` for scripts. Weak passwords are refused.
"""
from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

from handoff.auth.passwords import WeakPassword
from handoff.auth.users import ROLES, UserError, create_user, list_users, set_disabled, set_password, unlock
from handoff.db import make_engine, make_sessionmaker


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a user (asks for the password)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default="counsellor")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    actions.add_parser("list", help="list users, roles and state")
    for name, text in (("disable", "stop a user from logging in (ends their sessions)"),
                       ("enable", "allow a disabled user again"), ("unlock", "clear a lock-out")):
        sub = actions.add_parser(name, help=text)
        sub.add_argument("name")
    password = actions.add_parser("password", help="set a new password (ends the user's sessions)")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise UserError("the passwords differ")
    return first


async def _run(args: argparse.Namespace, url: str) -> str:
    engine = make_engine(url)
    sessionmaker = make_sessionmaker(engine)
    try:
        async with sessionmaker.begin() as session:
            if args.action == "add":
                user = await create_user(session, username=args.name, password=_read_password(args.password_stdin),
                                         role=args.role)
                return f"Added {user.username} ({user.role})."
            if args.action == "list":
                users = await list_users(session)
                lines = [f"{u.username:<24} {u.role:<11} {'disabled' if u.disabled_at else 'active'}"
                         + (" locked" if u.locked_until else "") for u in users]
                return "\n".join(lines) or "No users yet."
            if args.action in ("disable", "enable"):
                user = await set_disabled(session, username=args.name, disabled=args.action == "disable")
                return f"{user.username} is {'disabled' if user.disabled_at else 'enabled'}."
            if args.action == "unlock":
                return f"{(await unlock(session, username=args.name)).username} is unlocked."
            user = await set_password(session, username=args.name, password=_read_password(args.password_stdin))
            return f"New password set for {user.username}."
    finally:
        await engine.dispose()


def run(args: argparse.Namespace) -> int:
    import os

    from handoff.migrate import upgrade
    from handoff.settings import SettingsError, ensure_dev_secrets, load_settings

    if os.environ.get("NEUVO_ENV", "development") != "production" and not os.environ.get("NEUVO_HUB_SECRETS_FILE"):
        ensure_dev_secrets()  # as `serve` does: the settings need them, and this may be the first command run
    try:
        url = load_settings().database_url
    except SettingsError as problem:
        print(f"Cannot read the hub settings: {problem}", file=sys.stderr)
        return 2
    if url.startswith("sqlite"):
        from pathlib import Path

        Path(url.split("///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
    upgrade(url)
    try:
        print(asyncio.run(_run(args, url)))
    except (UserError, WeakPassword) as refused:
        print(f"Refused: {refused}.", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):
        print("Cancelled.", file=sys.stderr)
        return 1
    return 0
