"""Console users: create, list, disable, check credentials with lock-out.

No user or password is built in: the first admin is created from the command
line (`neuvo user add NAME --role admin`), and the hub says so at start.
"""
from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta, timezone
from typing import Optional

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handoff.auth import sessions
from handoff.auth.passwords import DUMMY_HASH, check_strength, hash_password, needs_rehash, verify_password
from handoff.models import Role, User, utcnow

ROLES = tuple(role.value for role in Role)
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class UserError(ValueError):
    """A user request that cannot be done (the message is safe to show)."""


class UserExists(UserError):
    pass


class UnknownUser(UserError):
    pass


class LoginRefused(Exception):
    """Base of the log-in refusals; routes map all of them to one vague answer."""


class BadCredentials(LoginRefused):
    pass


class LockedOut(LoginRefused):
    pass


def aware(moment: Optional[datetime]) -> Optional[datetime]:
    """SQLite returns naive datetimes; everything here is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def normalise_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME.match(name):
        raise UserError("a user name has 2-64 characters: a-z, 0-9, dot, dash, underscore")
    return name


async def create_user(session: AsyncSession, *, username: str, password: str, role: str) -> User:
    """Adds a user with an argon2 hash; refuses weak passwords, unknown roles and duplicates."""
    name = normalise_username(username)
    if role not in ROLES:
        raise UserError(f"the role must be one of {', '.join(ROLES)}")
    check_strength(password, username=name)
    if await session.scalar(select(User.id).where(User.username == name)) is not None:
        raise UserExists(f"user {name} exists already")
    user = User(username=name, password_hash=await asyncio.to_thread(hash_password, password), role=role)
    session.add(user)
    await session.flush()
    return user


async def get_user(session: AsyncSession, *, username: str) -> User:
    user = await session.scalar(select(User).where(User.username == (username or "").strip().lower()))
    if user is None:
        raise UnknownUser(f"no user {username!r}")
    return user


async def list_users(session: AsyncSession) -> list[User]:
    return list(await session.scalars(select(User).order_by(User.username)))


async def set_disabled(session: AsyncSession, *, username: str, disabled: bool) -> User:
    """Disabling ends the user's sessions at once and marks them away."""
    user = await get_user(session, username=username)
    user.disabled_at = utcnow() if disabled else None
    if disabled:
        user.available = False
        await sessions.revoke_all(session, user_id=user.id)
    await session.flush()
    return user


async def set_role(session: AsyncSession, *, username: str, role: str) -> User:
    if role not in ROLES:
        raise UserError(f"the role must be one of {', '.join(ROLES)}")
    user = await get_user(session, username=username)
    user.role = role
    await session.flush()
    return user


async def set_password(session: AsyncSession, *, username: str, password: str) -> User:
    user = await get_user(session, username=username)
    check_strength(password, username=user.username)
    user.password_hash = await asyncio.to_thread(hash_password, password)
    await sessions.revoke_all(session, user_id=user.id)
    await session.flush()
    return user


async def unlock(session: AsyncSession, *, username: str) -> User:
    user = await get_user(session, username=username)
    user.failed_logins, user.locked_until = 0, None
    await session.flush()
    return user


async def check_credentials(
    session: AsyncSession,
    *,
    username: str,
    password: str,
    max_failures: int,
    lockout_minutes: int,
    now: Optional[datetime] = None,
) -> User:
    """The user when the password is right and the account usable.

    Invariant: after `max_failures` consecutive failures the account is locked
    for `lockout_minutes`, and while locked even the right password is refused.
    The failure counter is advanced with one atomic UPDATE, so parallel guesses
    through two hub instances are all counted. Unknown users cost the same
    argon2 verification as known ones. The counter is written in the
    caller's transaction: catch LoginRefused inside `sessionmaker.begin()`
    so that the failure is committed, not rolled back.
    """
    now = now or utcnow()
    user = await session.scalar(select(User).where(User.username == (username or "").strip().lower()))
    # argon2 takes a good fraction of a second by design: off the event loop.
    if user is None or user.disabled_at is not None:
        await asyncio.to_thread(verify_password, DUMMY_HASH, password)
        raise BadCredentials()
    if aware(user.locked_until) and aware(user.locked_until) > now:
        raise LockedOut()
    if not await asyncio.to_thread(verify_password, user.password_hash, password):
        failures = await session.scalar(
            update(User).where(User.id == user.id)
            .values(failed_logins=User.failed_logins + 1).returning(User.failed_logins)
        )
        if failures >= max_failures:
            await session.execute(update(User).where(User.id == user.id).values(
                failed_logins=0, locked_until=now + timedelta(minutes=lockout_minutes)))
            raise LockedOut()
        raise BadCredentials()
    values: dict = {"failed_logins": 0, "locked_until": None}
    if needs_rehash(user.password_hash):
        values["password_hash"] = await asyncio.to_thread(hash_password, password)
    await session.execute(update(User).where(User.id == user.id).values(**values))
    return user


async def admin_exists(session: AsyncSession) -> bool:
    count = await session.scalar(
        select(func.count()).select_from(User)
        .where(User.role == Role.ADMIN.value, User.disabled_at.is_(None))
    )
    return bool(count)


FIRST_RUN_HINT = (
    "No console admin exists yet. Create the first one (you will be asked for a password):\n"
    "  .venv/bin/neuvo user add NAME --role admin\n"
    "or, in the hub environment:\n"
    "  .venv-hub/bin/python -m handoff user add NAME --role admin"
)


async def first_run_hint(sessionmaker: async_sessionmaker[AsyncSession]) -> Optional[str]:
    """What to print at start when nobody can administer the console; None otherwise."""
    async with sessionmaker() as session:
        return None if await admin_exists(session) else FIRST_RUN_HINT


def print_first_run_hint(database_url: str) -> None:
    """For `serve` before it starts serving: prints FIRST_RUN_HINT when no admin exists."""
    import asyncio

    from handoff.db import make_engine, make_sessionmaker

    async def check() -> Optional[str]:
        engine = make_engine(database_url)
        try:
            return await first_run_hint(make_sessionmaker(engine))
        finally:
            await engine.dispose()

    hint = asyncio.run(check())
    if hint:
        print(hint, flush=True)
